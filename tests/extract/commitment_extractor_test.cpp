#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/commitment_extractor.h"
#include "extract/commitment_roles.h"
#include "extract/corpus_reference.h"
#include "extract/document_extractor.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::extract;
using nt::test::Sorted;
using nt::test::WithRole;

namespace {

const std::string kTitle = "Joint Statement of the Japan-U.S. Cyber Dialogue";

DocumentExtraction Extract(std::vector<std::string> paragraphs, std::string title = kTitle) {
  ImportedDocument doc;
  doc.title = std::move(title);
  for (std::string& text : paragraphs) {
    ImportedParagraph p;
    p.text = std::move(text);
    doc.paragraphs.push_back(std::move(p));
  }
  auto result = ExtractDocument(doc, test::CorpusGazetteer(), test::CorpusNorms());
  REQUIRE(result);
  return std::move(*result);
}


std::string Cue(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    if (auto cue = MatchCueAt(text, tokens, i)) {
      int b = tokens[static_cast<std::size_t>(cue->token_begin)].begin;
      int e = tokens[static_cast<std::size_t>(cue->token_end - 1)].end;
      return std::string(ToString(cue->type)) + ":" +
             std::string(text.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
    }
  }
  return "";
}

}  // namespace

TEST_CASE("CommitmentExtractor: cues of the lexicon and their longest forms", "[extract]") {
  CHECK(Cue("affirmed their determination to act") == "pledge:affirmed their determination to");
  CHECK(Cue("affirmed that they will deepen") == "pledge:affirmed that they will");
  CHECK(Cue("reaffirmed their commitment to peace") == "pledge:reaffirmed their commitment to");
  CHECK(Cue("affirmed that peace matters") == "recognition:affirmed");
  CHECK(Cue("recommitted to develop") == "pledge:recommitted to");
  CHECK(Cue("agreed to build") == "agreement:agreed to");
  CHECK(Cue("intend to share") == "intention:intend to");
  CHECK(Cue("shared the view that") == "recognition:shared the view");
  CHECK(Cue("call upon States") == "recommendation:call upon");
  CHECK(Cue("undertake to protect") == "obligation:undertake to");
  CHECK(Cue("welcomed progress") == "welcome:welcomed");
  CHECK(Cue("the political will of both") == "");
  CHECK(Cue("reviewed recent incidents and discussed preparations") == "");
}

TEST_CASE("CommitmentExtractor: splits a sentence with two cues into two commitments",
          "[extract]") {
  std::string text =
      "The two countries recognized that critical infrastructure resilience is essential to both "
      "countries and affirmed that they will deepen each other's understanding of respective "
      "approaches.";
  DocumentExtraction result = Extract({text});
  REQUIRE(result.commitments.size() == 2);
  const ExtractedCommitment& first = result.commitments[0];
  const ExtractedCommitment& second = result.commitments[1];
  CHECK(first.type == CommitmentType::kRecognition);
  CHECK(first.cue == "recognized");
  CHECK(first.text ==
        "The two countries recognized that critical infrastructure resilience is essential to "
        "both countries");
  CHECK(first.norm_codes == std::vector<std::string>{"13(f)", "13(g)"});
  CHECK(second.type == CommitmentType::kPledge);
  CHECK(second.cue == "affirmed that they will");
  CHECK(second.text ==
        "affirmed that they will deepen each other's understanding of respective approaches.");
  CHECK(text.substr(static_cast<std::size_t>(second.span_begin),
                    static_cast<std::size_t>(second.span_end - second.span_begin)) == second.text);
  CHECK(first.span_end < second.span_begin);
  std::vector<int> both = Sorted({test::ActorIndex("Japan"), test::ActorIndex("United States")});
  CHECK(WithRole(first, ActorRole::kSubject) == both);
  CHECK(WithRole(second, ActorRole::kSubject) == both);
}

TEST_CASE("CommitmentExtractor: the subject binds, other actors are counterparts", "[extract]") {
  std::string text =
      "Japan and the United States reviewed recent cyber incidents. In particular, the National "
      "Center of Incident Readiness and Strategy for Cybersecurity (NISC) of Japan announced in "
      "May 2017 that it will join the U.S. Department of Homeland Security\xE2\x80\x99s (DHS) "
      "Automated Indicator Sharing (AIS) program.";
  DocumentExtraction result = Extract({text});
  REQUIRE(result.commitments.size() == 1);
  const ExtractedCommitment& c = result.commitments[0];
  CHECK(c.cue == "will");
  CHECK(c.type == CommitmentType::kPledge);
  CHECK(WithRole(c, ActorRole::kSubject) == std::vector<int>{test::ActorIndex("NISC")});
  CHECK(WithRole(c, ActorRole::kCounterpart) == std::vector<int>{test::ActorIndex("DHS")});
  CHECK(c.text.starts_with("In particular, the National Center"));
  CHECK(c.span_end == static_cast<int>(text.size()));
  CHECK(result.unknown_acronyms == std::vector<std::pair<std::string, int>>{{"AIS", 1}});
}

TEST_CASE("CommitmentExtractor: reported past events are not commitments", "[extract]") {
  DocumentExtraction result = Extract(
      {"Japan and the United States reviewed recent cyber incidents and response efforts. The "
       "two governments continue to make progress in cyber threat and incident information "
       "sharing.",
       "Japan and the United States discussed preparations regarding the Tokyo 2020 Olympic "
       "Games.",
       "Following the meeting in February 2017 and building upon their joint statement which "
       "reaffirmed that the two countries will expand bilateral security cooperation, the "
       "Governments of Japan and the United States held the fifth Japan-U.S. Cyber Dialogue.",
       "The political will of both governments remains strong."});
  CHECK(result.commitments.empty());
  // The modal belongs to the complement's subject, not to the recognising parties.
  result = Extract({"Japan and the United States recognized that the threat is growing and will "
                    "require joint action."});
  REQUIRE(result.commitments.size() == 1);
  CHECK(result.commitments[0].type == CommitmentType::kRecognition);
}

TEST_CASE("CommitmentExtractor: they and collective names resolve to the parties", "[extract]") {
  DocumentExtraction result = Extract(
      {"Japan and the United States recognize that botnets may pose a significant threat. They "
       "intend to share approaches to enhancing resilience.",
       "Both governments will continue to enhance cooperation."});
  REQUIRE(result.commitments.size() == 3);
  std::vector<int> both = Sorted({test::ActorIndex("Japan"), test::ActorIndex("United States")});
  CHECK(result.commitments[1].cue == "intend to");
  CHECK(result.commitments[1].type == CommitmentType::kIntention);
  CHECK(WithRole(result.commitments[1], ActorRole::kSubject) == both);
  CHECK(result.commitments[2].paragraph_index == 1);
  CHECK(WithRole(result.commitments[2], ActorRole::kSubject) == both);
  CHECK(result.parties == std::vector<int>{test::ActorIndex("Japan"), test::ActorIndex("United States")});
}

TEST_CASE("CommitmentExtractor: recommendations name their addressees", "[extract]") {
  DocumentExtraction result = Extract(
      {"States should take reasonable steps to ensure the integrity of the supply chain.",
       "Japan and the United States encourage all ASEAN Member States to designate national "
       "points of contact.",
       "States are encouraged to share information with CSIRTs."},
      "Report of the Open-ended Working Group");
  REQUIRE(result.commitments.size() == 3);
  const ExtractedCommitment& should = result.commitments[0];
  CHECK(should.type == CommitmentType::kRecommendation);
  CHECK(WithRole(should, ActorRole::kSubject).empty());
  CHECK(WithRole(should, ActorRole::kAddressee) == std::vector<int>{test::ActorIndex("Member States")});
  CHECK(should.norm_codes == std::vector<std::string>{"13(i)"});
  const ExtractedCommitment& encourage = result.commitments[1];
  CHECK(encourage.cue == "encourage");
  CHECK(WithRole(encourage, ActorRole::kSubject) ==
        Sorted({test::ActorIndex("Japan"), test::ActorIndex("United States")}));
  CHECK(WithRole(encourage, ActorRole::kAddressee) ==
        Sorted({test::ActorIndex("ASEAN"), test::ActorIndex("Member States")}));
  const ExtractedCommitment& passive = result.commitments[2];
  CHECK(WithRole(passive, ActorRole::kAddressee) == std::vector<int>{test::ActorIndex("Member States")});
  CHECK(WithRole(passive, ActorRole::kCounterpart) == std::vector<int>{test::ActorIndex("CSIRTs")});
}

TEST_CASE("CommitmentExtractor: the Parties of an agreement are bound by shall", "[extract]") {
  ImportedDocument doc;
  doc.title = "Memorandum of Cooperation";
  doc.actors = {{"Japan", "state", "party"}, {"Estonia", "state", "party"}};
  for (std::string text : {std::string("The Parties shall exchange information on threats."),
                           std::string("This Memorandum shall enter into force on signature."),
                           std::string("Boilerplate: Each Party shall print this page.")}) {
    ImportedParagraph p;
    p.text = text;
    doc.paragraphs.push_back(p);
  }
  doc.paragraphs[2].is_boilerplate = true;
  auto result = ExtractDocument(doc, test::CorpusGazetteer(), test::CorpusNorms());
  REQUIRE(result);
  REQUIRE(result->commitments.size() == 1);
  CHECK(result->commitments[0].type == CommitmentType::kObligation);
  CHECK(WithRole(result->commitments[0], ActorRole::kSubject) ==
        Sorted({test::ActorIndex("Japan"), test::ActorIndex("Estonia")}));
  CHECK(result->commitments[0].paragraph_index == 0);
}

TEST_CASE("CommitmentExtractor: we and it are resolved from the sentence", "[extract]") {
  DocumentExtraction result = Extract(
      {"We, the Leaders of the G7, commit to promoting an open, free and secure cyberspace.",
       "The G7 noted the increase in ransomware attacks, and Japan announced that it will host a "
       "workshop on the issue."},
      "G7 Leaders' Statement on Cyberspace");
  CHECK(result.parties == std::vector<int>{test::ActorIndex("G7")});
  REQUIRE(result.commitments.size() == 3);
  CHECK(result.commitments[0].cue == "commit to");
  CHECK(WithRole(result.commitments[0], ActorRole::kSubject) == std::vector<int>{test::ActorIndex("G7")});
  CHECK(result.commitments[1].text == "The G7 noted the increase in ransomware attacks");
  CHECK(result.commitments[2].text == "Japan announced that it will host a workshop on the issue.");
  CHECK(WithRole(result.commitments[2], ActorRole::kSubject) == std::vector<int>{test::ActorIndex("Japan")});
}

TEST_CASE("CommitmentExtractor: a treaty's Parties bind even when they are not named",
          "[extract]") {
  DocumentExtraction result = Extract(
      {"Each Party shall adopt such legislative measures as may be necessary. A Party may "
       "reserve the right not to apply paragraph 1.",
       "The Parties undertake to include such offences in any extradition treaty."},
      "Convention on Cybercrime");
  REQUIRE(result.commitments.size() == 2);
  CHECK(result.commitments[0].type == CommitmentType::kObligation);
  CHECK(result.commitments[0].actors.empty());
  CHECK(result.commitments[0].text == "Each Party shall adopt such legislative measures as may be "
                                      "necessary.");
  CHECK(result.commitments[1].cue == "undertake to");
}
