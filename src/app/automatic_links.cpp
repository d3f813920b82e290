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
// Whether `haystack` (lower-cased) cites `needle` (lower-cased) as whole words.
bool Cites(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    const std::size_t end = at + needle.size();
    const bool left = at == 0 || !IsWordChar(haystack[at - 1]);
    // A sentence's final full stop may follow a symbol.
    const bool right =
        end == haystack.size() || !IsWordChar(haystack[end]) ||
        (haystack[end] == '.' && (end + 1 == haystack.size() || !IsWordChar(haystack[end + 1])));
    if (left && right) return true;
  }
  return false;
}

// The lower-cased words of a text, for a cheap "could it contain this needle" test.
std::set<std::string, std::less<>> WordsOf(std::string_view lowered) {
  std::set<std::string, std::less<>> words;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= lowered.size(); ++i) {
    const bool word = i < lowered.size() && IsWordChar(lowered[i]);
    if (word && start == std::string_view::npos) start = i;
    if (!word && start != std::string_view::npos) {
      words.emplace(lowered.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return words;
}

// The first word of a lower-cased needle ("a" of "a/70/174"), which any citing text contains.
std::string_view FirstWord(std::string_view needle) {
  std::size_t end = 0;
  while (end < needle.size() && IsWordChar(needle[end])) ++end;
  return needle.substr(0, end);
}

// Whether every word of a lower-cased needle is among `words`: a cheap test that rules out
// almost every needle before the text is searched for it.
bool HasAllWords(const std::set<std::string, std::less<>>& words, std::string_view needle) {
  for (const std::string& word : WordsOf(needle)) {
    if (!words.contains(word)) return false;
  }
  return true;
}

struct Needle {
  DocumentId document;
  std::string text;  // lower-cased symbol or title
  std::string shown;  // as written, for the link's note
  double confidence = 0.0;
};

// What makes a document citable: its symbol (certain) and a title long enough to be specific.
void AddNeedles(const store::DocumentIdentity& d, const AutomaticLinkOptions& options,
                std::vector<Needle>& needles) {
  if (!d.symbol.empty()) needles.push_back({d.id, ToLowerAscii(d.symbol), d.symbol, 1.0});
  if (d.title.size() >= options.min_title_length) {
    needles.push_back({d.id, ToLowerAscii(d.title), d.title, 0.8});
  }
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

Status StoreReference(store::LinkRepository& links, DocumentId from, const Needle& needle) {
  Link link{LinkId(),
            {EntityKind::kDocument, from.value},
            {EntityKind::kDocument, needle.document.value},
            "references",
            Origin::kExtracted,
            needle.confidence,
            "cites " + Quoted(needle.shown),
            ""};
  return links.Upsert(link);
}

// `document` citing documents already in the library. Citations of `document` by others are
// found once per import job (LinkCitationsOf), which reads the library in one pass.
Result<int> LinkReferences(store::Database& database, const Document& document,
                           const AutomaticLinkOptions& options) {
  NT_TRY(store::DeleteExtractedLinks(database, {EntityKind::kDocument, document.id.value},
                                     "references"));
  auto identities = store::DocumentIdentities(database);
  if (!identities) return Fail(identities.error());
  auto text = DocumentText(database, document.id);
  if (!text) return Fail(text.error());
  const std::string lowered = ToLowerAscii(*text);
  const auto words = WordsOf(lowered);
  store::LinkRepository links(database);
  int count = 0;
  for (const auto& other : *identities) {
    if (other.id == document.id) continue;
    std::vector<Needle> needles;
    AddNeedles(other, options, needles);
    for (const Needle& needle : needles) {
      if (!HasAllWords(words, needle.text) || !Cites(lowered, needle.text)) continue;
      NT_TRY(StoreReference(links, document.id, needle));
      ++count;
      break;
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

Result<int> LinkCitationsOf(store::Database& database, const std::vector<DocumentId>& cited,
                            const AutomaticLinkOptions& options) {
  if (cited.empty()) return 0;
  auto identities = store::DocumentIdentities(database);
  if (!identities) return Fail(identities.error());
  const std::set<DocumentId> wanted(cited.begin(), cited.end());
  std::vector<Needle> needles;
  for (const auto& identity : *identities) {
    if (wanted.contains(identity.id)) AddNeedles(identity, options, needles);
  }
  // Needles by their first word: a paragraph is only searched for needles whose first word it
  // contains, so one pass over the library costs about one word-set lookup per word.
  std::map<std::string, std::vector<const Needle*>, std::less<>> by_first_word;
  for (const Needle& needle : needles) {
    by_first_word[std::string(FirstWord(needle.text))].push_back(&needle);
  }
  std::set<std::pair<DocumentId, const Needle*>> found;  // (citing document, needle)
  std::set<std::pair<DocumentId, DocumentId>> pairs;
  NT_TRY(store::ForEachContentParagraph(database, [&](DocumentId citing, std::string_view text) {
    const std::string lowered = ToLowerAscii(text);
    const auto words = WordsOf(lowered);
    for (const std::string& word : words) {
      auto it = by_first_word.find(word);
      if (it == by_first_word.end()) continue;
      for (const Needle* needle : it->second) {
        if (needle->document == citing || pairs.contains({citing, needle->document})) continue;
        if (HasAllWords(words, needle->text) && Cites(lowered, needle->text)) {
          found.insert({citing, needle});
          pairs.insert({citing, needle->document});
        }
      }
    }
  }));
  store::LinkRepository links(database);
  for (const auto& [citing, needle] : found) NT_TRY(StoreReference(links, citing, *needle));
  return static_cast<int>(found.size());
}

}  // namespace nt::app
