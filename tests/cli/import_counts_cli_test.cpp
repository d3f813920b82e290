// The counts an import reports are the library's (issue 15, item 6): a dry run, a first
// import, an unchanged file and a revision all say what `docs` then shows, the boilerplate
// set apart and said so.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/cli_library.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"

using nt::test::CliRun;
using Json = nlohmann::json;

namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Listed {
  int paragraphs = 0;
  int commitments = 0;
};

Listed DocsCounts(nt::test::CliLibrary& library, std::int64_t id) {
  const CliRun docs = library.Run({"docs", "--json"});
  REQUIRE(docs.exit_code == 0);
  for (const Json& d : Json::parse(docs.out)) {
    if (d["id"] == id) return {d["paragraph_count"], d["commitment_count"]};
  }
  FAIL("document #" << id << " is not listed");
  return {};
}

}  // namespace

TEST_CASE("CLI: import reports the counts docs shows, for a dry run, unchanged and revised files",
          "[cli][import]") {
  nt::test::CliLibrary library;
  REQUIRE(library.Run({"init"}).exit_code == 0);
  const std::filesystem::path seed =
      nt::test::CorpusDocumentsDir() / "japan-us-cyber-dialogue-2017-joint-statement.txt";
  const std::filesystem::path copy = library.dir.path() / "statement.txt";
  std::filesystem::copy_file(seed, copy);

  const CliRun dry = library.Run({"import", "--dry-run", "--json", copy.string()});
  REQUIRE(dry.exit_code == 0);
  const Json would = Json::parse(dry.out)["files"][0];
  const CliRun dry_text = library.Run({"import", "--dry-run", copy.string()});
  // A new document has no id yet: not "#0".
  CHECK_THAT(dry_text.out, Catch::Contains("new document") && !Catch::Contains("#0"));

  const CliRun imported = library.Run({"import", "--json", copy.string()});
  REQUIRE(imported.exit_code == 0);
  const Json stored = Json::parse(imported.out)["files"][0];
  const std::int64_t id = stored["document_id"];
  const Listed listed = DocsCounts(library, id);
  // The seed's page furniture (its source line and footer) is counted apart.
  CHECK(listed.paragraphs == 17);
  CHECK(listed.commitments == 24);
  CHECK(stored["paragraphs"] == listed.paragraphs);
  CHECK(stored["boilerplate_paragraphs"] == 2);
  CHECK(stored["commitments"] == listed.commitments);
  CHECK(would["paragraphs"] == listed.paragraphs);
  CHECK(would["commitments"] == listed.commitments);
  const CliRun shown = library.Run({"import", "--dry-run", copy.string()});
  CHECK_THAT(shown.out, Catch::Contains("17 paragraphs (and 2 of page furniture), 24 commitments"));

  // Unchanged: what the stored document holds, not 0.
  const CliRun again = library.Run({"import", "--json", copy.string()});
  REQUIRE(again.exit_code == 0);
  const Json unchanged = Json::parse(again.out)["files"][0];
  CHECK(unchanged["outcome"] == "unchanged");
  CHECK(unchanged["paragraphs"] == 17);
  CHECK(unchanged["commitments"] == 24);
  CHECK_THAT(library.Run({"import", copy.string()}).out,
             Catch::Contains("already stored as #" + std::to_string(id) + ", 17 paragraphs"));

  // A revision that drops the last content paragraph: the report counts the whole revised
  // document (its kept paragraphs' commitments included), as docs does.
  std::string text = ReadAll(copy);
  const std::string dropped = "c. Japan and the United States recognize that building";
  const auto at = text.find(dropped);
  REQUIRE(at != std::string::npos);
  const auto end = text.find("\n\n", at);
  text.erase(at, end - at);
  std::ofstream(copy, std::ios::binary | std::ios::trunc) << text;
  const CliRun revised = library.Run({"import", "--json", copy.string()});
  REQUIRE(revised.exit_code == 0);
  const Json revision = Json::parse(revised.out)["files"][0];
  CHECK(revision["outcome"] == "revised");
  const Listed after = DocsCounts(library, id);
  CHECK(after.paragraphs == 16);
  CHECK(revision["paragraphs"] == after.paragraphs);
  CHECK(revision["commitments"] == after.commitments);
  CHECK(after.commitments > 20);
}
