#pragma once
// A fresh library in a temporary folder whose imports extract commitments, actors, dialogues and
// links with the shipped reference data, as `normtrack import` does. Shared by the app tests.

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <vector>

#include "app/internal/import_service.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace nt::test {

inline const app::ReferenceData& ShippedReference() {
  static const app::ReferenceData reference = [] {
    auto loaded = app::ReferenceData::Load(CorpusDir());
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return reference;
}

struct ExtractingLibrary {
  TempDir dir;
  importers::Registry registry = importers::Registry::WithBuiltinFormats();
  std::unique_ptr<app::Library> library;

  ExtractingLibrary() {
    auto opened = app::Library::Open(app::Home::InFolder(dir / "home"),
                                     {.mode = app::OpenMode::kCreateIfMissing});
    REQUIRE(opened);
    library = std::move(*opened);
  }

  // Imports with extraction; every file must succeed.
  app::ImportReport Import(const std::vector<std::filesystem::path>& paths) {
    app::ImportService service(*library, registry, &ShippedReference());
    auto report = service.Import(paths);
    REQUIRE(report);
    for (const auto& file : report->files) {
      INFO(file.path << ": " << (file.error ? file.error->message : ""));
      REQUIRE(file.outcome != app::ImportOutcome::kFailed);
    }
    return *report;
  }
};

}  // namespace nt::test
