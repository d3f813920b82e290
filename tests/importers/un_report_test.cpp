#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "importers/pdf.h"
#include "importers/registry.h"
#include "importers/un_report.h"
#include "importers/test_pdf_writer.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

std::filesystem::path UnReportFixture() {
  return test::FixturesDir() / "importers" / "un_report" / "a_70_174_gge_2015.txt";
}

SourceFile LoadSource(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  return SourceFile{path, std::move(*bytes)};
}

ImportedDocument ReadText() {
  auto document = UnReportImporter().Read(LoadSource(UnReportFixture()));
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

ImportedDocument ReadPdf() {
  SourceFile text = LoadSource(UnReportFixture());
  SourceFile pdf{"a_70_174_gge_2015.pdf", test::PdfFromPagedText(text.bytes)};
  auto document = PdfImporter().Read(pdf);
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
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (!paragraph.label.empty()) labels.push_back(paragraph.label);
  }
  return labels;
}

const std::string kReportHeading =
    "Report of the Group of Governmental Experts on Developments in the Field of Information and "
    "Telecommunications in the Context of International Security";

}  // namespace

TEST_CASE("UnReportImporter: masthead gives symbol, session, agenda item, date and title",
          "[importers]") {
  ImportedDocument document = ReadText();
  CHECK(document.kind == DocumentKind::kUnReport);
  CHECK(document.symbol == "A/70/174");
  CHECK(document.date == "2015-07-22");
  CHECK(document.language == "en");
  // The report's own heading, not the cover's name of the Group.
  CHECK(document.title ==
        "Report of the Group of Governmental Experts on Developments in the Field of Information "
        "and Telecommunications in the Context of International Security");
  CHECK(document.metadata.at("organ") == "General Assembly");
  CHECK(document.metadata.at("distribution") == "General");
  CHECK(document.metadata.at("original_language") == "English");
  CHECK(document.metadata.at("session") == "Seventieth session");
  CHECK(document.metadata.at("agenda_item") == "Item 93 of the provisional agenda");
  CHECK(document.metadata.at("agenda_title") ==
        "Developments in the field of information and telecommunications in the context of "
        "international security");
}

TEST_CASE("UnReportImporter: paragraph 13 keeps its eleven lettered norms", "[importers]") {
  ImportedDocument document = ReadText();
  std::vector<std::string> labels = Labels(document);
  std::vector<std::string> expected;
  for (int n = 1; n <= 25; ++n) {
    expected.push_back(std::to_string(n));
    if (n == 13) {
      for (char letter = 'a'; letter <= 'k'; ++letter) {
        expected.push_back("13(" + std::string(1, letter) + ")");
      }
    }
  }
  CHECK(labels == expected);

  const ImportedParagraph& lead_in = WithLabel(document, "13");
  CHECK(lead_in.text.starts_with("Taking into account the existing and emerging threats"));
  CHECK(lead_in.text.ends_with("accessible and peaceful ICT environment:"));
  CHECK(lead_in.heading_path ==
        std::vector<std::string>{kReportHeading,
                                 "III. Norms, rules and principles for the responsible "
                                 "behaviour of States"});
  CHECK(WithLabel(document, "13(c)").text ==
        "States should not knowingly let their territory be used for internationally wrongful "
        "acts carried out with ICTs;");
  CHECK(WithLabel(document, "13(f)").text.starts_with(
      "A State should not conduct or knowingly support ICT activity"));
  CHECK(WithLabel(document, "13(k)").text.ends_with("to engage in malicious international "
                                                    "activity."));
  // The item cut by the page break between (e) and (f) is still whole, on its first page.
  CHECK(WithLabel(document, "13(e)").text.ends_with("including freedom of expression;"));
  CHECK(WithLabel(document, "13(e)").page == 3);
  CHECK(WithLabel(document, "13(f)").page == 4);
}

TEST_CASE("UnReportImporter: sections and lettered sub-sections form the heading path",
          "[importers]") {
  ImportedDocument document = ReadText();
  CHECK(WithLabel(document, "1").heading_path ==
        std::vector<std::string>{kReportHeading, "I. Introduction"});
  CHECK(WithLabel(document, "17").heading_path ==
        std::vector<std::string>{kReportHeading,
                                 "V. International cooperation and assistance in ICT security "
                                 "and capacity-building",
                                 "A. Principles of capacity-building"});
  CHECK(WithLabel(document, "19").heading_path.back() == "B. Means of cooperation");
  const ImportedParagraph& note = document.paragraphs.front();
  CHECK(note.label.empty());
  CHECK(note.heading_path == std::vector<std::string>{"Note by the Secretary-General"});
  CHECK(note.text.starts_with("The Secretary-General has the honour to transmit"));
  CHECK_FALSE(note.is_boilerplate);
}

TEST_CASE("UnReportImporter: running headers, job numbers, footnotes and contents are not "
          "content",
          "[importers]") {
  ImportedDocument document = ReadText();
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    INFO(paragraph.text);
    CHECK(paragraph.text.find("15-12385") == std::string::npos);
    CHECK(paragraph.text.find("A/70/150") == std::string::npos);  // the footnote
    CHECK(paragraph.text.find("/5") == std::string::npos);        // page numbers "3/5"
    CHECK(paragraph.text.find("A/70/174") == std::string::npos);  // running header
    if (!paragraph.heading_path.empty() && paragraph.heading_path.front() == "Contents") {
      CHECK(paragraph.is_boilerplate);
    } else {
      CHECK_FALSE(paragraph.is_boilerplate);
    }
  }
  auto contents = std::count_if(document.paragraphs.begin(), document.paragraphs.end(),
                                [](const ImportedParagraph& p) { return p.is_boilerplate; });
  CHECK(contents == 3);
  // Paragraph 15 runs over the page break from page 4 to page 5 in the text.
  const ImportedParagraph& fifteen = WithLabel(document, "15");
  CHECK(fifteen.text.find("mechanisms for consultation on incidents") != std::string::npos);
}

TEST_CASE("UnReportImporter: line-end hyphens are repaired unless the word is a compound",
          "[importers]") {
  ImportedDocument document = ReadText();
  CHECK(WithLabel(document, "5").text.find("supporting information systems") !=
        std::string::npos);
  CHECK(WithLabel(document, "8").text.find("on which cybersecurity depends") !=
        std::string::npos);
  CHECK(WithLabel(document, "17").text.find("for confidence-building in the field") !=
        std::string::npos);
}

TEST_CASE("UnReportImporter: the PDF and the text of a report give the same paragraphs",
          "[importers]") {
  ImportedDocument text = ReadText();
  ImportedDocument pdf = ReadPdf();
  CHECK(pdf.kind == DocumentKind::kUnReport);
  CHECK(pdf.symbol == text.symbol);
  CHECK(pdf.title == text.title);
  CHECK(pdf.date == text.date);
  CHECK(pdf.metadata.at("session") == text.metadata.at("session"));
  REQUIRE(pdf.paragraphs.size() == text.paragraphs.size());
  for (std::size_t i = 0; i < pdf.paragraphs.size(); ++i) {
    INFO("paragraph " << i << ": " << text.paragraphs[i].text);
    CHECK(pdf.paragraphs[i].label == text.paragraphs[i].label);
    CHECK(pdf.paragraphs[i].text == text.paragraphs[i].text);
    CHECK(pdf.paragraphs[i].heading_path == text.paragraphs[i].heading_path);
    CHECK(pdf.paragraphs[i].page == text.paragraphs[i].page);
    CHECK(pdf.paragraphs[i].is_boilerplate == text.paragraphs[i].is_boilerplate);
  }
}

TEST_CASE("UnReportImporter: confidence needs the symbol and the masthead, the registry picks it",
          "[importers]") {
  SourceFile report = LoadSource(UnReportFixture());
  CHECK(UnReportImporter().Confidence(report) == 85);
  CHECK(UnReportImporter().Confidence(SourceFile{"x.txt", "A/70/174\nSome notes on the report.\n"}) == 0);
  CHECK(UnReportImporter().Confidence(
            SourceFile{"x.txt", "General Assembly\nDistr.: General\nNo symbol here.\n"}) == 0);
  auto read = Registry::WithBuiltinFormats().Read(report);
  REQUIRE(read.has_value());
  CHECK(read->importer == "un_report");
  CHECK(IsUnSymbol("A/AC.290/2021/CRP.2"));
  CHECK(IsUnSymbol("A/75/816"));
  CHECK_FALSE(IsUnSymbol("N/A"));
  CHECK_FALSE(IsUnSymbol("and/or 2015"));
}

TEST_CASE("UnReportImporter: text copied from a PDF puts the organisation and the symbol on one "
          "line, and the report's own heading is its title", "[importers]") {
  const std::string text =
      "United Nations A/71/999\n\nGeneral Assembly\n\nDistr.: General\n22 July 2016\n\n"
      "Original: English\n\nSeventy-first session\nItem 94 of the provisional agenda*\n\n"
      "Developments in the field of information and telecommunications\n\n"
      "Note by the Secretary-General\n\n"
      "Report of the Group of Governmental Experts on Developments in the Field of ICTs\n\n"
      "1. The Group met four times, on 20-21 July 2015 and later.\n\n"
      "2. States should cooperate to increase stability.\n";
  auto read = Registry::WithBuiltinFormats().Read(SourceFile{"a71999.txt", text});
  REQUIRE(read.has_value());
  CHECK(read->importer == "un_report");
  const ImportedDocument& document = read->document;
  CHECK(document.kind == DocumentKind::kUnReport);
  CHECK(document.symbol == "A/71/999");
  CHECK(document.date == "2016-07-22");
  CHECK(document.metadata.at("session") == "Seventy-first session");
  CHECK(document.title ==
        "Report of the Group of Governmental Experts on Developments in the Field of ICTs");
}

TEST_CASE("UnReportImporter: an A/RES symbol is a resolution", "[importers]") {
  const std::string text =
      "United Nations A/RES/71/999\n\nGeneral Assembly\n\nDistr.: General\n4 January 2017\n\n"
      "Seventy-first session\n\nResolution adopted by the General Assembly on 23 December 2016\n\n"
      "1. Calls upon Member States to promote further the consideration of threats.\n";
  auto read = Registry::WithBuiltinFormats().Read(SourceFile{"ares.txt", text});
  REQUIRE(read.has_value());
  CHECK(read->document.kind == DocumentKind::kResolution);
  CHECK(read->document.symbol == "A/RES/71/999");
  CHECK(read->document.date == "2017-01-04");
}
