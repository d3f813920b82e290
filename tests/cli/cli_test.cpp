#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "support/cli_library.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using test::CliRun;
using test::RunCli;

namespace {

using Fixture = test::CliLibrary;

}  // namespace

TEST_CASE("CLI: --version, --help and usage errors", "[cli]") {
  test::TempDir dir;
  CliRun version = RunCli({"--version"}, dir.path());
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("normtrack 0."));

  CliRun help = RunCli({"--help"}, dir.path());
  CHECK(help.exit_code == 0);
  for (const char* command : {"init", "import", "docs", "show", "stats", "--db"}) {
    CHECK_THAT(help.out, Catch::Contains(command));
  }
  CliRun show_help = RunCli({"show", "--help"}, dir.path());
  CHECK(show_help.exit_code == 0);
  CHECK_THAT(show_help.out, Catch::Contains("DOC"));

  CHECK(RunCli({}, dir.path()).exit_code == 1);
  CliRun unknown = RunCli({"frobnicate"}, dir.path());
  CHECK(unknown.exit_code == 1);
  CHECK_FALSE(unknown.err.empty());
  CHECK(RunCli({"show"}, dir.path()).exit_code == 1);
  CHECK(RunCli({"docs", "--limit", "zero"}, dir.path()).exit_code == 1);
}

TEST_CASE("CLI: init creates the library, a missing library is an error naming it", "[cli]") {
  Fixture f;
  CliRun docs = f.Run({"docs"});
  CHECK(docs.exit_code == 2);
  CHECK_THAT(docs.err, Catch::Contains("library.sqlite3") && Catch::Contains("normtrack init"));
  CHECK_FALSE(std::filesystem::exists(f.db));

  CliRun init = f.Run({"init"});
  CHECK(init.exit_code == 0);
  CHECK(std::filesystem::exists(f.db));
  CHECK(f.Run({"init"}).exit_code == 0);
  CliRun empty = f.Run({"docs"});
  CHECK(empty.exit_code == 0);
  CHECK_THAT(empty.out, Catch::Contains("empty"));
}

TEST_CASE("CLI: NORMTRACK_HOME is the default library", "[cli]") {
  test::TempDir dir;
  auto home = dir / "team-home";
  CliRun imported = RunCli({"import", test::JointStatementPath().string()}, dir.path(),
                           {{"NORMTRACK_HOME", home.string()}});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(std::filesystem::exists(home / "normtrack.sqlite3"));
  CliRun stats = RunCli({"stats", "--json"}, dir.path(), {{"NORMTRACK_HOME", home.string()}});
  REQUIRE(stats.exit_code == 0);
  CHECK(nlohmann::json::parse(stats.out)["documents"] == 1);
}

TEST_CASE("CLI: import the corpus, list, show and summarise it", "[cli]") {
  Fixture f;
  CliRun first = f.Run({"import", test::CorpusDocumentsDir().string()});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("Imported 2, revised 0, unchanged 0, failed 0."));
  CliRun again = f.Run({"import", test::CorpusDocumentsDir().string()});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("unchanged 2"));

  CliRun docs = f.Run({"docs"});
  CHECK(docs.exit_code == 0);
  CHECK_THAT(docs.out, Catch::Contains("Joint Statement of the Japan-U.S. Cyber Dialogue") &&
                           Catch::Contains("International Strategy on Cybersecurity Cooperation"));

  nlohmann::json list = f.Json({"docs", "--json"});
  REQUIRE(list.size() == 2);
  for (const char* field : {"id", "kind", "title", "symbol", "date", "place", "language",
                            "source_path", "sha256", "importer", "importer_version", "revision",
                            "imported_at", "paragraph_count", "commitment_count"}) {
    CHECK(list[0].contains(field));
  }
  CHECK(list[0]["revision"] == 1);
  CHECK(list[0]["sha256"].get<std::string>().size() == 64);

  nlohmann::json stats = f.Json({"stats", "--json"});
  CHECK(stats["documents"] == 2);
  CHECK(stats["paragraphs"].get<int>() > 30);
  CliRun text_stats = f.Run({"stats"});
  CHECK_THAT(text_stats.out, Catch::Contains("Documents    2") && Catch::Contains("Commitments"));
}

TEST_CASE("CLI: show lists the joint statement's paragraphs in reading order", "[cli]") {
  Fixture f;
  f.ImportCorpus();
  nlohmann::json view = f.Json({"show", "Japan-U.S. Cyber Dialogue", "--json"});
  CHECK_THAT(view["title"].get<std::string>(),
             Catch::Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));
  const auto& paragraphs = view["paragraphs"];
  REQUIRE(paragraphs.size() > 10);
  std::string all_text;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    CHECK(paragraphs[i]["ordinal"] == static_cast<int>(i) + 1);
    all_text += paragraphs[i]["text"].get<std::string>() + "\n";
  }
  auto first = all_text.find("Following the meeting between Prime Minister Shinzo Abe");
  auto fifth = all_text.find("committed to promoting public-private coordination");
  auto last = all_text.find("affirmed their determination to advance shared efforts");
  REQUIRE(first != std::string::npos);
  REQUIRE(fifth != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK(first < fifth);
  CHECK(fifth < last);

  const int id = view["id"];
  CliRun by_id = f.Run({"show", std::to_string(id)});
  CHECK(by_id.exit_code == 0);
  CHECK_THAT(by_id.out, Catch::Contains("Shinzo Abe"));
  CHECK(by_id.out.find("Shinzo Abe") < by_id.out.find("determination to advance"));
}

TEST_CASE("CLI: a DOC that matches nothing or several documents is a usage error", "[cli]") {
  Fixture f;
  f.ImportCorpus();
  CliRun ambiguous = f.Run({"show", "cyber"});
  CHECK(ambiguous.exit_code == 1);
  CHECK_THAT(ambiguous.err, Catch::Contains("matches 2 documents"));
  CliRun missing = f.Run({"show", "Budapest Convention"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("No document matches 'Budapest Convention'"));
  CHECK(f.Run({"show", "999"}).exit_code == 1);
}

TEST_CASE("CLI: bad database files give one sentence naming the file and change nothing",
          "[cli]") {
  Fixture f;
  SECTION("random bytes") {
    std::string bytes(8192, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7919) % 251);
    f.dir.Write("library.sqlite3", bytes);
    for (const char* command : {"docs", "stats"}) {
      CliRun run = f.Run({command});
      CHECK(run.exit_code == 2);
      CHECK_THAT(run.err, Catch::Contains("library.sqlite3") && Catch::Contains("damaged"));
      CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    }
    CHECK(f.Run({"import", test::JointStatementPath().string()}).exit_code == 2);
    CHECK(test::ReadAll(f.db) == bytes);
  }
  SECTION("a newer schema") {
    REQUIRE(f.Run({"init"}).exit_code == 0);
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(f.db.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA user_version = 77", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    CliRun run = f.Run({"docs"});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("newer NormTrack") && Catch::Contains("library.sqlite3"));
  }
  SECTION("a folder") {
    std::filesystem::create_directories(f.db);
    CliRun run = f.Run({"import", test::JointStatementPath().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("is a folder"));
  }
  SECTION("locked by another writer") {
    f.ImportCorpus();
    const std::string before = f.Run({"docs", "--json"}).out;
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(f.db.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "BEGIN IMMEDIATE; DELETE FROM paragraphs;", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    test::TempDir inputs;
    auto file = inputs.Write("new.md", "# New statement\n\nJapan will act.\n");
    CliRun run = f.Run({"import", file.string()}, {{"NORMTRACK_BUSY_TIMEOUT_MS", "100"}});
    // Readers still see the last committed state while the writer holds its lock.
    CliRun docs = f.Run({"docs", "--json"});
    sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("locked") && Catch::Contains("library.sqlite3"));
    CHECK(docs.exit_code == 0);
    CHECK(docs.out == before);
    CHECK(f.Run({"docs", "--json"}).out == before);
  }
}

TEST_CASE("CLI: an import that fails halfway leaves the library as it was", "[cli]") {
  Fixture f;
  REQUIRE(f.Run({"import", test::NiscArticlePath().string()}).exit_code == 0);
  const std::string before = f.Run({"show", "1", "--json"}).out;
  const std::string stats_before = f.Run({"stats", "--json"}).out;
  CliRun failed = f.Run({"import", test::JointStatementPath().string()},
                        {{"NORMTRACK_FAULT", "store.insert_paragraph:6"}});
  CHECK(failed.exit_code == 2);
  CHECK_THAT(failed.err, Catch::Contains("japan-us-cyber-dialogue-2017-joint-statement.txt"));
  CHECK(f.Run({"stats", "--json"}).out == stats_before);
  CHECK(f.Run({"show", "1", "--json"}).out == before);
  CHECK(f.Run({"import", test::JointStatementPath().string()}).exit_code == 0);

  CliRun bad_fault = f.Run({"docs"}, {{"NORMTRACK_FAULT", "nonsense"}});
  CHECK(bad_fault.exit_code == 1);
}

TEST_CASE("CLI: a missing path or a URL does not stop an import: the others are imported",
          "[cli]") {
  Fixture f;
  const std::string missing = (f.dir / "no-such-statement.md").string();
  CliRun run = f.Run({"import", missing, "https://www.mofa.go.jp/press/release.html",
                      test::JointStatementPath().string()});
  CHECK(run.exit_code == 2);  // some files failed
  CHECK_THAT(run.out, Catch::Contains("Imported 1, revised 0, unchanged 0, failed 2."));
  CHECK_THAT(run.err, Catch::Contains("There is no file or folder") &&
                          Catch::Contains("no-such-statement.md"));
  CHECK_THAT(run.err, Catch::Contains("save the page in your browser and import the saved file"));
  CHECK(f.Json({"docs", "--json"}).size() == 1);
  // A file NormTrack cannot read says which formats it does read.
  test::TempDir inputs;
  const auto sheet = inputs.Write("budget.xlsx", std::string("PK\3\4 not a document", 20));
  CliRun unsupported = f.Run({"import", sheet.string()});
  CHECK(unsupported.exit_code == 2);
  CHECK_THAT(unsupported.err, Catch::Contains("Markdown, plain text, HTML, PDF and Akoma Ntoso"));
}

TEST_CASE("CLI: a folder with bad files imports the rest and reports each failure", "[cli]") {
  Fixture f;
  test::TempDir inputs;
  inputs.Write("good.md", "# Good statement\n\n1. Japan and the United States will cooperate.\n");
  inputs.Write("binary.txt", std::string("\0\1\2\3garbage", 11));
  inputs.Write("nested/empty.md", "");
  CliRun run = f.Run({"import", inputs.path().string()});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.out, Catch::Contains("Imported 1, revised 0, unchanged 0, failed 2."));
  CHECK_THAT(run.err, Catch::Contains("binary.txt") && Catch::Contains("empty.md"));
  // One line per failure, naming the file once.
  for (const std::string name : {"binary.txt", "empty.md"}) {
    std::size_t mentions = 0;
    for (std::size_t at = run.err.find(name); at != std::string::npos;
         at = run.err.find(name, at + 1)) {
      ++mentions;
    }
    CHECK(mentions == 1);
  }
  nlohmann::json report = nlohmann::json::parse(
      f.Run({"import", "--dry-run", "--json", inputs.path().string()}).out);
  CHECK(report["dry_run"] == true);
  CHECK(report["unchanged"] == 1);
  CHECK(report["failed"] == 2);
  CHECK(report["files"].size() == 3);
  CHECK(f.Json({"stats", "--json"})["documents"] == 1);

  CliRun missing = f.Run({"import", (inputs / "nope.md").string()});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("nope.md"));
}

TEST_CASE("CLI: file names with spaces, quotes and non-ASCII characters", "[cli]") {
  Fixture f;
  test::TempDir inputs;
  auto file = inputs.Write("Déclaration commune 'Japon–US' (2017).md",
                           "# Déclaration commune\n\nLe Japon et les États-Unis coopéreront.\n");
  CliRun run = f.Run({"import", file.string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  nlohmann::json list = f.Json({"docs", "--json"});
  REQUIRE(list.size() == 1);
  CHECK_THAT(list[0]["source_path"].get<std::string>(), Catch::Contains("Japon–US"));
  CHECK_THAT(f.Run({"show", "Déclaration"}).out, Catch::Contains("États-Unis"));
}

TEST_CASE("CLI: commitments lists the joint statement's commitments with types and actors",
          "[cli]") {
  Fixture f;
  f.ImportCorpus();
  CliRun text = f.Run({"commitments", "--document", "Joint Statement"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("7(2)c") && Catch::Contains("agreement") &&
                           Catch::Contains("agreed to") && Catch::Contains("24 commitments."));

  nlohmann::json list = f.Json({"commitments", "--document", "Joint Statement", "--json"});
  REQUIRE(list.size() == 24);
  for (const char* field : {"id", "document_id", "document_title", "document_date",
                            "paragraph_id", "paragraph_label", "text", "span", "cue", "type",
                            "strength", "deadline", "origin", "actors", "norms"}) {
    CHECK(list[0].contains(field));
  }
  bool nisc_found = false;
  for (const auto& c : list) {
    if (c["paragraph_label"] == "7(1)" && c["cue"] == "will") {
      nisc_found = true;
      REQUIRE(c["actors"].size() == 2);
      CHECK(c["actors"][0]["role"] == "subject");
      CHECK_THAT(c["actors"][0]["name"].get<std::string>(), Catch::Contains("Incident Readiness"));
      CHECK(c["actors"][1]["name"] == "U.S. Department of Homeland Security");
      CHECK(c["actors"][1]["role"] == "counterpart");
    }
  }
  CHECK(nisc_found);

  nlohmann::json intentions = f.Json({"commitments", "--type", "intention", "--json"});
  CHECK(intentions.size() == 2);
  CHECK(f.Json({"commitments", "--actor", "METI", "--json"}).size() == 1);
  CHECK(f.Run({"commitments", "--type", "promise"}).exit_code == 1);
  CliRun unknown = f.Run({"commitments", "--actor", "Atlantis"});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("Atlantis"));
}

TEST_CASE("CLI: commitments show their ids and filter by dialogue in any spelling and round",
          "[cli]") {
  Fixture f;
  f.ImportCorpus();
  nlohmann::json all = f.Json({"commitments", "--document", "Joint Statement", "--json"});
  REQUIRE(all.size() == 24);
  // The text listing leads with the id that follow-ups, links and corrections take.
  CliRun text = f.Run({"commitments", "--type", "intention"});
  REQUIRE(text.exit_code == 0);
  for (const auto& c : f.Json({"commitments", "--type", "intention", "--json"})) {
    CHECK_THAT(text.out, Catch::Contains("#" + std::to_string(c["id"].get<int>()) + " "));
  }
  for (const char* spelling : {"Japan-U.S. Cyber Dialogue", "U.S.-Japan Cyber Dialogue",
                               "US-Japan cyber dialogue", "Japan–US", "Japan-US", "Japan-U.S."}) {
    INFO(spelling);
    nlohmann::json round =
        f.Json({"commitments", "--dialogue", spelling, "--round", "5", "--json"});
    CHECK(round.size() == 24);
  }
  CHECK(f.Json({"commitments", "--dialogue", "Japan-US", "--type", "intention", "--json"})
            .size() == 2);
  CliRun no_round = f.Run({"commitments", "--dialogue", "Japan-US", "--round", "9"});
  CHECK(no_round.exit_code == 1);
  CHECK_THAT(no_round.err, Catch::Contains("no round 9"));
  CHECK(f.Run({"commitments", "--round", "5"}).exit_code == 1);  // a round of which dialogue?
  CliRun no_dialogue = f.Run({"commitments", "--dialogue", "Atlantis-Lemuria"});
  CHECK(no_dialogue.exit_code == 1);
  CHECK_THAT(no_dialogue.err, Catch::Contains("'normtrack dialogues' lists them"));
}

TEST_CASE("CLI: commitments --csv is one row per commitment, UTF-8 with BOM, safe for Excel",
          "[cli]") {
  Fixture f;
  test::TempDir inputs;
  // A comma, quotes, a line break and a would-be formula in imported text.
  const auto file = inputs.Write(
      "statement.md",
      "# Joint Statement of the Japan-U.S. Cyber Dialogue, \"Tokyo\"\n\n"
      "1. Japan and the United States will cooperate on \"hunt forward\" operations, "
      "incident response and training.\n");
  REQUIRE(f.Run({"import", file.string()}).exit_code == 0);
  CliRun csv = f.Run({"commitments", "--csv"});
  INFO(csv.err);
  REQUIRE(csv.exit_code == 0);
  REQUIRE(csv.out.starts_with("\xEF\xBB\xBF"));
  const std::string body = csv.out.substr(3);
  CHECK(body.starts_with("id,document_id,document,date,label,type,cue,subjects,other_actors,"
                         "norms,text\r\n"));
  // The title's comma and quotes are quoted and doubled, not split into columns.
  CHECK_THAT(body,
             Catch::Contains("\"Joint Statement of the Japan-U.S. Cyber Dialogue, \"\"Tokyo\"\"\""));
  CHECK_THAT(body, Catch::Contains("\"\"hunt forward\"\""));
  CHECK_THAT(body, Catch::Contains(",pledge,will,"));
  CHECK(f.Run({"commitments", "--csv", "--json"}).exit_code == 1);  // one format at a time
}

TEST_CASE("CLI: dialogues shows the round with its dates, place and document, show names it",
          "[cli]") {
  Fixture f;
  f.ImportCorpus();
  CliRun text = f.Run({"dialogues"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("Japan-U.S. Cyber Dialogue") &&
                           Catch::Contains("round 5   2017-07-20..2017-07-21, Tokyo"));
  nlohmann::json list = f.Json({"dialogues", "--json"});
  bool found = false;
  for (const auto& dialogue : list) {
    if (dialogue["name"] != "Japan-U.S. Cyber Dialogue") continue;
    found = true;
    REQUIRE(dialogue["rounds"].size() == 1);
    CHECK(dialogue["rounds"][0]["number"] == 5);
    CHECK(dialogue["rounds"][0]["place"] == "Tokyo");
    CHECK(dialogue["rounds"][0]["documents"].size() == 1);
  }
  CHECK(found);
  CHECK_THAT(f.Run({"show", "Joint Statement"}).out,
             Catch::Contains("Dialogue: Japan-U.S. Cyber Dialogue, round 5 (2017-07-20..2017-07-21, Tokyo)"));
  nlohmann::json view = f.Json({"show", "Joint Statement", "--json"});
  CHECK(view["round"]["number"] == 5);
}

TEST_CASE("CLI: a mistyped command is named with the closest one, and every parse error is one "
          "sentence naming the option", "[cli]") {
  Fixture f;
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"serach", "botnets"}, "normtrack: 'serach' is not a command; did you mean 'search'?"},
      {{"followup", "ad"}, "normtrack: 'ad' is not a 'followup' command; did you mean 'add'?"},
      {{"graph", "opne"}, "normtrack: 'opne' is not a 'graph' command; did you mean 'open'?"},
      {{"zzzzqq"}, "normtrack: 'zzzzqq' is not a command (the commands are: init, import"},
      {{"search", "x", "--limit", "abc"}, "normtrack: --limit takes a number, not 'abc'."},
      {{"followup", "add", "--title", "x", "--commitment", "11,12"},
       "normtrack: '11,12' is not a value --commitment takes"},
      {{"docs", "--bogus"}, "normtrack: --bogus is not an option or argument here"},
      {{"graph"}, "normtrack: a command is needed here"},
  };
  for (const Case& c : cases) {
    INFO(c.args[0]);
    CliRun run = f.Run(c.args);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::StartsWith(c.says));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);  // one line, no CLI11 footer
  }
  // Help and version still print and succeed.
  CHECK(f.Run({"--version"}).exit_code == 0);
  CliRun help = f.Run({"search", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--limit"));
}

