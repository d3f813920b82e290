#include <catch2/catch.hpp>

#include "extract/dialogue_finder.h"
#include "extract/corpus_reference.h"
#include "extract/document_extractor.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::extract;

namespace {

std::vector<DialogueNameMention> Mentions(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  DocumentActors actors(test::CorpusGazetteer());
  return FindDialogueMentions(text, tokens, actors.Find(text, tokens), test::CorpusGazetteer());
}

ImportedDocument MakeDocument(std::string title, std::vector<std::string> paragraphs) {
  ImportedDocument doc;
  doc.title = std::move(title);
  for (std::string& text : paragraphs) {
    ImportedParagraph p;
    p.text = std::move(text);
    doc.paragraphs.push_back(std::move(p));
  }
  return doc;
}

}  // namespace

TEST_CASE("DialogueFinder: every spelling of a dialogue has one key", "[extract]") {
  std::string key = DialogueKeyOf("Japan-U.S. Cyber Dialogue", test::CorpusGazetteer());
  CHECK(key == "japan+united states|cyber dialogue");
  CHECK(DialogueKeyOf("U.S.-Japan Cyber Dialogue", test::CorpusGazetteer()) == key);
  CHECK(DialogueKeyOf("United States-Japan Bilateral Cyber Dialogue", test::CorpusGazetteer()) == key);
  CHECK(DialogueKeyOf("Japan\xE2\x80\x93US cyber dialogue", test::CorpusGazetteer()) == key);
  CHECK(DialogueKeyOf("Japan-EU Cyber Dialogue", test::CorpusGazetteer()) != key);
  CHECK(DialogueKeyOf("U.S.-Japan Economic Dialogue", test::CorpusGazetteer()) != key);
  CHECK(DialogueKeyOf("a dialogue on cyber issues", test::CorpusGazetteer()).empty());
}

TEST_CASE("DialogueFinder: ordinals in words and digits give the round", "[extract]") {
  CHECK(ParseOrdinal("fifth") == 5);
  CHECK(ParseOrdinal("Seventh") == 7);
  CHECK(ParseOrdinal("4th") == 4);
  CHECK(ParseOrdinal("21st") == 21);
  CHECK_FALSE(ParseOrdinal("fifty"));
  auto mentions = Mentions("at the conclusion of the fifth Japan-U.S. Cyber Dialogue:");
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].round == 5);
  CHECK(mentions[0].name == "Japan-U.S. Cyber Dialogue");
  mentions = Mentions("the 4th U.S.-Japan Bilateral Cyber Dialogue and the sixth dialogue");
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].round == 4);
  CHECK(mentions[1].round == 6);
  CHECK(mentions[1].key.empty());
}

TEST_CASE("DocumentExtractor: the document's round has its dates and place", "[extract]") {
  NormCatalogue norms;
  ImportedDocument doc = MakeDocument(
      "Joint Statement of the Japan-U.S. Cyber Dialogue",
      {"The Governments of Japan and the United States held the fifth Japan-U.S. Cyber Dialogue "
       "in Tokyo on July 20 and 21, 2017.",
       "They welcomed the outcome of the fourth U.S.-Japan Cyber Dialogue held in Washington, DC "
       "on 2-3 November 2016 and look forward to the sixth dialogue held in July 2018."});
  auto result = ExtractDocument(doc, test::CorpusGazetteer(), norms);
  REQUIRE(result);
  REQUIRE(result->dialogue);
  const DialogueMention& d = *result->dialogue;
  CHECK(d.name == "Japan-U.S. Cyber Dialogue");
  CHECK(d.key == "japan+united states|cyber dialogue");
  CHECK(d.round == 5);
  CHECK(d.start_date == "2017-07-20");
  CHECK(d.end_date == "2017-07-21");
  CHECK(d.place == "Tokyo");
  CHECK(d.is_document_round);
  REQUIRE(result->other_rounds.size() == 2);
  CHECK(result->other_rounds[0].round == 4);
  CHECK(result->other_rounds[0].key == d.key);
  CHECK(result->other_rounds[0].start_date == "2016-11-02");
  CHECK(result->other_rounds[0].place == "Washington, DC");
  CHECK_FALSE(result->other_rounds[0].is_document_round);
  CHECK(result->other_rounds[1].round == 6);
  CHECK(result->other_rounds[1].name == "Japan-U.S. Cyber Dialogue");
  CHECK(result->other_rounds[1].start_date == "2018-07");
}

TEST_CASE("DocumentExtractor: the title's round takes its date from the text", "[extract]") {
  NormCatalogue norms;
  ImportedDocument doc = MakeDocument(
      "Joint Statement on the Seventh U.S.-Japan Bilateral Cyber Dialogue",
      {"On 24 September 2019, the United States and Japan held the dialogue in Washington."});
  auto result = ExtractDocument(doc, test::CorpusGazetteer(), norms);
  REQUIRE(result);
  REQUIRE(result->dialogue);
  CHECK(result->dialogue->round == 7);
  CHECK(result->dialogue->key == "japan+united states|cyber dialogue");
  CHECK(result->other_rounds.empty());
}

TEST_CASE("DocumentExtractor: an intersessional meeting gives the dialogue without a number",
          "[extract]") {
  NormCatalogue norms;
  ImportedDocument doc = MakeDocument(
      "Japan-U.S. Cyber Dialogue: intersessional meeting",
      {"An intersessional meeting of the Japan-U.S. Cyber Dialogue took place in Tokyo on "
       "12 March 2018."});
  auto result = ExtractDocument(doc, test::CorpusGazetteer(), norms);
  REQUIRE(result);
  REQUIRE(result->dialogue);
  CHECK_FALSE(result->dialogue->round);
  CHECK(result->dialogue->is_document_round);
  CHECK(result->dialogue->start_date == "2018-03-12");
  CHECK(result->dialogue->place == "Tokyo");
}
