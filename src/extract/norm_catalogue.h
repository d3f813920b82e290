#pragma once
// The catalogue of norms that text can be linked to (the eleven norms of A/70/174 para 13),
// with keywords precompiled into an index for linking by subject.
//
// File format (corpus/norms.tsv), UTF-8, one norm per line, four tab-separated fields:
//
//   code <TAB> source symbol <TAB> short title <TAB> keywords
//
//   - code: "13(a)" .. "13(k)" (unique);
//   - source symbol: the document that states the norm, "A/70/174";
//   - short title: a few words in our own phrasing;
//   - keywords: phrases separated by '|', matched case-insensitively on whole words; a plural
//     "s" on the phrase's last word is tolerated ("supply chain" finds "supply chains", "CSIRT"
//     finds "CSIRTs"), other plurals must be listed ("vulnerability|vulnerabilities").
//   Blank lines and lines starting with '#' are ignored.
//
// Thread-safety: immutable after loading.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/norm.h"
#include "extract/tokenizer.h"

namespace nt::extract {

struct NormEntry {
  std::string code;           // "13(f)"
  std::string source_symbol;  // "A/70/174"
  std::string short_title;
  std::vector<std::string> keywords;

  Norm ToNorm() const { return Norm{{}, code, short_title, {}, source_symbol}; }
};

// A keyword of a norm found in a text: tokens [token_begin, token_end).
struct NormKeywordHit {
  int norm_index = -1;
  int token_begin = 0;
  int token_end = 0;
};

class NormCatalogue {
 public:
  NormCatalogue() = default;
  explicit NormCatalogue(std::vector<NormEntry> entries);

  const std::vector<NormEntry>& entries() const { return entries_; }
  int size() const { return static_cast<int>(entries_.size()); }
  // Index of the norm with this code ("13(f)", also "13 (f)" and "13f"), or nullopt.
  std::optional<int> FindCode(std::string_view code) const;

  // Every keyword occurrence in the tokenised text, in text order (overlaps allowed: one
  // phrase may be a keyword of two norms, as "critical infrastructure" is of 13(f) and 13(g)).
  std::vector<NormKeywordHit> FindKeywords(std::string_view text,
                                           const std::vector<Token>& tokens) const;

 private:
  struct Keyword {
    int norm_index = -1;
    std::vector<std::string> tokens;  // lower-cased
  };
  std::vector<NormEntry> entries_;
  std::unordered_map<std::string, std::vector<Keyword>, StringViewHash, std::equal_to<>>
      by_first_token_;
};

// "13(f)" from "13 (f)", "13f", "13(F)": the canonical form of a code, or "" if not one.
std::string NormaliseNormCode(std::string_view code);

[[nodiscard]] Result<NormCatalogue> ParseNormCatalogue(std::string_view text,
                                                       std::string_view source_name);
// Errors: kNotFound/kIo for the file, kParse for a malformed row (naming file and line).
[[nodiscard]] Result<NormCatalogue> LoadNormCatalogue(const std::filesystem::path& path);

}  // namespace nt::extract
