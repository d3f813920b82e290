#include "graph/graph_analysis.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <deque>
#include <random>
#include <unordered_map>

#include "graph/graph_internals.h"

namespace nt::graph {
namespace {

using Vertex = boost::graph_traits<Csr>::vertex_descriptor;
constexpr std::uint32_t kUnvisited = std::numeric_limits<std::uint32_t>::max();

// Records each vertex's BFS parent; stops nothing (BGL visits the whole component).
class ParentRecorder : public boost::default_bfs_visitor {
 public:
  explicit ParentRecorder(std::vector<std::uint32_t>& parent) : parent_(parent) {}
  template <typename Edge, typename Graph>
  void tree_edge(Edge e, const Graph& g) const {
    parent_[boost::target(e, g)] = static_cast<std::uint32_t>(boost::source(e, g));
  }

 private:
  std::vector<std::uint32_t>& parent_;
};

// A bounded breadth-first walk that touches only what it reaches (no O(V) initialisation),
// so a 2-hop expansion costs the size of the neighbourhood, not of the graph.
template <typename Accept>
std::unordered_map<NodeIndex, int> BoundedWalk(const Csr& csr, NodeIndex center, int depth,
                                               Accept accept) {
  std::unordered_map<NodeIndex, int> seen{{center, 0}};
  std::vector<NodeIndex> frontier{center};
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    std::vector<NodeIndex> next;
    for (NodeIndex v : frontier) {
      for (auto [it, end] = boost::adjacent_vertices(static_cast<Vertex>(v), csr); it != end;
           ++it) {
        NodeIndex w = *it;
        if (!accept(w) || seen.contains(w)) continue;
        seen.emplace(w, level);
        next.push_back(w);
      }
    }
    frontier = std::move(next);
  }
  return seen;
}

}  // namespace

std::vector<int> Distances(const CommitmentGraph& graph, NodeIndex from) {
  const Csr& csr = graph.impl().csr;
  std::vector<int> distance(boost::num_vertices(csr), -1);
  std::vector<std::uint32_t> parent(boost::num_vertices(csr), kUnvisited);
  parent[from] = static_cast<std::uint32_t>(from);
  boost::breadth_first_search(csr, static_cast<Vertex>(from),
                              boost::visitor(ParentRecorder(parent)));
  // Parents precede children in BFS discovery; a second pass in discovery order is not
  // available, so resolve distances by walking parents with memoisation.
  distance[from] = 0;
  std::vector<std::uint32_t> chain;
  for (std::size_t v = 0; v < distance.size(); ++v) {
    if (parent[v] == kUnvisited || distance[v] >= 0) continue;
    std::uint32_t u = static_cast<std::uint32_t>(v);
    while (distance[u] < 0) {
      chain.push_back(u);
      u = parent[u];
    }
    int d = distance[u];
    while (!chain.empty()) {
      distance[chain.back()] = ++d;
      chain.pop_back();
    }
  }
  return distance;
}

std::vector<NodeIndex> ShortestPath(const CommitmentGraph& graph, NodeIndex from, NodeIndex to) {
  const Csr& csr = graph.impl().csr;
  std::vector<std::uint32_t> parent(boost::num_vertices(csr), kUnvisited);
  parent[from] = static_cast<std::uint32_t>(from);
  boost::breadth_first_search(csr, static_cast<Vertex>(from),
                              boost::visitor(ParentRecorder(parent)));
  if (parent[to] == kUnvisited) return {};
  std::vector<NodeIndex> path{to};
  for (NodeIndex v = to; v != from; v = parent[v]) path.push_back(parent[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<NodeIndex> Neighbourhood(const CommitmentGraph& graph, NodeIndex center, int depth) {
  auto seen = BoundedWalk(graph.impl().csr, center, depth, [](NodeIndex) { return true; });
  std::vector<NodeIndex> nodes;
  nodes.reserve(seen.size());
  for (const auto& [node, level] : seen) nodes.push_back(node);
  std::sort(nodes.begin(), nodes.end());
  return nodes;
}

std::vector<Component> Components(const CommitmentGraph& graph) {
  const Csr& csr = graph.impl().csr;
  std::vector<std::uint32_t> component(boost::num_vertices(csr), 0);
  // The CSR copy holds every edge both ways, so components of the directed form are the
  // undirected components.
  std::size_t count = boost::connected_components(
      csr,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, csr)));
  std::vector<Component> components(count);
  for (std::size_t v = 0; v < component.size(); ++v) components[component[v]].nodes.push_back(v);
  std::stable_sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
    if (a.nodes.size() != b.nodes.size()) return a.nodes.size() > b.nodes.size();
    return a.nodes.front() < b.nodes.front();
  });
  return components;
}

Subgraph Ego(const CommitmentGraph& graph, NodeIndex center, int depth,
             const std::vector<EntityKind>& kinds) {
  auto seen = BoundedWalk(graph.impl().csr, center, depth, [&](NodeIndex n) {
    return kinds.empty() ||
           std::find(kinds.begin(), kinds.end(), graph.node(n).ref.kind) != kinds.end();
  });
  Subgraph ego;
  for (const auto& [node, level] : seen) ego.nodes.push_back(node);
  std::sort(ego.nodes.begin(), ego.nodes.end());
  return ego;
}

Result<CentralityResult> Betweenness(const CommitmentGraph& graph, EntityKind kind,
                                     const CentralityOptions& options) {
  const Csr& csr = graph.impl().csr;
  const std::size_t n = boost::num_vertices(csr);
  std::vector<double> centrality(n, 0.0);
  CentralityResult result;
  if (n <= options.exact_limit) {
    if (options.cancel.IsCancelled())
      return Fail(ErrorCode::kCancelled, "Centrality was cancelled.");
    boost::brandes_betweenness_centrality(
        csr, boost::make_iterator_property_map(centrality.begin(),
                                               boost::get(boost::vertex_index, csr)));
    result.sources = n;
  } else {
    // Sampled Brandes (Brandes & Pich 2007): single-source dependencies from k random sources,
    // scaled by n/k. Each source is one BFS, so cancellation is checked often.
    result.sampled = true;
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    const std::size_t k = std::min(options.samples, n);
    std::vector<int> dist(n, -1);
    std::vector<double> sigma(n, 0.0), delta(n, 0.0);
    std::vector<std::uint32_t> order;
    order.reserve(n);
    for (std::size_t i = 0; i < k; ++i) {
      if (options.cancel.IsCancelled()) {
        return Fail(ErrorCode::kCancelled, "Centrality was cancelled.");
      }
      if (options.progress) options.progress(ProgressUpdate{i, k, "centrality"});
      const std::uint32_t s = static_cast<std::uint32_t>(pick(random));
      order.clear();
      dist[s] = 0;
      sigma[s] = 1;
      std::size_t head = 0;
      order.push_back(s);
      while (head < order.size()) {
        std::uint32_t v = order[head++];
        for (auto [it, end] = boost::adjacent_vertices(v, csr); it != end; ++it) {
          std::uint32_t w = *it;
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            order.push_back(w);
          }
          if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
        }
      }
      for (auto it = order.rbegin(); it != order.rend(); ++it) {
        std::uint32_t w = *it;
        for (auto [a, end] = boost::adjacent_vertices(w, csr); a != end; ++a) {
          std::uint32_t v = *a;
          if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        }
        if (w != s) centrality[w] += delta[w];
      }
      for (std::uint32_t v : order) {
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
      }
    }
    const double scale = static_cast<double>(n) / static_cast<double>(k);
    for (double& c : centrality) c *= scale;
    result.sources = k;
  }
  for (NodeIndex v = 0; v < n; ++v) {
    if (graph.node(v).ref.kind != kind) continue;
    // Edges are held both ways, so every unordered pair was counted twice.
    result.scores.push_back({v, centrality[v] / 2.0});
  }
  std::stable_sort(result.scores.begin(), result.scores.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return result;
}

}  // namespace nt::graph
