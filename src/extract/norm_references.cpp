#include "extract/norm_references.h"

#include <algorithm>
#include <unordered_map>

namespace nt::extract {
namespace {

// "(f)" at token i: the letter, or 0.
char LetterInParens(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  if (i + 2 >= tokens.size()) return 0;
  if (TokenText(text, tokens[i]) != "(" || TokenText(text, tokens[i + 2]) != ")") return 0;
  std::string_view letter = TokenText(text, tokens[i + 1]);
  if (letter.size() != 1 || letter[0] < 'a' || letter[0] > 'z') return 0;
  return letter[0];
}

bool IsNormWord(std::string_view text, const Token& token) {
  return TokenIs(text, token, "norm") || TokenIs(text, token, "norms") ||
         TokenIs(text, token, "paragraph") || TokenIs(text, token, "paragraphs") ||
         TokenIs(text, token, "para") || TokenIs(text, token, "paras");
}

}  // namespace

std::vector<NormReference> FindNormReferences(std::string_view text,
                                              const std::vector<Token>& tokens,
                                              const NormCatalogue& catalogue) {
  std::vector<NormReference> refs;
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::kNumber) {
      char letter = LetterInParens(text, tokens, i + 1);
      if (letter == 0) continue;
      std::string number(TokenText(text, token));
      std::string code = number + "(" + letter + ")";
      if (!catalogue.FindCode(code)) continue;
      bool named = i > 0 && IsNormWord(text, tokens[i - 1]);
      double confidence = named ? kExplicitNormConfidence : 0.9;
      refs.push_back({code, token.begin, tokens[i + 3].end, confidence, true});
      // "13 (f) and (g)", "13 (a), (b) and (c)".
      std::size_t k = i + 4;
      while (k < n) {
        std::string_view sep = TokenText(text, tokens[k]);
        if (sep != "," && !TokenIs(text, tokens[k], "and") && !TokenIs(text, tokens[k], "or")) {
          break;
        }
        std::size_t at = k + 1;
        if (at < n && TokenIs(text, tokens[at], "and")) ++at;  // ", and (c)"
        char next = LetterInParens(text, tokens, at);
        if (next == 0) break;
        std::string next_code = number + "(" + next + ")";
        if (catalogue.FindCode(next_code)) {
          refs.push_back({next_code, tokens[at].begin, tokens[at + 2].end, confidence, true});
        }
        k = at + 3;
      }
      i = k - 1;
      continue;
    }
    // "the eleven norms", "the 11 voluntary, non-binding norms".
    if (TokenIs(text, token, "eleven") || TokenText(text, token) == "11") {
      for (std::size_t k = i + 1; k < n && k <= i + 6; ++k) {
        if (TokenIs(text, tokens[k], "norms")) {
          for (const NormEntry& entry : catalogue.entries()) {
            refs.push_back({entry.code, token.begin, tokens[k].end, kAllNormsConfidence, true});
          }
          break;
        }
      }
    }
  }
  // Keywords: one phrase that belongs to several norms counts less for each.
  std::vector<NormKeywordHit> hits = catalogue.FindKeywords(text, tokens);
  std::unordered_map<long long, int> norms_per_phrase;
  auto phrase_key = [](const NormKeywordHit& h) {
    return (static_cast<long long>(h.token_begin) << 32) | static_cast<unsigned>(h.token_end);
  };
  for (const NormKeywordHit& hit : hits) ++norms_per_phrase[phrase_key(hit)];
  for (const NormKeywordHit& hit : hits) {
    double confidence = norms_per_phrase[phrase_key(hit)] > 1 ? kSharedKeywordConfidence
                                                              : kKeywordNormConfidence;
    refs.push_back({catalogue.entries()[static_cast<std::size_t>(hit.norm_index)].code,
                    tokens[static_cast<std::size_t>(hit.token_begin)].begin,
                    tokens[static_cast<std::size_t>(hit.token_end - 1)].end, confidence, false});
  }
  std::stable_sort(refs.begin(), refs.end(),
                   [](const NormReference& a, const NormReference& b) { return a.begin < b.begin; });
  return refs;
}

std::vector<std::string> NormCodesIn(const std::vector<NormReference>& references, int begin,
                                     int end, const NormCatalogue& catalogue,
                                     double min_confidence) {
  std::vector<bool> wanted(static_cast<std::size_t>(catalogue.size()), false);
  for (const NormReference& ref : references) {
    if (ref.begin < begin || ref.end > end || ref.confidence < min_confidence) continue;
    if (auto index = catalogue.FindCode(ref.code)) wanted[static_cast<std::size_t>(*index)] = true;
  }
  std::vector<std::string> codes;
  for (int i = 0; i < catalogue.size(); ++i) {
    if (wanted[static_cast<std::size_t>(i)]) {
      codes.push_back(catalogue.entries()[static_cast<std::size_t>(i)].code);
    }
  }
  return codes;
}

}  // namespace nt::extract
