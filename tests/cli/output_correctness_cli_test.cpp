// What the commands print, checked through the real binary (issue 15, items 8, 14, 26, 27):
// phrases and dotted forms inside search fields, ids where ids are promised, one way of showing a
// paragraph without a label, DOT that Graphviz reads whatever the titles hold, folder imports
// that stay inside the folder, and messages that neither repeat a huge query nor print a file
// name's newline raw.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/cli_library.h"

using namespace nt;
using test::CliRun;

namespace {

using Fixture = test::CliLibrary;

std::size_t HitCount(Fixture& f, const std::string& query) {
  return f.Json({"search", query, "--limit", "1000", "--json"})["hits"].size();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HaveDot() { return std::system("dot -V >/dev/null 2>&1") == 0; }

// A plain-text document whose one paragraph has no label (no numbering) and holds a pledge.
constexpr std::string_view kUnlabelledBody =
    "Japan will share information on cyber incidents with the United States.\n";
const std::string kUnlabelled =
    "Statement on Cyber Incident Sharing\n\n" + std::string(kUnlabelledBody);

}  // namespace

TEST_CASE("CLI output: phrases and dotted forms inside the dialogue and title fields",
          "[cli][output]") {
  Fixture f;
  f.ImportCorpus();
  const std::size_t us = HitCount(f, "dialogue:us");
  REQUIRE(us == 41);
  // The dialogue's whole name as a phrase, with its dotted U.S. and its hyphen.
  CHECK(HitCount(f, "dialogue:\"Japan-U.S. Cyber Dialogue\"") == us);
  CHECK(HitCount(f, "dialogue:\"japan-u.s. cyber dialogue\"") == us);
  // The dotted form, in capitals or not, is the word "us".
  CHECK(HitCount(f, "dialogue:u.s.") == us);
  CHECK(HitCount(f, "dialogue:U.S.") == us);
  CHECK(HitCount(f, "dialogue:u.s") == us);
  // A phrase is a phrase: the words in this order, next to each other.
  const std::size_t joint = HitCount(f, "title:joint");
  REQUIRE(joint > 0);
  CHECK(HitCount(f, "title:\"joint statement\"") == joint);
  CHECK(HitCount(f, "title:\"statement joint\"") == 0);
  CHECK(HitCount(f, "dialogue:\"cyber japan\"") == 0);
  // Combined with body words and other fields.
  CHECK(HitCount(f, "dialogue:\"Japan-U.S. Cyber Dialogue\" \"critical infrastructure\"") ==
        HitCount(f, "dialogue:us \"critical infrastructure\""));
  // The examples of docs/search.md, as written there.
  CliRun phrase = f.Run({"search", "title:\"joint statement\" actor:Japan", "--limit", "1"});
  INFO(phrase.err);
  REQUIRE(phrase.exit_code == 0);
  CHECK_THAT(phrase.out, Catch::Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));
}

TEST_CASE("CLI output: graph path prints ids, and commitments lead with theirs", "[cli][output]") {
  Fixture f;
  f.ImportCorpus();
  CliRun path = f.Run({"graph", "path", "NISC", "DHS"});
  INFO(path.err);
  REQUIRE(path.exit_code == 0);
  const std::regex node(R"(^[a-z_]+ #[0-9]+  \S.*$)");
  const std::regex edge(R"(^   (--|<-) \S+$)");
  std::size_t nodes = 0;
  for (const std::string& line : Lines(path.out)) {
    INFO(line);
    CHECK((std::regex_match(line, node) || std::regex_match(line, edge)));
    if (std::regex_match(line, node)) ++nodes;
  }
  CHECK(nodes >= 2);
  CHECK_THAT(path.out, Catch::StartsWith("actor #"));
  // Each node's id is the one the JSON gives.
  nlohmann::json json = f.Json({"graph", "path", "NISC", "DHS",
                                "--json"});
  for (const auto& step : json["path"]) {
    CHECK_THAT(path.out, Catch::Contains(step["kind"].get<std::string>() + " #" +
                                         std::to_string(step["id"].get<long long>()) + "  "));
  }

  CliRun commitments = f.Run({"commitments", "--document", "1"});
  REQUIRE(commitments.exit_code == 0);
  nlohmann::json listed = f.Json({"commitments", "--document", "1", "--json"});
  REQUIRE(!listed.empty());
  CHECK_THAT(commitments.out,
             Catch::Contains("  #" + std::to_string(listed[0]["id"].get<long long>()) + " "));
}

TEST_CASE("CLI output: a paragraph without a label shows as '-' in every command",
          "[cli][output]") {
  Fixture f;
  test::TempDir inputs;
  CliRun imported = f.Run({"import", inputs.Write("unlabelled.txt", kUnlabelled).string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  nlohmann::json shown = f.Json({"show", "1", "--json"});
  REQUIRE(shown["paragraphs"].size() == 1);
  const long long paragraph = shown["paragraphs"][0]["id"].get<long long>();

  // show: the label column.
  CHECK_THAT(f.Run({"show", "1"}).out,
             Catch::Contains("  -  Japan will share information on cyber incidents"));
  // search: the hit's label, not "¶<paragraph id>".
  CliRun search = f.Run({"search", "incidents title:sharing"});
  CHECK_THAT(search.out, Catch::Contains(" - · Statement on Cyber Incident Sharing") &&
                             !Catch::Contains("¶"));
  CHECK_THAT(search.out, Catch::Contains(" - (commitment) · Statement on Cyber Incident Sharing"));
  // commitments: the label column after the id.
  nlohmann::json commitments = f.Json({"commitments", "--document", "1", "--json"});
  REQUIRE(commitments.size() == 1);
  const long long commitment = commitments[0]["id"].get<long long>();
  CHECK(commitments[0]["paragraph_label"].is_null());
  const std::regex listed("  #" + std::to_string(commitment) + " +- +pledge ");
  CHECK(std::regex_search(f.Run({"commitments", "--document", "1"}).out, listed));
  // graph: the commitment node is named by the same "-", not "commitment <id>".
  CliRun ego = f.Run({"graph", "ego", "commitment:" + std::to_string(commitment)});
  CHECK_THAT(ego.out, Catch::Contains("-: Japan will share information") &&
                          !Catch::Contains("commitment " + std::to_string(commitment) + ":"));
  CliRun lineage = f.Run({"graph", "lineage", std::to_string(commitment)});
  CHECK_THAT(lineage.out, Catch::Contains("Statement on Cyber Incident Sharing  -"));
  // precedent: the hit's label.
  CliRun precedent =
      f.Run({"precedent", "Japan will share information on cyber incidents with the United "
                          "States."});
  CHECK_THAT(precedent.out, Catch::Contains("Statement on Cyber Incident Sharing · -  (") &&
                                Catch::Contains("[paragraph #" + std::to_string(paragraph) + "]"));
}

TEST_CASE("CLI output: graph open, export -o and search --like say what they promise",
          "[cli][output]") {
  Fixture f;
  f.ImportCorpus();
  CliRun open =
      f.Run({"graph", "open", "--dialogue", "Japan-U.S. Cyber Dialogue", "--round", "5"});
  REQUIRE(open.exit_code == 0);
  CHECK_THAT(open.out, Catch::EndsWith("open commitments (recognitions and welcomes promise "
                                       "nothing, so they are never open).\n"));
  const auto file = f.dir / "graph.dot";
  CliRun exported = f.Run({"graph", "export", "--format", "dot", "-o", file.string()});
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.out == "Wrote the graph as DOT to " + file.string() + " (" +
                            std::to_string(std::filesystem::file_size(file)) + " bytes).\n");
  CliRun like = f.Run({"search", "--like", "99999"});
  CHECK(like.exit_code == 1);
  CHECK_THAT(like.err, Catch::StartsWith("normtrack: "));
}

TEST_CASE("CLI output: DOT export escapes backslashes, quotes and newlines so Graphviz reads it",
          "[cli][output][graph]") {
  Fixture f;
  test::TempDir inputs;
  // The title line ends in a backslash and holds \" (which ended the label early before).
  const std::string title = R"(Statement on C:\Cyber with a \"quote\" and a trailing \)";
  REQUIRE(f.Run({"import", inputs.Write("hostile.txt", title + "\n\n" +
                                                           std::string(kUnlabelledBody))
                               .string()})
              .exit_code == 0);
  REQUIRE(f.Json({"docs", "--json"})[0]["title"] == title);
  nlohmann::json commitments = f.Json({"commitments", "--document", "1", "--json"});
  REQUIRE(commitments.size() == 1);
  // A follow-up's title is a node too: one with a newline, a backslash before it and at its end.
  const std::string follow_up = "Report back\\\nnext year \"soon\" \\";
  CliRun added = f.Run({"followup", "add", "--title", follow_up, "--commitment",
                        std::to_string(commitments[0]["id"].get<long long>())});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);

  const auto dot_file = f.dir / "graph.dot";
  REQUIRE(f.Run({"graph", "export", "--format", "dot", "-o", dot_file.string()}).exit_code == 0);
  const std::string dot = test::ReadAll(dot_file);
  CHECK_THAT(dot, Catch::Contains(
                      R"(label="Statement on C:\\Cyber with a \\\"quote\\\" and a trailing \\")"));
  CHECK_THAT(dot, Catch::Contains(R"(label="Report back\\\nnext year \"soon\" \\")"));
  // Every statement is on its own line: no raw newline inside a value.
  for (const std::string& line : Lines(dot)) {
    INFO(line);
    CHECK((line == "digraph G {" || line == "}" || std::regex_match(line, std::regex(R"(^\w+(->\w+)? \[.*\];$)"))));
  }
  if (!HaveDot()) {
    WARN("Graphviz's dot is not installed (scripts/install-deps.sh installs it): the DOT file "
         "was checked for its escaping but not drawn.");
    return;
  }
  const auto svg = f.dir / "graph.svg";
  const std::string command = "dot -Tsvg '" + dot_file.string() + "' -o '" + svg.string() +
                              "' 2>'" + (f.dir / "dot.err").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  INFO(test::ReadAll(f.dir / "dot.err"));
  CHECK(test::ReadAll(f.dir / "dot.err").empty());
  const std::string drawn = test::ReadAll(svg);
  // Graphviz read the labels back as the titles: the backslashes and quotes as text.
  CHECK_THAT(drawn,
             Catch::Contains(R"(Statement on C:\Cyber with a \&quot;quote\&quot; and a trailing \)"));
  CHECK_THAT(drawn, Catch::Contains(">Report back\\</text>") &&
                        Catch::Contains(">next year &quot;soon&quot; \\</text>"));
}

TEST_CASE("CLI output: a folder import does not follow links out of the folder unless "
          "--follow-links",
          "[cli][output][import]") {
  Fixture f;
  test::TempDir outside;
  test::TempDir folder;
  const auto secret = outside.Write("secret.txt", kUnlabelled);
  outside.Write("more/other.txt", "Other Statement\n\n1. Japan will act on cyber threats.\n");
  folder.Write("a.txt", "Own Statement\n\n1. The United States will act on botnets.\n");
  std::filesystem::create_directories(folder / "sub");
  std::error_code ec;
  std::filesystem::create_symlink(secret, folder / "sub" / "x.txt", ec);
  if (ec) {
    WARN("symbolic links cannot be made here: " + ec.message());
    return;
  }
  std::filesystem::create_directory_symlink(outside / "more", folder / "linked", ec);
  REQUIRE(!ec);
  // A link that stays inside the folder is the folder's own (the same bytes: unchanged).
  std::filesystem::create_symlink(folder / "a.txt", folder / "sub" / "same.txt", ec);
  REQUIRE(!ec);

  CliRun run = f.Run({"import", folder.path().string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("skipped " + (folder / "linked").string() +
                                      ": a link that leads outside the folder (--follow-links "
                                      "follows it)\n") &&
                          Catch::Contains("skipped " + (folder / "sub" / "x.txt").string() +
                                          ": a link that leads outside the folder"));
  CHECK_THAT(run.out, Catch::EndsWith("Imported 1, revised 0, unchanged 1, failed 0.\n"));
  CHECK(f.Json({"docs", "--json"}).size() == 1);
  nlohmann::json dry = f.Json({"import", "--dry-run", "--json", folder.path().string()});
  CHECK(dry["skipped_links"] == nlohmann::json::array({(folder / "linked").string(),
                                                       (folder / "sub" / "x.txt").string()}));

  CliRun followed = f.Run({"import", "--follow-links", folder.path().string()});
  INFO(followed.err);
  REQUIRE(followed.exit_code == 0);
  CHECK_THAT(followed.out, !Catch::Contains("skipped "));
  CHECK_THAT(followed.out, Catch::EndsWith("Imported 2, revised 0, unchanged 2, failed 0.\n"));
  CHECK(f.Json({"docs", "--json"}).size() == 3);
}

TEST_CASE("CLI output: a huge query is quoted in part, and file names print escaped",
          "[cli][output]") {
  Fixture f;
  f.ImportCorpus();
  std::string words;
  while (words.size() < 100 * 1024) words += "quokka ";
  // Malformed (ends in AND): the error names the query by its first 80 characters and length.
  CliRun malformed = f.Run({"search", words + "AND"});
  CHECK(malformed.exit_code == 1);
  CHECK(malformed.err.size() < 400);
  CHECK_THAT(malformed.err,
             Catch::StartsWith("normtrack: Searching for 'quokka quokka") &&
                 Catch::Contains("…' (" + std::to_string(words.size() + 3) + " characters)"));
  // No match: the same excerpt.
  CliRun none = f.Run({"search", words});
  CHECK(none.exit_code == 0);
  CHECK(none.out.size() < 200);
  CHECK_THAT(none.out, Catch::StartsWith("No matches for 'quokka quokka"));

  test::TempDir inputs;
  const auto strange = inputs.Write("line\nbreak\x1b[31m.txt",
                                    "Odd Name Statement\n\n1. Japan will act on spam.\n");
  const auto broken = inputs.Write("bad\rname.pdf", "not a PDF at all");
  CliRun run = f.Run({"import", inputs.path().string()});
  const std::string escaped = (inputs / "line\\nbreak\\x1B[31m.txt").string();
  CHECK_THAT(run.out, Catch::Contains("imported " + escaped + ": #3 \"Odd Name Statement\""));
  CHECK_THAT(run.err, Catch::Contains((inputs / "bad\\rname.pdf").string()) &&
                          !Catch::Contains("\r") && !Catch::Contains("\x1b"));
  CHECK(run.out.find("line\nbreak") == std::string::npos);
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK_THAT(f.Run({"show", "3"}).out, Catch::Contains("    Source: " + escaped + " ("));
}
