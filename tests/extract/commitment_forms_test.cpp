// Commitments in their other forms (commitment_extractor.h, invariants 7-9 and the cue
// families): nominal commitments, list items under a chapeau, resolutions' operative and
// preambular paragraphs, parties a document defines, and future facts with an abstract
// subject. Each fixture in tests/fixtures/extract/forms/ is read through the importers'
// registry, as an import does, then extracted.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/commitment_roles.h"
#include "extract/fixture_extraction.h"

using namespace nt;
using namespace nt::extract;
using nt::test::Sorted;
using nt::test::WithRole;

namespace {

using test::Actors;
using test::Describe;
using test::Extracted;
using test::Find;

Extracted ExtractFixture(const std::string& name) { return test::ExtractFixtureIn("forms", name); }

}  // namespace

TEST_CASE("CommitmentForms: nominal commitments are pledges of their subject", "[extract]") {
  Extracted e = ExtractFixture("nominal-australia-singapore-statement.md");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Australia", "Singapore"});
  REQUIRE(e.extraction.commitments.size() == 3);
  for (std::string_view fragment :
       {"share a common commitment to an open", "signalled their commitment to work together",
        "have a shared commitment to cooperate"}) {
    const ExtractedCommitment* c = Find(e, fragment);
    REQUIRE(c);
    CHECK(c->type == CommitmentType::kPledge);
    CHECK(WithRole(*c, ActorRole::kSubject) == both);
  }
  CHECK(Find(e, "share a common")->cue == "share a common commitment to");
  // A commitment named as a thing ("The commitment ... was reviewed", "recalled the commitment
  // of ASEAN") binds no one.
  CHECK_FALSE(Find(e, "was reviewed"));
  CHECK_FALSE(Find(e, "recalled"));

  e = ExtractFixture("nominal-eu-india-press-release.txt");
  INFO(Describe(e));
  REQUIRE(e.extraction.commitments.size() == 2);
  CHECK(e.extraction.commitments[0].cue == "reiterated their strong and enduring commitment to");
  CHECK(e.extraction.commitments[1].cue == "expressed their readiness to");
  CHECK(e.extraction.commitments[1].type == CommitmentType::kIntention);
  CHECK(WithRole(e.extraction.commitments[1], ActorRole::kSubject) ==
        Actors({"European Union", "India"}));
}

TEST_CASE("CommitmentForms: list items take the chapeau's actors and cue", "[extract]") {
  Extracted e = ExtractFixture("list-japan-uk-statement.md");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Japan", "United Kingdom"});
  REQUIRE(e.extraction.commitments.size() == 4);
  // A chapeau without a cue: each item's own nominal cue, the chapeau's actors.
  const ExtractedCommitment* law = Find(e, "A commitment to the application of international law");
  REQUIRE(law);
  CHECK(law->type == CommitmentType::kPledge);
  CHECK(WithRole(*law, ActorRole::kSubject) == both);
  CHECK(WithRole(*Find(e, "responsible State behaviour"), ActorRole::kCounterpart) ==
        Actors({"UN General Assembly"}));
  // A chapeau whose cue ends in ":": the items are its commitments, the chapeau is not one.
  const ExtractedCommitment* expand = Find(e, "expand information sharing");
  REQUIRE(expand);
  CHECK(expand->cue == "decided to");
  CHECK(expand->type == CommitmentType::kAgreement);
  CHECK(WithRole(*expand, ActorRole::kSubject) == both);
  CHECK(expand->text == "expand information sharing between their national CERTs;");
  CHECK(Find(e, "hold a joint tabletop exercise"));
  CHECK_FALSE(Find(e, "The two sides decided to:"));
  // The chapeau ends with its items: a later paragraph is not an item.
  CHECK_FALSE(Find(e, "visited"));
}

TEST_CASE("CommitmentForms: inline items and bullets left inside a paragraph", "[extract]") {
  Extracted e = ExtractFixture("list-korea-us-statement.txt");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Republic of Korea", "United States"});
  REQUIRE(e.extraction.commitments.size() == 4);
  const std::vector<std::string> items = {
      "establish a working group on critical infrastructure protection",
      "exchange experts on incident response twice a year",
      "review progress at the next consultations"};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ExtractedCommitment& c = e.extraction.commitments[i];
    CHECK(c.text == items[i]);
    CHECK(c.cue == "decided to");
    CHECK(WithRole(c, ActorRole::kSubject) == both);
  }
  // Areas of cooperation listed under a sentence without a cue are not commitments.
  CHECK_FALSE(Find(e, "exchange of information on threats"));
  CHECK(e.extraction.commitments[3].cue == "noted");

  e = ExtractFixture("list-germany-japan-letter-of-intent.txt");
  INFO(Describe(e));
  REQUIRE(e.extraction.commitments.size() == 5);
  const ExtractedCommitment* invite = Find(e, "invite BSI experts");
  REQUIRE(invite);
  CHECK(invite->text == "invite BSI experts to observe its national exercise in 2021");
  CHECK(invite->type == CommitmentType::kPledge);
  CHECK(WithRole(*invite, ActorRole::kSubject) == Actors({"NISC"}));
  CHECK(WithRole(*Find(e, "host NISC officials"), ActorRole::kSubject) ==
        Actors({"Federal Office for Information Security"}));
  CHECK_FALSE(Find(e, "NISC will:"));
}

TEST_CASE("CommitmentForms: bulleted items under an agency's will", "[extract]") {
  Extracted e = ExtractFixture("list-france-japan-letter-of-intent.md");
  INFO(Describe(e));
  REQUIRE(e.extraction.commitments.size() == 4);
  const ExtractedCommitment* host = Find(e, "host a delegation");
  REQUIRE(host);
  CHECK(host->type == CommitmentType::kPledge);
  CHECK(WithRole(*host, ActorRole::kSubject) == Actors({"French National Cybersecurity Agency"}));
  CHECK(WithRole(*host, ActorRole::kCounterpart) == Actors({"NISC"}));
  // The item's verb completes "NISC will:": a pledge, not a recommendation.
  const ExtractedCommitment* invite = Find(e, "invite ANSSI experts");
  REQUIRE(invite);
  CHECK(invite->type == CommitmentType::kPledge);
  CHECK(WithRole(*invite, ActorRole::kSubject) == Actors({"NISC"}));
  // "shall include:" lists areas, not actions.
  CHECK_FALSE(Find(e, "exchange of information on cybersecurity policies"));
  CHECK_FALSE(Find(e, "sharing of best practices"));
}

TEST_CASE("CommitmentForms: a resolution's paragraphs are the adopting body's", "[extract]") {
  Extracted e = ExtractFixture("resolution-general-assembly.txt");
  INFO(Describe(e));
  const std::vector<int> assembly = Actors({"UN General Assembly"});
  REQUIRE(e.extraction.commitments.size() == 6);
  const std::vector<std::pair<std::string, CommitmentType>> expected = {
      {"Recognizing", CommitmentType::kRecognition},
      {"Concerned", CommitmentType::kRecognition},
      {"Welcoming", CommitmentType::kWelcome},
      {"Calls upon", CommitmentType::kRecommendation},
      {"Requests", CommitmentType::kRecommendation},
      {"Decides to", CommitmentType::kAgreement}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const ExtractedCommitment& c = e.extraction.commitments[i];
    CHECK(c.cue == expected[i].first);
    CHECK(c.type == expected[i].second);
    CHECK(WithRole(c, ActorRole::kSubject) == assembly);
  }
  // Those asked to act are addressees, not subjects.
  CHECK(WithRole(e.extraction.commitments[3], ActorRole::kAddressee) == Actors({"Member States"}));
  // Headings and the title are not paragraphs spoken by anyone.
  CHECK_FALSE(Find(e, "Resolution adopted"));
}

TEST_CASE("CommitmentForms: preambular participles only open a paragraph", "[extract]") {
  ImportedDocument doc;
  doc.title = "Joint Statement of the Japan-U.S. Cyber Dialogue";
  for (std::string text :
       {std::string("Noting the progress made since the last round, Japan and the United States "
                    "agreed to expand cooperation."),
        std::string("Japan and the United States held talks, noting the progress made."),
        std::string("Requests for Assistance")}) {
    ImportedParagraph p;
    p.text = text;
    doc.paragraphs.push_back(p);
  }
  auto result = ExtractDocument(doc, test::CorpusGazetteer(), test::CorpusNorms());
  REQUIRE(result);
  REQUIRE(result->commitments.size() == 1);
  CHECK(result->commitments[0].cue == "agreed to");
}

TEST_CASE("CommitmentForms: the Participants are the actors the document defines",
          "[extract]") {
  Extracted e = ExtractFixture("mou-mic-ria-participants.txt");
  INFO(Describe(e));
  const std::vector<int> defined =
      Actors({"Ministry of Internal Affairs and Communications",
              "Estonian Information System Authority"});
  CHECK(Sorted(e.extraction.parties) == defined);
  const ExtractedCommitment* exchange = Find(e, "will exchange information");
  REQUIRE(exchange);
  CHECK(WithRole(*exchange, ActorRole::kSubject) == defined);
  const ExtractedCommitment* intend = Find(e, "intend to hold");
  REQUIRE(intend);
  CHECK(intend->type == CommitmentType::kIntention);
  CHECK(WithRole(*intend, ActorRole::kSubject) == defined);
  CHECK(WithRole(*Find(e, "Each Participant will"), ActorRole::kSubject) == defined);
  CHECK_FALSE(Find(e, "come into effect"));

  e = ExtractFixture("mou-csa-ncsc-together.txt");
  INFO(Describe(e));
  const std::vector<int> together = Actors({"Cyber Security Agency of Singapore", "NCSC"});
  REQUIRE(e.extraction.commitments.size() == 2);
  for (const ExtractedCommitment& c : e.extraction.commitments) {
    CHECK(WithRole(c, ActorRole::kSubject) == together);
  }
}

TEST_CASE("CommitmentForms: future facts with an abstract subject bind the parties",
          "[extract]") {
  Extracted e = ExtractFixture("future-facts-germany-japan.md");
  INFO(Describe(e));
  const std::vector<int> both = Actors({"Germany", "Japan"});
  REQUIRE(e.extraction.commitments.size() == 5);
  for (std::string_view fragment : {"There will also be joint research",
                                    "Cooperation will be intensified",
                                    "The framework will remain flexible"}) {
    const ExtractedCommitment* c = Find(e, fragment);
    REQUIRE(c);
    CHECK(c->type == CommitmentType::kPledge);
    CHECK(WithRole(*c, ActorRole::kSubject) == both);
  }
  // Predictions and the document's own life are no one's commitment.
  CHECK_FALSE(Find(e, "The threat from ransomware"));
  CHECK_FALSE(Find(e, "This Joint Press Release"));
  // A body the gazetteer does not know is a subject of its own, not the parties.
  CHECK_FALSE(Find(e, "working group"));
  CHECK_FALSE(Find(e, "The Chair"));
  // A verb right after "will" is its predicate: one pledge, no recommendation.
  const ExtractedCommitment* invite = Find(e, "Japan will invite");
  REQUIRE(invite);
  CHECK(invite->type == CommitmentType::kPledge);
  CHECK(invite->text == "Japan will invite German experts to its national cyber exercise.");
  CHECK(WithRole(*invite, ActorRole::kSubject) == Actors({"Japan"}));
  // "stressed that" with nothing of its own before the next clause is not a recognition.
  const ExtractedCommitment* deepen = Find(e, "will deepen cooperation");
  REQUIRE(deepen);
  CHECK(deepen->type == CommitmentType::kPledge);
  CHECK_FALSE(Find(e, "stressed that"));
}
