// A library opened through the built binary without its search index beside it (a database
// file copied alone, a backup opened with --db): the first writable open rebuilds the index and
// says so on stderr, while `index --check` and `check` report it instead (architecture.md,
// invariant 6; workspace invariant 4).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/cli_library.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using test::CliRun;
using test::RunCli;

namespace {

constexpr int kExitData = 2;
constexpr int kExitProblems = 3;

// The corpus imported into a NORMTRACK_HOME folder, and its database file copied alone.
struct CopiedAlone {
  test::TempDir dir;
  std::filesystem::path home = dir / "home";
  std::string copy = (dir / "elsewhere" / "copy.sqlite3").string();

  CopiedAlone() {
    CliRun imported = RunCli({"import", "-q", test::CorpusDocumentsDir().string()}, dir.path(),
                             {{"NORMTRACK_HOME", home.string()}});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    REQUIRE(std::filesystem::exists(home / "search-index"));
    std::filesystem::create_directories(dir / "elsewhere");
    std::filesystem::copy_file(home / "normtrack.sqlite3", copy);
    REQUIRE_FALSE(std::filesystem::exists(copy + ".index"));
  }
  CliRun Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", copy});
    return RunCli(args, dir.path());
  }
};

std::set<std::string> HitLabels(const std::string& json) {
  std::set<std::string> labels;
  const nlohmann::json parsed = nlohmann::json::parse(json);  // outlives the loop
  for (const auto& hit : parsed["hits"]) {
    if (hit["label"].is_string()) labels.insert(hit["label"].get<std::string>());
  }
  return labels;
}

}  // namespace

TEST_CASE("CLI workspace: a database copied alone is searchable at once, its index rebuilt",
          "[cli]") {
  CopiedAlone f;
  CliRun first = f.Run({"search", "botnets", "--json"});
  INFO(first.out << first.err);
  CHECK(first.exit_code == 0);
  CHECK(HitLabels(first.out).contains("7(2)d"));
  CHECK_THAT(first.err, Catch::Contains("no search index") && Catch::Contains("rebuilding") &&
                            Catch::Contains("2 documents"));
  CHECK(std::filesystem::exists(f.copy + ".index"));

  CliRun second = f.Run({"search", "botnets"});
  INFO(second.out << second.err);
  CHECK(second.exit_code == 0);
  CHECK(second.err.empty());
  CHECK_THAT(second.out, Catch::Contains("7(2)d"));

  CliRun check = f.Run({"index", "--check"});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("The index agrees with the database."));
  CHECK(check.err.empty());
}

TEST_CASE("CLI workspace: an index folder cut short or holding junk is rebuilt at first use",
          "[cli]") {
  CopiedAlone f;
  // As a first index killed before its first commit leaves it: the folder, no database.
  const std::filesystem::path index = f.copy + ".index";
  std::filesystem::create_directories(index);
  {
    std::ofstream junk(index / "iamglass", std::ios::binary);
    junk << "not a xapian revision file";
  }
  CliRun search = f.Run({"search", "botnets", "--json"});
  INFO(search.out << search.err);
  CHECK(search.exit_code == 0);
  CHECK(HitLabels(search.out).contains("7(2)d"));
  CHECK_THAT(search.err, Catch::Contains("cannot be read") && Catch::Contains("rebuilding"));
  CliRun check = f.Run({"index", "--check"});
  CHECK(check.exit_code == 0);
}

TEST_CASE("CLI workspace: a backup opened with --db searches correctly on first use", "[cli]") {
  test::CliLibrary f;
  f.ImportCorpus();
  const std::string backup = (f.dir / "backup.sqlite3").string();
  CliRun made = f.Run({"backup", backup});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  REQUIRE_FALSE(std::filesystem::exists(backup + ".index"));

  CliRun search = RunCli({"--db", backup, "search", "botnets", "--json"}, f.dir.path());
  INFO(search.out << search.err);
  CHECK(search.exit_code == 0);
  CHECK(HitLabels(search.out).contains("7(2)d"));
  CHECK_THAT(search.err, Catch::Contains("rebuilding"));
  CliRun check = RunCli({"--db", backup, "index", "--check"}, f.dir.path());
  CHECK(check.exit_code == 0);
}

TEST_CASE("CLI workspace: a plain index on a copy without its index rebuilds it", "[cli]") {
  CopiedAlone f;
  CliRun index = f.Run({"index"});
  INFO(index.out << index.err);
  CHECK(index.exit_code == 0);
  CHECK_THAT(index.out, Catch::Contains("Rebuilt the search index: 2 documents indexed"));
  CHECK_THAT(index.out, !Catch::Contains("Index up to date"));
  CHECK_THAT(index.out, Catch::Contains("The index agrees with the database."));
  CHECK(std::filesystem::exists(f.copy + ".index"));
  // The index command does its upkeep itself: nothing ran at open to announce.
  CHECK_THAT(index.err, !Catch::Contains("rebuilding"));
  CHECK_THAT(f.Run({"search", "botnets"}).out, Catch::Contains("7(2)d"));
}

TEST_CASE("CLI workspace: index --check and check report a missing index instead of building it",
          "[cli]") {
  CopiedAlone f;
  CliRun index_check = f.Run({"index", "--check"});
  INFO(index_check.out << index_check.err);
  CHECK(index_check.exit_code == kExitData);
  CHECK_THAT(index_check.out, Catch::Contains("drift: "));
  CHECK_THAT(index_check.out, Catch::Contains("The index disagrees with the database"));
  CHECK_THAT(index_check.err, !Catch::Contains("rebuilding"));
  CHECK_FALSE(std::filesystem::exists(f.copy + ".index"));

  CliRun check = f.Run({"check"});
  INFO(check.out << check.err);
  CHECK(check.exit_code == kExitProblems);
  CHECK_THAT(check.out, Catch::Contains("Search index: There is no search index"));
  CHECK_THAT(check.err, !Catch::Contains("rebuilding"));
  CHECK_FALSE(std::filesystem::exists(f.copy + ".index"));

  // Reported again, as nothing was mended behind the user's back.
  CHECK(f.Run({"index", "--check"}).exit_code == kExitData);
}
