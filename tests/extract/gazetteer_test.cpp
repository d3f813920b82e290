#include <catch2/catch.hpp>

#include "extract/gazetteer.h"
#include "extract/corpus_reference.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::extract;

namespace {

std::string NameAt(const Gazetteer& g, std::string_view text, int token) {
  std::vector<Token> tokens = Tokenize(text);
  auto match = g.LongestMatchAt(text, tokens, token);
  return match ? g.actor(match->actor_index).canonical_name : "";
}

std::vector<std::string> AllNames(const Gazetteer& g, std::string_view text) {
  std::vector<std::string> names;
  for (const ActorMatch& m : g.MatchAll(text, Tokenize(text))) {
    names.push_back(g.actor(m.actor_index).canonical_name);
  }
  return names;
}

}  // namespace

TEST_CASE("Gazetteer: the corpus gazetteer loads with parents and kinds", "[extract]") {
  const Gazetteer& g = test::CorpusGazetteer();
  REQUIRE(g.size() > 100);
  auto nisc = g.Find("NISC");
  REQUIRE(nisc);
  const GazetteerActor& actor = g.actor(*nisc);
  CHECK(actor.kind == ActorKind::kAgency);
  REQUIRE(actor.parent_index >= 0);
  CHECK(g.actor(actor.parent_index).canonical_name == "Japan");
  CHECK(g.Find("National Information Security Center") == nisc);
  auto meti = g.Find("METI");
  REQUIRE(meti);
  CHECK(g.actor(g.actor(*meti).parent_index).canonical_name == "Japan");
  auto dhs = g.Find("DHS");
  REQUIRE(dhs);
  CHECK(g.actor(g.actor(*dhs).parent_index).canonical_name == "United States");
  for (std::string_view state : {"Japan", "United States", "United Kingdom", "France", "Germany",
                                 "Italy", "Canada", "China", "Russia", "India", "Indonesia",
                                 "Viet Nam", "Singapore", "Estonia", "Republic of Korea"}) {
    INFO(state);
    auto index = g.Find(state);
    REQUIRE(index);
    CHECK(g.actor(*index).kind == ActorKind::kState);
  }
}

TEST_CASE("Gazetteer: the usual forms of a state name one actor", "[extract]") {
  const Gazetteer& g = test::CorpusGazetteer();
  for (std::string_view form : {"United States", "U.S.", "US", "USA", "United States of America",
                                "the United States of America"}) {
    INFO(form);
    std::vector<std::string> names = AllNames(g, form);
    REQUIRE(names.size() == 1);
    CHECK(names[0] == "United States");
  }
  CHECK(AllNames(g, "the Government of Japan") == std::vector<std::string>{"Japan"});
  CHECK(AllNames(g, "the Japanese Government") == std::vector<std::string>{"Japan"});
}

TEST_CASE("Gazetteer: acronyms match case-sensitively, names case-insensitively", "[extract]") {
  const Gazetteer& g = test::CorpusGazetteer();
  CHECK(AllNames(g, "let us cooperate").empty());  // the pronoun is not the United States
  CHECK(AllNames(g, "Japan and the US") == std::vector<std::string>{"Japan", "United States"});
  CHECK(AllNames(g, "the japanese government") == std::vector<std::string>{"Japan"});
  CHECK(AllNames(g, "nisc").empty());
  CHECK(AllNames(g, "developing states").empty());  // "States" is exact-case
  CHECK(AllNames(g, "States should") == std::vector<std::string>{"Member States"});
}

TEST_CASE("Gazetteer: the longest alias wins and matches stop at word boundaries", "[extract]") {
  const Gazetteer& g = test::CorpusGazetteer();
  CHECK(NameAt(g, "the U.S. Department of Defense said", 1) == "U.S. Department of Defense");
  CHECK(AllNames(g, "the U.S. Department of Homeland Security's (DHS) program") ==
        std::vector<std::string>{"U.S. Department of Homeland Security",
                                 "U.S. Department of Homeland Security"});
  CHECK(AllNames(g, "DHS's program") ==
        std::vector<std::string>{"U.S. Department of Homeland Security"});
  CHECK(AllNames(g, "the ASEAN Regional Forum") == std::vector<std::string>{"ASEAN Regional Forum"});
  CHECK(AllNames(g, "Japanese companies").empty());
  CHECK(AllNames(g, "Japan-U.S.") == std::vector<std::string>{"Japan", "United States"});
  CHECK(AllNames(g, "the USAF").empty());
}

TEST_CASE("Gazetteer: malformed rows are reported with file and line", "[extract]") {
  auto error_of = [](std::string_view text) {
    auto parsed = ParseGazetteer(text, "actors.tsv");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == ErrorCode::kParse);
    return parsed.error().message;
  };
  CHECK_THAT(error_of("# comment\nJapan\tstate\nNISC\tagncy\tJapan\n"),
             Catch::Contains("'actors.tsv' line 3") && Catch::Contains("unknown actor kind"));
  CHECK_THAT(error_of("METI\tagency\tJapan\n"),
             Catch::Contains("line 1") && Catch::Contains("parent 'Japan'"));
  CHECK_THAT(error_of("Japan\tstate\n\nJapan\tstate\n"),
             Catch::Contains("line 3") && Catch::Contains("already defined on line 1"));
  CHECK_THAT(error_of("A\tstate\t\t\tXX\nB\tstate\t\t\tXX\n"),
             Catch::Contains("line 2") && Catch::Contains("alias 'XX' already belongs to 'A'"));
  CHECK_THAT(error_of("A\tstate\t\t\t\textra\n"), Catch::Contains("line 1") &&
                                                      Catch::Contains("found 6"));
  CHECK_THAT(error_of("\tstate\n"), Catch::Contains("canonical name is empty"));
}

TEST_CASE("Gazetteer: a missing file is a not-found error naming the file", "[extract]") {
  test::TempDir dir;
  auto loaded = LoadGazetteer(dir / "nope.tsv");
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code == ErrorCode::kNotFound);
  CHECK_THAT(loaded.error().message, Catch::Contains("nope.tsv"));
  auto written = LoadGazetteer(dir.Write("ok.tsv", "Japan\tstate\t\t\tJP\n"));
  REQUIRE(written);
  CHECK(written->Find("JP") == 0);
}
