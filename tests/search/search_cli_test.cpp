#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "search/indexer.h"
#include "support/cli_library.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using test::CliRun;
using test::RunCli;

namespace {

using CliFixture = test::CliLibrary;

}  // namespace

TEST_CASE("CLI search: the done-when query prints labels, titles, bracketed matches and facets",
          "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  CliRun run = f.Run({"search", "\"critical infrastructure\" actor:Japan", "--facets"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("7(2)a · Joint Statement of the Japan-U.S. Cyber Dialogue"));
  CHECK_THAT(run.out, Catch::Contains("[critical infrastructure]"));
  CHECK_THAT(run.out, Catch::Contains("Facets:"));
  CHECK_THAT(run.out, Catch::Contains("Japan ("));
}

TEST_CASE("CLI search: stable JSON with hits, snippet parts and facets", "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  CliRun run = f.Run({"search", "botnets", "--json", "--facets", "--limit", "1", "--sort", "date"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  auto json = nlohmann::json::parse(run.out);
  CHECK(json["query"] == "botnets");
  CHECK(json["sort"] == "date");
  CHECK(json["limit"] == 1);
  CHECK(json["total_estimate"].get<int>() >= 1);
  REQUIRE(json["hits"].size() == 1);
  const auto& hit = json["hits"][0];
  for (const char* key :
       {"rank", "kind", "item_id", "paragraph_id", "document_id", "document_title", "document_kind",
        "date", "label", "weight", "percent", "snippet", "snippet_parts", "text"}) {
    INFO(key);
    CHECK(hit.contains(key));
  }
  CHECK(json["facets"].contains("actor"));
  CHECK(json["facets"]["kind"][0]["value"] == "statement");
}

TEST_CASE("CLI search: --facet-sample bounds the facet counts, 0 counts every match",
          "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  CliRun sampled = f.Run({"search", "cyber", "--facet-sample", "5", "--json"});
  INFO(sampled.err);
  REQUIRE(sampled.exit_code == 0);
  auto json = nlohmann::json::parse(sampled.out);
  CHECK(json["facets_exact"] == false);
  CHECK(json["facets_counted"] == 5);
  int kinds = 0;
  for (const auto& kind : json["facets"]["kind"]) kinds += kind["count"].get<int>();
  CHECK(kinds == 5);
  const int matches = json["total_estimate"].get<int>();
  REQUIRE(matches > 5);

  CliRun text = f.Run({"search", "cyber", "--facet-sample", "5"});
  CHECK_THAT(text.out, Catch::Contains("(counted over 5 of " + std::to_string(matches) +
                                       " matches: the first in index order)"));

  CliRun every = f.Run({"search", "cyber", "--facet-sample", "0", "--json"});
  REQUIRE(every.exit_code == 0);
  auto all = nlohmann::json::parse(every.out);
  CHECK(all["facets_exact"] == true);
  CHECK(all["facets_counted"] == matches);

  CliRun negative = f.Run({"search", "cyber", "--facet-sample", "-1"});
  CHECK(negative.exit_code == 1);
}

TEST_CASE("CLI search: a malformed query is exit code 1 with one sentence", "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  CliRun run = f.Run({"search", "cyber AND"});
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::StartsWith("normtrack: "));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("CLI index, delete, precedent and watch", "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  CliRun check = f.Run({"index", "--check"});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("The index agrees with the database."));

  CliRun rebuild = f.Run({"index", "--rebuild"});
  CHECK(rebuild.exit_code == 0);
  CHECK_THAT(rebuild.out, Catch::Contains("2 documents indexed"));

  CliRun precedent = f.Run({"precedent",
                            "an accessible, open, interoperable, secure and reliable "
                            "cyberspace"});
  INFO(precedent.err);
  CHECK(precedent.exit_code == 0);
  CHECK_THAT(precedent.out,
             Catch::Contains("Joint Statement of the Japan-U.S. Cyber Dialogue · 3"));
  CHECK_THAT(precedent.out, Catch::Contains("changes:"));

  CliRun save = f.Run({"search", "quantum", "--save", "q", "--watch"});
  INFO(save.err);
  CHECK(save.exit_code == 0);
  CliRun watch = f.Run({"watch", "--json"});
  CHECK(watch.exit_code == 0);
  auto watches = nlohmann::json::parse(watch.out);
  REQUIRE(watches.size() == 1);
  CHECK(watches[0]["name"] == "q");
  CHECK(watches[0]["new_matches"] == 0);

  CliRun deleted = f.Run({"delete", "International Strategy"});
  INFO(deleted.err);
  CHECK(deleted.exit_code == 0);
  CliRun after = f.Run({"index", "--check", "--json"});
  CHECK(after.exit_code == 0);
  auto report = nlohmann::json::parse(after.out);
  CHECK(report["store_documents"] == 1);
  CHECK(report["index_documents"] == 1);
  CHECK(report["ok"] == true);
  CHECK(f.Run({"delete", "no such document"}).exit_code == 1);
}

TEST_CASE(
    "CLI: an import interrupted before the index commit is reported by index --check and "
    "repaired by the next search",
    "[search][cli]") {
  CliFixture f;
  CliRun import = f.Run({"import", "-q", test::JointStatementPath().string()},
                        {{"NORMTRACK_FAULT", "search.before_index_commit:1"}});
  CHECK(import.exit_code == 0);  // the document is stored
  CHECK_THAT(import.err, Catch::Contains("warning"));

  CliRun drift = f.Run({"index", "--check"});
  CHECK(drift.exit_code == 2);
  CHECK_THAT(drift.out, Catch::Contains("Queued: 1"));
  CHECK_THAT(drift.out, Catch::Contains("drift:"));

  CliRun search = f.Run({"search", "botnets"});
  INFO(search.err);
  CHECK(search.exit_code == 0);
  CHECK_THAT(search.out, Catch::Contains("7(2)d"));

  CliRun clean = f.Run({"index", "--check"});
  CHECK(clean.exit_code == 0);
  CHECK_THAT(clean.out, Catch::Contains("Queued: 0"));
}

TEST_CASE("CLI index --rebuild --layout: a shared index keeps its layout and its snippets",
          "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  auto layout_of = [&] {
    CliRun check = f.Run({"index", "--check", "--json"});
    INFO(check.err);
    REQUIRE(check.exit_code == 0);
    return nlohmann::json::parse(check.out)["layout"].get<std::string>();
  };
  CHECK(layout_of() == "local");
  CliRun shared = f.Run({"index", "--rebuild", "--layout", "shared"});
  INFO(shared.err);
  CHECK(shared.exit_code == 0);
  CHECK(layout_of() == "shared");
  // A rebuild without --layout (or one forced by a large import) keeps it.
  CHECK(f.Run({"index", "--rebuild"}).exit_code == 0);
  CHECK(layout_of() == "shared");
  CliRun check = f.Run({"index", "--check"});
  CHECK_THAT(check.out, Catch::Contains("Index (shared layout): 2 documents"));

  // Both layouts find the same paragraphs, with the same highlighted snippets.
  const std::vector<std::string> query = {"search", "cooperating OR \"critical infrastructure\"",
                                          "--json", "--limit", "50"};
  CliRun from_shared = f.Run(query);
  REQUIRE(from_shared.exit_code == 0);
  CHECK(f.Run({"index", "--rebuild", "--layout", "local"}).exit_code == 0);
  CHECK(layout_of() == "local");
  CliRun from_local = f.Run(query);
  REQUIRE(from_local.exit_code == 0);
  // (Their rankings may differ slightly: a paragraph's length counts its stemmed terms too.)
  auto shown = [](const std::string& out) {
    std::vector<std::string> hits;
    const auto parsed = nlohmann::json::parse(out);
    for (const auto& hit : parsed["hits"]) {
      CHECK_FALSE(hit["snippet"].empty());
      hits.push_back(hit["document_title"].get<std::string>() + " · " + hit["label"].dump() +
                     " · " + hit["snippet"].dump());
    }
    std::sort(hits.begin(), hits.end());
    return hits;
  };
  const auto shared_hits = shown(from_shared.out);
  CHECK(shared_hits.size() >= 4);
  CHECK(shown(from_local.out) == shared_hits);

  CliRun bad = f.Run({"index", "--rebuild", "--layout", "tiny"});
  CHECK(bad.exit_code != 0);
  CHECK(f.Run({"index", "--layout", "shared"}).exit_code != 0);  // only with --rebuild
}

TEST_CASE(
    "CLI: a search while another program holds the index's writer lock answers from what is "
    "committed, without a warning",
    "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  // A document stored but not yet indexed, as while another program imports it.
  const auto extra = f.dir.Write("extra.md",
                                 "# Joint Statement on Lighthouses\n\n"
                                 "1. Japan and the United States will protect lighthouses.\n");
  CliRun import = f.Run({"import", "-q", extra.string()},
                        {{"NORMTRACK_FAULT", "search.before_index_commit:1"}});
  REQUIRE(import.exit_code == 0);
  {
    // The other program: it holds the only writable handle on the index.
    auto writer = search::Indexer::Open(f.db + ".index", search::IndexOpenMode::kOpenOrCreate);
    REQUIRE(writer);
    CliRun search = f.Run({"search", "botnets"});
    CHECK(search.exit_code == 0);
    CHECK_THAT(search.out, Catch::Contains("7(2)d"));
    CHECK(search.err.empty());  // the other writer indexes what it stores: nothing to warn of
    CHECK_THAT(f.Run({"search", "lighthouses"}).out, Catch::Contains("No matches"));
  }
  // Once it is gone, the next open indexes what was left queued.
  CliRun after = f.Run({"search", "lighthouses"});
  INFO(after.err);
  CHECK(after.exit_code == 0);
  CHECK_THAT(after.out, Catch::Contains("Lighthouses"));
}

TEST_CASE("CLI search: small totals are exact, and a page past the end says how many there are",
          "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  // Every match, to count them.
  auto all = f.Json({"search", "actor:US type:pledge", "--limit", "1000", "--json"});
  const std::size_t total = all["hits"].size();
  REQUIRE(total > 2);
  CliRun one = f.Run({"search", "actor:US type:pledge", "--limit", "1"});
  REQUIRE(one.exit_code == 0);
  // Not "About 2": the total of a one-hit page is the real one.
  CHECK_THAT(one.out, Catch::StartsWith(std::to_string(total) + " matches; showing 1-1."));
  auto page = f.Json({"search", "actor:US type:pledge", "--limit", "1", "--json"});
  CHECK(page["total_estimate"] == total);
  CliRun past = f.Run({"search", "actor:US type:pledge", "--offset", "500"});
  CHECK(past.exit_code == 0);
  CHECK_THAT(past.out, Catch::Contains("No more results: " + std::to_string(total) +
                                       " matches in all, and --offset 500 is past them."));
  CHECK_THAT(f.Run({"search", "quokkas"}).out, Catch::Contains("No matches for 'quokkas'."));
}

TEST_CASE("CLI search --like with a paragraph that is not indexed is a usage error", "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  CliRun run = f.Run({"search", "--like", "99999"});
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::StartsWith("normtrack: "));
}

TEST_CASE("CLI saved searches: a name in use needs --replace, and saved list, show, watch, "
          "unwatch and delete manage them", "[search][cli]") {
  CliFixture f;
  f.ImportCorpus();
  REQUIRE(f.Run({"search", "botnets", "--save", "bots", "--watch"}).exit_code == 0);
  // Saving over it silently would lose the query and its watch.
  CliRun again = f.Run({"search", "cyber", "--save", "bots"});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("exists already") && Catch::Contains("--replace"));
  auto listed = f.Json({"saved", "list", "--json"});
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["query"] == "botnets");
  CHECK(listed[0]["watch"] == true);

  CHECK(f.Run({"saved", "unwatch", "bots"}).exit_code == 0);
  CHECK(f.Json({"saved", "show", "bots", "--json"})["watch"] == false);
  CHECK(f.Run({"saved", "watch", "bots"}).exit_code == 0);
  CHECK(f.Json({"saved", "show", "bots", "--json"})["watch"] == true);
  // A watch starts from the current matches: nothing new to report.
  CHECK(f.Json({"watch", "--json"})[0]["new_matches"] == 0);

  REQUIRE(f.Run({"search", "cyber", "--save", "bots", "--replace"}).exit_code == 0);
  CHECK(f.Json({"saved", "show", "bots", "--json"})["query"] == "cyber");
  CliRun deleted = f.Run({"saved", "delete", "bots"});
  CHECK(deleted.exit_code == 0);
  CHECK_THAT(deleted.out, Catch::Contains("Deleted the saved search 'bots'"));
  CHECK(f.Json({"saved", "list", "--json"}).empty());
  CliRun missing = f.Run({"saved", "show", "bots"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no saved search called 'bots'"));
}

