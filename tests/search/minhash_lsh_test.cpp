#include <algorithm>
#include <catch2/catch.hpp>

#include "search/minhash_lsh.h"
#include "search/precedent.h"

using namespace nt::search;

namespace {

MinHashSignature Of(std::string_view text) {
  const auto words = SplitWords(text);
  return MinHash(words, 0, words.size());
}

}  // namespace

TEST_CASE("MinHashLsh: a probe finds close wordings, not unrelated ones, and forgets removed ids",
          "[search]") {
  MinHashLsh index;
  index.Add(1, Of("the two countries will strengthen information sharing on cyber threats"));
  index.Add(2, Of("applicability of international law to ICT use by States"));  // no shared word
  index.Add(3, Of("an open interoperable reliable and secure cyberspace for all"));
  index.Add(4, MinHashSignature{});  // no words: never a candidate
  CHECK(index.size() == 4);

  const auto reworded =
      Of("the two countries will further strengthen information sharing on cyber threats");
  const auto found = index.Candidates(reworded);
  REQUIRE(std::find(found.begin(), found.end(), 1) != found.end());
  CHECK(std::find(found.begin(), found.end(), 2) == found.end());
  CHECK(std::find(found.begin(), found.end(), 4) == found.end());
  CHECK(EstimatedSimilarity(*index.Find(1), reworded) > 0.5);

  index.Remove(1);
  CHECK(index.Find(1) == nullptr);
  const auto after = index.Candidates(reworded);
  CHECK(std::find(after.begin(), after.end(), 1) == after.end());
  // Adding again under the same id replaces, never duplicates.
  index.Add(3, Of("an open interoperable reliable and secure cyberspace"));
  index.Add(3, Of("an open interoperable reliable and secure cyberspace"));
  CHECK(index.Candidates(Of("an open, interoperable, reliable and secure cyberspace")) ==
        std::vector<std::int64_t>{3});
}
