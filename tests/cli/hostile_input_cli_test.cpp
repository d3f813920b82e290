// Hostile inputs through the real binary (docs/reliability.md, "Hostile inputs"): file names
// that break naive quoting or path limits, text that looks like markup, and exports that must
// write exactly the file the user chose.

#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support/cli_library.h"

using namespace nt;
using test::CliRun;

namespace {

using Fixture = test::CliLibrary;

std::vector<std::filesystem::path> FilesUnder(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(std::filesystem::relative(entry.path(), folder));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Text that is markup in HTML, XML, DOT and JSON, imported from a plain-text file as text.
constexpr std::string_view kHostileTitle =
    "Statement \"quoted\" <script>alert('title')</script> & <b onmouseover=\"alert(1)\">x</b>";
constexpr std::string_view kHostileSentence =
    "Japan will cooperate with <a href=\"javascript:alert('x')\">partners</a> & \"friends\" "
    "</data></node><node id=\"n0\"> ]]> \\\" -> evil;";

}  // namespace

TEST_CASE("CLI hostile: Japanese names, quotes, spaces and a path over 260 characters",
          "[cli][hostile]") {
  Fixture f;
  test::TempDir inputs;
  const std::string japanese = "日米サイバー対話 共同声明 \"第5回\" 'テスト'.md";
  std::string deep;
  for (int i = 0; i < 12; ++i) deep += "folder number " + std::to_string(i) + " with spaces/";
  const std::string long_name = deep + std::string(120, 'x') + " statement.md";
  REQUIRE((inputs.path() / long_name).string().size() > 400);
  inputs.Write(japanese, "# 日米サイバー対話 共同声明\n\n1. 日本と米国は協力する。\n");
  inputs.Write(long_name, "# Long Path Statement\n\n1. Japan and the United States will act.\n");

  CliRun run = f.Run({"import", inputs.path().string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("Imported 2, revised 0, unchanged 0, failed 0."));
  CHECK_THAT(run.out, Catch::Contains(japanese) && Catch::Contains(std::string(120, 'x')));

  nlohmann::json docs = f.Json({"docs", "--json"});
  REQUIRE(docs.size() == 2);
  std::set<std::string> sources;
  for (const auto& doc : docs) sources.insert(doc["source_path"].get<std::string>());
  CHECK(sources == std::set<std::string>{(inputs.path() / japanese).string(),
                                         (inputs.path() / long_name).string()});
  CHECK_THAT(f.Run({"show", "日米サイバー対話"}).out, Catch::Contains("日本と米国は協力する。"));
  CHECK_THAT(f.Run({"show", "Long Path"}).out, Catch::Contains("will act."));
  // Importing again by the long path itself finds it unchanged.
  CHECK_THAT(f.Run({"import", (inputs.path() / long_name).string()}).out,
             Catch::Contains("unchanged 1"));
}

TEST_CASE("CLI hostile: text that looks like markup stays text in JSON, GraphML and DOT",
          "[cli][hostile]") {
  Fixture f;
  test::TempDir inputs;
  const auto file = inputs.Write(
      "markup.txt", std::string(kHostileTitle) + "\n\n1. " + std::string(kHostileSentence) + "\n");
  CliRun imported = f.Run({"import", file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);

  // JSON: the exact text, escaped by the JSON writer, parsed back unchanged.
  nlohmann::json docs = f.Json({"docs", "--json"});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["title"] == std::string(kHostileTitle));
  const std::string show = f.Run({"show", "1", "--json"}).out;
  CHECK_THAT(show, Catch::Contains("\\\"quoted\\\""));
  CHECK_THAT(nlohmann::json::parse(show).dump(), Catch::Contains("javascript:alert"));

  // GraphML: well-formed XML whose only elements are GraphML's own.
  const auto graphml = f.dir / "graph.graphml";
  REQUIRE(f.Run({"graph", "export", "--format", "graphml", "-o", graphml.string()}).exit_code ==
          0);
  const std::string xml = test::ReadAll(graphml);
  CHECK(std::system(("xmllint --noout '" + graphml.string() + "'").c_str()) == 0);
  for (const char* live : {"<script", "<b ", "<a ", "</data></node>", "<node id=\"n0\"> ]]>"}) {
    CHECK(xml.find(live) == std::string::npos);
  }
  CHECK_THAT(xml, Catch::Contains("&lt;script&gt;alert("));

  // DOT: every label stays inside its quotes, so no statement or edge is injected.
  CliRun dot = f.Run({"graph", "export", "--format", "dot"});
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.find("-> evil;") == std::string::npos);
  CHECK_THAT(dot.out, Catch::Contains("\\\"quoted\\\""));
}

TEST_CASE("CLI hostile: an export writes exactly the chosen file and nothing else",
          "[cli][hostile]") {
  Fixture f;
  f.ImportCorpus();
  test::TempDir out;
  std::filesystem::create_directories(out / "a" / "b");
  out.Write("keep.txt", "keep me\n");
  const auto before = FilesUnder(out.path());

  SECTION("a path with '..' is used as given, relative to the current folder") {
    // From a/b, "../../graph.dot" is the top of `out`: resolved by the system, not rewritten.
    std::vector<std::string> args = {"--db", f.db,   "graph", "export", "--format",
                                     "dot",  "-o", "../../graph.dot"};
    CliRun run = test::RunCli(args, out / "a" / "b");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto after = FilesUnder(out.path());
    std::erase(after, std::filesystem::path("graph.dot"));
    CHECK(after == before);
    CHECK_THAT(test::ReadAll(out / "graph.dot"), Catch::StartsWith("digraph G {"));
  }
  SECTION("an existing file is replaced whole") {
    const auto target = out.Write("graph.graphml", std::string(1'000'000, 'o'));
    REQUIRE(f.Run({"graph", "export", "-o", target.string()}).exit_code == 0);
    const std::string xml = test::ReadAll(target);
    CHECK_THAT(xml, Catch::StartsWith("<?xml") && Catch::EndsWith("</graphml>\n"));
    CHECK(xml.find('o' + std::string(100, 'o')) == std::string::npos);
    CHECK(FilesUnder(out.path()).size() == before.size() + 1);
  }
  SECTION("a folder that does not exist is an error naming the file; nothing is created") {
    CliRun run = f.Run({"graph", "export", "-o", (out / "missing" / "graph.graphml").string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("graph.graphml") && Catch::Contains("does not exist"));
    CHECK(FilesUnder(out.path()) == before);
    CHECK_FALSE(std::filesystem::exists(out / "missing"));
  }
  SECTION("a folder in place of the file is refused and left alone") {
    CliRun run = f.Run({"graph", "export", "-o", (out / "a").string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("is a folder"));
    CHECK(FilesUnder(out.path()) == before);
  }
}
