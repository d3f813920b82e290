#include <catch2/catch.hpp>

#include <algorithm>

#include "core/fault.h"
#include "search_fixture.h"

using namespace nt;
using test::HasLabel;
using test::SearchFixture;

namespace {

const SearchHit* FindHit(const SearchResults& results, const std::string& label,
                              search::ItemKind kind = search::ItemKind::kParagraph) {
  for (const auto& hit : results.hits) {
    if (hit.label == label && hit.kind == kind) return &hit;
  }
  return nullptr;
}

int CountOf(const std::vector<search::FacetCount>& facet, const std::string& value) {
  for (const auto& count : facet) {
    if (count.value == value) return count.count;
  }
  return 0;
}

}  // namespace

TEST_CASE(
    "QueryService: \"critical infrastructure\" actor:Japan finds 7(2)a with a highlighted "
    "snippet and facets",
    "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  SearchRequest request;
  request.facets = true;
  auto results = f.Search("\"critical infrastructure\" actor:Japan", request);
  const SearchHit* hit = FindHit(results, "7(2)a");
  REQUIRE(hit != nullptr);
  CHECK(hit->document_title == "Joint Statement of the Japan-U.S. Cyber Dialogue");
  CHECK(hit->date == "2017-07-24");
  CHECK(test::Highlighted(*hit) == "[critical infrastructure]");
  CHECK(results.total_estimate >= 1);
  REQUIRE(results.has_facets);
  CHECK(CountOf(results.facets.actor, "Japan") == static_cast<int>(results.total_estimate));
  CHECK(CountOf(results.facets.kind, "statement") >= 1);
  CHECK(CountOf(results.facets.year, "2017") >= 1);
  CHECK(CountOf(results.facets.dialogue, "Japan-U.S. Cyber Dialogue") >= 1);
  CHECK(CountOf(results.facets.type, "recognition") >= 1);
}

TEST_CASE("QueryService: actor synonyms - actor:US finds paragraphs that say 'the United States'",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  for (const char* name :
       {"actor:US", "actor:U.S.", "actor:\"United States of America\"", "actor:USA"}) {
    auto results = f.Search(std::string("botnets ") + name);
    INFO(name);
    CHECK(HasLabel(results, "7(2)d"));
  }
  // METI is an agency of Japan: actor:Japan finds it, actor:METI only its own paragraphs.
  CHECK(HasLabel(f.Search("\"industrial control systems\" actor:METI"), "7(2)a"));
  CHECK(f.Search("botnets actor:China").hits.empty());
}

TEST_CASE("QueryService: query language - boolean, phrases, NEAR, wildcards, fields", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  CHECK(HasLabel(f.Search("botnets AND (IoT OR \"Internet of Things\")"), "7(2)d"));
  CHECK_FALSE(HasLabel(f.Search("botnets NOT IoT"), "7(2)d"));
  CHECK(HasLabel(f.Search("\"reliable and secure cyberspace\""), "3"));
  CHECK(HasLabel(f.Search("Olympic NEAR/3 Games"), "7(2)b"));
  CHECK_FALSE(HasLabel(f.Search("Olympic NEAR/3 stakeholders"), "7(2)b"));
  CHECK(HasLabel(f.Search("Paralympic ADJ/2 Games"), "7(2)b"));
  CHECK(HasLabel(f.Search("botn*"), "7(2)d"));
  CHECK(HasLabel(f.Search("kind:statement botnets"), "7(2)d"));
  CHECK(f.Search("kind:un_report botnets").hits.empty());
  CHECK(HasLabel(f.Search("type:intention botnets"), "7(2)d"));
  CHECK(HasLabel(f.Search("dialogue:cyber botnets"), "7(2)d"));
  CHECK(HasLabel(f.Search("title:joint botnets"), "7(2)d"));
  CHECK(HasLabel(f.Search("round:5 botnets"), "7(2)d"));
  CHECK(HasLabel(f.Search("lang:en botnets"), "7(2)d"));
  // English stemming: "recognise" forms and plurals meet.
  CHECK(HasLabel(f.Search("incident"), "7(1)"));
  CHECK(HasLabel(f.Search("strengthening cooperation"), "7(2)b"));
}

TEST_CASE("QueryService: date ranges over the document date", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  const std::string query = "botnets";
  CHECK(HasLabel(f.Search(query + " date:2015..2017"), "7(2)d"));
  CHECK(HasLabel(f.Search(query + " date:2017-07.."), "7(2)d"));
  CHECK(HasLabel(f.Search(query + " date:2017-07-24..2017-07-24"), "7(2)d"));
  CHECK(HasLabel(f.Search(query + " date:..2017"), "7(2)d"));
  CHECK(f.Search(query + " date:2018..").hits.empty());
  CHECK(f.Search(query + " date:..2017-06").hits.empty());
  CHECK(f.Search(query + " date:2010..2016").hits.empty());
}

TEST_CASE("QueryService: paging, total estimate and sort by date", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  SearchRequest all;
  all.limit = 100;
  auto everything = f.Search("cyber", all);
  REQUIRE(everything.hits.size() > 6);
  CHECK(everything.total_estimate == static_cast<std::int64_t>(everything.hits.size()));

  SearchRequest page;
  page.limit = 3;
  page.offset = 3;
  auto second = f.Search("cyber", page);
  REQUIRE(second.hits.size() == 3);
  CHECK(second.offset == 3);
  CHECK(second.total_estimate == everything.total_estimate);
  for (int i = 0; i < 3; ++i) {
    CHECK(second.hits[static_cast<std::size_t>(i)].item_id ==
          everything.hits[static_cast<std::size_t>(i + 3)].item_id);
  }
  // Relevance: weights never increase down the list.
  for (std::size_t i = 1; i < everything.hits.size(); ++i) {
    CHECK(everything.hits[i].weight <= everything.hits[i - 1].weight);
  }
  SearchRequest by_date = all;
  by_date.sort = SortOrder::kDateNewestFirst;
  auto newest = f.Search("cyber", by_date);
  REQUIRE(newest.hits.size() == everything.hits.size());
  for (std::size_t i = 1; i < newest.hits.size(); ++i) {
    CHECK(search::DateKey(newest.hits[i].date) <= search::DateKey(newest.hits[i - 1].date));
  }
  by_date.sort = SortOrder::kDateOldestFirst;
  auto oldest = f.Search("cyber", by_date);
  for (std::size_t i = 1; i < oldest.hits.size(); ++i) {
    CHECK(search::DateKey(oldest.hits[i].date) >= search::DateKey(oldest.hits[i - 1].date));
  }
}

TEST_CASE("QueryService: malformed queries give one clear sentence, never a crash", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  const std::vector<std::string> queries = {"",
                                            "   ",
                                            "AND",
                                            "OR cyber",
                                            "cyber AND",
                                            "NOT",
                                            "(",
                                            ")",
                                            "((cyber",
                                            "cyber))",
                                            "\"unclosed phrase",
                                            "cyber NEAR",
                                            "NEAR/3 cyber",
                                            "cyber NEAR/x space",
                                            "cyber ADJ/",
                                            "*",
                                            "**",
                                            "c*y*b*",
                                            "actor:",
                                            "actor:\"",
                                            "date:..",
                                            "date:abc..2017",
                                            "date:2017..1999",
                                            "date:2017-13..",
                                            "date:2017-07-24-01..",
                                            "kind:",
                                            "norm:13(f)",
                                            "title:\"",
                                            "+",
                                            "-",
                                            "+-cyber",
                                            "cyber AND AND space",
                                            "XOR",
                                            "cyber XOR",
                                            "\x01\x02",
                                            "サイバー AND",
                                            std::string(5000, 'a'),
                                            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
                                            "((((((((((((((((((((cyber))))))))))))))))))))",
                                            "field:with:colons",
                                            "date:2015..2017..2019",
                                            "\"\"",
                                            "''",
                                            "NOT NOT NOT cyber",
                                            "cyber NEAR/999999999999 space"};
  for (const std::string& query : queries) {
    INFO("query: " << query);
    SearchRequest request;
    request.query = query;
    request.facets = true;
    auto results = f.queries->Search(request);
    if (!results) {
      CHECK(results.error().code == ErrorCode::kUsage);
      CHECK_FALSE(results.error().message.empty());
      CHECK(results.error().message.find('\n') == std::string::npos);
      CHECK(results.error().message.back() == '.');
    }
  }
  auto empty = f.queries->Search({.query = " "});
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message.starts_with("The query is empty"));
  auto bad_date = f.queries->Search({.query = "cyber date:2017..2015"});
  REQUIRE_FALSE(bad_date);
  CHECK_THAT(bad_date.error().message, Catch::Contains("ends before it starts"));
}

TEST_CASE("QueryService: more like this finds related paragraphs, not the paragraph itself",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  auto source = f.Search("botnets");
  const SearchHit* botnets = FindHit(source, "7(2)d");
  REQUIRE(botnets != nullptr);
  auto like = f.queries->MoreLikeThis(ParagraphId(botnets->paragraph_id), 5);
  REQUIRE(like);
  REQUIRE_FALSE(like->hits.empty());
  for (const auto& hit : like->hits) {
    CHECK(hit.paragraph_id != botnets->paragraph_id);
    CHECK(hit.kind == search::ItemKind::kParagraph);
  }
  auto missing = f.queries->MoreLikeThis(ParagraphId(999999), 5);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
}

TEST_CASE("QueryService: precedent finds paragraph 3 from a reworded query, with differences",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  auto exact =
      f.queries->Precedents("an accessible, open, interoperable, reliable and secure cyberspace");
  REQUIRE(exact);
  REQUIRE_FALSE(exact->empty());
  CHECK(exact->front().hit.label == "3");
  CHECK(exact->front().exact);
  CHECK(exact->front().match.excerpt ==
        "an accessible, open, interoperable, reliable and secure cyberspace");

  // Reworded: two adjectives swapped, one word split in two.
  auto reworded =
      f.queries->Precedents("an accessible, open, interoperable, secure and reliable cyber space");
  REQUIRE(reworded);
  auto found = std::find_if(reworded->begin(), reworded->end(),
                            [](const Precedent& p) { return p.hit.label == "3"; });
  REQUIRE(found != reworded->end());
  CHECK_FALSE(found->exact);
  CHECK(found->hit.document_title == "Joint Statement of the Japan-U.S. Cyber Dialogue");
  bool removed_space = false, added_cyberspace = false;
  for (const auto& word : found->match.diff) {
    if (word.op == DiffOp::kRemoved && word.word == "space") removed_space = true;
    if (word.op == DiffOp::kAdded && word.word == "cyberspace") added_cyberspace = true;
  }
  CHECK(removed_space);
  CHECK(added_cyberspace);

  auto too_short = f.queries->Precedents("cyberspace");
  REQUIRE_FALSE(too_short);
  CHECK(too_short.error().code == ErrorCode::kUsage);
}

TEST_CASE("QueryService: precedents are ordered by date", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  test::TempDir extra;
  auto later = extra.Write("later.md",
                           "# Joint Statement of the Sixth Japan-U.S. Cyber Dialogue\n\n"
                           "Washington, DC, September 4, 2018\n\n"
                           "1. Both countries recognized that an open, interoperable, reliable "
                           "and secure cyberspace is essential for growth.\n");
  auto earlier = extra.Write("earlier.md",
                             "# Japan-U.S. Joint Statement on Cyber Cooperation\n\n"
                             "Tokyo, May 30, 2015\n\n"
                             "1. The two governments stressed that an open, interoperable, "
                             "reliable and secure cyberspace is vital.\n");
  f.Import({later, earlier});
  auto found = f.queries->Precedents("an open, interoperable, reliable and secure cyberspace");
  REQUIRE(found);
  REQUIRE(found->size() >= 3);
  for (std::size_t i = 1; i < found->size(); ++i) {
    CHECK(search::DateKey((*found)[i - 1].hit.date) <= search::DateKey((*found)[i].hit.date));
  }
  CHECK((*found)[0].hit.date == "2015-05-30");
}

TEST_CASE("QueryService: a low threshold with a limit keeps the closest precedents, not the oldest",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  test::TempDir extra;
  // Older documents that share a few words with the wording, and a later exact use of it.
  std::vector<std::filesystem::path> files;
  for (int year = 2001; year <= 2006; ++year) {
    files.push_back(extra.Write(
        "old-" + std::to_string(year) + ".md",
        "# Statement " + std::to_string(year) + "\n\nTokyo, May 30, " + std::to_string(year) +
            "\n\n1. The two governments discussed an open market and secure supply chains.\n"));
  }
  files.push_back(extra.Write("exact.md",
                              "# Joint Statement 2019\n\nTokyo, March 1, 2019\n\n"
                              "1. Both sides affirmed an accessible, open, interoperable, reliable "
                              "and secure cyberspace.\n"));
  f.Import(files);
  const std::string wording = "an accessible, open, interoperable, reliable and secure cyberspace";
  auto found = f.queries->Precedents(wording, {.min_similarity = 0.05, .limit = 2});
  REQUIRE(found);
  REQUIRE(found->size() == 2);
  // The exact use is kept, though six older loose ones pass the low threshold too.
  CHECK(std::any_of(found->begin(), found->end(), [](const Precedent& p) { return p.exact; }));
  for (const Precedent& p : *found) CHECK(p.match.similarity > 0.3);
  CHECK(search::DateKey((*found)[0].hit.date) <= search::DateKey((*found)[1].hit.date));
}

TEST_CASE("QueryService: facets are exact up to the sample size, and say when they are not",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  SearchRequest request;
  request.facets = true;
  auto exact = f.Search("cyber", request);
  REQUIRE(exact.has_facets);
  CHECK(exact.facets_exact);
  int statements = 0;
  for (const auto& kind : exact.facets.kind) statements += kind.count;
  CHECK(statements == static_cast<int>(exact.total_estimate));
  CHECK(exact.facet_matches_counted == exact.total_estimate);

  // A smaller sample: the counts cover the first matches in index order, and say how many.
  request.facet_sample = 3;
  auto sampled = f.Search("cyber", request);
  REQUIRE(sampled.has_facets);
  CHECK_FALSE(sampled.facets_exact);
  CHECK(sampled.facet_matches_counted == 3);  // the first three, no more
  CHECK(sampled.facet_matches_counted < sampled.total_upper_bound);
  int counted = 0;
  for (const auto& kind : sampled.facets.kind) counted += kind.count;
  CHECK(counted == sampled.facet_matches_counted);
}
