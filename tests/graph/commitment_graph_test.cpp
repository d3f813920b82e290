#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "app/internal/follow_up_service.h"
#include "app/internal/graph_service.h"
#include "app/internal/import_service.h"
#include "app/internal/library.h"
#include "app/internal/link_service.h"
#include "app/internal/reference_data.h"
#include "graph/commitment_graph.h"
#include "graph/graph_analysis.h"
#include "graph/graph_export.h"
#include "graph/graph_layout.h"
#include "store/graph_snapshot.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;

namespace {

const app::ReferenceData& Reference() {
  static const app::ReferenceData reference = [] {
    auto loaded = app::ReferenceData::Load(test::CorpusDir());
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return reference;
}

// The corpus imported once into a library per test.
struct Corpus {
  test::TempDir dir;
  importers::Registry registry = importers::Registry::WithBuiltinFormats();
  std::unique_ptr<app::Library> library;

  Corpus() {
    auto opened = app::Library::Open(app::Home::InFolder(dir / "home"),
                                     {.mode = app::OpenMode::kCreateIfMissing});
    REQUIRE(opened);
    library = std::move(*opened);
    app::ImportService service(*library, registry, &Reference());
    auto report = service.Import({test::CorpusDocumentsDir()});
    REQUIRE(report);
    REQUIRE(report->AllSucceeded());
  }

  graph::CommitmentGraph Build() {
    auto snapshot = store::ReadGraphSnapshot(library->database());
    REQUIRE(snapshot);
    return graph::CommitmentGraph::Build(*snapshot);
  }

  graph::NodeIndex Actor(const graph::CommitmentGraph& g, std::string_view name) {
    for (graph::NodeIndex n = 0; n < g.NodeCount(); ++n) {
      if (g.node(n).ref.kind == EntityKind::kActor &&
          g.node(n).label.find(name) != std::string::npos) {
        return n;
      }
    }
    FAIL("no actor " << name);
    return 0;
  }
};

}  // namespace

TEST_CASE("CommitmentGraph: the fifth Japan-U.S. round holds the joint statement's commitments",
          "[graph]") {
  Corpus corpus;
  app::GraphService service(*corpus.library);
  auto open = service.OpenCommitments("Japan-U.S. Cyber Dialogue", 5);
  REQUIRE(open);
  // Nothing followed up yet: every commitment that calls for action is open (the joint
  // statement's 24 include 11 recognitions and welcomes, which never are).
  CHECK(open->size() == 13);
  for (const auto& c : *open) {
    CHECK(c.type != "recognition");
    CHECK(c.type != "welcome");
  }
  for (const auto& c : *open) {
    CHECK_THAT(c.document_title, Catch::Contains("Joint Statement"));
    CHECK(c.follow_ups.empty());
  }
  auto missing = service.OpenCommitments("Japan-U.S. Cyber Dialogue", 9);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
}

TEST_CASE("CommitmentGraph: NISC joining DHS's AIS programme links NISC and DHS", "[graph]") {
  Corpus corpus;
  graph::CommitmentGraph g = corpus.Build();
  graph::NodeIndex nisc = corpus.Actor(g, "Incident Readiness");
  graph::NodeIndex dhs = corpus.Actor(g, "Homeland Security");
  auto path = graph::ShortestPath(g, nisc, dhs);
  REQUIRE(path.size() == 3);  // NISC - commitment - DHS
  const graph::NodeInfo& middle = g.node(path[1]);
  CHECK(middle.ref.kind == EntityKind::kCommitment);
  CHECK_THAT(middle.text, Catch::Contains("Automated Indicator Sharing"));
  bool subject = false, counterpart = false;
  for (const auto& e : g.OutEdges(path[1])) {
    if (e.target == nisc && e.type == "subject") subject = true;
    if (e.target == dhs && e.type == "counterpart") counterpart = true;
  }
  CHECK(subject);
  CHECK(counterpart);
  CHECK(graph::Distances(g, nisc)[dhs] == 2);

  app::GraphService service(*corpus.library);
  auto steps = service.Path("NISC", "DHS");
  REQUIRE(steps);
  REQUIRE(steps->size() == 3);
  CHECK(steps->at(1).edge_type == "subject");
  CHECK_FALSE(steps->at(1).edge_forward);
  CHECK(steps->at(2).edge_type == "counterpart");
}

TEST_CASE("CommitmentGraph: a follow-up marked done closes its commitment, history keeps each step",
          "[graph]") {
  Corpus corpus;
  app::GraphService graph_service(*corpus.library);
  auto open = graph_service.OpenCommitments("Japan-U.S. Cyber Dialogue", 5);
  REQUIRE(open);
  const CommitmentId target = open->front().id;

  app::FollowUpService follow_ups(*corpus.library);
  app::FollowUpInput input;
  input.title = "Join AIS";
  input.commitment_ids = {target.value};
  input.owner = "NISC";
  input.due_date = "2018-03-31";
  input.date = "2017-08-01";
  auto added = follow_ups.Add(input);
  REQUIRE(added);

  // A follow-up that is not done keeps the commitment open (the graph refreshes by itself).
  open = graph_service.OpenCommitments("Japan-U.S. Cyber Dialogue", 5);
  REQUIRE(open);
  CHECK(open->size() == 13);
  auto overdue = graph_service.Overdue("2019-01-01");
  REQUIRE(overdue);
  REQUIRE(overdue->size() == 1);
  CHECK(overdue->front().owner.find("Incident Readiness") != std::string::npos);

  app::StatusChange progress{FollowUpStatus::kInProgress,
                             Completion::kLimited,
                             "2017-10-02",
                             "connected to the AIS server",
                             0,
                             ""};
  REQUIRE(follow_ups.ChangeStatus(added->follow_up.id.value, progress));
  app::StatusChange done{
      FollowUpStatus::kDone,       std::nullopt, "2018-02-15", "sharing indicators", 0,
      "DHS AIS annual report 2018"};
  auto finished = follow_ups.ChangeStatus(added->follow_up.id.value, done);
  REQUIRE(finished);

  open = graph_service.OpenCommitments("Japan-U.S. Cyber Dialogue", 5);
  REQUIRE(open);
  CHECK(open->size() == 12);
  for (const auto& c : *open) CHECK(c.id != target);
  overdue = graph_service.Overdue("2019-01-01");
  REQUIRE(overdue);
  CHECK(overdue->empty());

  REQUIRE(finished->history.size() == 3);
  CHECK(finished->history[0].status == FollowUpStatus::kPlanned);
  CHECK(finished->history[0].date == "2017-08-01");
  CHECK(finished->history[1].status == FollowUpStatus::kInProgress);
  CHECK(finished->history[1].completion == Completion::kLimited);
  CHECK(finished->history[2].status == FollowUpStatus::kDone);
  CHECK(finished->history[2].completion == Completion::kComplete);
  CHECK(finished->history[2].evidence_text == "DHS AIS annual report 2018");
}

TEST_CASE("CommitmentGraph: actor commitments, norms coverage, components, ego and centrality",
          "[graph]") {
  Corpus corpus;
  app::GraphService service(*corpus.library);
  auto meti = service.ActorCommitments("METI");
  REQUIRE(meti);
  REQUIRE(meti->size() == 1);
  CHECK(meti->front().dialogue == "Japan-U.S. Cyber Dialogue");
  CHECK(meti->front().round == 5);

  auto g = service.Graph();
  REQUIRE(g);
  auto matrix = service.NormsCoverage();
  REQUIRE(matrix);
  CHECK(matrix->norm_codes.size() == 11);
  for (const auto& row : matrix->counts) CHECK(row.size() == matrix->norm_codes.size());

  auto components = graph::Components(**g);
  std::size_t total = 0;
  for (const auto& c : components) total += c.nodes.size();
  CHECK(total == (*g)->NodeCount());
  CHECK(components.front().nodes.size() >= components.back().nodes.size());

  auto ego = service.Subgraph({"actor:NISC", 1, {}});
  REQUIRE(ego);
  auto actors_only = service.Subgraph({"actor:NISC", 2, {EntityKind::kActor}});
  REQUIRE(actors_only);
  for (auto n : actors_only->nodes) CHECK((*g)->node(n).ref.kind == EntityKind::kActor);
  auto via_commitments =
      service.Subgraph({"actor:NISC", 2, {EntityKind::kActor, EntityKind::kCommitment}});
  REQUIRE(via_commitments);
  CHECK(via_commitments->nodes.size() > ego->nodes.size() / 2);

  auto central = service.Central(5);
  REQUIRE(central);
  CHECK_FALSE(central->sampled);
  REQUIRE_FALSE(central->ranked.empty());
  CHECK(central->ranked.front().score >= central->ranked.back().score);
}

TEST_CASE("CommitmentGraph: GraphML validates as XML and round-trips through Boost's reader",
          "[graph]") {
  Corpus corpus;
  graph::CommitmentGraph g = corpus.Build();
  const std::string graphml = graph::ToGraphMl(g, g.All());
  const auto file = corpus.dir.Write("graph.graphml", graphml);
  const std::string command = "xmllint --noout '" + file.string() + "' 2>/dev/null";
  CHECK(std::system(command.c_str()) == 0);

  auto read = graph::ReadGraphMl(graphml);
  REQUIRE(read);
  CHECK(read->nodes == g.NodeCount());
  CHECK(read->edges == g.EdgeCount());
  CHECK(read->labels.front() == g.node(0).label);

  const std::string dot = graph::ToDot(g, g.OfKinds({EntityKind::kActor, EntityKind::kCommitment}));
  CHECK_THAT(dot, Catch::StartsWith("digraph G {") && Catch::Contains("actor_") &&
                      Catch::Contains("type=subject"));
  REQUIRE_FALSE(graph::ReadGraphMl("<graphml><graph").has_value());
}

TEST_CASE("CommitmentGraph: layouts are stable for the same input and fill the box", "[graph]") {
  Corpus corpus;
  graph::CommitmentGraph g = corpus.Build();
  CHECK_FALSE(g.Find({EntityKind::kActor, 0}));
  graph::Subgraph sub = graph::Ego(g, corpus.Actor(g, "Homeland Security"), 2);
  for (auto algorithm :
       {graph::LayoutAlgorithm::kFruchtermanReingold, graph::LayoutAlgorithm::kKamadaKawai}) {
    graph::LayoutOptions options{algorithm, 800, 600, 42};
    auto first = graph::Layout(g, sub, options);
    auto second = graph::Layout(g, sub, options);
    REQUIRE(first.size() == sub.nodes.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
      CHECK(first[i].node == second[i].node);
      CHECK(first[i].x == second[i].x);
      CHECK(first[i].y == second[i].y);
      CHECK(first[i].x >= 0);
      CHECK(first[i].x <= 800.001);
      CHECK(first[i].y <= 600.001);
    }
  }
}

TEST_CASE("CommitmentGraph: sampled centrality on a large graph is stable and cancellable",
          "[graph]") {
  // A ring of 30000 actors joined through commitments: big enough to be sampled.
  store::GraphSnapshot s;
  const int n = 15000;
  for (int i = 1; i <= n; ++i) {
    s.actors.push_back({ActorId(i), "actor " + std::to_string(i), ActorKind::kState, ActorId()});
    s.commitments.push_back({CommitmentId(i), DocumentId(), "", "c", CommitmentType::kPledge, ""});
    s.commitment_actors.push_back({CommitmentId(i), ActorId(i), ActorRole::kSubject});
    s.commitment_actors.push_back({CommitmentId(i), ActorId(i % n + 1), ActorRole::kCounterpart});
  }
  graph::CommitmentGraph g = graph::CommitmentGraph::Build(s);
  CHECK(g.NodeCount() == 2 * n);
  graph::CentralityOptions options;
  options.samples = 16;
  auto first = graph::Betweenness(g, EntityKind::kActor, options);
  REQUIRE(first);
  CHECK(first->sampled);
  CHECK(first->sources == 16);
  auto second = graph::Betweenness(g, EntityKind::kActor, options);
  REQUIRE(second);
  CHECK(first->scores.front().node == second->scores.front().node);
  CHECK(first->scores.front().score == second->scores.front().score);

  options.cancel.Cancel();
  auto cancelled = graph::Betweenness(g, EntityKind::kActor, options);
  REQUIRE_FALSE(cancelled);
  CHECK(cancelled.error().code == ErrorCode::kCancelled);
  CHECK(graph::Components(g).size() == 1);
  CHECK(graph::Neighbourhood(g, 0, 2).size() == 5);
}

TEST_CASE("CommitmentGraph: a manual continues link shows in the lineage at the next query",
          "[graph]") {
  Corpus corpus;
  app::GraphService service(*corpus.library);
  auto open = service.OpenCommitments("Japan-U.S. Cyber Dialogue", 5);
  REQUIRE(open);
  REQUIRE(open->size() >= 2);
  const auto first = open->at(0).id, second = open->at(1).id;
  auto alone = service.Lineage(first.value);
  REQUIRE(alone);
  CHECK(alone->size() == 1);
  const std::size_t edges = (*service.Graph())->EdgeCount();

  app::LinkService links(*corpus.library);
  REQUIRE(links.Add({"commitment:" + std::to_string(second.value), "continues",
                     "commitment:" + std::to_string(first.value), 1.0, ""}));
  auto lineage = service.Lineage(first.value);
  REQUIRE(lineage);
  REQUIRE(lineage->size() == 2);
  CHECK((*service.Graph())->EdgeCount() == edges + 1);
  CHECK(lineage->at(0).round == 5);
  CHECK(service.Lineage(999999).error().code == ErrorCode::kNotFound);
}
