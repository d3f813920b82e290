#pragma once
// A deterministic synthetic corpus for the import benchmark: joint statements (plain text) and
// UN-report-style documents (Markdown) shaped like the real ones in corpus/documents — a title,
// a dateline, numbered paragraphs with sub-items and sub-headings, actors taken from the
// gazetteer, commitment cues ("affirmed that they will", "committed to", "should") and norm
// references — so that every stage of an import does the work it does on real documents.
//
// The same seed gives the same bytes on every platform (no std:: distributions, whose output
// the standard leaves to the library).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"

namespace nt::bench {

struct SyntheticCorpusOptions {
  int documents = 10000;
  std::uint64_t seed = 42;
  std::vector<std::string> states;         // actor names to write (canonical names)
  std::vector<std::string> organisations;  // agencies and organisations
};

struct SyntheticCorpus {
  std::vector<std::filesystem::path> files;  // in the order written
  std::uintmax_t bytes = 0;
};

// One document's text; `markdown` chooses the UN-report layout, else a joint statement.
std::string SyntheticDocument(const SyntheticCorpusOptions& options, int index, bool markdown);

// Writes options.documents files into `folder` (created when missing): about 60% joint
// statements as .txt, 40% reports as .md. Errors: kIo when a file cannot be written.
[[nodiscard]] Result<SyntheticCorpus> WriteSyntheticCorpus(const std::filesystem::path& folder,
                                                           const SyntheticCorpusOptions& options);

}  // namespace nt::bench
