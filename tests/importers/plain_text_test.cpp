#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "importers/markdown.h"
#include "importers/plain_text.h"
#include "importers/registry.h"
#include "importers/statement_dateline.h"
#include "importers/statement_labels.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

std::filesystem::path StatementFixture(const std::string& name) {
  return test::FixturesDir() / "importers" / "statements" / name;
}

SourceFile LoadSource(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  return SourceFile{path, std::move(*bytes)};
}

ImportedDocument ReadPlain(const SourceFile& file) {
  auto document = PlainTextImporter().Read(file);
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

const ImportedParagraph& WithLabel(const ImportedDocument& document, const std::string& label) {
  auto it = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                         [&](const ImportedParagraph& p) { return p.label == label; });
  REQUIRE(it != document.paragraphs.end());
  return *it;
}

std::vector<std::string> Labels(const ImportedDocument& document) {
  std::vector<std::string> labels;
  for (const ImportedParagraph& paragraph : document.paragraphs) labels.push_back(paragraph.label);
  return labels;
}

std::string Label(std::string_view text) {
  auto label = ParseLeadingLabel(text);
  if (!label) return "<none>";
  LabelPath path;
  return path.Push(label->parts) + "|" + label->rest;
}

}  // namespace

// ---- the plain-text importer -----------------------------------------------------------------

TEST_CASE("PlainTextImporter: press release title, release type, place and date", "[importers]") {
  ImportedDocument document =
      ReadPlain(LoadSource(StatementFixture("plain_joint_press_release.txt")));
  CHECK(document.title ==
        "Joint Press Release on the Second Japan-Australia Cyber Policy Dialogue");
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(document.metadata.at("release_type") == "Media Note");
  CHECK(document.place == "Tokyo");
  CHECK(document.date == "2017-02-08");
  CHECK(document.language == "en");
}

TEST_CASE("PlainTextImporter: leading printed labels move into the label", "[importers]") {
  ImportedDocument document =
      ReadPlain(LoadSource(StatementFixture("plain_joint_press_release.txt")));
  CHECK(Labels(document) ==
        std::vector<std::string>{"1", "2", "2(1)a", "2(1)b", "2(2)", "13(a)", "", ""});
  CHECK(WithLabel(document, "1").text.starts_with("The second Japan-Australia Cyber Policy"));
  CHECK(WithLabel(document, "1").source_line == 7);
  CHECK(WithLabel(document, "2(1)b").text ==
        "They intend to hold the next dialogue in Canberra in 2018.");
  CHECK(WithLabel(document, "2(1)b").heading_path ==
        std::vector<std::string>{"(1) Norms of responsible State behaviour"});
  CHECK(WithLabel(document, "2(2)").text ==
        "Japan and Australia will continue to cooperate on capacity building in the "
        "Indo-Pacific region.");
  CHECK(WithLabel(document, "13(a)").text.starts_with("Consistent with the purposes"));
  CHECK(WithLabel(document, "13(a)").heading_path.empty());
}

TEST_CASE("PlainTextImporter: a sentence split by a page break is rejoined", "[importers]") {
  ImportedDocument document =
      ReadPlain(LoadSource(StatementFixture("plain_joint_press_release.txt")));
  CHECK(WithLabel(document, "2(1)a").text ==
        "Japan and Australia will promote the norms recommended in the 2015 report of the Group "
        "of Governmental Experts (A/70/174), in particular the norm on cooperation among States "
        "to increase stability and security in the use of ICTs.");
  REQUIRE(document.warnings.size() == 1);
  CHECK(document.warnings[0].find("line 15") != std::string::npos);
}

TEST_CASE("PlainTextImporter: a paragraph split twice is rejoined once", "[importers]") {
  ImportedDocument document = ReadPlain(SourceFile{
      "split.txt",
      "Statement\n\n1. The two sides agreed on the\n\nprinciples set out in the\n\nreport "
      "of 2015.\n\n2. Next item.\n"});
  REQUIRE(document.paragraphs.size() == 2);
  CHECK(document.paragraphs[0].label == "1");
  CHECK(document.paragraphs[0].text ==
        "The two sides agreed on the principles set out in the report of 2015.");
  CHECK(std::count_if(document.warnings.begin(), document.warnings.end(), [](const auto& w) {
          return w.starts_with("Rejoined");
        }) == 2);
}

TEST_CASE("PlainTextImporter: an unmarked heading line heads the text after it", "[importers]") {
  ImportedDocument document =
      ReadPlain(LoadSource(StatementFixture("plain_joint_press_release.txt")));
  REQUIRE(document.paragraphs.size() == 8);
  CHECK(document.paragraphs[6].text == "Next steps");
  CHECK(document.paragraphs[7].text ==
        "Both delegations agreed to report on progress at the next dialogue.");
  CHECK(document.paragraphs[7].heading_path == std::vector<std::string>{"Next steps"});
}

TEST_CASE("PlainTextImporter: wins over Markdown on a genuinely plain .txt", "[importers]") {
  SourceFile file = LoadSource(StatementFixture("plain_joint_press_release.txt"));
  CHECK(PlainTextImporter().Confidence(file) > MarkdownImporter().Confidence(file));
  Registry registry = Registry::WithBuiltinFormats();
  const Importer* chosen = registry.Choose(file);
  REQUIRE(chosen != nullptr);
  CHECK(chosen->Name() == "plain_text");
}

TEST_CASE("PlainTextImporter: tab-separated rows become readable paragraphs", "[importers]") {
  ImportedDocument document = ReadPlain(
      SourceFile{"table.txt",
                 "Priority Areas\n\nIntro sentence of the table.\n\nArea\tMeasure\nSharing\tFaster "
                 "alerts\nCrime\tMore cooperation\n"});
  REQUIRE(document.paragraphs.size() == 4);
  CHECK(document.paragraphs[1].text == "Area: Measure");
  CHECK(document.paragraphs[2].text == "Sharing: Faster alerts");
  CHECK(document.paragraphs[3].text == "Crime: More cooperation");
}

TEST_CASE("PlainTextImporter: a text without a title line is titled by its first sentence",
          "[importers]") {
  ImportedDocument document = ReadPlain(SourceFile{
      "notes/gge-2015-norms.txt",
      "13 (a) States should cooperate in developing and applying measures.\n\n(b) In case of "
      "ICT incidents, States should consider all relevant information.\n"});
  CHECK(document.title == "States should cooperate in developing and applying measures");
  REQUIRE(document.warnings.size() == 1);
  CHECK(document.warnings[0].find("first sentence") != std::string::npos);
  REQUIRE(document.paragraphs.size() == 2);
  CHECK(document.paragraphs[0].label == "13(a)");
  CHECK(document.paragraphs[1].label == "13(b)");
}

TEST_CASE("PlainTextImporter: bad input is refused with one sentence naming the file",
          "[importers]") {
  Registry registry = Registry::WithBuiltinFormats();
  SECTION("empty file") {
    auto result = registry.Read(SourceFile{"empty.txt", ""});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == "File 'empty.txt' is empty.");
  }
  SECTION("binary file with NUL bytes") {
    auto result = registry.Read(SourceFile{"data.txt", std::string("\x7F"
                                                                   "ELF\0\0\x01\x02",
                                                                   8)});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == ErrorCode::kUnsupported);
    CHECK(result.error().message ==
          "File 'data.txt' is not in a format NormTrack can import (it reads Markdown, plain "
          "text, HTML, PDF and Akoma Ntoso XML).");
  }
  SECTION("only blank lines") {
    auto result = registry.Read(SourceFile{"blank.txt", " \n\t\n\n"});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == ErrorCode::kParse);
    CHECK(result.error().message == "File 'blank.txt' contains no text.");
  }
  SECTION("a title and no paragraphs") {
    auto result = registry.Read(SourceFile{"title.txt", "Joint Statement\n"});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == "File 'title.txt' has no paragraphs to import.");
  }
}

// ---- shared label, date and place parsing ----------------------------------------------------

TEST_CASE("StatementLabels: leading labels are recognised, not years or abbreviations",
          "[importers]") {
  CHECK(Label("1. Following the meeting") == "1|Following the meeting");
  CHECK(Label("(2) Enhancing national efforts") == "(2)|Enhancing national efforts");
  CHECK(Label("2) Appropriate response") == "(2)|Appropriate response");
  CHECK(Label("a. Based on a whole") == "a|Based on a whole");
  CHECK(Label("(f) A State should not") == "(f)|A State should not");
  CHECK(Label("(iii) Third") == "(iii)|Third");
  CHECK(Label("13 (a) Consistent with") == "13(a)|Consistent with");
  CHECK(Label("13(b) In case of") == "13(b)|In case of");
  CHECK(Label("2.1 Objectives") == "2.1|Objectives");
  CHECK(Label("2017. A year") == "<none>");
  CHECK(Label("1.5 million people") == "<none>");
  CHECK(Label("e.g. the norms") == "<none>");
  CHECK(Label("(1)") == "<none>");
  CHECK(Label("Japan and the U.S.") == "<none>");
}

TEST_CASE("StatementLabels: nested labels compose and siblings replace each other", "[importers]") {
  LabelPath path;
  auto push = [&](std::string_view text) { return path.Push(ParseLeadingLabel(text)->parts); };
  CHECK(push("7. x") == "7");
  CHECK(push("(1) x") == "7(1)");
  CHECK(push("(2) x") == "7(2)");
  CHECK(push("a. x") == "7(2)a");
  CHECK(push("b. x") == "7(2)b");
  CHECK(push("(3) x") == "7(3)");
  CHECK(push("a. x") == "7(3)a");
  CHECK(push("8. x") == "8");
  CHECK(push("13 (a) x") == "13(a)");
  CHECK(push("(b) x") == "13(b)");
  CHECK(push("(4) x") == "13(4)");
  CHECK(push("14. x") == "14");
  CHECK(ParseSectionNumber("2.1 Objectives")->number == "2.1");
  CHECK(ParseSectionNumber("1. Preface")->rest == "Preface");
  CHECK_FALSE(ParseSectionNumber("2017年の戦略").has_value());
}

TEST_CASE("StatementDateline: dates, datelines, places and release types", "[importers]") {
  CHECK(ParseDate("July 24, 2017") == "2017-07-24");
  CHECK(ParseDate("24 July 2017") == "2017-07-24");
  CHECK(ParseDate("Monday, July 24, 2017") == "2017-07-24");
  CHECK(ParseDate("Sept. 3, 2015") == "2015-09-03");
  CHECK(ParseDate("2017-07-24") == "2017-07-24");
  CHECK(ParseDate("October 2013") == "2013-10");
  CHECK(ParseDate("2017年7月24日") == "2017-07-24");
  CHECK_FALSE(ParseDate("February 30, 2017").has_value());
  CHECK_FALSE(ParseDate("Media Note").has_value());
  CHECK_FALSE(ParseDate("the 24 of July").has_value());

  auto dateline = ParseDateline("Washington, DC, July 24, 2017");
  REQUIRE(dateline.has_value());
  CHECK(dateline->place == "Washington, DC");
  CHECK(dateline->date == "2017-07-24");
  dateline = ParseDateline("Tokyo - 20 July 2017");
  REQUIRE(dateline.has_value());
  CHECK(dateline->place == "Tokyo");
  CHECK(ParseDateline("July 24, 2017")->place.empty());
  CHECK_FALSE(ParseDateline("Japan and the U.S. met on July 24, 2017").has_value());

  CHECK(LooksLikePlace("Washington, DC"));
  CHECK(LooksLikePlace("Port of Spain"));
  CHECK(LooksLikePlace("東京"));
  CHECK_FALSE(LooksLikePlace("Media Note"));
  CHECK_FALSE(LooksLikePlace("the two countries met"));
  CHECK(ParseReleaseType("Media Note") == "Media Note");
  CHECK(ParseReleaseType("PRESS RELEASE") == "PRESS RELEASE");
  CHECK_FALSE(ParseReleaseType("Media Notes are useful").has_value());
}
