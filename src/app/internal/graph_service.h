#pragma once
// The commitment graph for front ends: resolves what users type (dialogue names, actor names,
// KIND:REF) and answers graph queries. The graph is built from the store on first use and
// rebuilt when the database changed since (by this Library or another process), so edits made
// through FollowUpService, LinkService or an import show at the next query.
// Thread-safety: as the Library (one thread at a time). A background centrality job takes
// Graph() once and works on that immutable graph.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/graph_queries.h"
#include "app/internal/library.h"
#include "graph/commitment_graph.h"
#include "graph/graph_analysis.h"
#include "graph/graph_export.h"
#include "graph/graph_layout.h"

namespace nt::app {

class GraphService {
 public:
  explicit GraphService(Library& library);
  ~GraphService();

  // The current graph, rebuilt when the database changed.
  [[nodiscard]] Result<std::shared_ptr<const graph::CommitmentGraph>> Graph();

  // Errors: kNotFound for an unknown dialogue or round, kAmbiguous.
  [[nodiscard]] Result<std::vector<graph::OpenCommitment>> OpenCommitments(
      std::string_view dialogue, int round);
  // `today` "" = the current UTC date.
  [[nodiscard]] Result<std::vector<graph::OverdueFollowUp>> Overdue(std::string today = "");
  [[nodiscard]] Result<std::vector<graph::ActorCommitment>> ActorCommitments(
      std::string_view actor);
  [[nodiscard]] Result<std::vector<graph::LineageStep>> Lineage(std::int64_t commitment);
  [[nodiscard]] Result<graph::NormsMatrix> NormsCoverage();
  // The shortest connection between two actors; empty when they are not connected.
  [[nodiscard]] Result<std::vector<PathStep>> Path(std::string_view from, std::string_view to);
  [[nodiscard]] Result<CentralityView> Central(std::size_t limit,
                                               const graph::CentralityOptions& options = {});
  [[nodiscard]] Result<std::vector<ComponentView>> Components();
  [[nodiscard]] Result<graph::Subgraph> Subgraph(const SubgraphRequest& request);
  // The subgraph with its nodes and edges, as front ends draw it.
  [[nodiscard]] Result<GraphView> View(const SubgraphRequest& request);
  [[nodiscard]] Result<std::string> Export(graph::ExportFormat format,
                                           const SubgraphRequest& request);
  [[nodiscard]] Result<std::vector<PositionedNode>> Layout(
      const SubgraphRequest& request, const graph::LayoutOptions& options = {});

 private:
  [[nodiscard]] Result<graph::NodeIndex> NodeOf(std::string_view reference);

  Library& library_;
  std::shared_ptr<const graph::CommitmentGraph> graph_;
  std::int64_t stamp_ = -1;
};

}  // namespace nt::app
