#pragma once
// Internal to src/graph: the Boost.Graph types behind CommitmentGraph. Never included by a
// public header.

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <unordered_map>

#include "graph/commitment_graph.h"

namespace nt::graph {

struct EdgeProps {
  std::string type;
  Origin origin = Origin::kExtracted;
  double confidence = 1.0;
};

// The model: bidirectional so queries walk in-edges (who follows up this commitment?).
using Model =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeInfo, EdgeProps>;
// The analysis copy: every edge in both directions, in compressed sparse row form.
using Csr =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

inline std::uint64_t EntityKey(const EntityRef& ref) {
  return (static_cast<std::uint64_t>(ref.kind) << 56) ^ static_cast<std::uint64_t>(ref.id);
}

struct CommitmentGraph::Impl {
  Model model;
  Csr csr;
  std::unordered_map<std::uint64_t, NodeIndex> index;
  int skipped_links = 0;
};

}  // namespace nt::graph
