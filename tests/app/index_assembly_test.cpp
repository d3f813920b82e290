// IndexAssembler reads what the import recorded (the actors each paragraph names) instead of
// matching the gazetteer again, and the index gets the same content either way.

#include <catch2/catch.hpp>

#include <map>

#include "app/internal/index_assembly.h"
#include "extracting_library.h"
#include "store/actor_mention_repository.h"
#include "store/document_repository.h"
#include "support/raw_sqlite.h"

using namespace nt;

namespace {

std::map<std::int64_t, search::IndexDocument> AssembleAll(test::ExtractingLibrary& f) {
  app::IndexAssembler assembler(f.library->database(), test::ShippedReference());
  auto ids = store::DocumentRepository(f.library->database()).Ids();
  REQUIRE(ids);
  std::map<std::int64_t, search::IndexDocument> out;
  for (DocumentId id : *ids) {
    auto assembled = assembler.Assemble(id);
    INFO("document #" << id.value);
    REQUIRE(assembled);
    out.emplace(id.value, std::move(*assembled));
  }
  return out;
}

}  // namespace

TEST_CASE("IndexAssembler: recorded mentions index what gazetteer matching indexed", "[app]") {
  test::ExtractingLibrary f;
  f.Import({test::CorpusDocumentsDir(), test::SeedsDir(), test::SamplesDir()});
  store::ActorMentionRepository mentions(f.library->database());
  auto ids = store::DocumentRepository(f.library->database()).Ids().value();
  REQUIRE(ids.size() >= 5);
  for (DocumentId id : ids) CHECK(mentions.ForDocument(id).value().has_value());
  const auto recorded = AssembleAll(f);

  // A library as an older NormTrack left it: no document scanned, so the assembler matches the
  // gazetteer against every paragraph, as it always did.
  test::RawExec(f.library->database().path(), "DELETE FROM actor_mention_scans");
  for (DocumentId id : ids) CHECK_FALSE(mentions.ForDocument(id).value().has_value());
  const auto matched = AssembleAll(f);

  REQUIRE(matched.size() == recorded.size());
  int paragraphs_naming_actors = 0;
  for (const auto& [id, document] : recorded) {
    const search::IndexDocument& expected = matched.at(id);
    INFO("document #" << id << " " << document.title);
    REQUIRE(document.items.size() == expected.items.size());
    for (std::size_t i = 0; i < document.items.size(); ++i) {
      INFO("item " << document.items[i].id);
      CHECK(document.items[i].actors == expected.items[i].actors);
      if (document.items[i].kind == search::ItemKind::kParagraph &&
          !document.items[i].actors.empty()) {
        ++paragraphs_naming_actors;
      }
    }
    CHECK(document.content_hash == expected.content_hash);
  }
  CHECK(paragraphs_naming_actors > 10);
}

TEST_CASE("IndexAssembler: a revision records the mentions of kept paragraphs too", "[app]") {
  test::ExtractingLibrary f;
  const auto file = f.dir.Write("statement.txt",
                                "Joint Statement\n\nJapan and the United States will cooperate.\n\n"
                                "The Ministry of Economy, Trade and Industry will report.\n");
  f.Import({file});
  auto id = store::DocumentRepository(f.library->database()).Ids().value().front();
  // As if stored before mentions were recorded; the revision keeps the first paragraphs' rows.
  test::RawExec(f.library->database().path(), "DELETE FROM actor_mention_scans");
  f.dir.Write("statement.txt",
              "Joint Statement\n\nJapan and the United States will cooperate.\n\n"
              "The Ministry of Economy, Trade and Industry will report.\n\nIndia will too.\n");
  f.Import({file});
  auto recorded = store::ActorMentionRepository(f.library->database()).ForDocument(id).value();
  REQUIRE(recorded);
  std::size_t naming = 0;
  for (const auto& paragraph : *recorded) naming += paragraph.actors.empty() ? 0 : 1;
  CHECK(naming >= 3);
}
