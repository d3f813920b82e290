#pragma once
// The commitment graph: documents, commitments, actors, dialogues, rounds, norms and follow-ups
// as nodes; who is bound by what, where it was said, what follows up what, and every stored
// link as directed, typed edges. Derived from the store (a GraphSnapshot) and rebuilt, never
// edited: the store stays the source of truth.
//
// Invariants (tests cite them):
//  1. One node per stored entity of the seven node kinds; NodeIndex values are dense
//     (0..NodeCount()-1) and stable for the same snapshot (nodes are added in kind, id order).
//  2. Every edge joins two nodes; a link whose end is not a node (a paragraph, a dangling id)
//     is skipped and counted in skipped_links().
//  3. Analyses (paths, components, centrality, ego networks) treat edges as undirected.
//
// Boost.Graph stays inside src/graph/*.cpp: this header has no Boost type.
// Thread-safety: immutable after Build; any number of threads may query one graph.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/follow_up.h"
#include "core/graph_views.h"
#include "core/link.h"
#include "store/graph_snapshot.h"

namespace nt::graph {

// The vocabulary shared with the application (core/graph_views.h), under the names the graph
// code and its tests use.
using NodeIndex = nt::GraphNodeIndex;
using NodeInfo = nt::GraphNode;
using EdgeInfo = nt::GraphEdge;
using nt::ActorCommitment;
using nt::kFollowsUp;
using nt::kInDialogue;
using nt::kMadeIn;
using nt::kOwnedBy;
using nt::kPartOf;
using nt::kReportsOn;
using nt::kRoundOf;
using nt::LineageStep;
using nt::NormsMatrix;
using nt::OpenCommitment;
using nt::OverdueFollowUp;

// A set of nodes; the subgraph is every edge between two of them.
struct Subgraph {
  std::vector<NodeIndex> nodes;  // sorted, unique
};

class CommitmentGraph {
 public:
  CommitmentGraph();
  ~CommitmentGraph();
  CommitmentGraph(CommitmentGraph&&) noexcept;
  CommitmentGraph& operator=(CommitmentGraph&&) noexcept;

  // Builds the graph from a snapshot: O(nodes + edges).
  [[nodiscard]] static CommitmentGraph Build(const store::GraphSnapshot& snapshot);

  std::size_t NodeCount() const;
  std::size_t EdgeCount() const;
  int skipped_links() const;

  std::optional<NodeIndex> Find(const EntityRef& ref) const;
  const NodeInfo& node(NodeIndex index) const;
  std::vector<EdgeInfo> OutEdges(NodeIndex index) const;
  std::vector<EdgeInfo> InEdges(NodeIndex index) const;
  // Every edge between two nodes of `subgraph`, in a stable order.
  std::vector<EdgeInfo> EdgesWithin(const Subgraph& subgraph) const;
  Subgraph All() const;
  // Nodes of the given kinds (all kinds when empty).
  Subgraph OfKinds(const std::vector<EntityKind>& kinds) const;

  // Commitments made in documents of `round` that call for action (not recognitions or
  // welcomes) with no follow-up, or none done; in document then paragraph order.
  std::vector<OpenCommitment> OpenCommitments(RoundId round) const;
  // Follow-ups due before `today` (ISO date) and neither done nor dropped, by due date.
  std::vector<OverdueFollowUp> Overdue(std::string_view today) const;
  // Every commitment naming the actor in any role, across all dialogues, by date.
  std::vector<ActorCommitment> ActorCommitments(ActorId actor) const;
  // The commitment and every commitment joined to it by "continues" links (transitively, in
  // both directions), oldest first.
  std::vector<LineageStep> Lineage(CommitmentId commitment) const;
  // Actors x norms through commitments' "relates_to_norm" links; actors with no norm left out.
  NormsMatrix NormsCoverage() const;

  // Internal: for src/graph only.
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace nt::graph
