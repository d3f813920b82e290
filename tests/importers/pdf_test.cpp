#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "importers/page_text.h"
#include "importers/pdf.h"
#include "importers/registry.h"
#include "importers/test_pdf_writer.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

std::filesystem::path PdfFixture(const std::string& name) {
  return test::FixturesDir() / "importers" / "pdf" / name;
}

// A two-page joint statement with a running header and a page footer on each page, a paragraph
// cut by the page break and words hyphenated at line ends.
std::string StatementPdf() {
  return test::MakePdf({{"Joint Statement of the Fifth Cyber Dialogue",
                         "",
                         "Tokyo, July 20, 2017",
                         "",
                         "1. Both governments affirmed that cybersecurity is a priority and that",
                         "confidence-building measures reduce risk.",
                         "",
                         "2. The two sides will share information on threats to critical infor-",
                         "mation infrastructure and on cyber-",
                         "security incidents, and will hold regular confidence-",
                         "building exercises through their national teams and their",
                         "",
                         "Page 1 of 2"},
                        {"Joint Statement of the Fifth Cyber Dialogue",
                         "",
                         "partners in the region.",
                         "",
                         "3. The next round will take place in Washington in 2018.",
                         "",
                         "Page 2 of 2"}});
}

SourceFile PdfSource(std::string name, std::string bytes) {
  return SourceFile{std::filesystem::path(std::move(name)), std::move(bytes)};
}

ImportedDocument ReadStatement() {
  auto document = PdfImporter().Read(PdfSource("statement.pdf", StatementPdf()));
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

const ImportedParagraph& WithLabel(const ImportedDocument& document, const std::string& label) {
  auto it = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                         [&](const ImportedParagraph& p) { return p.label == label; });
  REQUIRE(it != document.paragraphs.end());
  return *it;
}

}  // namespace

TEST_CASE("PdfImporter: confidence is 100 for a %PDF- header and 0 otherwise", "[importers]") {
  CHECK(PdfImporter().Confidence(PdfSource("a.pdf", StatementPdf())) == 100);
  CHECK(PdfImporter().Confidence(PdfSource("a.txt", "%PDF-1.7\n")) == 100);
  CHECK(PdfImporter().Confidence(PdfSource("a.pdf", "Not a PDF at all.\n")) == 0);
  auto read = Registry::WithBuiltinFormats().Read(PdfSource("statement.pdf", StatementPdf()));
  REQUIRE(read.has_value());
  CHECK(read->importer == "pdf");
}

TEST_CASE("PdfImporter: statement paragraphs carry their page, headers and footers are dropped",
          "[importers]") {
  ImportedDocument document = ReadStatement();
  CHECK(document.title == "Joint Statement of the Fifth Cyber Dialogue");
  CHECK(document.date == "2017-07-20");
  CHECK(document.place == "Tokyo");
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(document.metadata.at("pages") == "2");
  std::vector<std::string> labels;
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    labels.push_back(paragraph.label);
    INFO(paragraph.text);
    CHECK(paragraph.text.find("Page ") == std::string::npos);
    CHECK(paragraph.text.find("Fifth Cyber Dialogue") == std::string::npos);
  }
  CHECK(labels == std::vector<std::string>{"1", "2", "3"});
  CHECK(WithLabel(document, "1").page == 1);
  CHECK(WithLabel(document, "2").page == 1);  // starts on page 1, ends on page 2
  CHECK(WithLabel(document, "3").page == 2);
  CHECK(WithLabel(document, "2").text.ends_with("national teams and their partners in the "
                                                "region."));
}

TEST_CASE("PdfImporter: line-end hyphenation is repaired, real compounds keep their hyphen",
          "[importers]") {
  ImportedDocument document = ReadStatement();
  const std::string& text = WithLabel(document, "2").text;
  CHECK(text.find("critical information infrastructure") != std::string::npos);
  CHECK(text.find("on cybersecurity incidents") != std::string::npos);
  CHECK(text.find("regular confidence-building exercises") != std::string::npos);
}

TEST_CASE("LineJoiner: the document's own words decide about a hyphen at a line end",
          "[importers]") {
  auto join = [](std::vector<std::string> lines) {
    std::vector<TextPage> pages{{1, {}}};
    for (std::string& line : lines) pages[0].lines.push_back({std::move(line), false, false, 0});
    LineJoiner joiner(pages);
    std::string text;
    for (const PageLine& line : pages[0].lines) joiner.Append(text, line.text);
    return text;
  };
  CHECK(join({"a cyber-", "security policy"}) == "a cybersecurity policy");
  CHECK(join({"the cyber-", "security of", "cyber-security"}) ==
        "the cyber-security of cyber-security");
  CHECK(join({"confidence-", "building and building confidence"}) ==
        "confidence-building and building confidence");
  CHECK(join({"informa-", "tion"}) == "information");
  CHECK(join({"long dash -", "and more"}) == "long dash - and more");
  CHECK(join({"Japan-", "U.S. talks"}) == "Japan- U.S. talks");
}

TEST_CASE("IsPageFurniture: page numbers and UN job numbers, not text", "[importers]") {
  CHECK(IsPageFurniture("3/17"));
  CHECK(IsPageFurniture("15-12385 3/17"));
  CHECK(IsPageFurniture("2/17 15-12385"));
  CHECK(IsPageFurniture("15-12385 (E) 060815"));
  CHECK(IsPageFurniture("GE.15-12385"));
  CHECK(IsPageFurniture("*1512385*"));
  CHECK(IsPageFurniture("Page 2 of 9"));
  CHECK(IsPageFurniture("- 4 -"));
  CHECK_FALSE(IsPageFurniture("2017"));
  CHECK_FALSE(IsPageFurniture("3. The next round"));
  CHECK_FALSE(IsPageFurniture("A/70/174"));
}

TEST_CASE("PdfImporter: a damaged PDF is a parse error naming the file", "[importers]") {
  std::mt19937 random(20150722);
  std::string noise = "%PDF-1.4\n";
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>(random() & 0xFF);
  auto result = PdfImporter().Read(PdfSource("noise.pdf", noise));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message.find("'noise.pdf'") != std::string::npos);

  std::string truncated = StatementPdf().substr(0, 80);
  result = PdfImporter().Read(PdfSource("cut short.pdf", truncated));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message.find("'cut short.pdf'") != std::string::npos);

  result = PdfImporter().Read(PdfSource("header-only.pdf", "%PDF-1.7\n"));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message.find("'header-only.pdf'") != std::string::npos);
}

TEST_CASE("PdfImporter: a PDF cut off before its cross-reference table never crashes",
          "[importers]") {
  std::string pdf = StatementPdf();
  for (std::size_t size : {pdf.size() / 4, pdf.size() / 2, pdf.size() - 40}) {
    auto result = PdfImporter().Read(PdfSource("half.pdf", pdf.substr(0, size)));
    // Poppler may rebuild a cut file's cross-references and recover its first pages: then the
    // text it recovered is imported; otherwise one sentence names the file.
    if (!result) {
      CHECK(result.error().code == ErrorCode::kParse);
      CHECK(result.error().message.find("'half.pdf'") != std::string::npos);
    }
  }
}

TEST_CASE("PdfImporter: a password-protected PDF is refused with a sentence naming the file",
          "[importers]") {
  auto bytes = ReadFileBytes(PdfFixture("encrypted_statement.pdf"));
  REQUIRE(bytes.has_value());
  SourceFile file{PdfFixture("encrypted_statement.pdf"), std::move(*bytes)};
  CHECK(PdfImporter().Confidence(file) == 100);
  auto result = PdfImporter().Read(file);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kUnsupported);
  CHECK(result.error().message.find("encrypted_statement.pdf") != std::string::npos);
  CHECK(result.error().message.find("password") != std::string::npos);
}

TEST_CASE("PdfImporter: a PDF without a text layer says it needs OCR", "[importers]") {
  auto result = PdfImporter().Read(PdfSource("scan.pdf", test::MakePdf({{}, {}})));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message.find("'scan.pdf'") != std::string::npos);
  CHECK(result.error().message.find("no text layer") != std::string::npos);
}

// Writes the unencrypted source of the encrypted fixture (see tests/fixtures/importers/pdf/README.md).
TEST_CASE("PdfImporter: write the statement fixture", "[.write-pdf-fixtures]") {
  std::ofstream out(PdfFixture("statement.pdf"), std::ios::binary);
  out << StatementPdf();
  REQUIRE(out.good());
}
