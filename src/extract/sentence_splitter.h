#pragma once
// Sentence segmentation of a paragraph, on top of ICU's sentence BreakIterator, with a second
// pass that re-joins breaks after abbreviations diplomatic texts use ("U.S.", "e.g.", "No.",
// "Art.", "Dr.", initials such as "Donald J. Trump"): "the U.S. Department of Homeland
// Security's (DHS) Automated..." stays one sentence.
//
// Thread-safety: one SentenceSplitter per thread (ICU break iterators keep state).

#include <memory>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace nt::extract {

// A half-open byte range [begin, end) of UTF-8 text.
struct TextSpan {
  int begin = 0;
  int end = 0;
  auto operator<=>(const TextSpan&) const = default;
};

class SentenceSplitter {
 public:
  // Errors: kInternal when ICU cannot create an English sentence iterator (missing ICU data).
  [[nodiscard]] static Result<SentenceSplitter> Create();

  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;
  ~SentenceSplitter();

  // Sentences of `text` as UTF-8 byte ranges, trimmed of surrounding white space, in order.
  // Empty for empty or blank text. Errors: kInternal if ICU rejects the text.
  [[nodiscard]] Result<std::vector<TextSpan>> Split(std::string_view text);

 private:
  struct Impl;
  explicit SentenceSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nt::extract
