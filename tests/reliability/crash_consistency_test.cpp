// Crash consistency (docs/reliability.md): a large import in a child process is killed with
// SIGKILL at spread-out moments; after each kill the library must open, pass integrity_check
// and `normtrack check`, hold only whole documents (ImportService invariant 1), and have its
// search index repaired by the next open (SearchService invariant 7).
//
// NORMTRACK_CRASH_RUNS sets the number of kills and NORMTRACK_CRASH_DOCUMENTS the size of the
// generated corpus (CTest: 8 kills of an 80-document import in crash_consistency_short, which the
// normal suite runs; 60 kills of a 200-document import in crash_consistency_full, label
// "crash"). Killing a process is POSIX only: on Windows this file has no tests.

#ifndef _WIN32

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include "bench/synthetic_corpus.h"
#include "support/cli_runner.h"
#include "support/raw_sqlite.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

extern char** environ;

using namespace nt;
using Clock = std::chrono::steady_clock;

namespace {

// A positive integer from the environment, or `fallback`.
int FromEnvironment(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && std::atoi(value) > 0 ? std::atoi(value) : fallback;
}

// Starts `normtrack --db DB import -q CORPUS` with its output discarded.
pid_t StartImport(const std::filesystem::path& db, const std::filesystem::path& corpus,
                  const std::filesystem::path& work_dir) {
  const std::string cli = test::CliPath().string();
  std::vector<std::string> args{cli, "--db", db.string(), "import", "-q", corpus.string()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings{"NORMTRACK_HOME=" + (work_dir / "no-home").string()};
  for (char** e = environ; *e; ++e) {
    if (std::string_view(*e).starts_with("NORMTRACK_HOME=")) continue;
    env_strings.emplace_back(*e);
  }
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, cli.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

// "source path" -> paragraphs, for every document in `db`.
std::map<std::string, int> ParagraphCounts(const std::filesystem::path& db) {
  std::map<std::string, int> counts;
  for (const std::string& row : test::RawColumn(
           db,
           "SELECT (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) || ' ' || "
           "source_path FROM documents d")) {
    const auto space = row.find(' ');
    counts[row.substr(space + 1)] = std::stoi(row.substr(0, space));
  }
  return counts;
}

test::CliRun Cli(const std::filesystem::path& db, std::vector<std::string> args,
                 const std::filesystem::path& work_dir) {
  args.insert(args.begin(), {"--db", db.string()});
  return test::RunCli(args, work_dir);
}

// Everything a killed import must leave true.
void CheckAfterKill(const std::filesystem::path& db, const std::map<std::string, int>& expected,
                    const std::filesystem::path& work_dir) {
  if (!std::filesystem::exists(db)) return;  // killed before the database was created
  const std::map<std::string, int> expected_none;
  CHECK(test::RawColumn(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  const bool migrated =
      test::RawInt(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'") == 1;
  // Whole documents only: each stored document has every paragraph its file has.
  for (const auto& [path, paragraphs] : migrated ? ParagraphCounts(db) : expected_none) {
    INFO(path);
    auto want = expected.find(path);
    REQUIRE(want != expected.end());
    CHECK(paragraphs == want->second);
  }
  // The next open repairs the index: a search is such an open.
  test::CliRun search = Cli(db, {"search", "cyber"}, work_dir);
  INFO(search.err);
  CHECK(search.exit_code == 0);
  test::CliRun index = Cli(db, {"index", "--check"}, work_dir);
  INFO(index.out << index.err);
  CHECK(index.exit_code == 0);
  test::CliRun check = Cli(db, {"check"}, work_dir);
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
}

void RemoveLibrary(const std::filesystem::path& db) {
  for (const char* suffix : {"", "-wal", "-shm", ".index"}) {
    std::filesystem::remove_all(db.string() + suffix);
  }
}

}  // namespace

TEST_CASE("Crash consistency: SIGKILL during a large import leaves whole documents", "[crash]") {
  test::TempDir dir;
  bench::SyntheticCorpusOptions options;
  const int documents = FromEnvironment("NORMTRACK_CRASH_DOCUMENTS", 80);
  options.documents = documents;
  options.states = {"Japan", "United States", "Australia", "France", "Germany", "India"};
  options.organisations = {"NISC", "European Union", "ASEAN", "United Nations"};
  auto corpus = bench::WriteSyntheticCorpus(dir / "corpus", options);
  REQUIRE(corpus);

  // An uninterrupted import: what each file holds, and how long the whole import takes.
  const auto reference = dir / "reference.sqlite3";
  const auto started = Clock::now();
  test::CliRun full = Cli(reference, {"import", "-q", (dir / "corpus").string()}, dir.path());
  Clock::duration duration = Clock::now() - started;
  INFO(full.err);
  REQUIRE(full.exit_code == 0);
  const auto expected = ParagraphCounts(reference);
  REQUIRE(expected.size() == static_cast<std::size_t>(documents));

  const int runs = FromEnvironment("NORMTRACK_CRASH_RUNS", 8);
  int killed = 0;
  for (int run = 0; run < runs; ++run) {
    // Offsets spread evenly over the import, from its start-up to near its final index
    // commit: 0.9 of the measured duration, as the machine may now run faster than it did.
    const auto delay =
        std::chrono::duration_cast<std::chrono::microseconds>(duration * 0.9 * (run + 0.5) / runs);
    const auto db = dir / ("run-" + std::to_string(run) + ".sqlite3");
    const pid_t child = StartImport(db, dir / "corpus", dir.path());
    const auto child_started = Clock::now();
    int status = 0;
    pid_t ended = 0;
    // Polled: an import that ends before its moment (the measured import ran beside heavier
    // load than now) gives the duration the later runs are spread over.
    while ((ended = waitpid(child, &status, WNOHANG)) == 0 &&
           Clock::now() - child_started < delay) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (ended == 0) {
      kill(child, SIGKILL);
      REQUIRE(waitpid(child, &status, 0) == child);
    } else {
      REQUIRE(ended == child);
      duration = Clock::now() - child_started;
    }
    if (WIFSIGNALED(status)) ++killed;
    INFO("run " << run << ", killed after " << delay.count() / 1000 << " ms");
    CheckAfterKill(db, expected, dir.path());
    RemoveLibrary(db);
  }
  // Most runs must die mid-import, or the test proves little; how many depends on the
  // machine's load now and during the measured import, hence the margin.
  CHECK(killed >= runs / 2);
}

#endif  // _WIN32
