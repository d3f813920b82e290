#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "core/text.h"
#include "importers/markdown.h"
#include "importers/plain_text.h"
#include "importers/registry.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

SourceFile LoadSource(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  return SourceFile{path, std::move(*bytes)};
}

ImportedDocument ReadMarkdown(const SourceFile& file) {
  auto document = MarkdownImporter().Read(file);
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

ImportedDocument ReadMarkdownText(std::string text) {
  return ReadMarkdown(SourceFile{"inline.md", std::move(text)});
}

const ImportedParagraph& WithLabel(const ImportedDocument& document, const std::string& label) {
  auto it = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                         [&](const ImportedParagraph& p) { return p.label == label; });
  REQUIRE(it != document.paragraphs.end());
  return *it;
}

const ImportedParagraph& StartingWith(const ImportedDocument& document, const std::string& start) {
  auto it = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                         [&](const ImportedParagraph& p) { return p.text.starts_with(start); });
  REQUIRE(it != document.paragraphs.end());
  return *it;
}

std::vector<std::string> Labels(const ImportedDocument& document) {
  std::vector<std::string> labels;
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (!paragraph.label.empty()) labels.push_back(paragraph.label);
  }
  return labels;
}

std::vector<std::string> TextsUnder(const ImportedDocument& document, const std::string& heading) {
  std::vector<std::string> texts;
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (!paragraph.heading_path.empty() && paragraph.heading_path.back() == heading) {
      texts.push_back(paragraph.text);
    }
  }
  return texts;
}

}  // namespace

// ---- the joint statement seed ----------------------------------------------------------------

TEST_CASE("MarkdownImporter: joint statement keeps printed labels", "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::JointStatementPath()));
  CHECK(Labels(document) == std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "7(1)",
                                                     "7(2)a", "7(2)b", "7(2)c", "7(2)d", "7(3)a",
                                                     "7(3)b", "7(3)c", "8"});
  // The intro stays, unlabelled, first; "Begin text:" is not content.
  REQUIRE(document.paragraphs.size() == 19);
  CHECK(document.paragraphs[0].label.empty());
  CHECK(document.paragraphs[0].text ==
        "Following is the text of a joint statement issued by the Government of the United "
        "States and the Government of Japan at the conclusion of the fifth Japan-U.S. Cyber "
        "Dialogue:");
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    CHECK_FALSE(ContainsIgnoreCase(paragraph.text, "Begin text"));
  }
  CHECK(WithLabel(document, "1").source_line == 15);
}

TEST_CASE("MarkdownImporter: joint statement title, date, place and release type", "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::JointStatementPath()));
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(document.title == "Joint Statement of the Japan-U.S. Cyber Dialogue");
  CHECK(document.date == "2017-07-24");
  CHECK(document.place == "Washington, DC");
  CHECK(document.language == "en");
  CHECK(document.metadata.at("release_type") == "Media Note");
  CHECK(document.metadata.at("site_section") == "Press Releases");
}

TEST_CASE("MarkdownImporter: joint statement rejoins paragraphs split by a page break",
          "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::JointStatementPath()));
  CHECK(WithLabel(document, "6").text ==
        "Based on \"The Guidelines for Japan-U.S. Defense Cooperation\" issued on April 27, "
        "2015, the two countries noted their steady progress on cyberspace cooperation. Japan "
        "and the United States also welcomed the progress of the Cyber Defense Policy Working "
        "Group (CDPWG) between the Ministry of Defense of Japan and the U.S. Department of "
        "Defense.");
  CHECK(WithLabel(document, "7(3)a").text ==
        "Japan and the United States have closely cooperated in the areas of international law, "
        "voluntary, non-binding norms of responsible State behavior in peacetime, and "
        "confidence-building measures, including through the 5th United Nations Group of "
        "Governmental Experts on Developments in the Field of Information and "
        "Telecommunications in the Context of International Security and the G7 Ise-Shima "
        "Cyber Group (ISCG), and will continue to promote a strategic framework for conflict "
        "prevention, cooperation, and stability in cyberspace.");
  // The continuations are not paragraphs of their own.
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    CHECK_FALSE(paragraph.text.starts_with("Japan and the U.S. Department of Defense."));
    CHECK_FALSE(paragraph.text.starts_with("Information and Telecommunications"));
  }
  CHECK(document.warnings.size() == 2);
}

TEST_CASE("MarkdownImporter: joint statement sub-item headings become heading paths",
          "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::JointStatementPath()));
  const ImportedParagraph& information_sharing = WithLabel(document, "7(1)");
  CHECK(information_sharing.heading_path == std::vector<std::string>{"(1) Information Sharing"});
  CHECK(information_sharing.text.starts_with(
      "Japan and the United States reviewed recent cyber incidents"));
  CHECK(WithLabel(document, "7(2)c").heading_path ==
        std::vector<std::string>{"(2) Enhancing national efforts"});
  CHECK(WithLabel(document, "7(3)b").heading_path ==
        std::vector<std::string>{
            "(3) Maintaining and strengthening international stability in cyberspace"});
  CHECK(WithLabel(document, "7").heading_path.empty());
  CHECK(WithLabel(document, "8").heading_path.empty());
  // The heading lines themselves are not paragraphs.
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    CHECK(paragraph.text != "Information Sharing");
    CHECK(paragraph.text != "Enhancing national efforts");
  }
}

TEST_CASE("MarkdownImporter: joint statement footer lines are boilerplate", "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::JointStatementPath()));
  REQUIRE(document.paragraphs.size() >= 2);
  const ImportedParagraph& office = document.paragraphs[document.paragraphs.size() - 2];
  const ImportedParagraph& links = document.paragraphs.back();
  CHECK(office.text ==
        "The Office of Website Management, Bureau of Public Affairs, manages this site as a "
        "portal for information from the U.S. State Department.");
  CHECK(office.is_boilerplate);
  CHECK(links.text ==
        "External links to other Internet sites should not be construed as an endorsement of "
        "the views or privacy policies contained therein.");
  CHECK(links.is_boilerplate);
  auto boilerplate = std::count_if(document.paragraphs.begin(), document.paragraphs.end(),
                                   [](const ImportedParagraph& p) { return p.is_boilerplate; });
  CHECK(boilerplate == 2);
}

// ---- the NISC article seed -------------------------------------------------------------------

TEST_CASE("MarkdownImporter: NISC article title, subtitle and author", "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::NiscArticlePath()));
  CHECK(document.title == "International Strategy on Cybersecurity Cooperation");
  CHECK(document.kind == DocumentKind::kOther);
  CHECK(document.metadata.at("subtitle") == "j-initiative for Cybersecurity");
  CHECK(document.metadata.at("author") == "Reiko Kondo");
  CHECK(document.metadata.at("author_affiliation") ==
        "Counselor for International Strategy; National Information Security Center (NISC); "
        "Cabinet Secretariat");
  REQUIRE(document.actors.size() == 1);
  CHECK(document.actors[0].name == "Reiko Kondo");
  CHECK(document.actors[0].role == "author");
  CHECK(document.date.empty());
}

TEST_CASE("MarkdownImporter: NISC section numbers label headings and nest by number",
          "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::NiscArticlePath()));
  CHECK(Labels(document) ==
        std::vector<std::string>{"1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "3"});
  CHECK(WithLabel(document, "2.1").text == "Objectives");
  CHECK(WithLabel(document, "2.1").heading_path ==
        std::vector<std::string>{"2. Outline of the strategy"});
  // "### 2.1" and "## 2.2" differ in Markdown level but both belong to section 2.
  CHECK(WithLabel(document, "2.2").heading_path ==
        std::vector<std::string>{"2. Outline of the strategy"});
  CHECK(StartingWith(document, "As cyber threats emerge").heading_path ==
        std::vector<std::string>{"2. Outline of the strategy", "2.1 Objectives"});
  CHECK(StartingWith(document, "Recently, the risks").heading_path ==
        std::vector<std::string>{"1. Preface"});
}

TEST_CASE("MarkdownImporter: NISC tables become readable rows", "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::NiscArticlePath()));
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    CHECK_FALSE(paragraph.text.empty());
    CHECK(paragraph.text.find('<') == std::string::npos);
    CHECK(paragraph.text.find('\t') == std::string::npos);
    for (const std::string& heading : paragraph.heading_path) {
      CHECK_FALSE(heading.starts_with("Table 1"));  // the empty table yields nothing
    }
  }
  std::vector<std::string> table2 = TextsUnder(document, "Table 2: Priority Areas");
  REQUIRE(table2.size() == 11);
  CHECK(table2[0] ==
        "1. Implementation of dynamic responses to cyber incidents: Building a mechanism for "
        "international cooperation and partnership for global response to expanding cyberspace");
  CHECK(table2[1] ==
        "1) Enhancing multi-layered mechanism for information sharing: Quick and accurate "
        "response with a wide range of information sources consisting of multiple layers "
        "including technology, law enforcement, policy and diplomacy (e.g. Cooperation at the "
        "policy level which would facilitate quick understanding of the overall picture of an "
        "incident, cooperation among CSIRTs)");
  CHECK(table2[4] ==
        "2. Building up \"fundamentals\" for dynamic response: Raising the cybersecurity "
        "standard of basic capability and response mechanisms at the global level");
  CHECK(table2[10] ==
        "2) International rulemaking: Contributing to international rulemaking on the use of "
        "cyberspace under U.N. and OECD");

  std::vector<std::string> table3 = TextsUnder(document, "Table 3: Regional Initiatives");
  REQUIRE(table3.size() == 4);
  CHECK(table3[0] ==
        "1. Asia Pacific: Close cooperation with the Asia Pacific region is crucial due to "
        "geographical proximity and close economic ties; Continuing to strengthen the "
        "relationship with the ASEAN through: Policy dialogues such as ASEAN-Japan Ministerial "
        "Meeting on Cybersecurity Cooperation, ASEAN-Japan Information Security Policy Meeting, "
        "and ASEAN-Japan Ministerial Meeting on Transnational Crime; Promoting initiatives such "
        "as capacity-building for human resources development; Promoting joint projects such as "
        "JASPER and TSUBAME; Promoting Japan-India Cyber Dialogue");
  CHECK(table3[1].starts_with("2. U.S. and Europe: Deepening partnership with the U.S."));
  CHECK(table3[2].starts_with("3. Other regions: Extending cooperation"));
  CHECK(table3[3] ==
        "4. Multilateral frameworks: Actively contributing to international rulemaking of "
        "cybersecurity: Rulemaking at various forums such as the U.N., G8, OECD, and APEC. "
        "Global initiatives with respect to critical infrastructure protection and rapid "
        "incident response undertaken at the Meridian, IWWN, and FIRST (e.g. Hosting the "
        "Meridian in 2014)");
  // Each region block keeps the source line it starts on.
  CHECK(StartingWith(document, "1. Asia Pacific").source_line == 77);
  CHECK(StartingWith(document, "4. Multilateral frameworks").source_line == 80);
  for (const std::string& row : table3) {
    CHECK(row.find("\u27A2") == std::string::npos);  // decorative bullets are gone
    CHECK(row.find("\u2713") == std::string::npos);
  }
}

TEST_CASE("MarkdownImporter: NISC sentences split by a table or a line break are rejoined",
          "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::NiscArticlePath()));
  const ImportedParagraph& package = StartingWith(document, "This Strategy summarizes");
  CHECK(package.text ==
        "This Strategy summarizes Japan\u2019s basic policy and its priority areas for "
        "international cooperation and mutual assistance in the field of cybersecurity, so that "
        "it can be presented as a package to the stakeholders both in Japan and overseas. Japan "
        "will promote initiatives for international cooperation and mutual assistance in "
        "cybersecurity based on this Strategy under the common understanding shared among all "
        "domestic stakeholders including those from industry, academia and the government. "
        "Japan will actively contribute to the formation of a safe and reliable cyberspace in "
        "which the free flow of information is ensured by building relationships of cooperation "
        "with countries around the world.");
  // The rejoined paragraph comes before the table that interrupted it.
  auto position = [&](const std::string& start) {
    return std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                        [&](const ImportedParagraph& p) { return p.text.starts_with(start); }) -
           document.paragraphs.begin();
  };
  CHECK(position("This Strategy summarizes") < position("1. Implementation of dynamic"));
  CHECK(StartingWith(document, "This article presents").text ==
        "This article presents an overview of the \u201CInternational Strategy on "
        "Cybersecurity Cooperation \u2013 j-initiative for Cybersecurity\u201D.");
  CHECK(
      StartingWith(document, "While the Internet")
          .text.starts_with(
              "While the Internet\u2019s information and communications infrastructure continues"));
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    CHECK_FALSE(paragraph.text.starts_with("the stakeholders"));
    CHECK_FALSE(paragraph.text.starts_with("on Cybersecurity Cooperation"));
    CHECK_FALSE(paragraph.text.starts_with("community"));
  }
}

TEST_CASE("MarkdownImporter: NISC footnote URL is kept unescaped and not as a heading",
          "[importers]") {
  ImportedDocument document = ReadMarkdown(LoadSource(test::NiscArticlePath()));
  const ImportedParagraph& footnote = document.paragraphs.back();
  CHECK(footnote.text ==
        "* http://www.nisc.go.jp/active/kihon/pdf/"
        "InternationalStrategyonCybersecurityCooperation_e.pdf");
  CHECK(footnote.label.empty());
  CHECK(footnote.heading_path == std::vector<std::string>{"3. Summary"});
  CHECK_FALSE(footnote.is_boilerplate);
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    for (const std::string& heading : paragraph.heading_path) {
      CHECK(heading.find("http") == std::string::npos);
    }
  }
}

// ---- confidence ------------------------------------------------------------------------------

TEST_CASE("MarkdownImporter: beats plain text on Markdown saved as .txt", "[importers]") {
  for (const auto& path : {test::JointStatementPath(), test::NiscArticlePath()}) {
    SourceFile file = LoadSource(path);
    CHECK(MarkdownImporter().Confidence(file) > PlainTextImporter().Confidence(file));
    Registry registry = Registry::WithBuiltinFormats();
    const Importer* chosen = registry.Choose(file);
    REQUIRE(chosen != nullptr);
    CHECK(chosen->Name() == "markdown");
  }
}

TEST_CASE("MarkdownImporter: low confidence on binary and on plain text", "[importers]") {
  CHECK(MarkdownImporter().Confidence(SourceFile{"x.md", std::string("ab\0cd", 5)}) == 0);
  SourceFile plain{"note.txt", "A plain note\n\n1. First point, without any markup.\n"};
  CHECK(MarkdownImporter().Confidence(plain) < PlainTextImporter().Confidence(plain));
  SourceFile markdown{"note.md", "A note\n\nJust text.\n"};
  CHECK(MarkdownImporter().Confidence(markdown) > PlainTextImporter().Confidence(markdown));
}

// ---- Markdown details ------------------------------------------------------------------------

TEST_CASE("MarkdownImporter: ordered lists keep their printed numbers and delimiters",
          "[importers]") {
  ImportedDocument document = ReadMarkdownText(
      "# Statement\n\nIntro text that says something.\n\n"
      "3) Third item text.\n4) Fourth item text.\n\nA paragraph between the lists.\n\n"
      "9. Ninth item text.\n\n* a bullet item.\n");
  CHECK(Labels(document) == std::vector<std::string>{"(3)", "(4)", "9"});
  CHECK(WithLabel(document, "(4)").text == "Fourth item text.");
  CHECK(document.paragraphs.back().text == "a bullet item.");
  CHECK(document.paragraphs.back().label.empty());
}

TEST_CASE("MarkdownImporter: entities, links, code and pipe tables become plain text",
          "[importers]") {
  ImportedDocument document = ReadMarkdownText(
      "# Title\n\nJapan &amp; the U.S. met &#8220;here&#8221; per [the note](http://x.org/n) "
      "and `code`.\n\n| Party | Role |\n|---|---|\n| Japan | host |\n| U.S. | guest |\n");
  REQUIRE(document.paragraphs.size() == 4);
  CHECK(document.paragraphs[0].text ==
        "Japan & the U.S. met \u201Chere\u201D per the note and code.");
  CHECK(document.paragraphs[1].text == "Party: Role");
  CHECK(document.paragraphs[2].text == "Japan: host");
  CHECK(document.paragraphs[3].text == "U.S.: guest");
}

TEST_CASE("MarkdownImporter: a one-line dateline gives place and date", "[importers]") {
  ImportedDocument document = ReadMarkdownText(
      "# Joint Statement on Cyber Cooperation\n\nWashington, DC, July 24, 2017\n\n"
      "1. The two sides met and agreed to continue their cooperation.\n");
  CHECK(document.place == "Washington, DC");
  CHECK(document.date == "2017-07-24");
  CHECK(document.kind == DocumentKind::kStatement);
  REQUIRE(document.paragraphs.size() == 1);
  CHECK(document.paragraphs[0].label == "1");
}

TEST_CASE("MarkdownImporter: short numbered list items stay items, not headings", "[importers]") {
  ImportedDocument document =
      ReadMarkdownText("# Participants\n\nThe participants were:\n\n(a) Japan\n\n(b) Australia\n");
  CHECK(Labels(document) == std::vector<std::string>{"(a)", "(b)"});
  CHECK(WithLabel(document, "(b)").text == "Australia");
}

// ---- bad input through the registry ----------------------------------------------------------

TEST_CASE("MarkdownImporter: bad input is refused with one sentence naming the file",
          "[importers]") {
  Registry registry = Registry::WithBuiltinFormats();
  SECTION("empty file") {
    auto result = registry.Read(SourceFile{"empty.md", ""});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == ErrorCode::kParse);
    CHECK(result.error().message == "File 'empty.md' is empty.");
  }
  SECTION("binary file") {
    auto result = registry.Read(SourceFile{"blob.md", std::string("\x89PNG\r\n\x1A\n\0\0\0", 11)});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == ErrorCode::kUnsupported);
    CHECK(result.error().message.find("'blob.md'") != std::string::npos);
  }
  SECTION("a title and nothing else") {
    auto result = registry.Read(SourceFile{"title-only.md", "# Just a title\n\n---\n"});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == ErrorCode::kParse);
    CHECK(result.error().message == "File 'title-only.md' has no paragraphs to import.");
  }
}
