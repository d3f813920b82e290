#pragma once
// Questions front ends ask of the commitment graph, and what comes back.
#include <cstddef>
#include <string>
#include <vector>

#include "core/graph_views.h"
#include "core/link.h"

namespace nt::app {

struct PathStep {
  GraphNode node;
  std::string edge_type;     // of the edge from the previous step ("" for the first)
  bool edge_forward = true;  // the edge points from the previous step to this one
};

struct RankedNode {
  GraphNode node;
  double score = 0;
};

struct CentralityView {
  std::vector<RankedNode> ranked;
  bool sampled = false;
  std::size_t sources = 0;
};

struct ComponentView {
  std::size_t size = 0;
  std::vector<GraphNode> sample;  // up to 5 actors or, failing them, any nodes
};

struct SubgraphRequest {
  std::string ego;  // "KIND:REF"; "" = the whole graph
  int depth = 1;
  std::vector<EntityKind> kinds;  // empty = all
};

// A subgraph as front ends draw it: its nodes, and every edge between two of them; an edge's
// ends are positions in `nodes`.
struct GraphView {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

struct PositionedNode {
  GraphNode node;
  double x = 0;  // in [0, width] x [0, height] of the layout's options
  double y = 0;
};

}  // namespace nt::app
