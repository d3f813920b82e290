#include "graph/graph_layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <unordered_map>

#include "graph/graph_internals.h"

namespace nt::graph {
namespace {

struct Spring {
  double weight = 1.0;
};
// Undirected, with an index per vertex: what both layouts expect. setS for edges collapses
// parallel links (two links between the same nodes pull once).
using LayoutGraph =
    boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS, boost::no_property, Spring>;
using Topology = boost::square_topology<boost::minstd_rand>;
using Point = Topology::point_type;

LayoutGraph ToLayoutGraph(const CommitmentGraph& graph, const Subgraph& subgraph) {
  LayoutGraph g(subgraph.nodes.size());
  std::unordered_map<NodeIndex, std::size_t> position;
  for (std::size_t i = 0; i < subgraph.nodes.size(); ++i) position.emplace(subgraph.nodes[i], i);
  for (const EdgeInfo& edge : graph.EdgesWithin(subgraph)) {
    std::size_t a = position[edge.source], b = position[edge.target];
    if (a != b) boost::add_edge(a, b, Spring{}, g);
  }
  return g;
}

std::vector<Point> FruchtermanReingold(const LayoutGraph& g, const LayoutOptions& options) {
  boost::minstd_rand random(options.seed);
  Topology topology(random, std::max(options.width, options.height) / 2);
  std::vector<Point> points(boost::num_vertices(g));
  auto map = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, map, topology);
  boost::fruchterman_reingold_force_directed_layout(
      g, map, topology, boost::cooling(boost::linear_cooling<double>(200)));
  return points;
}

// Kamada-Kawai per component (it needs a connected graph), each laid on a circle first.
std::vector<Point> KamadaKawai(const LayoutGraph& g, const LayoutOptions&) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<Point> points(n);
  std::vector<std::size_t> component(n);
  std::size_t count = boost::connected_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  const std::size_t columns = static_cast<std::size_t>(std::ceil(std::sqrt(double(count))));
  for (std::size_t c = 0; c < count; ++c) {
    std::vector<std::size_t> members;
    for (std::size_t v = 0; v < n; ++v) {
      if (component[v] == c) members.push_back(v);
    }
    LayoutGraph part(members.size());
    std::unordered_map<std::size_t, std::size_t> local;
    for (std::size_t i = 0; i < members.size(); ++i) local.emplace(members[i], i);
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      auto s = boost::source(*it, g), t = boost::target(*it, g);
      if (component[s] == c) boost::add_edge(local[s], local[t], Spring{}, part);
    }
    using SimplePoint = boost::convex_topology<2>::point;
    std::vector<SimplePoint> local_points(members.size());
    auto map = boost::make_iterator_property_map(local_points.begin(),
                                                 boost::get(boost::vertex_index, part));
    if (members.size() > 1) {
      boost::circle_graph_layout(part, map, 50.0);
      boost::kamada_kawai_spring_layout(part, map, boost::get(&Spring::weight, part),
                                        boost::square_topology<>(50.0), boost::edge_length(10.0));
    }
    const double cell_x = double(c % columns) * 200.0, cell_y = double(c / columns) * 200.0;
    for (std::size_t i = 0; i < members.size(); ++i) {
      points[members[i]][0] = local_points[i][0] + cell_x;
      points[members[i]][1] = local_points[i][1] + cell_y;
    }
  }
  return points;
}

}  // namespace

std::vector<NodePosition> Layout(const CommitmentGraph& graph, const Subgraph& subgraph,
                                 const LayoutOptions& options) {
  std::vector<NodePosition> positions;
  if (subgraph.nodes.empty()) return positions;
  LayoutGraph g = ToLayoutGraph(graph, subgraph);
  std::vector<Point> points = options.algorithm == LayoutAlgorithm::kKamadaKawai
                                  ? KamadaKawai(g, options)
                                  : FruchtermanReingold(g, options);
  // Scale into the requested box, keeping the aspect.
  double min_x = points[0][0], max_x = min_x, min_y = points[0][1], max_y = min_y;
  for (const Point& p : points) {
    min_x = std::min(min_x, p[0]);
    max_x = std::max(max_x, p[0]);
    min_y = std::min(min_y, p[1]);
    max_y = std::max(max_y, p[1]);
  }
  const double span = std::max({max_x - min_x, max_y - min_y, 1e-9});
  const double scale = std::min(options.width, options.height) / span;
  for (std::size_t i = 0; i < points.size(); ++i) {
    positions.push_back(
        {subgraph.nodes[i], (points[i][0] - min_x) * scale, (points[i][1] - min_y) * scale});
  }
  return positions;
}

}  // namespace nt::graph
