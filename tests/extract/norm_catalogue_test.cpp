#include <catch2/catch.hpp>

#include "extract/norm_catalogue.h"
#include "extract/corpus_reference.h"
#include "extract/norm_references.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::extract;

namespace {

std::vector<std::string> Codes(std::string_view text, double min_confidence = 0.5) {
  auto refs = FindNormReferences(text, Tokenize(text), test::CorpusNorms());
  return NormCodesIn(refs, 0, static_cast<int>(text.size()), test::CorpusNorms(), min_confidence);
}

}  // namespace

TEST_CASE("NormCatalogue: the corpus lists the eleven norms of A/70/174", "[extract]") {
  const NormCatalogue& catalogue = test::CorpusNorms();
  REQUIRE(catalogue.size() == 11);
  CHECK(catalogue.entries().front().code == "13(a)");
  CHECK(catalogue.entries().back().code == "13(k)");
  for (const NormEntry& entry : catalogue.entries()) {
    INFO(entry.code);
    CHECK(entry.source_symbol == "A/70/174");
    CHECK_FALSE(entry.short_title.empty());
    CHECK_FALSE(entry.keywords.empty());
  }
  CHECK(catalogue.FindCode("13 (f)") == 5);
  CHECK(catalogue.FindCode("13F") == 5);
  CHECK_FALSE(catalogue.FindCode("14(a)"));
  CHECK(NormaliseNormCode("13 (J)") == "13(j)");
  CHECK(NormaliseNormCode("Article 3").empty());
}

TEST_CASE("NormCatalogue: malformed rows are reported with file and line", "[extract]") {
  auto error_of = [](std::string_view text) {
    auto parsed = ParseNormCatalogue(text, "norms.tsv");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == ErrorCode::kParse);
    return parsed.error().message;
  };
  CHECK_THAT(error_of("# c\n13(a)\tA/70/174\tCooperate\n"),
             Catch::Contains("'norms.tsv' line 2") && Catch::Contains("expected 4"));
  CHECK_THAT(error_of("13(a)\tA/70/174\tx\tk\nthirteen\tA/70/174\ty\tk\n"),
             Catch::Contains("line 2") && Catch::Contains("'thirteen' is not a norm code"));
  CHECK_THAT(error_of("13(a)\tA/70/174\tx\tk\n13 (a)\tA/70/174\ty\tk\n"),
             Catch::Contains("line 2") && Catch::Contains("already defined on line 1"));
  CHECK_THAT(error_of("13(a)\tA/70/174\t \tk\n"), Catch::Contains("no short title"));
  auto missing = LoadNormCatalogue(test::CorpusDir() / "no-such-norms.tsv");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
}

TEST_CASE("NormReferences: explicit references name their norms", "[extract]") {
  CHECK(Codes("consistent with norm 13 (f) of the report") == std::vector<std::string>{"13(f)"});
  CHECK(Codes("as set out in paragraph 13(a) of A/70/174") == std::vector<std::string>{"13(a)"});
  CHECK(Codes("norms 13 (f) and (g)") == std::vector<std::string>{"13(f)", "13(g)"});
  CHECK(Codes("norms 13 (a), (b) and (c)") ==
        std::vector<std::string>{"13(a)", "13(b)", "13(c)"});
  CHECK(Codes("implement the eleven norms").size() == 11);
  CHECK(Codes("Article 3 (a) applies").empty());
  auto refs = FindNormReferences("norm 13 (f)", Tokenize("norm 13 (f)"), test::CorpusNorms());
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].is_explicit);
  CHECK(refs[0].confidence == Approx(kExplicitNormConfidence));
  CHECK(refs[0].begin == 5);
  CHECK(refs[0].end == 11);
}

TEST_CASE("NormReferences: subject keywords link text to norms with lower confidence",
          "[extract]") {
  CHECK(Codes("the integrity of supply chains") == std::vector<std::string>{"13(i)"});
  CHECK(Codes("responsible reporting of ICT vulnerabilities") == std::vector<std::string>{"13(j)"});
  CHECK(Codes("national CSIRTs and emergency response teams") == std::vector<std::string>{"13(k)"});
  CHECK(Codes("protect critical infrastructure") == std::vector<std::string>{"13(f)", "13(g)"});
  // A phrase shared by two norms is weaker evidence than a phrase of one.
  CHECK(Codes("protect critical infrastructure", 0.55).empty());
  CHECK(Codes("a supply chain", 0.55) == std::vector<std::string>{"13(i)"});
  CHECK(Codes("the weather was fine").empty());
}
