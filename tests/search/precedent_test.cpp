#include <catch2/catch.hpp>

#include "search/precedent.h"

using namespace nt::search;

TEST_CASE("Precedent: words keep their place in the text and compare lower-cased", "[search]") {
  auto words = SplitWords("An open, interoperable cyberspace; States' roles.");
  REQUIRE(words.size() == 6);
  CHECK(words[0].text == "an");
  CHECK(words[0].original == "An");
  CHECK(words[4].text == "states");
  CHECK(words[1].begin == 3);
  CHECK(words[1].end == 7);
}

TEST_CASE("Precedent: MinHash estimates similarity, identical texts score 1", "[search]") {
  auto a = SplitWords("an open interoperable reliable and secure cyberspace");
  auto b = SplitWords("an open interoperable reliable and secure cyberspace");
  auto c = SplitWords("the parties shall notify the depositary in writing");
  CHECK(EstimatedSimilarity(MinHash(a, 0, a.size()), MinHash(b, 0, b.size())) == 1.0);
  CHECK(EstimatedSimilarity(MinHash(a, 0, a.size()), MinHash(c, 0, c.size())) < 0.2);
}

TEST_CASE("Precedent: the word diff shows what was removed from the query and added", "[search]") {
  auto query = SplitWords("an open and secure cyberspace");
  auto found = SplitWords("an open, reliable and secure cyberspace");
  auto diff = WordDiff(query, found);
  std::string text;
  for (const auto& word : diff) {
    text += word.op == DiffOp::kSame    ? word.word
            : word.op == DiffOp::kAdded ? "{+" + word.word + "+}"
                                        : "[-" + word.word + "-]";
    text += ' ';
  }
  CHECK(text == "an open {+reliable+} and secure cyberspace ");
}

TEST_CASE("Precedent: the best window of a long paragraph is the formula inside it", "[search]") {
  auto query = SplitWords("an accessible, open, interoperable, reliable and secure cyberspace");
  const std::string paragraph =
      "Both countries, as allies sharing fundamental values, recognized that an accessible, open, "
      "interoperable, reliable and secure cyberspace has contributed to global development.";
  auto match = BestWindow(query, MinHash(query, 0, query.size()), paragraph);
  CHECK(match.similarity == 1.0);
  CHECK(match.excerpt == "an accessible, open, interoperable, reliable and secure cyberspace");
}
