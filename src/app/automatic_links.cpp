#include "app/automatic_links.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/text.h"
#include "store/document_repository.h"
#include "store/link_repository.h"
#include "store/link_rule_queries.h"

namespace nt::app {
namespace {

const std::set<std::string, std::less<>>& StopWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "a", "an", "and", "are", "as", "at", "be", "both", "by", "for", "from", "has", "have", "in",
      "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "them", "they", "this",
      "to", "two", "was", "were", "which", "will", "with", "would", "each", "other", "also",
      "further", "such", "these", "those", "our", "we", "all",
      // Diplomatic framing that every commitment shares: it says who and how, not what.
      "affirmed", "affirm", "continue", "countrie", "country", "government", "side", "reaffirmed",
      "committed", "agreed", "decided", "intend", "pledged"};
  return kWords;
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
    if (!word.empty() && !StopWords().contains(word)) words.push_back(word);
    word.clear();
  };
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

struct ShingleSets {
  std::set<std::string> words;
  std::set<std::string> pairs;
};

ShingleSets Shingles(std::string_view text) {
  std::vector<std::string> words = ContentWords(text);
  ShingleSets sets;
  sets.words.insert(words.begin(), words.end());
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    sets.pairs.insert(words[i] + " " + words[i + 1]);
  return sets;
}

// |A ∩ B| / min(|A|, |B|), and |A ∩ B|, over the shingles not in `ignored`.
std::pair<double, std::size_t> Overlap(const std::set<std::string>& a,
                                       const std::set<std::string>& b,
                                       const std::set<std::string>& ignored) {
  std::size_t size_a = 0, size_b = 0, shared = 0;
  for (const auto& s : a) {
    if (ignored.contains(s)) continue;
    ++size_a;
    shared += b.contains(s) ? 1 : 0;
  }
  for (const auto& s : b) size_b += ignored.contains(s) ? 0 : 1;
  if (size_a == 0 || size_b == 0) return {0.0, 0};
  return {static_cast<double>(shared) / static_cast<double>(std::min(size_a, size_b)), shared};
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.';
}

// `needle` occurs in `text` (case-insensitively) with no word character glued to either end.
bool Cites(std::string_view text, std::string_view needle) {
  if (needle.empty()) return false;
  const std::string haystack = ToLowerAscii(text);
  const std::string lowered = ToLowerAscii(needle);
  for (std::size_t at = haystack.find(lowered); at != std::string::npos;
       at = haystack.find(lowered, at + 1)) {
    const std::size_t end = at + lowered.size();
    const bool left = at == 0 || !IsWordChar(haystack[at - 1]);
    // A sentence's final full stop may follow a symbol.
    const bool right =
        end == haystack.size() || !IsWordChar(haystack[end]) ||
        (haystack[end] == '.' && (end + 1 == haystack.size() || !IsWordChar(haystack[end + 1])));
    if (left && right) return true;
  }
  return false;
}

Result<std::string> DocumentText(store::Database& database, DocumentId id) {
  auto paragraphs = store::DocumentRepository(database).Paragraphs(id);
  if (!paragraphs) return Fail(paragraphs.error());
  std::string text;
  for (const Paragraph& p : *paragraphs) {
    if (p.is_boilerplate) continue;
    text += p.text;
    text += '\n';
  }
  return text;
}

// Which of two commitments comes later: by round when both are numbered, else by date when
// both are known, else by import order.
bool IsLater(const store::DialogueCommitment& a, const store::DialogueCommitment& b) {
  if (a.round > 0 && b.round > 0 && a.round != b.round) return a.round > b.round;
  if (!a.document_date.empty() && !b.document_date.empty() && a.document_date != b.document_date) {
    return a.document_date > b.document_date;
  }
  return a.document_id > b.document_id;
}

Result<int> LinkContinuations(store::Database& database, const Document& document,
                              const WordingSimilarity& similarity,
                              const AutomaticLinkOptions& options) {
  NT_TRY(store::DeleteExtractedCommitmentLinks(database, document.id, "continues"));
  if (!document.dialogue_id) return 0;
  auto all = store::CommitmentsInDialogue(database, document.dialogue_id);
  if (!all) return Fail(all.error());
  std::vector<const store::DialogueCommitment*> mine;
  for (const auto& c : *all) {
    if (c.document_id == document.id) mine.push_back(&c);
  }
  std::vector<const store::DialogueCommitment*> others;
  std::vector<std::string> left, right;
  for (const auto* c : mine) left.push_back(c->text);
  for (const auto& c : *all) {
    if (c.document_id == document.id) continue;
    others.push_back(&c);
    right.push_back(c.text);
  }
  const auto scores = similarity.Scores(left, right);
  store::LinkRepository links(database);
  int count = 0;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const store::DialogueCommitment* c = mine[i];
    // The closest commitment of each other document: one link per document pair and clause.
    std::map<DocumentId, std::pair<double, const store::DialogueCommitment*>> best;
    for (std::size_t j = 0; j < others.size(); ++j) {
      const double score = scores[i][j];
      if (score < options.continues_threshold) continue;
      auto& slot = best[others[j]->document_id];
      if (score > slot.first) slot = {score, others[j]};
    }
    for (const auto& [doc, match] : best) {
      const auto* later = IsLater(*c, *match.second) ? c : match.second;
      const auto* earlier = later == c ? match.second : c;
      Link link{LinkId(),
                {EntityKind::kCommitment, later->id.value},
                {EntityKind::kCommitment, earlier->id.value},
                "continues",
                Origin::kExtracted,
                std::min(1.0, match.first),
                "close wording",
                ""};
      NT_TRY(links.Upsert(link));
      ++count;
    }
  }
  return count;
}

Result<int> LinkReferences(store::Database& database, const Document& document,
                           const AutomaticLinkOptions& options) {
  NT_TRY(store::DeleteExtractedLinks(database, {EntityKind::kDocument, document.id.value},
                                     "references"));
  auto identities = store::DocumentIdentities(database);
  if (!identities) return Fail(identities.error());
  auto citable = [&](const store::DocumentIdentity& d,
                     std::vector<std::pair<std::string, double>>& needles) {
    if (!d.symbol.empty()) needles.emplace_back(d.symbol, 1.0);
    if (d.title.size() >= options.min_title_length) needles.emplace_back(d.title, 0.8);
  };
  store::LinkRepository links(database);
  int count = 0;
  auto store_link = [&](DocumentId from, DocumentId to, double confidence,
                        const std::string& needle) -> Status {
    Link link{LinkId(),
              {EntityKind::kDocument, from.value},
              {EntityKind::kDocument, to.value},
              "references",
              Origin::kExtracted,
              confidence,
              "cites " + Quoted(needle),
              ""};
    NT_TRY(links.Upsert(link));
    ++count;
    return {};
  };

  // This document citing others.
  auto text = DocumentText(database, document.id);
  if (!text) return Fail(text.error());
  for (const auto& other : *identities) {
    if (other.id == document.id) continue;
    std::vector<std::pair<std::string, double>> needles;
    citable(other, needles);
    for (const auto& [needle, confidence] : needles) {
      if (Cites(*text, needle)) {
        NT_TRY(store_link(document.id, other.id, confidence, needle));
        break;
      }
    }
  }
  // Others citing this document (imported before it).
  std::vector<std::pair<std::string, double>> needles;
  citable({document.id, document.title, document.symbol}, needles);
  std::set<DocumentId> linked;
  for (const auto& [needle, confidence] : needles) {
    auto candidates = store::DocumentsMentioning(database, needle, document.id);
    if (!candidates) return Fail(candidates.error());
    for (DocumentId candidate : *candidates) {
      if (linked.contains(candidate)) continue;
      auto other_text = DocumentText(database, candidate);
      if (!other_text) return Fail(other_text.error());
      if (!Cites(*other_text, needle)) continue;
      NT_TRY(store_link(candidate, document.id, confidence, needle));
      linked.insert(candidate);
    }
  }
  return count;
}

}  // namespace

std::vector<std::vector<double>> WordShingleSimilarity::Scores(
    const std::vector<std::string>& left, const std::vector<std::string>& right) const {
  std::vector<ShingleSets> l, r;
  for (const auto& text : left) l.push_back(Shingles(text));
  for (const auto& text : right) r.push_back(Shingles(text));
  // Words most texts share say who speaks, not what is promised.
  std::set<std::string> common;
  const std::size_t texts = l.size() + r.size();
  if (texts >= 6) {
    std::map<std::string, std::size_t> frequency;
    for (const auto* side : {&l, &r}) {
      for (const auto& sets : *side) {
        for (const auto& word : sets.words) ++frequency[word];
      }
    }
    for (const auto& [word, count] : frequency) {
      if (count * 10 > texts * 4) common.insert(word);
    }
  }
  const std::set<std::string> none;
  std::vector<std::vector<double>> scores(l.size(), std::vector<double>(r.size(), 0.0));
  for (std::size_t i = 0; i < l.size(); ++i) {
    for (std::size_t j = 0; j < r.size(); ++j) {
      const auto [words, shared] = Overlap(l[i].words, r[j].words, common);
      // Very short clauses share a word or two by chance: demand three.
      if (shared < 3) continue;
      // Shared word pairs (the same phrasing, not just the same topic) add up to a quarter.
      const double pairs = Overlap(l[i].pairs, r[j].pairs, none).first;
      scores[i][j] = std::min(1.0, words + 0.25 * pairs);
    }
  }
  return scores;
}

Result<AutomaticLinkReport> RecordAutomaticLinks(store::Database& database, DocumentId document_id,
                                                 const WordingSimilarity& similarity,
                                                 const AutomaticLinkOptions& options) {
  auto document = store::DocumentRepository(database).Get(document_id);
  if (!document) return Fail(document.error());
  AutomaticLinkReport report;
  auto continues = LinkContinuations(database, *document, similarity, options);
  if (!continues) return Fail(continues.error());
  report.continues = *continues;
  auto references = LinkReferences(database, *document, options);
  if (!references) return Fail(references.error());
  report.references = *references;
  return report;
}

}  // namespace nt::app
