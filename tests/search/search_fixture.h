#pragma once
// A library with the seed corpus imported through ImportService, its index kept by
// IndexUpkeep and searched through QueryService, as the workspace does it, for the [search]
// tests.

#include <catch2/catch.hpp>

#include <memory>

#include "app/internal/import_service.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "app/internal/index_upkeep.h"
#include "app/internal/query_service.h"
#include "app/internal/saved_searches.h"
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
  std::unique_ptr<app::IndexUpkeep> index;
  std::unique_ptr<app::QueryService> queries;
  std::unique_ptr<app::SavedSearches> saved;

  SearchFixture() {
    auto opened = app::Library::Open(app::Home::InFolder(dir / "home"),
                                     {.mode = app::OpenMode::kCreateIfMissing});
    REQUIRE(opened);
    library = std::move(*opened);
    MakeServices();
  }

  // Imports, then (indexed=true) brings the index up to date and re-runs the watches as the
  // workspace's upkeep job does; indexed=false leaves the documents queued, as an import killed
  // before its upkeep would.
  app::ImportReport Import(const std::vector<std::filesystem::path>& paths, bool indexed = true) {
    app::ImportService service(*library, registry, &Reference());
    auto report = service.Import(paths);
    REQUIRE(report);
    REQUIRE(report->AllSucceeded());
    if (indexed) {
      auto synced = index->Sync();
      if (!synced) {
        report->index_error = synced.error();
        return *report;
      }
      auto watches = saved->RunWatches();
      REQUIRE(watches);
      for (const auto& watch : *watches) {
        if (watch.new_matches > 0) {
          report->watch_matches.emplace_back(watch.search.name, watch.new_matches);
        }
      }
    }
    return *report;
  }
  void ImportCorpus() { Import({CorpusDocumentsDir()}); }

  SearchResults Search(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    auto results = queries->Search(request);
    INFO(query);
    if (!results) INFO(results.error().message);
    REQUIRE(results);
    return *results;
  }

  // Fresh services, as a new process opening the library would have; the workspace then runs
  // the index upkeep at open (workspace invariant 4), which `upkeep_at_open` does here.
  void Reopen(bool upkeep_at_open = true) {
    MakeServices();
    if (upkeep_at_open) REQUIRE(index->BringUpToDate());
  }

 private:
  void MakeServices() {
    saved.reset();
    index = std::make_unique<app::IndexUpkeep>(*library, Reference());
    queries = std::make_unique<app::QueryService>(*library, Reference());
    saved = std::make_unique<app::SavedSearches>(*library, *queries);
  }

 public:
};

inline bool HasLabel(const SearchResults& results, const std::string& label,
                     search::ItemKind kind = search::ItemKind::kParagraph) {
  for (const auto& hit : results.hits) {
    if (hit.label == label && hit.kind == kind) return true;
  }
  return false;
}

inline std::string Highlighted(const SearchHit& hit) {
  std::string out;
  for (const auto& part : hit.snippet) {
    if (part.match) out += "[" + part.text + "]";
  }
  return out;
}

}  // namespace nt::test
