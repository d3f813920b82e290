#pragma once
// Agreed-language precedents: where a wording, or a near variant of it, was used before.
//
// Pure text functions (no index): words are lower-cased letter/digit runs; a text's shingles
// are its words and word pairs; a MinHash signature of the shingles estimates the Jaccard
// similarity of two texts. A paragraph is compared window by window (windows as long as the
// query), so a short formula inside a long paragraph still scores high. The word-level diff
// (longest common subsequence) shows what changed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "search/searcher.h"

namespace nt::search {

// A word of the original text with its byte range (for diffs that keep punctuation out).
struct Word {
  std::string text;  // lower-cased
  std::string original;
  std::size_t begin = 0;  // byte range in the text it came from
  std::size_t end = 0;
};
std::vector<Word> SplitWords(std::string_view text);

inline constexpr int kMinHashSize = 64;
using MinHashSignature = std::vector<std::uint64_t>;
MinHashSignature MinHash(const std::vector<Word>& words, std::size_t begin, std::size_t end);
double EstimatedSimilarity(const MinHashSignature& a, const MinHashSignature& b);

using nt::DiffOp;
using nt::DiffWord;
std::vector<DiffWord> WordDiff(const std::vector<Word>& query, const std::vector<Word>& found);

using nt::WindowMatch;
// The paragraph window most like the query.
WindowMatch BestWindow(const std::vector<Word>& query, const MinHashSignature& query_signature,
                       std::string_view paragraph);

}  // namespace nt::search

namespace nt::search {

using nt::Precedent;
using nt::PrecedentOptions;

// Earlier uses of `wording` or a near variant, oldest first (then by document, label).
// Errors: kUsage when the wording has fewer than three words.
[[nodiscard]] Result<std::vector<Precedent>> FindPrecedents(Searcher& searcher,
                                                            std::string_view wording,
                                                            const PrecedentOptions& options = {});

}  // namespace nt::search
