#include "search/precedent.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

namespace nt::search {
namespace {

// FNV-1a, then one multiply-xorshift per hash function: cheap, stable across platforms.
std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::uint64_t Mix(std::uint64_t value, std::uint64_t seed) {
  value ^= seed * 0x9E3779B97F4A7C15ull;
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdull;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ull;
  value ^= value >> 33;
  return value;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Character 4-grams of the words run together: "cyber space" and "cyberspace" look alike.
std::set<std::string> CharGrams(const std::vector<Word>& words, std::size_t begin,
                                std::size_t end) {
  std::string joined;
  for (std::size_t i = begin; i < end; ++i) joined += words[i].text;
  std::set<std::string> grams;
  for (std::size_t i = 0; i + 4 <= joined.size(); ++i) grams.insert(joined.substr(i, 4));
  return grams;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  std::size_t common = 0;
  for (const std::string& gram : a) common += b.count(gram);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t begin = i;
    while (i < text.size() && (IsWordByte(static_cast<unsigned char>(text[i])) ||
                               (text[i] == '\'' && i + 1 < text.size() &&
                                IsWordByte(static_cast<unsigned char>(text[i + 1]))))) {
      ++i;
    }
    if (i > begin) {
      Word word;
      word.original = std::string(text.substr(begin, i - begin));
      word.begin = begin;
      word.end = i;
      for (char c : word.original) {
        word.text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      words.push_back(std::move(word));
    }
  }
  return words;
}

MinHashSignature MinHash(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
  MinHashSignature signature(kMinHashSize, std::numeric_limits<std::uint64_t>::max());
  auto add = [&](std::uint64_t shingle) {
    for (int k = 0; k < kMinHashSize; ++k) {
      signature[static_cast<std::size_t>(k)] = std::min(
          signature[static_cast<std::size_t>(k)], Mix(shingle, static_cast<std::uint64_t>(k) + 1));
    }
  };
  // Shingles: every word (robust to reordering) and every word pair (rewards the same order).
  for (std::size_t i = begin; i < end; ++i) {
    add(Fnv1a(words[i].text));
    if (i + 1 < end) add(Fnv1a(words[i].text + " " + words[i + 1].text) ^ 0x5bd1e995ull);
  }
  return signature;
}

double EstimatedSimilarity(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i] && a[i] != std::numeric_limits<std::uint64_t>::max()) ++same;
  }
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<DiffWord> WordDiff(const std::vector<Word>& query, const std::vector<Word>& found) {
  const std::size_t n = query.size(), m = found.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = query[i].text == found[j].text ? lcs[i + 1][j + 1] + 1
                                                 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<DiffWord> diff;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && query[i].text == found[j].text) {
      diff.push_back({DiffOp::kSame, found[j].original});
      ++i;
      ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      diff.push_back({DiffOp::kAdded, found[j].original});
      ++j;
    } else {
      diff.push_back({DiffOp::kRemoved, query[i].original});
      ++i;
    }
  }
  return diff;
}

WindowMatch BestWindow(const std::vector<Word>& query, const MinHashSignature& query_signature,
                       std::string_view paragraph) {
  const std::vector<Word> words = SplitWords(paragraph);
  WindowMatch best;
  if (words.empty() || query.empty()) return best;
  const std::size_t length = std::min(query.size(), words.size());
  for (std::size_t begin = 0; begin + length <= words.size(); ++begin) {
    double similarity = EstimatedSimilarity(query_signature, MinHash(words, begin, begin + length));
    if (similarity > best.similarity) {
      best.similarity = similarity;
      best.begin = begin;
      best.end = begin + length;
    }
  }
  // Let the window grow or shrink by a word or two at either end when that matches better
  // (an inserted or dropped word shifts the formula's length).
  auto score = [&](std::size_t b, std::size_t e) {
    return EstimatedSimilarity(query_signature, MinHash(words, b, e));
  };
  for (bool improved = true; improved;) {
    improved = false;
    const std::size_t b = best.begin, e = best.end;
    const std::pair<std::size_t, std::size_t> moves[] = {{b > 0 ? b - 1 : b, e},
                                                         {b, e < words.size() ? e + 1 : e},
                                                         {b + 1 < e ? b + 1 : b, e},
                                                         {b, e > b + 1 ? e - 1 : e}};
    for (auto [nb, ne] : moves) {
      if (nb == b && ne == e) continue;
      double s = score(nb, ne);
      if (s > best.similarity + 1e-9) {
        best.similarity = s;
        best.begin = nb;
        best.end = ne;
        improved = true;
        break;
      }
    }
  }
  // The MinHash estimate chose the region; its exact edges are those whose characters best
  // cover the query's, so a split or joined word ("cyber space") stays inside the window.
  const auto query_grams = CharGrams(query, 0, query.size());
  double best_cover = Jaccard(query_grams, CharGrams(words, best.begin, best.end));
  const std::size_t around_begin = best.begin, around_end = best.end;
  for (std::size_t b = around_begin > 2 ? around_begin - 2 : 0; b <= around_begin + 2; ++b) {
    for (std::size_t e = around_end > 2 ? around_end - 2 : 0;
         e <= std::min(words.size(), around_end + 2); ++e) {
      if (e <= b) continue;
      double cover = Jaccard(query_grams, CharGrams(words, b, e));
      if (cover > best_cover + 1e-9) {
        best_cover = cover;
        best.begin = b;
        best.end = e;
      }
    }
  }
  std::vector<Word> window(words.begin() + static_cast<std::ptrdiff_t>(best.begin),
                           words.begin() + static_cast<std::ptrdiff_t>(best.end));
  best.diff = WordDiff(query, window);
  if (!window.empty()) {
    best.excerpt = std::string(
        paragraph.substr(window.front().begin, window.back().end - window.front().begin));
  }
  return best;
}

Result<std::vector<Precedent>> FindPrecedents(Searcher& searcher, std::string_view wording,
                                              const PrecedentOptions& options) {
  const std::vector<Word> query = SplitWords(wording);
  if (query.size() < 3) {
    return Fail(ErrorCode::kUsage,
                "A precedent search needs a wording of at least three words, such as \"an open, "
                "interoperable, reliable and secure cyberspace\".");
  }
  auto candidates = searcher.Candidates(std::string(wording), options.candidates);
  if (!candidates) return Fail(candidates.error());
  const MinHashSignature signature = MinHash(query, 0, query.size());
  std::vector<Precedent> found;
  for (SearchHit& hit : *candidates) {
    WindowMatch match = BestWindow(query, signature, hit.text);
    if (match.similarity < options.min_similarity) continue;
    bool exact = std::all_of(match.diff.begin(), match.diff.end(),
                             [](const DiffWord& w) { return w.op == DiffOp::kSame; });
    found.push_back({std::move(hit), std::move(match), exact});
  }
  auto in_date_order = [](const Precedent& a, const Precedent& b) {
    if (a.hit.date != b.hit.date) return a.hit.date < b.hit.date;
    if (a.hit.document_id != b.hit.document_id) return a.hit.document_id < b.hit.document_id;
    return a.hit.paragraph_id < b.hit.paragraph_id;
  };
  // The limit keeps the closest uses (a low threshold must not crowd out the exact one with
  // older, looser ones); those are then shown oldest first.
  if (static_cast<int>(found.size()) > options.limit) {
    std::stable_sort(found.begin(), found.end(), [&](const Precedent& a, const Precedent& b) {
      if (a.match.similarity != b.match.similarity) return a.match.similarity > b.match.similarity;
      return in_date_order(a, b);
    });
    found.resize(static_cast<std::size_t>(std::max(options.limit, 0)));
  }
  std::stable_sort(found.begin(), found.end(), in_date_order);
  return found;
}

}  // namespace nt::search
