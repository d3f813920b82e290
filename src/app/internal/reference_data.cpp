#include "app/internal/reference_data.h"

#include "core/platform.h"

namespace nt::app {

Result<ReferenceData> ReferenceData::Load(const std::filesystem::path& folder) {
  auto gazetteer = extract::LoadGazetteer(folder / "actors.tsv");
  if (!gazetteer) return Fail(gazetteer.error());
  auto norms = extract::LoadNormCatalogue(folder / "norms.tsv");
  if (!norms) return Fail(norms.error());
  return ReferenceData{std::move(*gazetteer), std::move(*norms)};
}

Result<const ReferenceData*> ReferenceData::Shipped() {
  // Function-local statics initialise once, thread-safely; a load error is kept and repeated.
  static const Result<ReferenceData> shipped = Load(DefaultFolder());
  if (!shipped) return Fail(shipped.error());
  return &*shipped;
}

std::filesystem::path ReferenceData::DefaultFolder() {
  if (std::string folder = platform::GetEnv("NORMTRACK_CORPUS"); !folder.empty()) {
    return platform::PathFromUtf8(folder);
  }
  std::error_code ec;
  if (auto exe = platform::ExecutablePath(); !exe.empty()) {
    auto installed = exe.parent_path().parent_path() / "share" / "normtrack" / "corpus";
    if (std::filesystem::exists(installed / "actors.tsv", ec)) return installed;
  }
  return platform::PathFromUtf8(NORMTRACK_SOURCE_CORPUS_DIR);
}

}  // namespace nt::app
