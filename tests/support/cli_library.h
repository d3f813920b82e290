#pragma once
// A library file in a temporary folder, driven through the built `normtrack` binary: the
// fixture of the end-to-end CLI tests.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/cli_runner.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace nt::test {

struct CliLibrary {
  TempDir dir;
  std::string db = (dir / "library.sqlite3").string();

  // Runs `normtrack --db <db> ARGS...`.
  CliRun Run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), {"--db", db});
    return RunCli(args, dir.path(), env);
  }
  // The same, with process limits (fault tests).
  CliRun RunWith(std::vector<std::string> args, std::map<std::string, std::string> env,
                 const CliProcess& process) {
    args.insert(args.begin(), {"--db", db});
    return RunCli(args, dir.path(), env, process);
  }
  void ImportCorpus() {
    CliRun run = Run({"import", "-q", CorpusDocumentsDir().string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
  // Runs a command that must succeed and parses its --json output.
  nlohmann::json Json(std::vector<std::string> args) {
    CliRun run = Run(std::move(args));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return nlohmann::json::parse(run.out);
  }
};

}  // namespace nt::test
