#pragma once
// Extraction tests over fixture files: a fixture under tests/fixtures/extract/<folder>/ is read
// through the importers' registry, as an import does, then extracted with the corpus gazetteer
// and norms; helpers describe and find the commitments.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_io.h"
#include "extract/commitment_roles.h"
#include "extract/corpus_reference.h"
#include "extract/document_extractor.h"
#include "importers/registry.h"
#include "support/test_paths.h"

namespace nt::test {

struct Extracted {
  ImportedDocument document;
  extract::DocumentExtraction extraction;
};

inline Extracted ExtractFixtureIn(const std::string& folder, const std::string& name) {
  const std::filesystem::path path = FixturesDir() / "extract" / folder / name;
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.has_value());
  auto read = importers::Registry::WithBuiltinFormats().Read({path, std::move(*bytes)});
  REQUIRE(read.has_value());
  auto extraction = extract::ExtractDocument(read->document, CorpusGazetteer(), CorpusNorms());
  REQUIRE(extraction.has_value());
  return {std::move(read->document), std::move(*extraction)};
}

// One line per commitment: type, cue, text and actors with their roles, for failure messages.
inline std::string Describe(const Extracted& e) {
  std::string out;
  for (const extract::ExtractedCommitment& c : e.extraction.commitments) {
    out += std::string(ToString(c.type)) + " [" + c.cue + "] " + c.text + " {";
    for (const extract::ExtractedActorRef& a : c.actors) {
      out += CorpusGazetteer().actor(a.actor_index).canonical_name + "/" +
             std::to_string(static_cast<int>(a.role)) + " ";
    }
    out += "}\n";
  }
  return out;
}

// The commitment whose text contains `fragment`, or null.
inline const extract::ExtractedCommitment* Find(const Extracted& e, std::string_view fragment) {
  for (const extract::ExtractedCommitment& c : e.extraction.commitments) {
    if (c.text.find(fragment) != std::string::npos) return &c;
  }
  return nullptr;
}

// The commitment containing `fragment` exists and has this type and these subjects (sorted).
inline void Expect(const Extracted& e, std::string_view fragment, CommitmentType type,
                   const std::vector<int>& subjects) {
  INFO("fragment: " << fragment);
  const extract::ExtractedCommitment* c = Find(e, fragment);
  REQUIRE(c != nullptr);
  CHECK(c->type == type);
  CHECK(WithRole(*c, ActorRole::kSubject) == subjects);
}

// Whether some commitment's text contains `fragment`.
inline bool Taken(const Extracted& e, std::string_view fragment) {
  return Find(e, fragment) != nullptr;
}

// Gazetteer indices of the named actors, sorted.
inline std::vector<int> Actors(std::initializer_list<std::string_view> names) {
  std::vector<int> out;
  for (std::string_view name : names) out.push_back(ActorIndex(name));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace nt::test
