#pragma once
// A gold file of the extraction accuracy set (tests/fixtures/accuracy/README.md): what a careful
// reader finds in one document, labelled by hand.

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"

namespace nt::accuracy {

struct GoldCommitment {
  std::string fragment;  // verbatim words from the cue on
  std::string type;      // "pledge", ...
  std::set<std::string> subjects;
  int line = 0;  // in the gold file, for messages
};

struct GoldDocument {
  std::filesystem::path gold_file;
  std::string name;  // the gold file's name without .gold.tsv
  std::string source;  // as written: documents/X.txt or shared:samples/...
  std::string title;
  std::optional<std::string> date;  // nullopt: the document has none
  std::string kind;
  std::optional<std::string> dialogue;
  std::optional<int> round;
  // A long sample labelled in part: only paragraphs from the first one holding `scope_from`
  // ("" = from the start) and before the first one after it holding `scope_until` ("" = to the
  // end) are scored.
  std::string scope_from;
  std::string scope_until;
  std::vector<GoldCommitment> commitments;
};

// Parses one gold file. Errors: kParse naming the file and line.
[[nodiscard]] Result<GoldDocument> ReadGoldFile(const std::filesystem::path& file);

// The document a gold file describes: `documents/X` relative to the set's folder, or
// `shared:PATH` relative to the shared folder.
std::filesystem::path SourcePath(const GoldDocument& gold, const std::filesystem::path& set_dir,
                                 const std::filesystem::path& shared_dir);

// Lower-cased (ASCII), whitespace runs folded to one space, trimmed: how fragments and texts are
// compared.
std::string Folded(std::string_view text);

}  // namespace nt::accuracy
