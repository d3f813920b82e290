// Word forms (search/fields.h): a local index keeps each word as written and a table of the
// forms sharing a stem; a shared index also carries the stemmed terms. Either way a plain query
// word finds every form, while phrases, NEAR and capitalised words match the words as written.

#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <set>

#include "search/index_builder.h"
#include "search/indexer.h"
#include "search/searcher.h"
#include "search_fixture.h"
#include "support/temp_dir.h"

using namespace nt;
using namespace nt::search;

namespace {

IndexDocument Statement(std::int64_t id, const std::string& text) {
  IndexDocument document;
  document.document_id = id;
  document.title = "Joint Statement on Cooperation " + std::to_string(id);
  document.kind = "statement";
  document.date = "2017-07-24";
  document.language = "en";
  IndexItem item;
  item.id = id;
  item.paragraph_id = id;
  item.label = std::to_string(id);
  item.text = text;
  document.items.push_back(item);
  document.content_hash = ContentHash(document);
  return document;
}

const std::vector<IndexDocument>& Statements() {
  static const std::vector<IndexDocument> statements = {
      Statement(1, "The parties agreed to cooperate on incident response."),
      Statement(2, "International cooperation protects critical infrastructures."),
      Statement(3, "Cooperative measures for the critical infrastructure of Japan."),
      Statement(4, "Japanese experts met in Tokyo."),
  };
  return statements;
}

std::set<std::int64_t> Matches(Searcher& searcher, const std::string& query) {
  auto results = searcher.Search({.query = query, .limit = 100});
  INFO(query);
  if (!results) FAIL(results.error().message);
  std::set<std::int64_t> ids;
  for (const SearchHit& hit : results->hits) ids.insert(hit.item_id);
  return ids;
}

using Ids = std::set<std::int64_t>;

}  // namespace

TEST_CASE("Word forms: a plain word finds every form, phrases and capitals stay exact",
          "[search]") {
  const IndexLayout layout = GENERATE(IndexLayout::kLocal, IndexLayout::kShared);
  const bool parallel = GENERATE(false, true);
  CAPTURE(ToString(layout), parallel);
  test::TempDir dir;
  const auto folder = dir / "index";
  if (parallel) {
    auto builder = IndexBuilder::Start(folder, 2, layout, 2);
    REQUIRE(builder);
    for (const auto& document : Statements()) REQUIRE((*builder)->Add(document));
    REQUIRE((*builder)->Finish());
  } else {
    auto indexer = Indexer::Open(folder, IndexOpenMode::kOverwrite, layout);
    REQUIRE(indexer);
    for (const auto& document : Statements()) REQUIRE((*indexer)->Replace(document));
    REQUIRE((*indexer)->Commit());
    CHECK((*indexer)->Layout() == layout);
  }
  auto recorded = Indexer::ReadAt(folder);
  REQUIRE(recorded);
  CHECK(recorded->layout == layout);

  auto searcher = Searcher::Open(folder);
  REQUIRE(searcher);
  Searcher& s = **searcher;
  // cooperate, cooperation, cooperative: one stem.
  CHECK(Matches(s, "cooperation") == Ids{1, 2, 3});
  CHECK(Matches(s, "cooperating") == Ids{1, 2, 3});
  CHECK(Matches(s, "infrastructure") == Ids{2, 3});
  CHECK(Matches(s, "protected critical") == Ids{2});
  CHECK(Matches(s, "cooperation -infrastructure") == Ids{1});
  CHECK(Matches(s, "title:statements") == Ids{1, 2, 3, 4});
  // As written: phrases, NEAR, capitalised words, wildcards.
  CHECK(Matches(s, "\"critical infrastructure\"") == Ids{3});
  CHECK(Matches(s, "\"critical infrastructures\"") == Ids{2});
  CHECK(Matches(s, "cooperate NEAR/3 incident") == Ids{1});
  CHECK(Matches(s, "Cooperation") == Ids{2});
  CHECK(Matches(s, "cooperat*") == Ids{1, 2, 3});
  CHECK(Matches(s, "japan") == Ids{3});
  CHECK(Matches(s, "japanese") == Ids{4});

  // A local index keeps no text: the searcher reads it from its TextSource.
  auto results = s.Search({.query = "cooperating"});
  REQUIRE(results);
  REQUIRE_FALSE(results->hits.empty());
  CHECK(results->hits[0].text.empty() == (layout == IndexLayout::kLocal));
  std::map<std::int64_t, std::string> texts;
  for (const auto& document : Statements()) texts[document.items[0].id] = document.items[0].text;
  // One call for the page of hits, answered in the order asked.
  int calls = 0;
  auto with_text = Searcher::Open(folder, {}, [&](const std::vector<ItemRef>& items) {
    ++calls;
    std::vector<std::string> out;
    for (const ItemRef& item : items) {
      CHECK(item.kind == ItemKind::kParagraph);
      out.push_back(texts.at(item.id));
    }
    return out;
  });
  REQUIRE(with_text);
  auto shown = (*with_text)->Search({.query = "cooperating", .sort = SortOrder::kDateOldestFirst});
  REQUIRE(shown);
  REQUIRE(shown->hits.size() == 3);
  CHECK(calls == (layout == IndexLayout::kLocal ? 1 : 0));
  for (const SearchHit& hit : shown->hits) {
    CHECK(hit.text == texts.at(hit.item_id));
    std::string highlighted;
    for (const SnippetPart& part : hit.snippet) {
      if (part.match) highlighted += part.text;
    }
    CAPTURE(hit.item_id);
    CHECK(highlighted.starts_with(hit.item_id == 3 ? "Cooperative" : "cooperat"));
  }
}

TEST_CASE("Word forms: a dropped batch's words are recorded again by the next batch", "[search]") {
  test::TempDir dir;
  auto indexer = Indexer::Open(dir / "index", IndexOpenMode::kOverwrite);
  REQUIRE(indexer);
  REQUIRE((*indexer)->Replace(Statements()[1]));
  (*indexer)->Abandon();
  REQUIRE((*indexer)->Replace(Statements()[1]));
  REQUIRE((*indexer)->Commit());
  auto searcher = Searcher::Open(dir / "index");
  REQUIRE(searcher);
  CHECK(Matches(**searcher, "cooperating") == Ids{2});
  CHECK(Matches(**searcher, "protect") == Ids{2});
  auto contents = Indexer::ReadAt(dir / "index");
  REQUIRE(contents);
  CHECK(contents->words_without_forms == 0);
}

TEST_CASE("Word forms: the check finds indexed words that lost their entry", "[search]") {
  test::TempDir dir;
  const auto folder = dir / "index";
  {
    auto indexer = Indexer::Open(folder, IndexOpenMode::kOverwrite);
    REQUIRE(indexer);
    for (const auto& document : Statements()) REQUIRE((*indexer)->Replace(document));
    REQUIRE((*indexer)->Commit());
  }
  auto contents = Indexer::ReadAt(folder);
  REQUIRE(contents);
  CHECK(contents->words_without_forms == 0);
  {
    // What a writer that indexed words without their entries would leave.
    Xapian::WritableDatabase database(folder.string());
    database.remove_synonym("Zcooper", "cooperation");
    database.remove_synonym("ZSstatement", "Sstatement");
    database.commit();
  }
  contents = Indexer::ReadAt(folder);
  REQUIRE(contents);
  CHECK(contents->words_without_forms == 2);
  CHECK(contents->words_without_forms_examples ==
        std::vector<std::string>{"cooperation", "Sstatement"});
  auto searcher = Searcher::Open(folder);
  REQUIRE(searcher);
  CHECK(Matches(**searcher, "cooperation") == Ids{1, 3});
}

TEST_CASE("Word forms: index --check reports lost entries as drift and a rebuild restores them",
          "[search]") {
  test::SearchFixture f;
  f.ImportCorpus();
  REQUIRE(f.Search("cooperating").total_estimate > 0);
  {
    Xapian::WritableDatabase database(f.library->home().index.string());
    database.remove_synonym("Zcooper", "cooperation");
    database.commit();
  }
  auto check = f.index->Check();
  REQUIRE(check);
  REQUIRE(check->drift.size() == 1);
  CHECK(check->drift[0] ==
        "1 word in the search index has no word-form entry, so a plain search misses it "
        "('cooperation'); 'normtrack index --rebuild' restores it.");
  REQUIRE(f.index->Rebuild());
  auto after = f.index->Check();
  REQUIRE(after);
  CHECK(after->ok());
  f.Reopen();
  const auto found = f.Search("cooperating", {.limit = 200});
  CHECK(std::any_of(found.hits.begin(), found.hits.end(), [](const SearchHit& hit) {
    return hit.text.find("cooperation") != std::string::npos;
  }));
}

TEST_CASE("Word forms: an empty index rebuilt in the shared layout stays shared", "[search]") {
  test::TempDir dir;
  {
    auto builder = IndexBuilder::Start(dir / "index", 2, IndexLayout::kShared);
    REQUIRE(builder);
    REQUIRE((*builder)->Finish());
  }
  auto indexer = Indexer::Open(dir / "index", IndexOpenMode::kOpenOrCreate);
  REQUIRE(indexer);
  CHECK((*indexer)->Layout() == IndexLayout::kShared);
  REQUIRE((*indexer)->Replace(Statements()[0]));
  REQUIRE((*indexer)->Commit());
  indexer->reset();
  auto contents = Indexer::ReadAt(dir / "index");
  REQUIRE(contents);
  CHECK(contents->layout == IndexLayout::kShared);
  auto searcher = Searcher::Open(dir / "index");
  REQUIRE(searcher);
  auto results = (*searcher)->Search({.query = "cooperation"});
  REQUIRE(results);
  REQUIRE(results->hits.size() == 1);
  CHECK_FALSE(results->hits[0].text.empty());  // a shared index keeps the text
}
