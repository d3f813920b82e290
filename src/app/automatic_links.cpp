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
      "a", "an", "and", "are", "as", "at", "be", "both", "by", "for", "from", "has", "have",
      "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "them",
      "they", "this", "to", "two", "was", "were", "which", "will", "with", "would", "each",
      "other", "also", "further", "such", "these", "those", "our", "we", "all"};
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

std::set<std::string> Shingles(std::string_view text) {
  std::vector<std::string> words = ContentWords(text);
  std::set<std::string> shingles(words.begin(), words.end());
  for (std::size_t i = 0; i + 1 < words.size(); ++i) shingles.insert(words[i] + " " + words[i + 1]);
  return shingles;
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
    const bool right = end == haystack.size() || !IsWordChar(haystack[end]) ||
                       (haystack[end] == '.' && (end + 1 == haystack.size() ||
                                                 !IsWordChar(haystack[end + 1])));
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

// Which of two commitments comes later: by round when both are numbered, else by date.
bool IsLater(const store::DialogueCommitment& a, const store::DialogueCommitment& b) {
  if (a.round > 0 && b.round > 0 && a.round != b.round) return a.round > b.round;
  if (a.document_date != b.document_date) return a.document_date > b.document_date;
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
  store::LinkRepository links(database);
  int count = 0;
  for (const store::DialogueCommitment* c : mine) {
    // The closest commitment of each other document: one link per document pair and clause.
    std::map<DocumentId, std::pair<double, const store::DialogueCommitment*>> best;
    for (const auto& other : *all) {
      if (other.document_id == document.id) continue;
      double score = similarity.Score(c->text, other.text);
      if (score < options.continues_threshold) continue;
      auto& slot = best[other.document_id];
      if (score > slot.first) slot = {score, &other};
    }
    for (const auto& [doc, match] : best) {
      const auto* later = IsLater(*c, *match.second) ? c : match.second;
      const auto* earlier = later == c ? match.second : c;
      Link link{LinkId(), {EntityKind::kCommitment, later->id.value},
                {EntityKind::kCommitment, earlier->id.value}, "continues", Origin::kExtracted,
                std::min(1.0, match.first), "close wording", ""};
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
  auto citable = [&](const store::DocumentIdentity& d, std::vector<std::pair<std::string, double>>&
                                                           needles) {
    if (!d.symbol.empty()) needles.emplace_back(d.symbol, 1.0);
    if (d.title.size() >= options.min_title_length) needles.emplace_back(d.title, 0.8);
  };
  store::LinkRepository links(database);
  int count = 0;
  auto store_link = [&](DocumentId from, DocumentId to, double confidence,
                        const std::string& needle) -> Status {
    Link link{LinkId(), {EntityKind::kDocument, from.value}, {EntityKind::kDocument, to.value},
              "references", Origin::kExtracted, confidence, "cites " + Quoted(needle), ""};
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

double WordShingleSimilarity::Score(std::string_view a, std::string_view b) const {
  std::set<std::string> x = Shingles(a), y = Shingles(b);
  if (x.empty() || y.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& s : x) shared += y.contains(s) ? 1 : 0;
  // Very short clauses ("agreed to meet") share little by chance; demand a few shingles.
  if (shared < 3) return 0;
  return static_cast<double>(shared) / static_cast<double>(std::min(x.size(), y.size()));
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
