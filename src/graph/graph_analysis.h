#pragma once
// Analyses over a CommitmentGraph, with edges taken as undirected (invariant 3): shortest
// connections, connected components, ego networks, neighbourhoods and betweenness centrality.
// Run on a compressed sparse row copy of the graph built once with it.
// Thread-safety: pure functions of an immutable graph; call from any thread.

#include <optional>
#include <vector>

#include "core/error.h"
#include "core/progress.h"
#include "graph/commitment_graph.h"

namespace nt::graph {

// The nodes of a shortest path from `from` to `to`, both included; empty when none.
std::vector<NodeIndex> ShortestPath(const CommitmentGraph& graph, NodeIndex from, NodeIndex to);

// Hop distances from `from` to every node (-1 when unreachable), by breadth-first search.
std::vector<int> Distances(const CommitmentGraph& graph, NodeIndex from);

// Nodes within `depth` hops of `center` (center included), sorted.
std::vector<NodeIndex> Neighbourhood(const CommitmentGraph& graph, NodeIndex center, int depth);

struct Component {
  std::vector<NodeIndex> nodes;  // sorted
};
// Connected components, largest first (ties by smallest node).
std::vector<Component> Components(const CommitmentGraph& graph);

// The ego network of `center` to `depth` hops. With `kinds`, only nodes of those kinds are
// reached and walked through (the center is always included).
Subgraph Ego(const CommitmentGraph& graph, NodeIndex center, int depth,
             const std::vector<EntityKind>& kinds = {});

struct CentralityOptions {
  // Exact Brandes betweenness up to this many nodes; above it, sampled from `samples`
  // sources (chosen with a fixed seed, so results are stable) and scaled up.
  std::size_t exact_limit = 20000;
  std::size_t samples = 256;
  CancellationToken cancel;   // checked between sources
  ProgressCallback progress;  // per source, on the calling thread
};

struct CentralityScore {
  NodeIndex node = 0;
  double score = 0;
};

struct CentralityResult {
  std::vector<CentralityScore> scores;  // of `kind` nodes, highest first
  bool sampled = false;
  std::size_t sources = 0;  // sources used (all nodes when exact)
};

// Betweenness centrality of the nodes of `kind` (actors for "who connects whom").
// Errors: kCancelled when the token is cancelled.
[[nodiscard]] Result<CentralityResult> Betweenness(const CommitmentGraph& graph, EntityKind kind,
                                                   const CentralityOptions& options = {});

}  // namespace nt::graph
