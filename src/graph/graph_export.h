#pragma once
// GraphViz DOT and GraphML of a (sub)graph, which Gephi, yEd and Graphviz open. Node and edge
// attributes: kind, entity id, label, date, detail; edge type, origin, confidence.

#include <string>
#include <string_view>

#include "core/error.h"
#include "graph/commitment_graph.h"

namespace nt::graph {

using ExportFormat = nt::GraphExportFormat;

std::string ToDot(const CommitmentGraph& graph, const Subgraph& subgraph);
std::string ToGraphMl(const CommitmentGraph& graph, const Subgraph& subgraph);

struct GraphMlSummary {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::vector<std::string> labels;  // node labels in file order
  std::vector<std::string> edge_types;
};

// Reads GraphML (as ToGraphMl writes it) with Boost's reader: the round-trip check.
// Errors: kParse with the reader's message.
[[nodiscard]] Result<GraphMlSummary> ReadGraphMl(std::string_view text);

}  // namespace nt::graph
