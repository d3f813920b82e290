#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/file_io.h"
#include "importers/html.h"
#include "importers/registry.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using nt::importers::HtmlImporter;
using nt::importers::SourceFile;

namespace {

std::filesystem::path HtmlFixture(std::string_view name) {
  return test::FixturesDir() / "importers" / "html" / name;
}

SourceFile LoadHtml(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  return SourceFile{path, std::move(*bytes)};
}

ImportedDocument ImportHtml(const SourceFile& file) {
  auto document = HtmlImporter().Read(file);
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

std::vector<std::string> Texts(const ImportedDocument& document) {
  std::vector<std::string> texts;
  for (const auto& paragraph : document.paragraphs) texts.push_back(paragraph.text);
  return texts;
}

// Nothing of the page's furniture may reach any text of the document.
void CheckNoLeak(const ImportedDocument& document, const std::vector<std::string>& forbidden) {
  std::vector<std::string> all = Texts(document);
  all.push_back(document.title);
  for (const auto& text : all) {
    for (const auto& word : forbidden) {
      INFO(text);
      CHECK(text.find(word) == std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("HtmlImporter: State Department media note keeps the statement and drops the page",
          "[importers]") {
  SourceFile file = LoadHtml(HtmlFixture("state_media_note_cyber_dialogue.html"));
  CHECK(HtmlImporter().Confidence(file) == 95);
  ImportedDocument document = ImportHtml(file);

  CHECK(document.title == "Joint Statement of the U.S.-Japan Cyber Dialogue");
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(document.date == "2017-07-24");  // the printed date, not the meta tag's 2017-07-25
  CHECK(document.language == "en");
  CHECK(document.metadata.at("published") == "2017-07-25");
  CHECK(document.metadata.at("site_name") == "United States Department of State");
  CHECK(document.metadata.at("url") ==
        "https://www.state.gov/joint-statement-of-the-u-s-japan-cyber-dialogue/");
  CHECK(document.metadata.at("html_title") ==
        "Joint Statement of the U.S.-Japan Cyber Dialogue - United States Department of State");

  CHECK(Texts(document) ==
        std::vector<std::string>{
            "The text of the following statement was released by the Governments of the United "
            "States of America and Japan on the occasion of the fifth U.S.-Japan Cyber Dialogue.",
            "The United States and Japan held the fifth U.S.-Japan Cyber Dialogue in Tokyo on "
            "July 20-21, 2017, reaffirming their commitment to an open, interoperable, reliable "
            "and secure cyberspace.",
            "International Security in Cyberspace",
            "The two countries affirmed that international law applies to state conduct in "
            "cyberspace.",
            "They committed to promote the voluntary norms of responsible state behavior "
            "recommended in the 2015 report of the UN Group of Governmental Experts.",
            "Cooperation between Agencies",
            "DHS and METI intend to expand the sharing of cyber threat information.",
            "NISC announced that it will join DHS's Automated Indicator Sharing program.",
            "Area: Lead agencies",
            "Critical infrastructure: DHS, METI, NISC",
        });
  const auto& paragraphs = document.paragraphs;
  // Printed labels leave the text; <ol> items get the number the browser prints.
  CHECK(paragraphs[3].label == "1");
  CHECK(paragraphs[3].heading_path ==
        std::vector<std::string>{"International Security in Cyberspace"});
  CHECK(paragraphs[4].label == "2");
  CHECK(paragraphs[6].label == "1");
  CHECK(paragraphs[6].heading_path == std::vector<std::string>{"Cooperation between Agencies"});
  CHECK(paragraphs[7].label == "2");
  CHECK(paragraphs[1].source_line == 41);

  CheckNoLeak(document, {"Skip to", "Home", "Policy Issues", "Spokesperson", "Share on",
                         "Related Articles", "Fourth Cyber Dialogue", "White House",
                         "Privacy Policy", "cookies", "Accept", "SCRIPT TEXT", "STYLE TEXT",
                         "EVENT ATTRIBUTE", "NOSCRIPT", "Begin Text", "End Text", "track("});
}

TEST_CASE("HtmlImporter: MOFA Japan style page finds the text beside its headline and date",
          "[importers]") {
  SourceFile file = LoadHtml(HtmlFixture("mofa_japan_us_cyber_dialogue.html"));
  CHECK(HtmlImporter().Confidence(file) == 95);
  ImportedDocument document = ImportHtml(file);

  CHECK(document.title == "The Fifth Japan-U.S. Cyber Dialogue");
  CHECK(document.date == "2017-07-21");
  CHECK(document.language == "en");
  REQUIRE(document.paragraphs.size() == 6);
  const auto& p = document.paragraphs;
  CHECK(p[0].label == "1");
  CHECK(p[0].text.starts_with("On July 20 and 21, the fifth Japan-U.S. Cyber Dialogue was held "
                              "in Tokyo."));
  CHECK(p[1].label == "2");
  CHECK(p[1].text == "The two sides discussed a broad range of issues, including:");
  CHECK(p[2].label == "2(1)");
  CHECK(p[2].text == "the situation of cyberspace and cyber threats;");
  CHECK(p[3].label == "2(2)");
  CHECK(p[3].text ==
        "the application of international law in cyberspace and norms of responsible state "
        "behavior; and confidence-building measures.");
  CHECK(p[4].label == "3");
  CHECK(p[4].source_line == 30);
  CHECK(p[5].text == "(Reference) Joint Statement (PDF)");

  CheckNoLeak(document, {"Foreign Policy", "Countries & Regions", "Press Releases",
                         "Related Information", "Japan-U.S. Relations", "Back to Top",
                         "Copyright", "SCRIPT TEXT", "MOFA:"});
}

TEST_CASE("HtmlImporter: title falls back to <title> without the site suffix", "[importers]") {
  SourceFile file{"page.html",
                  "<!doctype html><html><head><title>Readout of the Dialogue | Ministry of "
                  "Foreign Affairs of Japan</title></head><body><div><p>The delegations met "
                  "in Tokyo.</p><p>They agreed to meet again.</p></div></body></html>"};
  ImportedDocument document = ImportHtml(file);
  CHECK(document.title == "Readout of the Dialogue");
  CHECK(Texts(document) == std::vector<std::string>{"The delegations met in Tokyo.",
                                                    "They agreed to meet again."});
}

TEST_CASE("HtmlImporter: <br><br> separates paragraphs and <time> gives the date",
          "[importers]") {
  SourceFile file{"br.htm",
                  "<html><body><article><h1>Statement</h1><time datetime=\"2021-05-28\">May 28"
                  "</time><div>First paragraph of the statement.<br><br>Second paragraph, "
                  "with a<br>line break.</div></article></body></html>"};
  ImportedDocument document = ImportHtml(file);
  CHECK(document.title == "Statement");
  CHECK(document.date == "2021-05-28");
  CHECK(Texts(document) == std::vector<std::string>{"First paragraph of the statement.",
                                                    "Second paragraph, with a line break."});
}

TEST_CASE("HtmlImporter: confidence comes from the content, not the extension", "[importers]") {
  HtmlImporter importer;
  CHECK(importer.Confidence({"saved.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>"}) ==
        90);
  CHECK(importer.Confidence({"page", "  <!-- saved -->\n<HTML><body>x</body></HTML>"}) == 90);
  CHECK(importer.Confidence({"frag.html", "<body><p>x</p></body>"}) == 85);
  // A Markdown file whose first line is a <meta> tag (the treaty mirror's files) is not HTML.
  CHECK(importer.Confidence({"treaty.md", "<meta http-equiv='Content-Type' content='text/html; "
                                          "charset=utf-8' />\n\n##Title\n\nText.\n"}) == 0);
  CHECK(importer.Confidence({"x.html", "Just text."}) == 0);
  CHECK(importer.Confidence({"x.html", std::string("<html>\0\0", 8)}) == 0);
  // Akoma Ntoso is XML, not HTML.
  CHECK(importer.Confidence(
            {"x.xml", "<?xml version=\"1.0\"?><akomaNtoso xmlns=\"http://www.akomantoso.org/2.0\">"}) ==
        0);
}

TEST_CASE("HtmlImporter: a page with an empty body is an error naming the file", "[importers]") {
  test::TempDir dir;
  auto path = dir.Write("empty.html",
                        "<!DOCTYPE html><html><head><title>Nothing here</title>"
                        "<script>var x = 'SCRIPT';</script></head><body><nav><a>Home</a></nav>"
                        "<script>document.write('x')</script></body></html>");
  auto document = HtmlImporter().Read(LoadHtml(path));
  REQUIRE_FALSE(document.has_value());
  CHECK(document.error().code == ErrorCode::kParse);
  CHECK(document.error().message ==
        "File '" + path.string() +
            "' has no readable text in its body (only a title, navigation or scripts).");
}

TEST_CASE("HtmlImporter: the registry chooses it for saved pages, whatever their extension",
          "[importers]") {
  auto registry = importers::Registry::WithBuiltinFormats();
  SourceFile file = LoadHtml(HtmlFixture("state_media_note_cyber_dialogue.html"));
  file.path = "saved_page.txt";
  auto read = registry.Read(file);
  REQUIRE(read.has_value());
  CHECK(read->importer == "html");
  CHECK(read->document.title == "Joint Statement of the U.S.-Japan Cyber Dialogue");
}
