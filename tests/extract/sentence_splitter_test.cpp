#include <catch2/catch.hpp>

#include "extract/sentence_splitter.h"

using namespace nt::extract;

namespace {

std::vector<std::string> Sentences(std::string_view text) {
  auto splitter = SentenceSplitter::Create();
  REQUIRE(splitter);
  auto spans = splitter->Split(text);
  REQUIRE(spans);
  std::vector<std::string> out;
  for (const TextSpan& s : *spans) {
    out.emplace_back(text.substr(static_cast<std::size_t>(s.begin),
                                 static_cast<std::size_t>(s.end - s.begin)));
  }
  return out;
}

}  // namespace

TEST_CASE("SentenceSplitter: abbreviations do not end sentences", "[extract]") {
  std::string_view text =
      "In particular, NISC announced in May 2017 that it will join the U.S. Department of "
      "Homeland Security's (DHS) Automated Indicator Sharing (AIS) program. Both countries "
      "affirmed that they will further strengthen information sharing.";
  auto sentences = Sentences(text);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].ends_with("(AIS) program."));
  CHECK(sentences[1].starts_with("Both countries"));

  CHECK(Sentences("Threats, e.g. botnets, grow. Cooperation, i.e. sharing, helps.").size() == 2);
  CHECK(Sentences("See Art. 5 and No. 3 of the plan. Dr. Smith and Mr. Jones agreed.").size() == 2);
  CHECK(Sentences("President Donald J. Trump met Prime Minister Abe. They spoke.").size() == 2);
  CHECK(Sentences("Banks, insurers, etc. were consulted. Then talks ended.").size() == 2);
}

TEST_CASE("SentenceSplitter: spans are trimmed UTF-8 byte offsets", "[extract]") {
  auto splitter = SentenceSplitter::Create();
  REQUIRE(splitter);
  std::string text = "  Japan\xE2\x80\x99s view \xE2\x80\x94 stated.  The U.S. agreed.  ";
  auto spans = splitter->Split(text);
  REQUIRE(spans);
  REQUIRE(spans->size() == 2);
  CHECK((*spans)[0].begin == 2);
  CHECK(text.substr(static_cast<std::size_t>((*spans)[0].begin),
                    static_cast<std::size_t>((*spans)[0].end - (*spans)[0].begin)) ==
        "Japan\xE2\x80\x99s view \xE2\x80\x94 stated.");
  CHECK(text.substr(static_cast<std::size_t>((*spans)[1].begin),
                    static_cast<std::size_t>((*spans)[1].end - (*spans)[1].begin)) ==
        "The U.S. agreed.");
  auto empty = splitter->Split("   ");
  REQUIRE(empty);
  CHECK(empty->empty());
}
