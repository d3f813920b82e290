#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support/cli_library.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using test::CliRun;
using test::RunCli;

namespace {

// Every graph test starts from the imported corpus.
struct Library : test::CliLibrary {
  Library() { ImportCorpus(); }
};

const std::vector<std::string> kOpenRound5 = {
    "graph", "open", "--dialogue", "Japan-U.S. Cyber Dialogue", "--round", "5"};

std::vector<std::string> With(std::vector<std::string> args, std::vector<std::string> more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE(
    "CLI: graph open lists round 5's open commitments, a follow-up done closes one and its "
    "history shows each step",
    "[cli]") {
  Library library;
  CliRun text = library.Run(kOpenRound5);
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("13 open commitments (recognitions and welcomes promise nothing") && Catch::Contains("7(1)"));
  nlohmann::json open = library.Json(With(kOpenRound5, {"--json"}));
  REQUIRE(open.size() == 13);
  for (const char* field : {"id", "document_id", "document_title", "paragraph_label", "type",
                            "text", "actors", "follow_ups"}) {
    CHECK(open[0].contains(field));
  }
  const std::string commitment = std::to_string(open[0]["id"].get<long long>());

  nlohmann::json added =
      library.Json({"followup", "add", "--title", "Join AIS", "--commitment", commitment, "--owner",
                    "NISC", "--due", "2018-03-31", "--date", "2017-08-01", "--json"});
  const std::string id = std::to_string(added["id"].get<long long>());
  for (const char* field : {"id", "title", "commitments", "owner_id", "owner", "due_date", "status",
                            "completion", "notes", "created_at", "updated_at", "history"}) {
    CHECK(added.contains(field));
  }
  CHECK(added["status"] == "planned");
  CHECK(library.Json(With(kOpenRound5, {"--json"})).size() == 13);

  CliRun progress = library.Run({"followup", "status", id, "in_progress", "--completion", "limited",
                                 "--date", "2017-10-02", "--note", "connected"});
  INFO(progress.err);
  REQUIRE(progress.exit_code == 0);
  CHECK_THAT(progress.out, Catch::Contains("in_progress"));
  REQUIRE(library
              .Run({"followup", "status", id, "done", "--date", "2018-02-15", "--evidence",
                    "DHS AIS report"})
              .exit_code == 0);

  CHECK_THAT(library.Run(kOpenRound5).out, Catch::Contains("12 open commitments ("));
  nlohmann::json shown = library.Json({"followup", "show", id, "--json"});
  CHECK(shown["status"] == "done");
  CHECK(shown["completion"] == "complete");
  REQUIRE(shown["history"].size() == 3);
  CHECK(shown["history"][0]["status"] == "planned");
  CHECK(shown["history"][1]["status"] == "in_progress");
  CHECK(shown["history"][1]["date"] == "2017-10-02");
  CHECK(shown["history"][2]["status"] == "done");
  CHECK(shown["history"][2]["evidence_text"] == "DHS AIS report");
  CliRun show_text = library.Run({"followup", "show", id});
  CHECK_THAT(show_text.out,
             Catch::Contains("2017-08-01  planned") && Catch::Contains("2018-02-15  done"));

  CHECK(library.Json({"followup", "list", "--status", "done", "--json"}).size() == 1);
  CHECK(library.Json({"graph", "overdue", "--today", "2019-01-01", "--json"}).empty());
  REQUIRE(library.Run({"followup", "edit", id, "--title", "Join DHS AIS"}).exit_code == 0);
  CHECK(library.Json({"followup", "show", id, "--json"})["history"].size() == 3);

  CHECK(library.Run({"followup", "status", id, "finished"}).exit_code == 1);
  CHECK(library.Run({"followup", "show", "9999"}).exit_code == 1);
  CHECK(library.Run({"followup", "add", "--title", "x", "--commitment", "99999"}).exit_code == 1);
  CHECK(
      library.Run({"graph", "open", "--dialogue", "Atlantis Dialogue", "--round", "1"}).exit_code ==
      1);
}

TEST_CASE("CLI: graph export writes GraphML that validates as XML, and DOT", "[cli]") {
  Library library;
  const auto graphml = library.dir / "graph.graphml";
  CliRun run = library.Run({"graph", "export", "--format", "graphml", "-o", graphml.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  // It says what it wrote, where.
  CHECK_THAT(run.out, Catch::StartsWith("Wrote the graph as GraphML to " + graphml.string() +
                                        " (" + std::to_string(std::filesystem::file_size(graphml)) +
                                        " bytes)."));
  const std::string command = "xmllint --noout '" + graphml.string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK_THAT(test::ReadAll(graphml),
             Catch::Contains("<graphml") && Catch::Contains("attr.name=\"kind\""));

  CliRun dot = library.Run({"graph", "export", "--format", "dot", "--filter", "actor,commitment"});
  REQUIRE(dot.exit_code == 0);
  CHECK_THAT(dot.out, Catch::StartsWith("digraph G {") && !Catch::Contains("document_"));
  CliRun ego = library.Run({"graph", "export", "--format", "dot", "--ego", "actor:NISC"});
  REQUIRE(ego.exit_code == 0);
  CHECK_THAT(ego.out, Catch::Contains("commitment_"));
  CHECK(library.Run({"graph", "export", "--format", "png"}).exit_code == 1);
  CHECK(library.Run({"graph", "export", "--filter", "planet"}).exit_code == 1);
}

TEST_CASE("CLI: graph queries: actor, path, norms, central, components, ego, lineage, layout",
          "[cli]") {
  Library library;
  nlohmann::json meti = library.Json({"graph", "actor", "METI", "--json"});
  REQUIRE(meti.size() == 1);
  CHECK(meti[0]["dialogue"] == "Japan-U.S. Cyber Dialogue");
  CHECK(meti[0]["round"] == 5);

  nlohmann::json path = library.Json({"graph", "path", "NISC", "DHS", "--json"});
  CHECK(path["connected"] == true);
  CHECK(path["hops"] == 2);
  CHECK(path["path"][1]["kind"] == "commitment");
  CliRun path_text = library.Run({"graph", "path", "NISC", "DHS"});
  CHECK_THAT(path_text.out, Catch::Contains("counterpart"));

  CliRun csv = library.Run({"graph", "norms", "--csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Catch::StartsWith("actor,\"13(a)\""));

  nlohmann::json central = library.Json({"graph", "central", "--limit", "3", "--json"});
  CHECK(central["sampled"] == false);
  CHECK(central["actors"].size() <= 3);
  nlohmann::json components = library.Json({"graph", "components", "--json"});
  REQUIRE_FALSE(components.empty());
  CHECK(components[0]["size"].get<int>() > 10);

  nlohmann::json ego = library.Json(
      {"graph", "ego", "actor:NISC", "--depth", "2", "--types", "actor,commitment", "--json"});
  for (const auto& node : ego["nodes"]) {
    CHECK((node["kind"] == "actor" || node["kind"] == "commitment"));
  }
  CHECK_FALSE(ego["edges"].empty());
  CHECK(library.Run({"graph", "ego", "NISC"}).exit_code == 1);

  const std::string first =
      std::to_string(library.Json(With(kOpenRound5, {"--json"}))[0]["id"].get<long long>());
  nlohmann::json lineage = library.Json({"graph", "lineage", first, "--json"});
  REQUIRE(lineage.size() >= 1);
  CHECK(lineage[0]["round"] == 5);

  nlohmann::json layout = library.Json({"graph", "layout", "--ego", "actor:DHS", "--json"});
  REQUIRE_FALSE(layout.empty());
  CHECK(layout == library.Json({"graph", "layout", "--ego", "actor:DHS", "--json"}));
}

TEST_CASE("CLI: link add, list and remove with inverse labels", "[cli]") {
  Library library;
  const std::string commitment =
      "commitment:" +
      std::to_string(library.Json(With(kOpenRound5, {"--json"}))[0]["id"].get<long long>());
  nlohmann::json added =
      library.Json({"link", "add", commitment, "implements", "document:International Strategy",
                    "--confidence", "0.8", "--json"});
  for (const char* field : {"id", "source", "target", "type", "label", "inverse_label", "origin",
                            "confidence", "note", "created_at"}) {
    CHECK(added.contains(field));
  }
  CHECK(added["inverse_label"] == "implemented by");
  CHECK(added["origin"] == "manual");
  nlohmann::json inverse =
      library.Json({"link", "add", "actor:DHS", "referenced_by", commitment, "--json"});
  CHECK(inverse["source"]["kind"] == "commitment");
  CHECK(inverse["type"] == "references");

  nlohmann::json manual =
      library.Json({"link", "list", commitment, "--origin", "manual", "--json"});
  CHECK(manual.size() == 2);
  CliRun list = library.Run({"link", "list", commitment});
  CHECK_THAT(list.out, Catch::Contains("implements") && Catch::Contains("(manual, 0.80)"));
  const std::string id = std::to_string(added["id"].get<long long>());
  REQUIRE(library.Run({"link", "remove", id}).exit_code == 0);
  CHECK(library.Run({"link", "remove", id}).exit_code == 1);
  CHECK(library.Json({"link", "list", commitment, "--origin", "manual", "--json"}).size() == 1);
  CHECK(library.Run({"link", "add", commitment, "loves", "actor:DHS"}).exit_code == 1);
  CHECK(library.Run({"link", "add", commitment, "references", "actor:Atlantis"}).exit_code == 1);
  // Extraction's norm links are listed too.
  CHECK_FALSE(library.Json({"link", "list", "--origin", "extracted", "--json"}).empty());
}

TEST_CASE("CLI: impossible dates are refused in one sentence naming what they were for",
          "[cli]") {
  Library f;
  f.ImportCorpus();
  struct Case {
    std::vector<std::string> args;
    std::string names;
  };
  const std::vector<Case> cases = {
      {{"followup", "add", "--title", "x", "--commitment", "1", "--due", "2018-02-30"},
       "due date '2018-02-30'"},
      {{"followup", "add", "--title", "x", "--commitment", "1", "--date", "2019-04-31"},
       "date '2019-04-31'"},
      {{"graph", "overdue", "--today", "2018-13-01"}, "(--today) '2018-13-01'"},
      {{"graph", "overdue", "--today", "2018-02-29"}, "(--today) '2018-02-29'"},
  };
  for (const Case& c : cases) {
    INFO(c.args[0] + " " + c.args[1] + " " + c.args.back());
    CliRun run = f.Run(c.args);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains(c.names) && Catch::Contains("YYYY-MM-DD"));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);  // one sentence, one line
  }
  // Nothing was stored, and a real leap day is fine.
  CHECK(f.Json({"followup", "list", "--json"}).empty());
  CHECK(f.Run({"graph", "overdue", "--today", "2020-02-29"}).exit_code == 0);
}

TEST_CASE("CLI: follow-up states read consistently: done is complete, leaving done is not",
          "[cli]") {
  Library f;
  f.ImportCorpus();
  auto added = f.Json({"followup", "add", "--title", "Joined AIS", "--commitment", "12",
                       "--status", "done", "--json"});
  CHECK(added["status"] == "done");
  CHECK(added["completion"] == "complete");  // not "done not_started"
  const std::string id = std::to_string(added["id"].get<int>());
  auto blocked = f.Json({"followup", "status", id, "blocked", "--date", "2018-01-01", "--json"});
  CHECK(blocked["status"] == "blocked");
  CHECK(blocked["completion"] == "substantial");  // not "blocked (complete)"
  // An explicit completion is kept as given.
  auto partial = f.Json({"followup", "add", "--title", "Exchange", "--commitment", "12",
                         "--completion", "limited", "--json"});
  CHECK(partial["completion"] == "limited");
}

