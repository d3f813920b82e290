#include "graph/graph_export.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <cctype>
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

// XML 1.0 forbids most control characters even when escaped.
std::string Clean(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

// A DOT double-quoted string (the DOT grammar's ID): inside the quotes only \" is an escape of
// the grammar, and Graphviz reads a backslash before any other character as an escString escape
// (\n, \l, \N...). So a backslash is doubled (a title ending in \ cannot escape the closing
// quote, and \" in a title stays text), a quote is escaped, a newline becomes \n (Graphviz's
// line break) and other control characters a space: every value stays inside its quotes.
std::string DotString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out + "\"";
}

// A DOT ID: a plain identifier as it is (kind=actor, as Boost wrote it), anything else, and the
// grammar's keywords, as a DotString.
std::string DotId(std::string_view text) {
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  };
  bool identifier = !text.empty() && !(text.front() >= '0' && text.front() <= '9');
  for (char c : text) identifier = identifier && plain(c);
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view keyword : {"node", "edge", "graph", "digraph", "subgraph", "strict"}) {
    if (lower == keyword) identifier = false;
  }
  return identifier ? std::string(text) : DotString(text);
}

// DOT is written by hand: Boost's write_graphviz_dp escapes quotes but not backslashes.
std::string WriteDot(const ExportGraph& g) {
  std::ostringstream out;
  out << "digraph G {\n";
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const ExportNode& n = g[*it];
    out << n.node_id << " [kind=" << DotId(n.kind) << ", entity_id=" << n.entity_id
        << ", label=" << DotId(n.label) << ", date=" << DotId(n.date)
        << ", detail=" << DotId(n.detail) << "];\n";
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const ExportEdge& e = g[*it];
    out << g[boost::source(*it, g)].node_id << "->" << g[boost::target(*it, g)].node_id
        << " [type=" << DotId(e.type) << ", origin=" << DotId(e.origin)
        << ", confidence=" << e.confidence << "];\n";
  }
  out << "}\n";
  return out.str();
}

// The node texts as they are for DOT (DotString escapes them), cleaned for GraphML.
enum class TextFor { kDot, kGraphMl };

ExportGraph ToExportGraph(const CommitmentGraph& graph, const Subgraph& subgraph,
                          TextFor text_for) {
  auto text = [&](const std::string& value) {
    return text_for == TextFor::kDot ? value : Clean(value);
  };
  ExportGraph out;
  std::unordered_map<NodeIndex, std::size_t> position;
  for (NodeIndex n : subgraph.nodes) {
    const NodeInfo& info = graph.node(n);
    position.emplace(
        n, boost::add_vertex(
               ExportNode{std::string(ToString(info.ref.kind)) + "_" + std::to_string(info.ref.id),
                          std::string(ToString(info.ref.kind)), static_cast<long>(info.ref.id),
                          text(info.label), text(info.date), text(info.detail)},
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
boost::dynamic_properties Properties(Graph& g) {
  boost::dynamic_properties dp;
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
  return WriteDot(ToExportGraph(graph, subgraph, TextFor::kDot));
}

std::string ToGraphMl(const CommitmentGraph& graph, const Subgraph& subgraph) {
  ExportGraph g = ToExportGraph(graph, subgraph, TextFor::kGraphMl);
  boost::dynamic_properties dp = Properties(g);
  std::ostringstream out;
  boost::write_graphml(out, g, dp, /*ordered_vertices=*/true);
  return out.str();
}

Result<GraphMlSummary> ReadGraphMl(std::string_view text) {
  ExportGraph g;
  boost::dynamic_properties dp = Properties(g);
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
