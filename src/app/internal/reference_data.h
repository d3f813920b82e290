#pragma once
// The data NormTrack ships and extraction relies on: the actor gazetteer and the norms
// catalogue (corpus/actors.tsv, corpus/norms.tsv). Loaded once per process and shared.
// Thread-safety: immutable after loading.

#include <filesystem>

#include "core/error.h"
#include "extract/gazetteer.h"
#include "extract/norm_catalogue.h"

namespace nt::app {

struct ReferenceData {
  extract::Gazetteer gazetteer;
  extract::NormCatalogue norms;

  // Loads actors.tsv and norms.tsv from `folder`. Errors name the file and line.
  [[nodiscard]] static Result<ReferenceData> Load(const std::filesystem::path& folder);

  // The shipped reference data (from DefaultFolder()), loaded on first use and shared by every
  // import of the process. Thread-safe.
  [[nodiscard]] static Result<const ReferenceData*> Shipped();

  // Where the shipped corpus folder is: $NORMTRACK_CORPUS, else share/normtrack/corpus beside
  // the installed program, else the source tree's corpus/ (development builds).
  static std::filesystem::path DefaultFolder();
};

}  // namespace nt::app
