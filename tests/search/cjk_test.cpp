#include <catch2/catch.hpp>

#include "search_fixture.h"

using namespace nt;
using test::SearchFixture;

namespace {

std::filesystem::path JapaneseFixture() {
  return test::FixturesDir() / "search" / "japan-australia-cyber-dialogue-2019-ja.md";
}

}  // namespace

TEST_CASE("CJK: a Japanese phrase finds its paragraph through n-grams", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  f.Import({JapaneseFixture()});

  auto infrastructure = f.Search("重要インフラ");
  REQUIRE(infrastructure.hits.size() >= 1);
  CHECK(infrastructure.hits.front().label == "3");
  CHECK(test::Highlighted(infrastructure.hits.front()).find("重要") != std::string::npos);

  auto phrase = f.Search("\"安全なサイバー空間\"");
  REQUIRE(phrase.hits.size() >= 1);
  CHECK(phrase.hits.front().label == "2");

  // A word that is only in another paragraph does not match this one.
  auto norms = f.Search("規範の実施");
  REQUIRE(norms.hits.size() >= 1);
  CHECK(norms.hits.front().label == "4");
  CHECK(f.Search("量子暗号").hits.empty());

  // Mixed scripts and fields still work.
  CHECK(f.Search("情報共有 date:2019").hits.size() >= 1);
  CHECK(f.Search("情報共有 date:..2018").hits.empty());
}
