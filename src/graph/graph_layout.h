#pragma once
// Node positions for drawing a subgraph (the GUI's graph view), from Boost.Graph's
// Fruchterman-Reingold or Kamada-Kawai layouts. Stable: the same graph and subgraph give the
// same positions (fixed seed, deterministic iteration order).

#include <vector>

#include "graph/commitment_graph.h"

namespace nt::graph {

using LayoutAlgorithm = nt::GraphLayoutAlgorithm;
using LayoutOptions = nt::GraphLayoutOptions;

struct NodePosition {
  NodeIndex node = 0;
  double x = 0;  // in [0, width] x [0, height]
  double y = 0;
};

// Positions of the nodes of `subgraph`, in its node order. Kamada-Kawai needs a connected
// graph: it is applied per component, components placed side by side.
std::vector<NodePosition> Layout(const CommitmentGraph& graph, const Subgraph& subgraph,
                                 const LayoutOptions& options = {});

}  // namespace nt::graph
