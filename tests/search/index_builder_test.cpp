// The parallel rebuild (search/index_builder.h) against the one-thread Indexer, and date ranges
// that mix whole years (year terms) with partial ones (the date slot).

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>

#include "search/index_builder.h"
#include "search/indexer.h"
#include "search/searcher.h"
#include "support/temp_dir.h"

using namespace nt;
using namespace nt::search;

namespace {

const std::vector<std::string> kDates = {"2016-05-01", "2017-03-01", "2017-08-01",
                                         "2018-02-01", "2019",       ""};

std::vector<IndexDocument> Documents(int count) {
  std::vector<IndexDocument> out;
  for (int d = 1; d <= count; ++d) {
    IndexDocument document;
    document.document_id = d;
    document.title = "Joint Statement " + std::to_string(d);
    document.kind = d % 2 ? "statement" : "agreement";
    document.date = kDates[static_cast<std::size_t>(d) % kDates.size()];
    document.language = "en";
    for (int p = 0; p < 3; ++p) {
      IndexItem item;
      item.id = d * 10 + p;
      item.paragraph_id = item.id;
      item.label = std::to_string(p + 1);
      item.text = "The two sides will protect critical infrastructure, paragraph " +
                  std::to_string(p) + (d % 3 ? " and share threat information." : ".");
      item.actors = {d % 2 ? "Japan" : "Singapore"};
      document.items.push_back(item);
    }
    document.content_hash = ContentHash(document);
    out.push_back(std::move(document));
  }
  return out;
}

std::set<std::int64_t> Matches(const std::filesystem::path& index, const std::string& query) {
  auto searcher = Searcher::Open(index);
  REQUIRE(searcher);
  auto results = (*searcher)->Search({.query = query, .limit = 1000});
  REQUIRE(results);
  std::set<std::int64_t> ids;
  for (const SearchHit& hit : results->hits) ids.insert(hit.item_id);
  return ids;
}

// Entries of `dir` whose names start with `prefix` (a build's shards: "index.shard").
int Entries(const std::filesystem::path& dir, const std::string& prefix) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with(prefix)) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("IndexBuilder: two workers write what the one-thread Indexer writes", "[search]") {
  // One shard per worker, or a new shard every two documents (six items of three). (`as`: the
  // generator keeps copies; deduced from an lvalue it would keep references, one dangling.)
  const std::size_t items_per_shard =
      GENERATE(Catch::Generators::as<std::size_t>{}, kDefaultItemsPerShard, 4);
  CAPTURE(items_per_shard);
  test::TempDir dir;
  const auto documents = Documents(40);
  {
    auto indexer = Indexer::Open(dir / "serial", IndexOpenMode::kOverwrite);
    REQUIRE(indexer);
    for (const auto& document : documents) REQUIRE((*indexer)->Replace(document));
    REQUIRE((*indexer)->Commit());
  }
  {
    auto builder = IndexBuilder::Start(dir / "parallel", 2, IndexLayout::kLocal, items_per_shard);
    REQUIRE(builder);
    for (const auto& document : documents) REQUIRE((*builder)->Add(document));
    REQUIRE((*builder)->Finish());
  }
  CHECK(Entries(dir.path(), "parallel.shard") == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "parallel.new"));

  auto serial = Indexer::Open(dir / "serial", IndexOpenMode::kOpenOrCreate);
  auto parallel = Indexer::Open(dir / "parallel", IndexOpenMode::kOpenOrCreate);
  REQUIRE(serial);
  REQUIRE(parallel);
  CHECK((*parallel)->FormatCurrent());
  auto serial_states = (*serial)->Documents();
  auto parallel_states = (*parallel)->Documents();
  REQUIRE(serial_states);
  REQUIRE(parallel_states);
  REQUIRE(parallel_states->size() == 40);
  for (const auto& [id, state] : *serial_states) {
    REQUIRE(parallel_states->contains(id));
    CHECK(parallel_states->at(id).content_hash == state.content_hash);
    CHECK(parallel_states->at(id).actual_items == 3);
  }
  serial->reset();
  parallel->reset();

  for (const std::string query : {"\"critical infrastructure\"", "threat actor:Japan", "date:2017",
                                  "date:2017-07..2018", "date:2016..2017-06", "date:2016..2018",
                                  "infrastructure date:..2017-03", "infrastructure date:2018.."}) {
    CAPTURE(query);
    const auto expected = Matches(dir / "serial", query);
    CHECK(Matches(dir / "parallel", query) == expected);
  }
  // Whole and partial years of one range: only 2017-08 and 2018-02 (documents 2 and 3 mod 6).
  for (std::int64_t id : Matches(dir / "parallel", "date:2017-07..2018")) {
    const auto& date = kDates[static_cast<std::size_t>(id / 10) % kDates.size()];
    CHECK((date == "2017-08-01" || date == "2018-02-01"));
  }
  CHECK(Matches(dir / "parallel", "date:2017-07..2018").size() == 14 * 3);
  CHECK(Matches(dir / "parallel", "date:2016..2017-06").size() == 13 * 3);
}

TEST_CASE("IndexBuilder: a build dropped before Finish leaves the old index whole", "[search]") {
  test::TempDir dir;
  const auto documents = Documents(4);
  {
    auto indexer = Indexer::Open(dir / "index", IndexOpenMode::kOverwrite);
    REQUIRE(indexer);
    REQUIRE((*indexer)->Replace(documents[0]));
    REQUIRE((*indexer)->Commit());
  }
  {
    auto builder = IndexBuilder::Start(dir / "index", 2);
    REQUIRE(builder);
    for (const auto& document : documents) REQUIRE((*builder)->Add(document));
    // No Finish(): the rebuild is abandoned (an error in the store, a cancelled job).
  }
  CHECK(Entries(dir.path(), "index.shard") == 0);
  CHECK(Matches(dir / "index", "infrastructure") == std::set<std::int64_t>{10, 11, 12});
}

TEST_CASE("IndexBuilder: what a crashed build left is found, cleared and not merged", "[search]") {
  test::TempDir dir;
  const auto documents = Documents(4);
  {
    // What a build killed half-way leaves: a shard holding a document that is gone since.
    auto stale = Indexer::Open(dir / "index.shard1-7", IndexOpenMode::kOverwrite);
    REQUIRE(stale);
    IndexDocument gone = documents[0];
    gone.document_id = 99;
    gone.items[0].id = 990;
    gone.items[0].text = "a stale paragraph about botnets";
    REQUIRE((*stale)->Replace(gone));
    REQUIRE((*stale)->Commit());
  }
  // And a Finish cut short between its two renames: the merged index and the replaced one.
  std::filesystem::create_directories(dir / "index.new");
  std::filesystem::create_directories(dir / "index.old");
  dir.Write("index.old/postlist.glass", "stale");
  const auto found = FindRebuildLeftovers(dir / "index", std::chrono::seconds(0));
  CHECK(found.folders == std::vector<std::filesystem::path>{dir / "index.new", dir / "index.old",
                                                            dir / "index.shard1-7"});
  CHECK(found.bytes > 5);
  // Written just now: a rebuild at work, as far as anyone can tell.
  CHECK(FindRebuildLeftovers(dir / "index", std::chrono::hours(1)).folders.empty());
  {
    auto builder = IndexBuilder::Start(dir / "index", 2, IndexLayout::kLocal, 1);
    REQUIRE(builder);
    for (const auto& document : documents) REQUIRE((*builder)->Add(document));
    REQUIRE((*builder)->Finish());
  }
  CHECK(Entries(dir.path(), "index.") == 0);
  CHECK(Matches(dir / "index", "botnets").empty());
  CHECK(Matches(dir / "index", "infrastructure").size() == 12);
}

TEST_CASE("IndexBuilder: a rebuild killed between its two renames is completed, not lost",
          "[search]") {
  test::TempDir dir;
  const auto documents = Documents(4);
  {
    auto builder = IndexBuilder::Start(dir / "index", 2);
    REQUIRE(builder);
    for (const auto& document : documents) REQUIRE((*builder)->Add(document));
    REQUIRE((*builder)->Finish());
  }
  // Nothing to complete: the index is in place.
  auto nothing = CompleteInterruptedSwap(dir / "index");
  REQUIRE(nothing);
  CHECK_FALSE(*nothing);

  // Killed after moving the old index aside, before moving the merged one in.
  std::filesystem::rename(dir / "index", dir / "index.new");
  std::filesystem::create_directories(dir / "index.old");
  dir.Write("index.old/postlist.glass", "the previous index");
  auto completed = CompleteInterruptedSwap(dir / "index");
  REQUIRE(completed);
  CHECK(*completed);
  CHECK_FALSE(std::filesystem::exists(dir / "index.new"));
  CHECK_FALSE(std::filesystem::exists(dir / "index.old"));
  CHECK(Matches(dir / "index", "infrastructure").size() == 12);

  // Killed during the merge of a first rebuild: no old index aside, so the merge may be cut
  // short, and it is not put in place.
  std::filesystem::rename(dir / "index", dir / "index.new");
  auto partial = CompleteInterruptedSwap(dir / "index");
  REQUIRE(partial);
  CHECK_FALSE(*partial);
  CHECK_FALSE(std::filesystem::exists(dir / "index"));
  CHECK(std::filesystem::exists(dir / "index.new"));
}
