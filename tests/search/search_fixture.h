#pragma once
// A library with the seed corpus imported through ImportService + SearchService, as the CLI
// does it, for the [search] tests.

#include <catch2/catch.hpp>

#include <memory>

#include "app/import_service.h"
#include "app/library.h"
#include "app/reference_data.h"
#include "app/search_service.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace nt::test {

inline const app::ReferenceData& Reference() {
  static const app::ReferenceData reference = [] {
    auto loaded = app::ReferenceData::Load(CorpusDir());
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return reference;
}

struct SearchFixture {
  TempDir dir;
  importers::Registry registry = importers::Registry::WithBuiltinFormats();
  std::unique_ptr<app::Library> library;
  std::unique_ptr<app::SearchService> search;

  SearchFixture() {
    auto opened = app::Library::Open(app::Home::InFolder(dir / "home"),
                                     {.mode = app::OpenMode::kCreateIfMissing});
    REQUIRE(opened);
    library = std::move(*opened);
    search = std::make_unique<app::SearchService>(*library, &Reference());
  }

  // Imports with the index hook (indexed=true) or as an older NormTrack without it would.
  app::ImportReport Import(const std::vector<std::filesystem::path>& paths, bool indexed = true) {
    app::ImportService service(*library, registry, &Reference(), indexed ? search.get() : nullptr);
    auto report = service.Import(paths);
    REQUIRE(report);
    REQUIRE(report->AllSucceeded());
    return *report;
  }
  void ImportCorpus() { Import({CorpusDocumentsDir()}); }

  app::SearchResults Search(const std::string& query, app::SearchRequest request = {}) {
    request.query = query;
    auto results = search->Search(request);
    INFO(query);
    if (!results) INFO(results.error().message);
    REQUIRE(results);
    return *results;
  }

  // A fresh service, as a new process opening the library would have.
  void Reopen() { search = std::make_unique<app::SearchService>(*library, &Reference()); }
};

inline bool HasLabel(const app::SearchResults& results, const std::string& label,
                     search::ItemKind kind = search::ItemKind::kParagraph) {
  for (const auto& hit : results.hits) {
    if (hit.label == label && hit.kind == kind) return true;
  }
  return false;
}

inline std::string Highlighted(const app::SearchHit& hit) {
  std::string out;
  for (const auto& part : hit.snippet) {
    if (part.match) out += "[" + part.text + "]";
  }
  return out;
}

}  // namespace nt::test
