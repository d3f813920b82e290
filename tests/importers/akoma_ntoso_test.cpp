#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "importers/akoma_ntoso.h"
#include "importers/registry.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using nt::importers::AkomaNtosoImporter;
using nt::importers::SourceFile;

namespace {

std::filesystem::path AknSample(std::string_view name) {
  return test::SamplesDir() / "akoma-ntoso" / name;
}
std::filesystem::path AknFixture(std::string_view name) {
  return test::FixturesDir() / "importers" / "akn" / name;
}

SourceFile Load(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  return SourceFile{path, std::move(*bytes)};
}

ImportedDocument Import(const std::filesystem::path& path) {
  auto document = AkomaNtosoImporter().Read(Load(path));
  if (!document) FAIL(document.error().message);
  return std::move(*document);
}

// The document's own text: no preface/cover boilerplate, no notes.
std::vector<ImportedParagraph> Content(const ImportedDocument& document) {
  std::vector<ImportedParagraph> out;
  for (const auto& paragraph : document.paragraphs) {
    if (!paragraph.is_boilerplate) out.push_back(paragraph);
  }
  return out;
}

std::vector<ImportedParagraph> Notes(const ImportedDocument& document) {
  std::vector<ImportedParagraph> out;
  for (const auto& paragraph : document.paragraphs) {
    if (paragraph.heading_path == std::vector<std::string>{"Notes"}) out.push_back(paragraph);
  }
  return out;
}

std::vector<std::string> Labels(const std::vector<ImportedParagraph>& paragraphs) {
  std::vector<std::string> labels;
  for (const auto& paragraph : paragraphs) labels.push_back(paragraph.label);
  return labels;
}

const ImportedParagraph& WithText(const ImportedDocument& document, std::string_view start) {
  for (const auto& paragraph : document.paragraphs) {
    if (paragraph.text.starts_with(start)) return paragraph;
  }
  FAIL("no paragraph starts with: " << start);
  throw;  // unreachable, FAIL throws
}

std::vector<std::string> ActorNames(const ImportedDocument& document) {
  std::vector<std::string> names;
  for (const auto& actor : document.actors) names.push_back(actor.name);
  return names;
}

const ImportedActorMention& Actor(const ImportedDocument& document, std::string_view name) {
  for (const auto& actor : document.actors) {
    if (actor.name == name) return actor;
  }
  FAIL("no actor named " << name);
  throw;
}

std::string Meta(const ImportedDocument& document, const std::string& key) {
  auto it = document.metadata.find(key);
  return it == document.metadata.end() ? "" : it->second;
}

struct Failure {
  std::string path;  // the file as the message should name it
  Error error;
};

Failure ReadError(std::string_view name, std::string_view content) {
  test::TempDir dir;
  auto path = dir.Write(name, content);
  auto document = AkomaNtosoImporter().Read(Load(path));
  REQUIRE_FALSE(document.has_value());
  return {path.string(), document.error()};
}

}  // namespace

TEST_CASE("AkomaNtosoImporter: AKN 2.0 UN draft resolution keeps preamble and operative paragraphs",
          "[importers]") {
  SourceFile file = Load(AknSample("Bill_UN_2012.xml"));
  CHECK(AkomaNtosoImporter().Confidence(file) == 95);
  ImportedDocument document = Import(file.path);

  CHECK(document.kind == DocumentKind::kResolution);
  CHECK(document.title ==
        "Promoting international cooperation in responding to new psychoactive substances");
  CHECK(document.symbol == "E/CN.7/2012/L.2");
  CHECK(document.date == "2012-02-22");  // the printed docDate, not FRBRWork's 2012-10-22
  CHECK(document.language == "en");
  CHECK(Meta(document, "akn_version") == "2.0");
  CHECK(Meta(document, "frbr_language") == "eng");
  CHECK(Meta(document, "frbr_work_date") == "2012-10-22");
  CHECK(Meta(document, "frbr_country") == "un");
  CHECK(Meta(document, "frbr_author") == "Commission on Narcotic Drugs");
  CHECK(Meta(document, "frbr_work_uri") == "/un/resolution/2012-02-22/E/CN.7/2012/L.2");
  CHECK(Meta(document, "session") == "Fifty-fifth session");

  std::vector<ImportedParagraph> content = Content(document);
  REQUIRE(content.size() == 9);
  for (int i = 0; i < 5; ++i) {
    CHECK(content[i].heading_path == std::vector<std::string>{"Preamble"});
    CHECK(content[i].label.empty());
  }
  CHECK(content[0].text == "The Commission on Narcotic Drugs,");
  CHECK(content[1].text.starts_with("Concerned that new psychoactive substances are increasingly"));
  // Operative paragraphs keep their printed numbers, with the gap the excerpt leaves (4-7).
  CHECK(Labels({content.begin() + 5, content.end()}) ==
        std::vector<std::string>{"1.", "2.", "3.", "8."});
  CHECK(content[6].heading_path.empty());
  CHECK(content[6].text ==
        "Urges Member States to share that information, in particular with regard to patterns of "
        "use and related problems, risks to public health, forensic data and regulation of new "
        "psychoactive substances, with other Member States and the United Nations Office on Drugs "
        "and Crime;");
  CHECK(content[6].source_line == 145);
  // Footnotes leave the sentence whole and are kept apart, labelled with their markers.
  CHECK(content[8].text ==
        "Requests the United Nations Office on Drugs and Crime to continue to work with the World "
        "Health Organization, pursuant to article 3 of the Single Convention on Narcotic Drugs of "
        "1961 as amended by the 1972 Protocol and article 2 of the Convention on Psychotropic "
        "Substances of 1971, towards resuming the review of substances for possible scheduling by "
        "the Commission");
  std::vector<ImportedParagraph> notes = Notes(document);
  CHECK(Labels(notes) == std::vector<std::string>{"*", "1", "2", "3"});
  CHECK(notes[1].text == "United Nations, Treaty Series. vol. 520, No. 7515.");
  CHECK(notes[1].is_boilerplate);

  CHECK(ActorNames(document) ==
        std::vector<std::string>{"Economic and Social Council", "Commission on Narcotic Drugs"});
  CHECK(Actor(document, "Commission on Narcotic Drugs").role == "author");
  CHECK(Actor(document, "Commission on Narcotic Drugs").kind == "organisation");
  // "somebody" only made the markup.
  CHECK(Meta(document, "markup_editor") == "somebody");
  CHECK(std::any_of(document.warnings.begin(), document.warnings.end(),
                    [](const std::string& w) { return w.find("omissis") != std::string::npos; }));
}

TEST_CASE("AkomaNtosoImporter: US act sections get printed labels and nested heading paths",
          "[importers]") {
  ImportedDocument document = Import(AknSample("us_Act_2011-11-29.xml"));
  CHECK(document.kind == DocumentKind::kOther);
  CHECK(document.title == "America's Cup Act of 2011");
  CHECK(Meta(document, "long_title").starts_with("To facilitate the hosting in the United States"));
  CHECK(document.date == "2011-11-29");
  CHECK(document.language == "en");
  CHECK(document.symbol.empty());
  CHECK(Meta(document, "doc_number") == "112-61");
  CHECK(Meta(document, "akn_version") == "3.0");
  CHECK(Meta(document, "frbr_author") == "Congress of USA");

  std::vector<ImportedParagraph> content = Content(document);
  CHECK(Labels(content) ==
        std::vector<std::string>{"",        "SECTION 1.", "SEC. 2.", "(1)", "(A)",   "(B)",
                                 "(2)",     "(3)",        "(4)",     "(A)", "(B)",   "(C)",
                                 "(D)",     "(E)",        "SEC. 3 .", "(a)", "(b)",  "SEC. 5 .",
                                 "SEC. 6 .", ""});
  CHECK(content[0].heading_path == std::vector<std::string>{"Preamble"});
  CHECK(content[1].heading_path == std::vector<std::string>{"SECTION 1. SHORT TITLE."});
  CHECK(content[2].text == "In this Act:");
  CHECK(content[4].heading_path == std::vector<std::string>{"SEC. 2. DEFINITIONS.", "(1)"});
  CHECK(content[9].heading_path == std::vector<std::string>{"SEC. 2. DEFINITIONS.", "(4)"});
  CHECK(content[11].text ==
        "is not a ferry (as defined under section 2101(10b) of title 46, United States Code);");
  // Pretty-printing before a comma is not the author's space.
  CHECK(content[14].text.starts_with(
      "Notwithstanding sections 55102, 55103, and 55111 of title 46, United States Code, an "
      "eligible vessel,"));
  CHECK(content.back().text == "Approved November 29, 2011.");

  // The editorial page marker is kept, as boilerplate.
  CHECK(WithText(document, "Page 125 STAT. 754").is_boilerplate);
  std::vector<ImportedParagraph> notes = Notes(document);
  REQUIRE(notes.size() == 3);
  CHECK(notes[1].text == "America's Cup Act of 2011.");  // the note inside a heading
  CHECK(notes[2].text.starts_with("LEGISLATIVE HISTORY--H.R. 3321 (S. 1759):"));

  CHECK(ActorNames(document) == std::vector<std::string>{"Congress of USA"});
  CHECK(Meta(document, "markup_editor") == "Palmirani");
}

TEST_CASE("AkomaNtosoImporter: EU proposal with components reads each component under its title",
          "[importers]") {
  // The file name has parentheses; nothing in the path handling may trip over them.
  SourceFile file = Load(AknSample("eu_COM(2013)0619_EN-8.xml"));
  CHECK(AkomaNtosoImporter().Confidence(file) == 95);
  ImportedDocument document = Import(file.path);
  const std::string proposal =
      "Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on new "
      "psychoactive substances";

  CHECK(document.kind == DocumentKind::kOther);
  CHECK(document.title == proposal);
  CHECK(document.date == "2013-09-17");
  CHECK(document.place == "Brussels");
  CHECK(document.language == "en");
  CHECK(document.symbol.empty());  // a COM number is not a UN symbol
  CHECK(Meta(document, "doc_number") == "COM(2013) 619 final");
  CHECK(Meta(document, "akn_document_type") == "documentCollection");

  std::set<std::string> components;
  std::set<std::string> articles;
  int recitals = 0;
  for (const auto& paragraph : Content(document)) {
    REQUIRE_FALSE(paragraph.heading_path.empty());
    components.insert(paragraph.heading_path.front());
    for (const auto& heading : paragraph.heading_path) {
      if (heading.starts_with("Article ")) articles.insert(heading);
    }
    if (paragraph.heading_path == std::vector<std::string>{proposal, "Preamble"} &&
        paragraph.label.starts_with("(")) {
      ++recitals;
    }
  }
  CHECK(components == std::set<std::string>{"EXPLANATORY MEMORANDUM", proposal,
                                            "LEGISLATIVE FINANCIAL STATEMENT"});
  CHECK(articles.size() == 24);
  CHECK(recitals == 36);

  const ImportedParagraph& article_1 = WithText(document, "This Regulation establishes rules");
  CHECK(article_1.label == "1.");
  CHECK(article_1.heading_path ==
        std::vector<std::string>{proposal, "CHAPTER I Subject matter - Scope - Definitions",
                                 "Article 1 Subject matter and scope"});
  CHECK(WithText(document, "‘mixture’ means a mixture or solution").label == "(b)");
  const ImportedParagraph& last = WithText(document, "This Regulation shall be binding");
  CHECK(last.label.empty());  // the second alinea of Article 24
  CHECK(last.heading_path.back() == "Article 24 Entry into force");
  CHECK(WithText(document, "Specific objective No: Prevent and reduce drug use")
            .label == "1.4.2.");  // a table row
  CHECK(Notes(document).size() == 31);

  CHECK(ActorNames(document) ==
        std::vector<std::string>{"European Commission", "Council", "European Parliament",
                                 "European Monitoring Centre for Drugs and Drug Addiction (EMCDDA)",
                                 "European Economic and Social Committee"});
  CHECK(Actor(document, "European Parliament").role == "author");
  CHECK(Meta(document, "markup_editor") == "Véronique Parisse");
}

TEST_CASE("AkomaNtosoImporter: debate record puts speakers on the heading path and lists them",
          "[importers]") {
  ImportedDocument document = Import(AknSample("ke_Debate_Bungeni_2011-06-10.xml"));
  CHECK(document.kind == DocumentKind::kOther);
  CHECK(document.title == "SECOND MEETING, 2011");
  CHECK(document.date == "2011-06-10");
  CHECK(document.language == "en");
  CHECK(Meta(document, "akn_document_type") == "debate");

  const ImportedParagraph& motion = WithText(document, "Mr. Deputy Speaker, I beg to move");
  CHECK(motion.heading_path == std::vector<std::string>{"MOTIONS", "Mr. Alfa"});
  const ImportedParagraph& statement = WithText(document, "Mr. Speaker, in a report from");
  CHECK(statement.heading_path ==
        std::vector<std::string>{"STATEMENTS", "Flood into the Republic of BUNGENI",
                                 "Minister for the Interior (Mr Iota)"});
  const ImportedParagraph& answer = WithText(document, "Currently, there are two (2) associations");
  CHECK(answer.heading_path.back() == "Mr. Eta");
  CHECK(answer.text ==
        "Currently, there are two (2) associations serving the interest of teachers in the BES. "
        "Whereas members of IAGRAT consist of a section of graduate teachers, BNATcovers "
        "nongraduates as well as graduate teachers.");
  CHECK(WithText(document, "AYES: Mr. Alfa, Mr. Beta, Mr. Delta, etc.").heading_path ==
        std::vector<std::string>{"DIVISION"});
  CHECK(Content(document).size() == 30);
  // The meta note cited by noteRef is kept apart with its marker.
  std::vector<ImportedParagraph> notes = Notes(document);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].label == "1");
  CHECK(notes[0].text == "BES: definition of Educational System");

  CHECK(ActorNames(document) ==
        std::vector<std::string>{"Parliament", "Mr. Alfa", "Mr. Beta", "Mr. Gamma", "Mr. Delta",
                                 "Mr. epsilon", "Mr. Kappa", "Mr. Eta", "Mr. zeta"});
  CHECK(Actor(document, "Mr. Alfa").kind == "person");
  CHECK(Actor(document, "Mr. Alfa").role == "speaker");
  CHECK(Actor(document, "Mr. Eta").role == "Minister for Education and Sports");
  CHECK(Actor(document, "Mr. Gamma").role == "Minister for Interior");
  CHECK(Actor(document, "Mr. Delta").role.empty());  // only named in the division list
  CHECK(Actor(document, "Parliament").role == "author");
}

TEST_CASE("AkomaNtosoImporter: own AKN 3.0 fixtures validate against the OASIS schema",
          "[importers]") {
  if (std::system("xmllint --version > /dev/null 2>&1") != 0) {
    WARN("xmllint is not installed; schema validation skipped");
    return;
  }
  const auto schema = test::SamplesDir() / "akoma-ntoso" / "schema" / "akomantoso30.xsd";
  for (const char* name : {"mou_japan_australia_cyber.xml", "joint_statement_cyber_dialogue.xml"}) {
    std::string command = "xmllint --noout --nonet --schema '" + schema.string() + "' '" +
                          AknFixture(name).string() + "' > /dev/null 2>&1";
    INFO(command);
    CHECK(std::system(command.c_str()) == 0);
  }
}

TEST_CASE("AkomaNtosoImporter: bilateral MoU fixture is an agreement with parties and articles",
          "[importers]") {
  ImportedDocument document = Import(AknFixture("mou_japan_australia_cyber.xml"));
  CHECK(document.kind == DocumentKind::kAgreement);
  CHECK(document.title ==
        "Memorandum of Understanding between the Government of Japan and the Government of "
        "Australia on Cooperation in Cybersecurity");
  CHECK(document.date == "2024-03-14");
  CHECK(document.place == "Tokyo");
  CHECK(document.language == "en");

  std::vector<ImportedParagraph> content = Content(document);
  REQUIRE(content.size() == 16);
  CHECK(content[1].text ==
        "Recognising that an open, interoperable, reliable and secure cyberspace is essential to "
        "the prosperity of both countries;");
  CHECK(content[1].heading_path == std::vector<std::string>{"Preamble"});
  CHECK(content[2].text ==
        "Recalling the report of the Group of Governmental Experts (A/70/174) and the norms of "
        "responsible State behaviour it recommends;");
  CHECK(Labels(content) == std::vector<std::string>{"", "", "", "", "", "Article 1", "1.", "(a)",
                                                    "(b)", "(c)", "2.", "Article 3", "", "", "",
                                                    ""});
  CHECK(content[8].heading_path ==
        std::vector<std::string>{"Article 2 Areas of cooperation", "1."});
  CHECK(content[8].text ==
        "the protection of critical infrastructure, consistent with norm 13 (f) of the 2015 "
        "report;");
  CHECK(content[8].source_line == 93);
  CHECK(content[13].text ==
        "Signed at Tokyo on 14 March 2024, in duplicate, in the English language.");
  REQUIRE(Notes(document).size() == 1);
  CHECK(Notes(document)[0].label == "1");

  CHECK(ActorNames(document) ==
        std::vector<std::string>{
            "The Government of Japan", "The Government of Australia",
            "National center of Incident readiness and Strategy for Cybersecurity",
            "Kamikawa Yoko", "Penny Wong"});
  CHECK(Actor(document, "The Government of Japan").role == "party");
  CHECK(Actor(document, "Penny Wong").role == "signatory");
  CHECK(Actor(document, "Penny Wong").kind == "person");
}

TEST_CASE("AkomaNtosoImporter: joint statement fixture is a statement with numbered paragraphs",
          "[importers]") {
  ImportedDocument document = Import(AknFixture("joint_statement_cyber_dialogue.xml"));
  CHECK(document.kind == DocumentKind::kStatement);
  CHECK(document.title == "Joint Statement of the Fifth Japan-U.S. Cyber Dialogue");
  CHECK(document.date == "2017-07-21");
  CHECK(document.place == "Tokyo");
  CHECK(Meta(document, "frbr_expression_date") == "2017-07-24");
  CHECK(Meta(document, "frbr_author") == "Japan; United States");

  std::vector<ImportedParagraph> content = Content(document);
  CHECK(Labels(content) == std::vector<std::string>{"1.", "2.", "3.", "(a)", "(b)"});
  CHECK(content[1].text ==
        "The two countries affirmed that they will continue to promote an open, interoperable, "
        "reliable and secure cyberspace.");
  CHECK(content[2].heading_path == std::vector<std::string>{"Critical infrastructure"});
  CHECK(content[3].heading_path == std::vector<std::string>{"Critical infrastructure", "3."});
  CHECK(ActorNames(document) ==
        std::vector<std::string>{"Japan", "United States", "Department of Homeland Security",
                                 "Ministry of Economy, Trade and Industry"});
  CHECK(Actor(document, "Japan").role == "author");
  CHECK(Meta(document, "markup_editor") == "NormTrack test editor");
}

TEST_CASE("AkomaNtosoImporter: confidence is judged on the root element and its namespace",
          "[importers]") {
  AkomaNtosoImporter importer;
  auto confidence = [&](std::string content, std::string name = "x.xml") {
    return importer.Confidence(SourceFile{name, std::move(content)});
  };
  CHECK(confidence("<?xml version=\"1.0\"?>\n<!-- c -->\n<akomaNtoso "
                   "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act/>",
                   "no-extension") == 95);
  CHECK(confidence("<an:akomaNtoso xmlns:an=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0/"
                   "CSD13\">") == 95);
  CHECK(confidence("<akomaNtoso xmlns='http://www.akomantoso.org/2.0'>") == 95);
  CHECK(confidence("<akomaNtoso xmlns=\"http://example.org/other\">") == 0);
  CHECK(confidence("<akomaNtoso>") == 0);
  CHECK(confidence("<?xml version=\"1.0\"?><root/>") == 0);
  CHECK(confidence("# A Markdown file\n\nAbout <akomaNtoso> elements.", "x.md") == 0);
  CHECK(confidence(std::string("\0\1\2", 3)) == 0);
}

TEST_CASE("AkomaNtosoImporter: truncated XML is reported with its line and column",
          "[importers]") {
  std::string whole = Load(AknSample("Bill_UN_2012.xml")).bytes;
  // Cut inside an end tag: "</docT" on line 94.
  std::string cut = whole.substr(0, whole.find("</docTitle>") + 6);
  REQUIRE(cut.ends_with("</docT"));
  auto [path, error] = ReadError("cut_short.xml", cut);
  CHECK(error.code == ErrorCode::kParse);
  CHECK(error.message == "File '" + path +
                             "' is not well-formed XML: the text ends before all elements are "
                             "closed (is the file truncated?) at line 94, column 19.");
  // A truncated AKN file is still recognised, so the user gets this error, not a text import.
  CHECK(AkomaNtosoImporter().Confidence(SourceFile{"cut_short.xml", cut}) == 95);
}

TEST_CASE("AkomaNtosoImporter: a mismatched end tag is reported with its line and column",
          "[importers]") {
  auto [path, error] = ReadError("mismatch.xml",
                          "<?xml version=\"1.0\"?>\n"
                          "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
                          "  <doc name=\"x\">\n"
                          "    <p>text</x>\n"
                          "  </doc>\n"
                          "</akomaNtoso>\n");
  CHECK(error.code == ErrorCode::kParse);
  CHECK(error.message == "File '" + path +
                             "' is not well-formed XML: an end tag that does not match its start "
                             "tag at line 4, column 14.");
}

TEST_CASE("AkomaNtosoImporter: a DOCTYPE with an external entity is refused", "[importers]") {
  auto [path, error] = ReadError(
      "xxe.xml",
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE akomaNtoso [\n"
      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "]>\n"
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
      "<doc name=\"x\"><meta/><mainBody><p>&xxe;</p></mainBody></doc></akomaNtoso>\n");
  CHECK(error.code == ErrorCode::kParse);
  CHECK(error.message == "File '" + path +
                             "' declares XML entities in its DOCTYPE (line 3), which NormTrack "
                             "never expands for safety; remove the DOCTYPE and import the file "
                             "again.");
  CHECK(error.message.find("root:") == std::string::npos);  // nothing of /etc/passwd
}

TEST_CASE("AkomaNtosoImporter: a billion laughs DOCTYPE is refused without expansion",
          "[importers]") {
  std::string content = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    std::string previous = i == 1 ? "lol" : "lol" + std::to_string(i - 1);
    content += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) content += "&" + previous + ";";
    content += "\">\n";
  }
  content +=
      "]>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
      "<doc name=\"x\"><meta/><mainBody><p>&lol9;</p></mainBody></doc></akomaNtoso>\n";
  auto [path, error] = ReadError("lolz.xml", content);
  CHECK(error.code == ErrorCode::kParse);
  CHECK(error.message.starts_with("File '" + path +
                                  "' declares XML entities in its DOCTYPE (line 3)"));
}

TEST_CASE("AkomaNtosoImporter: an external DTD is not fetched and is reported as a warning",
          "[importers]") {
  test::TempDir dir;
  auto path = dir.Write(
      "with_dtd.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso SYSTEM \"http://example.org/akn.dtd\">\n"
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\">"
      "<meta/><mainBody><p>Fish &amp; chips.</p></mainBody></doc></akomaNtoso>\n");
  ImportedDocument document = Import(path);
  REQUIRE(document.paragraphs.size() == 1);
  CHECK(document.paragraphs[0].text == "Fish & chips.");
  CHECK(document.title == "with_dtd");
  CHECK(std::find(document.warnings.begin(), document.warnings.end(),
                  "The external DTD named in the DOCTYPE was not read.") !=
        document.warnings.end());
}

TEST_CASE("AkomaNtosoImporter: well-formed XML that is not Akoma Ntoso is unsupported",
          "[importers]") {
  auto [path, error] =
      ReadError("other.xml", "<?xml version=\"1.0\"?>\n<root><p>Text</p></root>\n");
  CHECK(error.code == ErrorCode::kUnsupported);
  CHECK(error.message == "File '" + path +
                             "' is XML but not Akoma Ntoso: its root element is 'root' without a "
                             "namespace.");

  auto wrong_ns = ReadError("wrong_ns.xml", "<akomaNtoso xmlns=\"http://example.org/x\"/>");
  CHECK(wrong_ns.error.code == ErrorCode::kUnsupported);
  CHECK(wrong_ns.error.message.find("'" + wrong_ns.path + "'") != std::string::npos);
}

TEST_CASE("AkomaNtosoImporter: the registry chooses it for every Akoma Ntoso sample",
          "[importers]") {
  auto registry = importers::Registry::WithBuiltinFormats();
  for (const char* name : {"Bill_UN_2012.xml", "us_Act_2011-11-29.xml",
                           "eu_COM(2013)0619_EN-8.xml", "ke_Debate_Bungeni_2011-06-10.xml"}) {
    INFO(name);
    auto read = registry.ReadFile(AknSample(name));
    REQUIRE(read.has_value());
    CHECK(read->importer == "akoma_ntoso");
    CHECK(read->importer_version == "1");
  }
}
