// Graph benchmark (issue 5, item 9): NormTrack's graph against bare Boost.Graph on the same
// synthetic graph in the same run, at 100k and 1M edges; rebuild from SQLite; sampled,
// cancellable centrality. Not run by ctest:
//   ninja -C build graph_bench && build/tests/graph/graph_bench [edges...]

#include <sqlite3.h>

#include <atomic>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "graph/commitment_graph.h"
#include "graph/graph_analysis.h"
#include "store/database.h"
#include "store/graph_snapshot.h"

using namespace nt;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// Per commitment: made_in, subject, counterpart and (for most) a "continues" link: ~4 edges.
store::GraphSnapshot Synthetic(std::size_t edges) {
  store::GraphSnapshot s;
  const std::size_t commitments = edges / 4;
  const std::size_t documents = std::max<std::size_t>(10, commitments / 25);
  const std::size_t actors = std::max<std::size_t>(100, commitments / 50);
  std::mt19937_64 random(1);
  for (std::size_t i = 1; i <= documents; ++i) {
    s.documents.push_back({DocumentId(i), "document " + std::to_string(i), "", "2017-01-01",
                           DialogueId(), RoundId()});
  }
  for (std::size_t i = 1; i <= actors; ++i) {
    s.actors.push_back({ActorId(i), "actor " + std::to_string(i), ActorKind::kState, ActorId()});
  }
  for (std::size_t i = 1; i <= commitments; ++i) {
    s.commitments.push_back({CommitmentId(i), DocumentId(1 + random() % documents), "1",
                             "will cooperate", CommitmentType::kPledge, ""});
    s.commitment_actors.push_back(
        {CommitmentId(i), ActorId(1 + random() % actors), ActorRole::kSubject});
    s.commitment_actors.push_back(
        {CommitmentId(i), ActorId(1 + random() % actors), ActorRole::kCounterpart});
    if (i > 1) {
      s.links.push_back(
          {LinkId(i),
           {EntityKind::kCommitment, static_cast<std::int64_t>(i)},
           {EntityKind::kCommitment, static_cast<std::int64_t>(1 + random() % (i - 1))},
           "continues",
           Origin::kExtracted,
           0.8});
    }
  }
  return s;
}

using Bare = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// The same edges as the NormTrack graph, in a bare undirected BGL graph.
Bare ToBare(const graph::CommitmentGraph& g) {
  Bare bare(g.NodeCount());
  for (graph::NodeIndex n = 0; n < g.NodeCount(); ++n) {
    for (const auto& e : g.OutEdges(n)) boost::add_edge(e.source, e.target, bare);
  }
  return bare;
}

std::vector<std::size_t> BareTwoHop(const Bare& g, std::size_t center) {
  std::vector<std::size_t> seen{center};
  for (auto [a, a_end] = boost::adjacent_vertices(center, g); a != a_end; ++a) {
    seen.push_back(*a);
    for (auto [b, b_end] = boost::adjacent_vertices(*a, g); b != b_end; ++b) seen.push_back(*b);
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  return seen;
}

std::vector<int> BareDistances(const Bare& g, std::size_t from) {
  std::vector<int> distance(boost::num_vertices(g), 0);
  boost::breadth_first_search(
      g, from,
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(
          boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, g)),
          boost::on_tree_edge()))));
  return distance;
}

// Writes the snapshot into a fresh NormTrack database with plain SQL (the bench's own setup;
// the product writes through the repositories).
void WriteDatabase(const std::filesystem::path& path, const store::GraphSnapshot& s) {
  {
    auto db = store::Database::Open(path, {.create_if_missing = true});
    if (!db) std::abort();
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.string().c_str(), &db);
  sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN", nullptr, nullptr, nullptr);
  auto run = [&](const char* sql, auto bind, std::size_t count) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    for (std::size_t i = 0; i < count; ++i) {
      bind(stmt, i);
      if (sqlite3_step(stmt) != SQLITE_DONE) {
        std::fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
        std::abort();
      }
      sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
  };
  run(
      "INSERT INTO documents (id, kind, title, date, sha256, importer, importer_version, "
      "imported_at) VALUES (?1, 'statement', ?2, '2017-01-01', ?2, 'bench', '1', 'now')",
      [&](sqlite3_stmt* st, std::size_t i) {
        sqlite3_bind_int64(st, 1, s.documents[i].id.value);
        sqlite3_bind_text(st, 2, s.documents[i].title.c_str(), -1, SQLITE_TRANSIENT);
      },
      s.documents.size());
  run(
      "INSERT INTO paragraphs (id, document_id, ordinal, label, text) VALUES (?1, ?1, 1, '1', 'x')",
      [&](sqlite3_stmt* st, std::size_t i) { sqlite3_bind_int64(st, 1, s.documents[i].id.value); },
      s.documents.size());
  run(
      "INSERT INTO actors (id, canonical_name, kind) VALUES (?1, ?2, 'state')",
      [&](sqlite3_stmt* st, std::size_t i) {
        sqlite3_bind_int64(st, 1, s.actors[i].id.value);
        sqlite3_bind_text(st, 2, s.actors[i].name.c_str(), -1, SQLITE_TRANSIENT);
      },
      s.actors.size());
  run(
      "INSERT INTO commitments (id, paragraph_id, span_begin, span_end, text, type, strength) "
      "VALUES (?1, ?2, 0, 1, ?3, 'pledge', 'political')",
      [&](sqlite3_stmt* st, std::size_t i) {
        sqlite3_bind_int64(st, 1, s.commitments[i].id.value);
        sqlite3_bind_int64(st, 2, s.commitments[i].document_id.value);
        sqlite3_bind_text(st, 3, s.commitments[i].text.c_str(), -1, SQLITE_STATIC);
      },
      s.commitments.size());
  run(
      "INSERT OR IGNORE INTO commitment_actors (commitment_id, actor_id, role) VALUES (?1, ?2, ?3)",
      [&](sqlite3_stmt* st, std::size_t i) {
        const auto& ca = s.commitment_actors[i];
        sqlite3_bind_int64(st, 1, ca.commitment_id.value);
        sqlite3_bind_int64(st, 2, ca.actor_id.value);
        sqlite3_bind_text(st, 3, ca.role == ActorRole::kSubject ? "subject" : "counterpart", -1,
                          SQLITE_STATIC);
      },
      s.commitment_actors.size());
  run(
      "INSERT OR IGNORE INTO links (source_kind, source_id, target_kind, target_id, type, origin, "
      "confidence, created_at) VALUES ('commitment', ?1, 'commitment', ?2, 'continues', "
      "'extracted', 0.8, 'now')",
      [&](sqlite3_stmt* st, std::size_t i) {
        sqlite3_bind_int64(st, 1, s.links[i].source.id);
        sqlite3_bind_int64(st, 2, s.links[i].target.id);
      },
      s.links.size());
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

void Run(std::size_t edges) {
  std::printf("\n== %zu edges (synthetic)\n", edges);
  store::GraphSnapshot snapshot = Synthetic(edges);
  auto t = Clock::now();
  graph::CommitmentGraph g = graph::CommitmentGraph::Build(snapshot);
  const double build = Ms(t);
  t = Clock::now();
  Bare bare = ToBare(g);
  const double bare_build = Ms(t);
  std::printf("nodes %zu, edges %zu\n", g.NodeCount(), g.EdgeCount());
  std::printf("%-34s %10s %10s %7s\n", "operation", "normtrack", "bare BGL", "ratio");
  auto row = [](const char* name, double ours, double theirs, const char* unit) {
    std::printf("%-34s %8.3f%s %8.3f%s %6.2fx\n", name, ours, unit, theirs, unit,
                theirs > 0 ? ours / theirs : 0.0);
  };
  row("build (model + CSR) / bare adj.", build, bare_build, "ms");

  // 2-hop expansion of 1000 random commitment nodes (indices after the documents).
  std::mt19937_64 random(2);
  std::vector<std::size_t> centers;
  for (int i = 0; i < 1000; ++i) {
    centers.push_back(snapshot.documents.size() + random() % snapshot.commitments.size());
  }
  std::size_t checksum = 0;
  t = Clock::now();
  for (auto c : centers) checksum += graph::Neighbourhood(g, c, 2).size();
  const double ours_hop = Ms(t) / 1000.0;
  t = Clock::now();
  for (auto c : centers) checksum -= BareTwoHop(bare, c).size();
  const double bare_hop = Ms(t) / 1000.0;
  row("2-hop expansion (mean of 1000)", ours_hop, bare_hop, "ms");
  if (checksum != 0) std::printf("  (2-hop sizes differ!)\n");

  const std::size_t source = centers[0], target = centers[1];
  t = Clock::now();
  auto distances = graph::Distances(g, source);
  const double ours_bfs = Ms(t);
  t = Clock::now();
  auto bare_distances = BareDistances(bare, source);
  const double bare_bfs = Ms(t);
  row("BFS from one node", ours_bfs, bare_bfs, "ms");
  if (distances[target] != bare_distances[target]) std::printf("  (distances differ!)\n");

  t = Clock::now();
  auto path = graph::ShortestPath(g, source, target);
  const double ours_path = Ms(t);
  t = Clock::now();
  std::vector<std::size_t> parent(boost::num_vertices(bare));
  boost::breadth_first_search(
      bare, source,
      boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
          boost::make_iterator_property_map(parent.begin(), boost::get(boost::vertex_index, bare)),
          boost::on_tree_edge()))));
  const double bare_path = Ms(t);
  row("shortest path (unweighted)", ours_path, bare_path, "ms");

  t = Clock::now();
  auto components = graph::Components(g);
  const double ours_cc = Ms(t);
  t = Clock::now();
  std::vector<std::size_t> component(boost::num_vertices(bare));
  std::size_t bare_count = boost::connected_components(
      bare,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, bare)));
  const double bare_cc = Ms(t);
  row("connected components", ours_cc, bare_cc, "ms");
  if (components.size() != bare_count) std::printf("  (component counts differ!)\n");

  graph::CentralityOptions options;
  options.samples = 32;
  options.exact_limit = 0;
  t = Clock::now();
  auto central = graph::Betweenness(g, EntityKind::kActor, options);
  std::printf("%-34s %8.1fms (32 sampled sources)\n", "betweenness, sampled", Ms(t));
  graph::CentralityOptions cancelled;
  cancelled.samples = 100000;
  cancelled.exact_limit = 0;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancelled.cancel.Cancel();
  });
  t = Clock::now();
  auto stopped = graph::Betweenness(g, EntityKind::kActor, cancelled);
  const double until_stop = Ms(t);
  canceller.join();
  std::printf("%-34s %8.1fms (cancel sent at 100 ms: %s)\n", "betweenness, cancelled", until_stop,
              stopped ? "not cancelled!" : "cancelled");

  const auto path_db = std::filesystem::temp_directory_path() /
                       ("normtrack_graph_bench_" + std::to_string(edges) + ".sqlite3");
  std::filesystem::remove(path_db);
  std::filesystem::remove(path_db.string() + "-wal");
  std::filesystem::remove(path_db.string() + "-shm");
  WriteDatabase(path_db, snapshot);
  auto db = store::Database::Open(path_db);
  if (!db) std::abort();
  t = Clock::now();
  auto read = store::ReadGraphSnapshot(**db);
  const double read_ms = Ms(t);
  t = Clock::now();
  graph::CommitmentGraph rebuilt = graph::CommitmentGraph::Build(*read);
  const double rebuild_ms = Ms(t);
  std::printf("%-34s %8.1fms (read %.1f ms + build %.1f ms), %zu edges\n", "rebuild from SQLite",
              read_ms + rebuild_ms, read_ms, rebuild_ms, rebuilt.EdgeCount());
  db->reset();
  std::filesystem::remove(path_db);
  std::filesystem::remove(path_db.string() + "-wal");
  std::filesystem::remove(path_db.string() + "-shm");
  (void)central;
  (void)path;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {100000, 1000000};
  for (std::size_t edges : sizes) Run(edges);
  return 0;
}
