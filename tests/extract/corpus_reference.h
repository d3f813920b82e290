#pragma once
// The shipped gazetteer and norms catalogue (corpus/actors.tsv, corpus/norms.tsv), loaded once
// per test executable and shared by the extraction tests.

#include <catch2/catch.hpp>
#include <string_view>

#include "extract/gazetteer.h"
#include "extract/norm_catalogue.h"
#include "support/test_paths.h"

namespace nt::test {

inline const extract::Gazetteer& CorpusGazetteer() {
  static const extract::Gazetteer gazetteer = [] {
    auto loaded = extract::LoadGazetteer(CorpusDir() / "actors.tsv");
    if (!loaded) FAIL(loaded.error().message);
    return std::move(*loaded);
  }();
  return gazetteer;
}

inline const extract::NormCatalogue& CorpusNorms() {
  static const extract::NormCatalogue catalogue = [] {
    auto loaded = extract::LoadNormCatalogue(CorpusDir() / "norms.tsv");
    if (!loaded) FAIL(loaded.error().message);
    return std::move(*loaded);
  }();
  return catalogue;
}

// The gazetteer index of an actor that must exist.
inline int ActorIndex(std::string_view name) {
  auto index = CorpusGazetteer().Find(name);
  REQUIRE(index);
  return *index;
}

}  // namespace nt::test
