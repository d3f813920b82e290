#include <catch2/catch.hpp>

#include "extract/actor_mentions.h"
#include "extract/corpus_reference.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::extract;

TEST_CASE("DocumentActors: an acronym defined for a known actor is learned for the document",
          "[extract]") {
  // A tiny gazetteer without the acronym, so the definition is the only way to know it.
  Gazetteer g({{"Ministry of Defense of Japan", ActorKind::kAgency, -1, {}}});
  DocumentActors actors(g);
  std::string first = "the Ministry of Defense of Japan (JMODX) met.";
  std::string later = "JMODX will host the next meeting.";
  actors.Learn(first, Tokenize(first));
  actors.Learn(later, Tokenize(later));
  auto mentions = actors.Find(later, Tokenize(later));
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].kind == MentionKind::kNamed);
  CHECK(mentions[0].actors == std::vector<int>{0});
  CHECK(actors.learned_acronyms().at("JMODX") == 0);
  CHECK(actors.UnknownAcronyms().empty());
}

TEST_CASE("DocumentActors: unknown acronyms are counted for review, never made actors",
          "[extract]") {
  DocumentActors actors(test::CorpusGazetteer());
  std::string text =
      "NISC will join the U.S. Department of Homeland Security's (DHS) Automated Indicator "
      "Sharing (AIS) program and secure the Internet of Things (IoT). AIS grows; the IoT "
      "too. Washington, DC hosted it.";
  std::vector<Token> tokens = Tokenize(text);
  actors.Learn(text, tokens);
  auto unknown = actors.UnknownAcronyms();
  CHECK(unknown == std::vector<std::pair<std::string, int>>{{"AIS", 2}, {"IoT", 2}});
  for (const ActorMention& m : actors.Find(text, tokens)) {
    for (int a : m.actors) CHECK(test::CorpusGazetteer().actor(a).canonical_name != "AIS");
  }
}

TEST_CASE("DocumentActors: repeats and parents are absorbed, compounds are modifiers",
          "[extract]") {
  DocumentActors actors(test::CorpusGazetteer());
  std::string text =
      "the National Center of Incident Readiness and Strategy for Cybersecurity (NISC) of Japan "
      "and the Japan-U.S. Cyber Dialogue";
  std::vector<Token> tokens = Tokenize(text);
  auto mentions = actors.Find(text, tokens);
  REQUIRE(mentions.size() == 5);
  CHECK(mentions[0].actors == std::vector<int>{test::ActorIndex("NISC")});
  CHECK_FALSE(mentions[0].absorbed);
  CHECK(mentions[1].absorbed);  // (NISC)
  CHECK(mentions[2].absorbed);  // of Japan
  CHECK(mentions[3].modifier);  // Japan-
  CHECK(mentions[4].modifier);  // -U.S.
}

TEST_CASE("DocumentActors: collective references stand for the parties, pronouns stay open",
          "[extract]") {
  DocumentActors actors(test::CorpusGazetteer());
  actors.SetParties({test::ActorIndex("Japan"), test::ActorIndex("United States")});
  std::string text = "Both countries agreed; the two governments and they will act.";
  auto mentions = actors.Find(text, Tokenize(text));
  REQUIRE(mentions.size() == 3);
  CHECK(mentions[0].kind == MentionKind::kCollective);
  CHECK(mentions[0].actors == std::vector<int>{test::ActorIndex("Japan"), test::ActorIndex("United States")});
  CHECK(mentions[1].kind == MentionKind::kCollective);
  CHECK(mentions[2].kind == MentionKind::kPronoun);
  CHECK(mentions[2].actors.empty());
  CHECK(LooksLikeAcronym("AIS", false));
  CHECK_FALSE(LooksLikeAcronym("IoT", false));
  CHECK(LooksLikeAcronym("IoT", true));
  CHECK_FALSE(LooksLikeAcronym("G7", true));
  CHECK_FALSE(LooksLikeAcronym("Japan", true));
}

TEST_CASE("DocumentActors: capitals in headings and file names are not acronyms", "[extract]") {
  DocumentActors actors(test::CorpusGazetteer());
  std::string text =
      "IN WITNESS WHEREOF the undersigned signed. See BWBV0001000/README.md and the CDPC.";
  actors.Learn(text, Tokenize(text));
  CHECK(actors.UnknownAcronyms() == std::vector<std::pair<std::string, int>>{{"CDPC", 1}});
}
