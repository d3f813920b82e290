#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "importers/agreement.h"
#include "importers/registry.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::importers;

namespace {

std::filesystem::path PnrPath() {
  return test::SamplesDir() / "agreements" / "eu-us-2007-pnr-agreement-BWBV0002630.md";
}
std::filesystem::path BudapestPath() {
  return test::SamplesDir() / "agreements" /
         "coe-2001-budapest-convention-on-cybercrime-BWBV0001839.md";
}

SourceFile LoadSource(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  return SourceFile{path, std::move(*bytes)};
}

ImportedDocument Read(const std::filesystem::path& path) {
  auto document = AgreementImporter().Read(LoadSource(path));
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

std::vector<const ImportedParagraph*> Content(const ImportedDocument& document) {
  std::vector<const ImportedParagraph*> content;
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (!paragraph.is_boilerplate) content.push_back(&paragraph);
  }
  return content;
}

const ImportedParagraph& WithLabel(const ImportedDocument& document, const std::string& label) {
  auto it = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                         [&](const ImportedParagraph& p) { return p.label == label; });
  REQUIRE(it != document.paragraphs.end());
  return *it;
}

std::vector<std::string> Preamble(const ImportedDocument& document) {
  std::vector<std::string> clauses;
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (paragraph.heading_path == std::vector<std::string>{"Preamble"}) {
      CHECK(paragraph.label.empty());
      clauses.push_back(paragraph.text);
    }
  }
  return clauses;
}

// "Article 6(1)(a)(ii)" -> "Article 6".
std::string ArticleOf(const std::string& label) {
  if (!label.starts_with("Article ")) return "";
  return label.substr(0, label.find('('));
}

}  // namespace

TEST_CASE("AgreementImporter: PNR agreement title, parties, preamble and paragraphs",
          "[importers]") {
  ImportedDocument document = Read(PnrPath());
  CHECK(document.kind == DocumentKind::kAgreement);
  CHECK(document.language == "en");
  CHECK(document.title ==
        "Agreement between the European Union and the United States of America on the "
        "processing and transfer of passenger name record (PNR) data by air carriers to the "
        "United States Department of Homeland Security (DHS) (2007 PNR Agreement)");
  CHECK(document.metadata.at("title_nl").starts_with(
      "Overeenkomst tussen de Europese Unie en de Verenigde Staten van Amerika"));
  REQUIRE(document.actors.size() == 2);
  CHECK(document.actors[0].name == "European Union");
  CHECK(document.actors[0].kind == "organisation");
  CHECK(document.actors[0].role == "party");
  CHECK(document.actors[1].name == "United States of America");
  CHECK(document.actors[1].kind == "state");
  CHECK(document.actors[1].role == "party");

  std::vector<std::string> preamble = Preamble(document);
  REQUIRE(preamble.size() == 12);
  CHECK(preamble.front().starts_with("Desiring to prevent and combat terrorism"));
  CHECK(preamble[1].starts_with("Recognising that information sharing is an essential"));
  CHECK(preamble.back() ==
        "Seeking to enhance and encourage cooperation between the parties in the spirit of "
        "transatlantic partnership;");
  CHECK(document.metadata.at("enacting_formula") == "Have agreed as follows");

  // The operative part is nine numbered paragraphs, no "Article" headings: printed labels.
  std::vector<std::string> operative;
  for (const ImportedParagraph* paragraph : Content(document)) {
    if (paragraph->heading_path.empty()) operative.push_back(paragraph->label);
  }
  CHECK(operative ==
        std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9"});
  CHECK(WithLabel(document, "3").text.starts_with("DHS shall process PNR data received"));
}

TEST_CASE("AgreementImporter: PNR signing place and date, entry into force, annexed letters",
          "[importers]") {
  ImportedDocument document = Read(PnrPath());
  CHECK(document.place == "Brussels");
  CHECK(document.date == "2007-07-23");
  CHECK(document.metadata.at("entry_into_force").starts_with(
      "This Agreement will enter into force on the first day of the month after the date on "
      "which the Parties have exchanged notifications"));
  CHECK(document.metadata.at("entry_into_force_note") ==
        "Treedt in werking op een nader te bepalen tijdstip");
  auto signature = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                                [](const ImportedParagraph& p) {
                                  return p.heading_path == std::vector<std::string>{"Signature"};
                                });
  REQUIRE(signature != document.paragraphs.end());
  CHECK(signature->text.starts_with("DONE at Brussels on 23 July 2007 and at Washington on 26 "
                                    "July 2007. For the European Union L. AMADO"));
  // The DHS letter: Roman-numbered sections, the PNR data elements numbered under III.
  CHECK(WithLabel(document, "I").heading_path == std::vector<std::string>{"Nr. I"});
  CHECK(WithLabel(document, "II").text.starts_with("Sharing of PNR:"));
  CHECK(WithLabel(document, "III(1)").text == "PNR record locator code,");
  CHECK(WithLabel(document, "III(18)").text == "Any collected APIS information");
  CHECK(WithLabel(document, "X").text.starts_with("Review: DHS and the EU will periodically"));
  // No Dutch database note is content.
  for (const ImportedParagraph* paragraph : Content(document)) {
    INFO(paragraph->text);
    CHECK(paragraph->text.find("Treedt in werking") == std::string::npos);
    CHECK(paragraph->language == "en");
  }
}

TEST_CASE("AgreementImporter: the Dutch text is kept as boilerplate in language nl",
          "[importers]") {
  for (const auto& path : {PnrPath(), BudapestPath()}) {
    INFO(path.filename().string());
    ImportedDocument document = Read(path);
    auto first_dutch = std::find_if(document.paragraphs.begin(), document.paragraphs.end(),
                                    [](const ImportedParagraph& p) { return p.is_boilerplate; });
    REQUIRE(first_dutch != document.paragraphs.end());
    // Everything from the first Dutch paragraph on is Dutch boilerplate, without labels.
    for (auto it = first_dutch; it != document.paragraphs.end(); ++it) {
      CHECK(it->is_boilerplate);
      CHECK(it->language == "nl");
      CHECK(it->label.empty());
      CHECK(it->heading_path == std::vector<std::string>{"Dutch text"});
    }
    for (auto it = document.paragraphs.begin(); it != first_dutch; ++it) {
      CHECK(it->language == "en");
    }
    CHECK(std::any_of(document.warnings.begin(), document.warnings.end(),
                      [](const std::string& w) { return w.find("Dutch text") != w.npos; }));
  }
  ImportedDocument pnr = Read(PnrPath());
  auto dutch = std::find_if(pnr.paragraphs.begin(), pnr.paragraphs.end(),
                            [](const ImportedParagraph& p) { return p.is_boilerplate; });
  CHECK(dutch->source_line == 104);
  CHECK(dutch->text.starts_with("Overeenkomst tussen de Europese Unie"));
}

TEST_CASE("AgreementImporter: Budapest Convention chapters, sections, titles and 48 articles",
          "[importers]") {
  ImportedDocument document = Read(BudapestPath());
  CHECK(document.kind == DocumentKind::kAgreement);
  CHECK(document.title == "Convention on Cybercrime");
  CHECK(document.place == "Budapest");
  CHECK(document.date == "2001-11-23");
  CHECK(document.actors.empty());  // the parties are named only generically
  CHECK(document.metadata.at("parties") ==
        "The member States of the Council of Europe and the other States signatory hereto");
  CHECK(document.metadata.at("entry_into_force").starts_with(
      "This Convention shall enter into force on the first day of the month following the "
      "expiration of a period of three months"));

  std::vector<std::string> preamble = Preamble(document);
  CHECK(preamble.size() == 16);
  CHECK(preamble.front().starts_with("Considering that the aim of the Council of Europe"));
  CHECK(preamble.back().starts_with("Having also regard to the Action Plan"));

  std::vector<std::string> articles;
  for (const ImportedParagraph* paragraph : Content(document)) {
    std::string article = ArticleOf(paragraph->label);
    if (!article.empty() && (articles.empty() || articles.back() != article)) {
      articles.push_back(article);
    }
  }
  REQUIRE(articles.size() == 48);
  for (int n = 1; n <= 48; ++n) CHECK(articles[n - 1] == "Article " + std::to_string(n));

  const ImportedParagraph& illegal_access = WithLabel(document, "Article 2");
  CHECK(illegal_access.heading_path ==
        std::vector<std::string>{
            "Chapter II: Measures to be taken at the national level",
            "Section 1: Substantive criminal law",
            "Title 1: Offences against the confidentiality, integrity and availability of "
            "computer data and systems",
            "Article 2: Illegal access"});
  CHECK(illegal_access.text.starts_with("Each Party shall adopt such legislative and other "
                                        "measures"));
  CHECK(WithLabel(document, "Article 1(c)(ii)").text.starts_with(
      "any other entity that processes or stores computer data"));
  CHECK(WithLabel(document, "Article 1(a)").text.starts_with("\"computer system\" means"));
  CHECK(WithLabel(document, "Article 4(2)").text ==
        "A Party may reserve the right to require that the conduct described in paragraph 1 "
        "results in serious harm.");
  // "3." alone on its line, then "a)Each Party ...": the items are 14(3)(a) and 14(3)(b).
  CHECK(WithLabel(document, "Article 14(3)(a)").text.starts_with("Each Party may reserve"));
  CHECK(WithLabel(document, "Article 32(a)").text.starts_with("access publicly available"));
  CHECK(WithLabel(document, "Article 35(1)").heading_path.front() ==
        "Chapter III: International co-operation");
  CHECK(WithLabel(document, "Article 48(e)").heading_path ==
        std::vector<std::string>{"Chapter IV: Final provisions", "Article 48: Notification"});
}

TEST_CASE("AgreementImporter: Markdown links and emphasis are plain text", "[importers]") {
  ImportedDocument document = Read(BudapestPath());
  for (const ImportedParagraph* paragraph : Content(document)) {
    INFO(paragraph->text);
    CHECK(paragraph->text.find("](") == std::string::npos);
    CHECK(paragraph->text.find("README.md") == std::string::npos);
    CHECK(paragraph->text.find('*') == std::string::npos);
  }
  std::vector<std::string> preamble = Preamble(document);
  CHECK(std::any_of(preamble.begin(), preamble.end(), [](const std::string& clause) {
    return clause.find("the 1950 Council of Europe Convention for the Protection of Human Rights "
                       "and Fundamental Freedoms") != std::string::npos;
  }));
}

TEST_CASE("AgreementImporter: the registry picks it for both treaty samples", "[importers]") {
  Registry registry = Registry::WithBuiltinFormats();
  for (const auto& path : {PnrPath(), BudapestPath()}) {
    INFO(path.filename().string());
    SourceFile file = LoadSource(path);
    CHECK(AgreementImporter().Confidence(file) == 98);
    auto read = registry.Read(file);
    REQUIRE(read.has_value());
    CHECK(read->importer == "agreement");
  }
  // A joint statement is not an agreement.
  auto statement = LoadSource(test::JointStatementPath());
  CHECK(AgreementImporter().Confidence(statement) < 30);
  CHECK(registry.Read(statement)->importer != "agreement");
}

TEST_CASE("AgreementImporter: plain-text MoU with wrapped lines", "[importers]") {
  SourceFile file{"mou.txt",
                  "Memorandum of Understanding between Japan and Australia on Cyber Cooperation\n"
                  "\n"
                  "Japan and Australia, hereinafter referred to as the Participants:\n"
                  "Recognising the importance of an open and secure cyberspace;\n"
                  "Desiring to deepen their cooperation;\n"
                  "Have reached the following understanding:\n"
                  "\n"
                  "Article 1\n"
                  "\n"
                  "1. The Participants will exchange information on\n"
                  "cyber threats.\n"
                  "2. The Participants will hold annual consultations.\n"
                  "\n"
                  "Done at Canberra on 12 March 2019.\n"};
  auto document = AgreementImporter().Read(file);
  REQUIRE(document.has_value());
  CHECK(document->title ==
        "Memorandum of Understanding between Japan and Australia on Cyber Cooperation");
  CHECK(document->place == "Canberra");
  CHECK(document->date == "2019-03-12");
  CHECK(WithLabel(*document, "Article 1(2)").heading_path == std::vector<std::string>{"Article 1"});
  CHECK(WithLabel(*document, "Article 1(1)").text ==
        "The Participants will exchange information on cyber threats.");
  CHECK(Preamble(*document).size() == 2);
  CHECK(document->metadata.at("enacting_formula") == "Have reached the following understanding");
  REQUIRE(document->actors.size() == 2);
  CHECK(document->actors[0].name == "Japan");
  CHECK(document->actors[1].name == "Australia");
}

TEST_CASE("AgreementImporter: a file with no text is a parse error naming it", "[importers]") {
  auto result = AgreementImporter().Read(SourceFile{"empty treaty.md", "\n\n   \n"});
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kParse);
  CHECK(result.error().message.find("'empty treaty.md'") != std::string::npos);
}
