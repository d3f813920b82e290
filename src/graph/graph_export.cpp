#include "graph/graph_export.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <sstream>
#include <unordered_map>

#include "graph/graph_internals.h"

namespace nt::graph {
namespace {

// One flat record per node and edge: what the file carries.
struct ExportNode {
  std::string node_id;  // "actor_5": stable across exports of the same data
  std::string kind;
  long entity_id = 0;
  std::string label;
  std::string date;
  std::string detail;
};

struct ExportEdge {
  std::string type;
  std::string origin;
  double confidence = 1.0;
};

using ExportGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ExportNode, ExportEdge>;

// XML 1.0 forbids most control characters even when escaped; DOT lines must not break.
std::string Clean(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

ExportGraph ToExportGraph(const CommitmentGraph& graph, const Subgraph& subgraph) {
  ExportGraph out;
  std::unordered_map<NodeIndex, std::size_t> position;
  for (NodeIndex n : subgraph.nodes) {
    const NodeInfo& info = graph.node(n);
    position.emplace(
        n, boost::add_vertex(
               ExportNode{std::string(ToString(info.ref.kind)) + "_" + std::to_string(info.ref.id),
                          std::string(ToString(info.ref.kind)), static_cast<long>(info.ref.id),
                          Clean(info.label), Clean(info.date), Clean(info.detail)},
               out));
  }
  for (const EdgeInfo& edge : graph.EdgesWithin(subgraph)) {
    boost::add_edge(position[edge.source], position[edge.target],
                    ExportEdge{edge.type, std::string(ToString(edge.origin)), edge.confidence},
                    out);
  }
  return out;
}

template <typename Graph>
boost::dynamic_properties Properties(Graph& g, bool with_node_id) {
  boost::dynamic_properties dp;
  if (with_node_id) dp.property("node_id", boost::get(&ExportNode::node_id, g));
  dp.property("kind", boost::get(&ExportNode::kind, g));
  dp.property("entity_id", boost::get(&ExportNode::entity_id, g));
  dp.property("label", boost::get(&ExportNode::label, g));
  dp.property("date", boost::get(&ExportNode::date, g));
  dp.property("detail", boost::get(&ExportNode::detail, g));
  dp.property("type", boost::get(&ExportEdge::type, g));
  dp.property("origin", boost::get(&ExportEdge::origin, g));
  dp.property("confidence", boost::get(&ExportEdge::confidence, g));
  return dp;
}

}  // namespace

std::string ToDot(const CommitmentGraph& graph, const Subgraph& subgraph) {
  ExportGraph g = ToExportGraph(graph, subgraph);
  boost::dynamic_properties dp = Properties(g, true);
  std::ostringstream out;
  boost::write_graphviz_dp(out, g, dp, "node_id");
  return out.str();
}

std::string ToGraphMl(const CommitmentGraph& graph, const Subgraph& subgraph) {
  ExportGraph g = ToExportGraph(graph, subgraph);
  boost::dynamic_properties dp = Properties(g, false);
  std::ostringstream out;
  boost::write_graphml(out, g, dp, /*ordered_vertices=*/true);
  return out.str();
}

Result<GraphMlSummary> ReadGraphMl(std::string_view text) {
  ExportGraph g;
  boost::dynamic_properties dp = Properties(g, false);
  std::istringstream in{std::string(text)};
  try {
    boost::read_graphml(in, g, dp);
  } catch (const std::exception& error) {
    // Boost's parse_error and property_tree errors: turned into an Error at this edge.
    return Fail(ErrorCode::kParse, std::string("The GraphML could not be read: ") + error.what());
  }
  GraphMlSummary summary;
  summary.nodes = boost::num_vertices(g);
  summary.edges = boost::num_edges(g);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) summary.labels.push_back(g[*it].label);
  for (auto [it, end] = boost::edges(g); it != end; ++it) summary.edge_types.push_back(g[*it].type);
  return summary;
}

}  // namespace nt::graph
