#pragma once
// Links text to norms of the catalogue: explicitly ("norm 13 (f)", "paragraph 13(a) of
// A/70/174", "13 (f) and (g)", "the eleven norms") or by the subject keywords each catalogue
// entry lists ("supply chain" -> 13(i)), with a confidence that says which.

#include <string>
#include <string_view>
#include <vector>

#include "extract/norm_catalogue.h"
#include "extract/tokenizer.h"

namespace nt::extract {

// Confidence of each way of referring to a norm.
inline constexpr double kExplicitNormConfidence = 1.0;    // "norm 13 (f)"
inline constexpr double kAllNormsConfidence = 0.8;        // "the eleven norms"
inline constexpr double kKeywordNormConfidence = 0.6;     // a keyword of one norm
inline constexpr double kSharedKeywordConfidence = 0.5;   // a keyword shared by several norms

struct NormReference {
  std::string code;  // "13(f)"
  int begin = 0;     // byte offsets of the words that refer to it
  int end = 0;
  double confidence = 0.0;
  bool is_explicit = false;
};

// References in text order; one code may be referenced several times.
std::vector<NormReference> FindNormReferences(std::string_view text,
                                              const std::vector<Token>& tokens,
                                              const NormCatalogue& catalogue);

// The distinct codes referenced inside [begin, end) with at least `min_confidence`, in
// catalogue order.
std::vector<std::string> NormCodesIn(const std::vector<NormReference>& references, int begin,
                                     int end, const NormCatalogue& catalogue,
                                     double min_confidence = kSharedKeywordConfidence);

}  // namespace nt::extract
