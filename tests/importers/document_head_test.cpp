#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/file_io.h"
#include "importers/document_head.h"
#include "importers/registry.h"
#include "importers/statement_dateline.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

// Every test goes through the registry, as an import does: the format is chosen by content.
ImportedDocument ReadHeadFixture(const std::string& name) {
  std::filesystem::path path = test::FixturesDir() / "importers" / "head" / name;
  auto document = Registry::WithBuiltinFormats().ReadFile(path);
  if (!document) FAIL(document.error().message);
  return std::move(document->document);
}

bool HasWarning(const ImportedDocument& document, std::string_view part) {
  return std::any_of(document.warnings.begin(), document.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("Document head: navigation above the title is furniture, the date under it is the "
          "document's, not the meeting's", "[importers]") {
  ImportedDocument document = ReadHeadFixture("state_press_release_with_navigation.txt");
  CHECK(document.title == "Joint Statement on the Second Canada-Korea Cyber Policy Consultation");
  CHECK(document.date == "2021-05-20");
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(document.metadata["release_type"] == "Media Note");
  REQUIRE(!document.paragraphs.empty());
  // Nothing is lost: the furniture is kept as boilerplate.
  CHECK(document.paragraphs.front().text == "Skip to main content");
  CHECK(document.paragraphs.front().is_boilerplate);
  auto share = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                            [](const ImportedParagraph& p) { return p.text == "Share this page"; });
  REQUIRE(share != document.paragraphs.end());
}

TEST_CASE("Document head: a Markdown page's published date beats its last update, and an MoU is "
          "an agreement", "[importers]") {
  ImportedDocument document = ReadHeadFixture("govuk_mou_published_updated.md");
  CHECK(document.title == "Memorandum of Understanding between the United Kingdom and Ruritania "
                          "on Cyber Security Cooperation");
  CHECK(document.date == "2021-12-22");
  CHECK(document.kind == DocumentKind::kAgreement);
}

TEST_CASE("Document head: a wire dateline gives the place with its dots, and meeting dates in the "
          "text are not the document's", "[importers]") {
  ImportedDocument document = ReadHeadFixture("wire_dateline_place_only.txt");
  CHECK(document.title == "United States and Brazil Hold Cyber Working Group Meeting");
  CHECK(document.place == "Washington, D.C.");
  CHECK(document.date.empty());
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(HasWarning(document, "No date of issue"));
}

TEST_CASE("Document head: a breadcrumb and a European date with its time", "[importers]") {
  ImportedDocument document = ReadHeadFixture("eu_site_numeric_date.txt");
  CHECK(document.title == "EU and Japan hold third cyber dialogue in Brussels");
  CHECK(document.date == "2016-12-16");
  CHECK(document.kind == DocumentKind::kStatement);
}

TEST_CASE("Document head: without a title line the first sentence, shortened at a word, is the "
          "title", "[importers]") {
  ImportedDocument document = ReadHeadFixture("no_title_line.txt");
  CHECK(document.title ==
        "Japan and the Republic of Estonia held consultations on cyber issues in Tallinn");
  CHECK(document.title.size() <= 80);
  CHECK(HasWarning(document, "first sentence"));
}

TEST_CASE("Document head: Markdown marks in a text file are not part of the title",
          "[importers]") {
  ImportedDocument document = ReadHeadFixture("markdown_marks_in_text.txt");
  CHECK(document.title == "Letter of Intent on Cooperation in Cyber Security");
  CHECK(document.date == "2019-04-25");
  CHECK(document.kind == DocumentKind::kAgreement);
}

TEST_CASE("Document head: a Chinese joint statement and its date", "[importers]") {
  ImportedDocument document = ReadHeadFixture("zh_joint_statement.txt");
  CHECK(document.title == "中华人民共和国和某国关于网络空间合作的联合声明");
  CHECK(document.date == "2019-03-01");
  CHECK(document.kind == DocumentKind::kStatement);
}

TEST_CASE("Document head: a dateline at the end is the date when the head has none",
          "[importers]") {
  ImportedDocument document = ReadHeadFixture("trailing_signature_date.txt");
  CHECK(document.date == "2023-10-04");  // not the meeting's 3 October
  CHECK(document.place == "Singapore");
  CHECK(document.kind == DocumentKind::kStatement);
}

TEST_CASE("Document head: furniture, titles and kinds line by line", "[importers]") {
  for (const char* line : {"Skip to main content", "Press Releases", "Countries & Regions",
                           "Back to Press Releases", "You are on page 1 of 17", "Summary",
                           "Home > News > Statements", "Share this page",
                           "We use cookies to improve your experience on our website."}) {
    INFO(line);
    CHECK(IsWebPageFurniture(line));
  }
  for (const char* line : {"Joint Statement on Cyber Cooperation", "Back-to-back meetings",
                           "Summary of the Chair", "Home affairs ministers meet"}) {
    INFO(line);
    CHECK_FALSE(IsWebPageFurniture(line));
  }
  CHECK(KindFromTitle("Joint Statement on the Signing of a Memorandum of Understanding", false) ==
        DocumentKind::kStatement);
  CHECK(KindFromTitle("Memorandum of Cooperation in the Field of Cybersecurity", false) ==
        DocumentKind::kAgreement);
  CHECK(KindFromTitle("Framework for the U.S.-India Cyber Relationship", false) ==
        DocumentKind::kAgreement);
  CHECK(KindFromTitle("Japan-Estonia Cyber Dialogue", false) == DocumentKind::kStatement);
  CHECK(KindFromTitle("Annual overview", false) == DocumentKind::kOther);
  CHECK(TitleFromFirstSentence("Short sentence. Another one.") == "Short sentence");
}

TEST_CASE("Datelines: labelled, numeric and wire forms", "[importers]") {
  CHECK(ParseDateline("Published 22 December 2021")->date == "2021-12-22");
  CHECK(ParseDateline("Date: 2022-09-16")->date == "2022-09-16");
  CHECK(ParseDateline("Last updated 3 March 2020")->updated);
  CHECK(ParseDateline("Published 1 May 2020 | Last updated 3 March 2021")->date == "2020-05-01");
  CHECK(ParseDate("16/12/2016 - 17:40") == "2016-12-16");
  CHECK(ParseDate("25.04.2019") == "2019-04-25");
  CHECK(ParseDate("29 Jul 2015") == "2015-07-29");
  CHECK(ParseDate("2015年9月28日") == "2015-09-28");
  CHECK_FALSE(ParseDate("双方于2019年2月27日在北京举行").has_value());
  CHECK_FALSE(ParseDate("20-21 July 2017").has_value());
  CHECK_FALSE(ParseDateline("Datelines 22 December 2021").has_value());
  auto wire = ParseLeadingDateline("WASHINGTON, D.C. \u2014 The United States and Japan met.");
  REQUIRE(wire.has_value());
  CHECK(wire->dateline.place == "Washington, D.C.");
  auto dated = ParseLeadingDateline("TOKYO, July 27, 2016 \u2013 Japan and India met.");
  REQUIRE(dated.has_value());
  CHECK(dated->dateline.place == "Tokyo");
  CHECK(dated->dateline.date == "2016-07-27");
  CHECK_FALSE(ParseLeadingDateline("Japan and Korea \u2014 two close partners \u2014 met.")
                  .has_value());
}

TEST_CASE("Document head: a sentence ends the head, so it is neither furniture nor a title",
          "[importers]") {
  auto read = Registry::WithBuiltinFormats().Read(SourceFile{
      "statement.txt",
      "Joint Statement\n\nJapan and the United States will cooperate.\n\n"
      "The Ministry of Economy, Trade and Industry will report.\n"});
  REQUIRE(read.has_value());
  const ImportedDocument& document = read->document;
  CHECK(document.title == "Joint Statement");
  REQUIRE(document.paragraphs.size() == 2);
  CHECK_FALSE(document.paragraphs[0].is_boilerplate);
  CHECK(document.paragraphs[0].text == "Japan and the United States will cooperate.");
}

TEST_CASE("Document head: a clause ending in a comma or a semicolon is the text, not the head "
          "(a decision's preamble, a list's items)", "[importers]") {
  ImportedDocument decision = ReadHeadFixture("council_decision_preamble.txt");
  CHECK(decision.title == "Decision adopted by the Ministerial Council at its fourth meeting");
  for (std::string_view start : {"The Ministerial Council,", "Recalling its declarations",
                                 "Concerned that malicious activity", "Welcoming the report"}) {
    INFO(start);
    auto found = std::find_if(decision.paragraphs.begin(), decision.paragraphs.end(),
                              [&](const ImportedParagraph& p) { return p.text.starts_with(start); });
    REQUIRE(found != decision.paragraphs.end());
    CHECK_FALSE(found->is_boilerplate);  // it was furniture of a head that ran on
  }
  ImportedDocument list = ReadHeadFixture("title_then_list_items.txt");
  CHECK(list.title == "Shared Principles on Secure Connectivity");
  auto item = std::find_if(list.paragraphs.begin(), list.paragraphs.end(),
                           [](const ImportedParagraph& p) {
                             return p.text.starts_with("open standards for the next generation");
                           });
  REQUIRE(item != list.paragraphs.end());
  CHECK_FALSE(item->is_boilerplate);
}

