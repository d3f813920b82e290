// Commitments in the forms real documents use (issue 14, items 4-7), each fixture in
// tests/fixtures/extract/real-forms/ read through the importers' registry as an import does,
// then extracted: future facts with an abstract subject and plans stated as facts, an
// agreement's passive obligations, parties defined as "the participants", reporting verbs and
// relative clauses, a leaders' statement's base-form items, a UN note's speakers and
// addressees, list items under "include:", rounds announced or only hoped for, capitals that are
// no acronyms, and the Chinese and Japanese counterparts.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/commitment_roles.h"
#include "extract/corpus_reference.h"
#include "extract/dialogue_finder.h"
#include "extract/fixture_extraction.h"

using namespace nt;
using namespace nt::extract;
using nt::test::Actors;
using nt::test::Describe;
using nt::test::Extracted;
using nt::test::Expect;
using nt::test::Find;
using nt::test::Taken;
using nt::test::WithRole;

namespace {

Extracted Extract(const std::string& name) { return test::ExtractFixtureIn("real-forms", name); }


std::vector<std::string> UnknownAcronyms(const Extracted& e) {
  std::vector<std::string> out;
  for (const auto& [acronym, count] : e.extraction.unknown_acronyms) out.push_back(acronym);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("RealForms: future facts and plans bind the parties but threats, the text's life and "
          "definitions do not", "[extract]") {
  Extracted e = Extract("future-facts-canada-japan-press-release.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Canada", "Japan"});
  Expect(e, "There will also be joint research", CommitmentType::kPledge, both);
  Expect(e, "A first joint tabletop exercise for incident responders is planned",
         CommitmentType::kIntention, both);
  // The head of the subject is "Courses", not the "incident" of "incident response".
  Expect(e, "Courses on cyber diplomacy and incident response will be held",
         CommitmentType::kPledge, both);
  // A meeting announced: "take place" is no final clause.
  Expect(e, "will take place in Tokyo in 2027", CommitmentType::kPledge, both);
  CHECK_FALSE(Taken(e, "The threat of ransomware"));
  CHECK_FALSE(Taken(e, "will commence immediately"));
  CHECK_FALSE(Taken(e, "will include expert visits"));
  CHECK(e.extraction.commitments.size() == 4);
}

TEST_CASE("RealForms: an agreement's passive shall and must bind the Parties, its preamble "
          "speaks for them", "[extract]") {
  Extracted e = Extract("agreement-canada-korea-cybercrime.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Canada", "Republic of Korea"});
  Expect(e, "Conscious of the threat", CommitmentType::kRecognition, both);
  Expect(e, "Wishing to develop closer cooperation", CommitmentType::kIntention, both);
  Expect(e, "Requests for assistance shall be made in writing", CommitmentType::kObligation, both);
  Expect(e, "shall state the purpose of the request", CommitmentType::kObligation, both);
  Expect(e, "must be kept confidential", CommitmentType::kObligation, both);
  Expect(e, "shall be settled amicably", CommitmentType::kObligation, both);
  CHECK_FALSE(Taken(e, "Nothing in this Agreement"));
  CHECK_FALSE(Taken(e, "shall enter into force"));
  CHECK(e.extraction.commitments.size() == 6);
  // "DONE at Ottawa" is a treaty's formula, not an acronym to review.
  CHECK(UnknownAcronyms(e).empty());
}

TEST_CASE("RealForms: parties defined as \"the participants\" are the agencies named",
          "[extract]") {
  Extracted e = Extract("mou-csa-bsi-hereafter-participants.txt");
  INFO(Describe(e));
  const std::vector<int> agencies =
      Actors({"Cyber Security Agency of Singapore", "Federal Office for Information Security"});
  Expect(e, "The participants will exchange information", CommitmentType::kPledge, agencies);
  // "They" is the previous subject: the participants.
  Expect(e, "They aim to develop joint training", CommitmentType::kIntention, agencies);
  Expect(e, "CSA will share the lessons", CommitmentType::kPledge,
         Actors({"Cyber Security Agency of Singapore"}));
  CHECK(WithRole(*Find(e, "CSA will share the lessons"), ActorRole::kCounterpart) ==
        Actors({"Federal Office for Information Security"}));
  Expect(e, "Each participant will bear its own costs", CommitmentType::kPledge, agencies);
  CHECK(e.extraction.commitments.size() == 4);
}

TEST_CASE("RealForms: reporting verbs, relative clauses and run-in lists keep their subjects",
          "[extract]") {
  Extracted e = Extract("reported-and-relative-clauses-statement.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Australia", "India"});
  Expect(e, "welcomed the launch of a joint grants programme", CommitmentType::kWelcome, both);
  // "Australia announced it will": the clause opens at the one who announced.
  Expect(e, "Australia announced it will fund research", CommitmentType::kPledge,
         Actors({"Australia"}));
  CHECK(Find(e, "Australia announced it will fund")->text.starts_with("Australia announced"));
  // "..., which the Australian side welcomed": a relative clause with its own subject.
  Expect(e, "which the Australian side welcomed", CommitmentType::kWelcome, Actors({"Australia"}));
  // ", and will explore" after a that-clause is the sentence's own predicate.
  Expect(e, "shared the view that cooperation with like-minded countries is important",
         CommitmentType::kRecognition, both);
  Expect(e, "will explore coordinated responses", CommitmentType::kPledge, both);
  // "the voluntary norms it recommends" is a relative clause: one pledge, not a recommendation.
  Expect(e, "committed to promote the voluntary norms it recommends", CommitmentType::kPledge,
         both);
  CHECK(Find(e, "it recommends")->type == CommitmentType::kPledge);
  // A run-in list: each "- verb" item shares the subject before the colon.
  Expect(e, "affirmed that international law applies", CommitmentType::kRecognition, both);
  Expect(e, "welcomed the 2021 report of the Open-ended Working Group", CommitmentType::kWelcome,
         both);
  Expect(e, "committed to promote the voluntary norms of responsible State behaviour",
         CommitmentType::kPledge, both);
  // "The Indian side" is India.
  Expect(e, "expressed its appreciation for Australia's support", CommitmentType::kWelcome,
         Actors({"India"}));
  Expect(e, "under which the two countries will cooperate", CommitmentType::kPledge, both);
}

TEST_CASE("RealForms: a leaders' statement's base-form items speak for the leaders",
          "[extract]") {
  Extracted e = Extract("leaders-statement-items.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Australia", "Japan"});
  Expect(e, "Recognise that a peaceful, secure and resilient cyberspace", CommitmentType::kRecognition,
         both);
  Expect(e, "Reaffirm our commitment to the framework", CommitmentType::kPledge, both);
  Expect(e, "Agree to enhance practical cooperation", CommitmentType::kAgreement, both);
  Expect(e, "Welcome the progress made in capacity-building", CommitmentType::kWelcome, both);
  Expect(e, "Will explore the establishment of a regular exchange", CommitmentType::kPledge, both);
  // A label in the same form is no item: "Note: this statement was issued in ...".
  CHECK_FALSE(Taken(e, "this statement was issued"));
  CHECK(e.extraction.commitments.size() == 5);
}

TEST_CASE("RealForms: a UN note's speaker is the subject, the States asked to act are the "
          "addressees", "[extract]") {
  Extracted e = Extract("un-secretary-general-note.txt");
  INFO(Describe(e));
  const std::vector<int> sg = Actors({"UN Secretary-General"});
  const std::vector<int> states = Actors({"Member States"});
  Expect(e, "wishes to express his appreciation", CommitmentType::kWelcome, sg);
  Expect(e, "encourages all Member States to take the report", CommitmentType::kRecommendation,
         sg);
  CHECK(WithRole(*Find(e, "encourages all Member States"), ActorRole::kAddressee) == states);
  Expect(e, "stands ready to support Member States", CommitmentType::kPledge, sg);
  const std::vector<int> oda = Actors({"Office for Disarmament Affairs"});
  Expect(e, "will continue to provide secretariat support", CommitmentType::kPledge, oda);
  Expect(e, "will maintain the online repository", CommitmentType::kPledge, oda);
  // Recommendations stay recommendations: "States should", "are encouraged to" name the actors
  // asked to act as addressees and bind no subject.
  for (std::string_view fragment :
       {"States should share information", "Member States are encouraged to nominate"}) {
    INFO(fragment);
    const ExtractedCommitment* c = Find(e, fragment);
    REQUIRE(c);
    CHECK(c->type == CommitmentType::kRecommendation);
    CHECK(WithRole(*c, ActorRole::kSubject).empty());
    CHECK(WithRole(*c, ActorRole::kAddressee) == states);
  }
  CHECK_FALSE(Taken(e, "has the honour to transmit"));
}

TEST_CASE("RealForms: items under \"include:\" are commitments of the actors the chapeau "
          "names, an announced round keeps its number", "[extract]") {
  Extracted e = Extract("chapeau-include-fact-sheet.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Singapore", "United States"});
  Expect(e, "A commitment to an open, interoperable", CommitmentType::kPledge, both);
  Expect(e, "A commitment to protect critical infrastructure", CommitmentType::kPledge, both);
  Expect(e, "A commitment to a multistakeholder approach", CommitmentType::kPledge, both);
  // "inaugural" is the first round; the second, announced with its date, is another round.
  REQUIRE(e.extraction.dialogue);
  CHECK(e.extraction.dialogue->round == 1);
  REQUIRE(e.extraction.other_rounds.size() == 1);
  CHECK(e.extraction.other_rounds[0].round == 2);
}

TEST_CASE("RealForms: a round hoped for has no number, one announced with a date keeps it",
          "[extract]") {
  auto mentions = [](std::string_view text) {
    std::vector<Token> tokens = Tokenize(text);
    DocumentActors actors(test::CorpusGazetteer());
    return FindDialogueMentions(text, tokens, actors.Find(text, tokens), test::CorpusGazetteer());
  };
  auto hoped = mentions("Both sides decided to work to hold the 8th dialogue in Tokyo at an early date.");
  CHECK(hoped.empty());  // an unnamed round without its number is no mention at all
  hoped = mentions("The two sides look forward to the next Japan-U.S. Cyber Dialogue.");
  REQUIRE(hoped.size() == 1);
  CHECK_FALSE(hoped[0].round);
  hoped = mentions("They hope to hold the ninth Japan-U.S. Cyber Dialogue at an early date.");
  REQUIRE(hoped.size() == 1);
  CHECK(hoped[0].hoped);
  CHECK_FALSE(hoped[0].round);
  auto announced =
      mentions("The sixth U.S.-Japan Internet Economy Dialogue will be held in Tokyo on July 22, 2015.");
  REQUIRE(announced.size() == 1);
  CHECK(announced[0].round == 6);
  CHECK_FALSE(announced[0].hoped);
  // With a year, looking forward is a plan: the round is announced.
  announced = mentions("The two sides look forward to the third Singapore-United Kingdom Cyber "
                       "Dialogue in Singapore in 2020.");
  REQUIRE(announced.size() == 1);
  CHECK(announced[0].round == 3);
  CHECK(ParseOrdinal("Inaugural") == 1);
  // A dialogue named as a time reference is one the document mentions in passing.
  auto passing = mentions("The meeting took place shortly after the U.S.-China Strategic "
                          "Dialogue of 1 November.");
  REQUIRE(passing.size() == 1);
  CHECK(passing[0].in_passing);
  passing = mentions("Ahead of the 5th Japan-U.S. Cyber Dialogue, officials met in Tokyo.");
  REQUIRE(passing.size() == 1);
  CHECK(passing[0].in_passing);
  CHECK(passing[0].round == 5);
  auto own = mentions("Japan and the United States held the 5th Japan-U.S. Cyber Dialogue.");
  REQUIRE(own.size() == 1);
  CHECK_FALSE(own[0].in_passing);
}

TEST_CASE("RealForms: capitals that are words or names are no acronyms to review", "[extract]") {
  const std::string_view paragraphs[] = {
      "THAT the Parties shall cooperate; the Parties agree that this is done in good faith.",
      "DONE at Canberra on 14 March 2018. MICHAEL R. POMPEO signed for the United States.",
      "The AIS programme and the SOAR platform will be used. SOAR staff will train.",
      "Signed by MICHAEL, as Michael Smith asked."};
  DocumentActors actors(test::CorpusGazetteer());
  for (std::string_view text : paragraphs) actors.Learn(text, Tokenize(text));
  std::vector<std::string> unknown;
  for (const auto& [acronym, count] : actors.UnknownAcronyms()) unknown.push_back(acronym);
  std::sort(unknown.begin(), unknown.end());
  CHECK(unknown == std::vector<std::string>{"AIS", "SOAR"});
}

TEST_CASE("RealForms: traditional Chinese cues after a comma are clauses of the same subject",
          "[extract]") {
  Extracted e = Extract("zh-hant-china-russia-statement.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"China", "Russia"});
  Expect(e, "高度評價兩國在網絡安全領域的合作成果", CommitmentType::kWelcome, both);
  Expect(e, "主張尊重各國自主選擇網絡發展道路", CommitmentType::kRecognition, both);
  Expect(e, "反對利用資訊通信技術干涉他國內政", CommitmentType::kRecognition, both);
  Expect(e, "支持聯合國在網絡空間治理中發揮核心作用", CommitmentType::kPledge, both);
  Expect(e, "歡迎聯合國開放式工作組的最終報告", CommitmentType::kWelcome, both);
  Expect(e, "同意加強打擊網絡犯罪的合作", CommitmentType::kAgreement, both);
  Expect(e, "並決定建立兩國主管部門之間的定期磋商機制", CommitmentType::kAgreement, both);
  // 並將 continues the agreement: what they agreed to.
  Expect(e, "同意加強執法合作，並將建立熱線", CommitmentType::kAgreement, both);
  CHECK(e.extraction.commitments.size() == 8);
}

TEST_CASE("RealForms: a Chinese future fact binds the parties, not a threat or the text's own "
          "life", "[extract]") {
  Extracted e = Extract("zh-mfa-future-facts.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"China", "United Kingdom"});
  Expect(e, "双方决定建立中英网络安全高级别对话机制", CommitmentType::kAgreement, both);
  Expect(e, "该机制将每年举行两次", CommitmentType::kPledge, both);
  CHECK_FALSE(Taken(e, "网络攻击将持续增加"));
  CHECK_FALSE(Taken(e, "本协议将于签署之日起生效"));
  // 支持 inside the content of the agreement ("不得…支持…") is no clause of its own.
  Expect(e, "双方同意，各自政府均不得从事或者在知情情况下支持", CommitmentType::kAgreement, both);
  CHECK(e.extraction.commitments.size() == 3);
}

TEST_CASE("RealForms: a Japanese memorandum's preamble and shared view are commitments of its "
          "participants", "[extract]") {
  Extracted e = Extract("ja-moc-preamble.txt");
  INFO(Describe(e));
  REQUIRE_FALSE(e.extraction.parties.empty());
  std::vector<int> parties = e.extraction.parties;
  std::sort(parties.begin(), parties.end());
  Expect(e, "国境を越えて増大していることを認識し", CommitmentType::kRecognition, parties);
  Expect(e, "協力を強化することを希望して", CommitmentType::kIntention, parties);
  Expect(e, "重要であるとの認識を共有した", CommitmentType::kRecognition, parties);
  // "次のとおり意図を共有した" closes the preamble: no commitment of its own.
  for (const ExtractedCommitment& c : e.extraction.commitments) CHECK(c.cue.find("意図") == std::string::npos);
}

TEST_CASE("RealForms: lettered items run into one paragraph share the chapeau's subject, a "
          "numbered paragraph's subject binds its coordinated will", "[extract]") {
  Extracted e = Extract("lettered-items-framework.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Canada", "Japan"});
  Expect(e, "confirmed that their partnership plays an important role",
         CommitmentType::kRecognition, both);
  Expect(e, "shared the view that the Dialogue has strengthened", CommitmentType::kRecognition,
         both);
  CHECK_FALSE(Find(e, "confirmed that their partnership")->text.find("shared the view") !=
              std::string::npos);
  Expect(e, "noted with concern the increase", CommitmentType::kRecognition, both);
  Expect(e, "affirmed that the existing framework of international law",
         CommitmentType::kRecognition, both);
  Expect(e, "committed to work together in the UN Open-ended Working Group",
         CommitmentType::kPledge, both);
  Expect(e, "decided to develop a joint plan of action", CommitmentType::kAgreement, both);
  Expect(e, "will promote the voluntary norms", CommitmentType::kPledge, both);
  CHECK(e.extraction.commitments.size() == 7);
}
