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
#include "core/link.h"
#include "store/graph_snapshot.h"

namespace nt::graph {

using NodeIndex = std::size_t;

// Edge types the graph derives from the data model (stored links keep their own types).
inline constexpr std::string_view kMadeIn = "made_in";          // commitment -> document
inline constexpr std::string_view kReportsOn = "reports_on";    // document -> round
inline constexpr std::string_view kInDialogue = "in_dialogue";  // document -> dialogue (no round)
inline constexpr std::string_view kRoundOf = "round_of";        // round -> dialogue
inline constexpr std::string_view kPartOf = "part_of";          // actor -> parent actor
inline constexpr std::string_view kFollowsUp = "follows_up";    // follow-up -> commitment
inline constexpr std::string_view kOwnedBy = "owned_by";        // follow-up -> actor
// commitment -> actor edges are typed by the actor's role: "subject", "counterpart", "addressee".

struct NodeInfo {
  EntityRef ref;
  std::string label;     // display name: actor name, document title, "7(1) will", "13(f)"
  std::string date;      // document date, round start, commitment's document date, follow-up due
  std::string detail;    // commitment type, follow-up status, actor kind, norm title, round place
  int round_number = 0;  // rounds: their number (0 = unnumbered)
  std::string text;      // commitments: the whole clause (the label holds its start)
};

struct EdgeInfo {
  NodeIndex source = 0;
  NodeIndex target = 0;
  std::string type;
  Origin origin = Origin::kExtracted;  // derived edges are "extracted"
  double confidence = 1.0;
};

// A set of nodes; the subgraph is every edge between two of them.
struct Subgraph {
  std::vector<NodeIndex> nodes;  // sorted, unique
};

struct OpenCommitment {
  CommitmentId id;
  DocumentId document_id;
  std::string document_title;
  std::string paragraph_label;
  std::string type;
  std::string text;
  std::vector<std::string> actors;     // subjects
  std::vector<FollowUpId> follow_ups;  // none, or none of them done
};

struct OverdueFollowUp {
  FollowUpId id;
  std::string title;
  std::string due_date;
  FollowUpStatus status = FollowUpStatus::kPlanned;
  std::string owner;  // "" when none
  std::vector<CommitmentId> commitments;
};

struct ActorCommitment {
  CommitmentId id;
  ActorRole role = ActorRole::kSubject;
  std::string dialogue;  // "" when the document belongs to none
  int round = 0;         // 0 = none or unnumbered
  DocumentId document_id;
  std::string document_title;
  std::string date;
  std::string paragraph_label;
  std::string type;
  std::string text;
};

struct LineageStep {
  CommitmentId id;
  std::string dialogue;
  int round = 0;
  std::string document_title;
  std::string date;
  std::string paragraph_label;
  std::string text;
  std::vector<std::pair<FollowUpId, FollowUpStatus>> follow_ups;
};

struct NormsMatrix {
  std::vector<std::string> actors;       // rows, by name
  std::vector<std::string> norm_codes;   // columns, catalogue order
  std::vector<std::vector<int>> counts;  // [actor][norm]: commitments naming the actor that
                                         // relate to the norm
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
