#include "app/internal/automatic_links.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "search/minhash_lsh.h"
#include "search/precedent.h"
#include "store/document_repository.h"
#include "store/link_repository.h"
#include "store/link_rule_queries.h"

namespace nt::app {
namespace {

// ---------------------------------------------------------------------------------------------
// "continues": what a commitment promises, as MinHash signatures of its content words.

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "and", "are", "as", "at", "be", "both", "by", "for", "from", "has", "have", "in",
      "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "them", "they", "this",
      "to", "two", "was", "were", "which", "will", "with", "would", "each", "other", "also",
      "further", "such", "these", "those", "our", "we", "all",
      // Diplomatic framing that every commitment shares: it says who and how, not what.
      "affirmed", "affirm", "continue", "countrie", "country", "government", "side", "reaffirmed",
      "committed", "agreed", "decided", "intend", "pledged"};
  return kWords;
}

// Lower-cased words without a plural "s" ("threats" and "threat" are one word).
std::vector<search::Word> NormalisedWords(std::string_view text) {
  std::vector<search::Word> words = search::SplitWords(text);
  for (search::Word& word : words) {
    std::string& w = word.text;
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  }
  return words;
}

// The words of a commitment that say what is promised: not stop words or framing, nor the
// words of `who` (the names of those bound: "Japan and the United States" begins most clauses
// of their dialogue and says nothing of what they promise).
std::vector<search::Word> ContentWords(std::string_view text, std::string_view who) {
  std::unordered_set<std::string> names;
  for (search::Word& word : NormalisedWords(who)) names.insert(std::move(word.text));
  std::vector<search::Word> words;
  for (search::Word& word : NormalisedWords(text)) {
    if (!StopWords().contains(word.text) && !names.contains(word.text)) {
      words.push_back(std::move(word));
    }
  }
  return words;
}

// Very short clauses share a word or two by chance: they never continue anything.
constexpr std::size_t kMinContentWords = 3;

// A clause's MinHash signature (empty when it is too short to compare) and the number of
// distinct shingles it summarises: its words and word pairs, as search::MinHash takes them.
struct Wording {
  search::MinHashSignature signature;
  std::size_t shingles = 0;
};

Wording WordingOf(std::string_view text, std::string_view who) {
  const std::vector<search::Word> words = ContentWords(text, who);
  if (words.size() < kMinContentWords) return {};
  std::unordered_set<std::string> shingles;
  for (std::size_t i = 0; i < words.size(); ++i) {
    shingles.insert(words[i].text);
    if (i + 1 < words.size()) shingles.insert(words[i].text + " " + words[i + 1].text);
  }
  return {search::MinHash(words, 0, words.size()), shingles.size()};
}

// How much of the shorter wording the longer one holds (|A ∩ B| / min(|A|, |B|)), from the
// MinHash estimate J of the Jaccard similarity: |A ∩ B| = J (|A| + |B|) / (1 + J). A later
// round's clause often restates an earlier one in fewer words, or adds to it; Jaccard alone
// would count the difference in length as a difference in substance.
double Containment(const Wording& a, const Wording& b) {
  if (a.signature.empty() || b.signature.empty()) return 0;
  const double j = search::EstimatedSimilarity(a.signature, b.signature);
  const double shared = j * static_cast<double>(a.shingles + b.shingles) / (1 + j);
  return std::min(1.0, shared / static_cast<double>(std::min(a.shingles, b.shingles)));
}

// A commitment as the "continues" rule sees it.
struct Clause {
  CommitmentId id;
  DocumentId document;
  int round = 0;     // 0 = unnumbered or none
  std::string date;  // the document's, else its round's start
  Wording wording;
};

Clause ToClause(const store::DialogueCommitment& c) {
  return {c.id, c.document_id, c.round, c.document_date, WordingOf(c.text, c.subject_names)};
}

// Whether `a` was said after (> 0) or before (< 0) `b`: by round when both are numbered, else by
// date when both are known (a partial date that is a prefix of the other tells nothing); 0 when
// neither is earlier (the same round: the two sides' press releases of one meeting).
int Order(const Clause& a, const Clause& b) {
  if (a.round > 0 && b.round > 0) return a.round - b.round;
  if (a.date.empty() || b.date.empty()) return 0;
  const std::size_t common = std::min(a.date.size(), b.date.size());
  return a.date.compare(0, common, b.date, 0, common);
}

// ---------------------------------------------------------------------------------------------
// "references": symbols and titles cited as whole words.

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.';
}

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

// The distinct words of a lower-cased text (views into it), each also without the full stops
// around it ("a/70/174." ends a sentence), for a cheap "could it contain this needle" test.
using WordSet = std::unordered_set<std::string_view>;
WordSet WordsOf(std::string_view lowered) {
  WordSet words;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= lowered.size(); ++i) {
    const bool word = i < lowered.size() && IsWordChar(lowered[i]);
    if (word && start == std::string_view::npos) start = i;
    if (!word && start != std::string_view::npos) {
      std::string_view w = lowered.substr(start, i - start);
      words.insert(w);
      while (!w.empty() && w.back() == '.') w.remove_suffix(1);
      while (!w.empty() && w.front() == '.') w.remove_prefix(1);
      if (!w.empty()) words.insert(w);
      start = std::string_view::npos;
    }
  }
  return words;
}

struct Needle {
  DocumentId document;
  std::string text;   // lower-cased symbol or title
  std::string shown;  // as written, for the link's note
  double confidence = 0.0;
  std::vector<std::string> words;  // of `text`, distinct
  std::string key;                 // the word it is filed under (NeedleIndex)
};

// The citable names of documents (symbols, and titles long enough to be specific), filed under
// the word of each that fewest names share, so a text is checked only against the names whose
// rarest word it contains.
class NeedleIndex {
 public:
  explicit NeedleIndex(std::size_t min_title_length) : min_title_length_(min_title_length) {}

  // Files `d`'s names, replacing what it had.
  void Put(DocumentId id, std::string_view title, std::string_view symbol) {
    Remove(id);
    std::vector<Needle>& needles = by_document_[id];
    auto add = [&](std::string_view shown, double confidence) {
      Needle needle{id, ToLowerAscii(shown), std::string(shown), confidence, {}, {}};
      const WordSet words = WordsOf(needle.text);
      needle.words.assign(words.begin(), words.end());
      if (needle.words.empty()) return;
      for (const std::string& w : needle.words) ++frequency_[w];
      needles.push_back(std::move(needle));
    };
    if (!symbol.empty()) add(symbol, 1.0);
    if (title.size() >= min_title_length_) add(title, 0.8);
    for (Needle& needle : needles) {
      needle.key = *std::min_element(needle.words.begin(), needle.words.end(),
                                     [&](const std::string& a, const std::string& b) {
                                       return frequency_[a] < frequency_[b];
                                     });
      by_key_[needle.key].push_back(id);
    }
    if (needles.empty()) by_document_.erase(id);
  }

  void Remove(DocumentId id) {
    auto found = by_document_.find(id);
    if (found == by_document_.end()) return;
    for (const Needle& needle : found->second) {
      for (const std::string& w : needle.words) --frequency_[w];
      auto& filed = by_key_[needle.key];
      filed.erase(std::find(filed.begin(), filed.end(), id));
    }
    by_document_.erase(found);
  }

  // The documents other than `self` that `lowered` (with its `words`) cites, each once, with
  // the first of its names found (the symbol before the title), in no particular order.
  std::vector<const Needle*> CitedBy(std::string_view lowered, const WordSet& words,
                                     DocumentId self) const {
    std::vector<const Needle*> found;
    std::unordered_set<DocumentId> cited;
    for (std::string_view word : words) {
      auto filed = by_key_.find(std::string(word));
      if (filed == by_key_.end()) continue;
      for (DocumentId id : filed->second) {
        if (id == self || cited.contains(id)) continue;
        for (const Needle& needle : by_document_.at(id)) {
          if (!std::all_of(needle.words.begin(), needle.words.end(),
                           [&](const std::string& w) { return words.contains(w); }) ||
              !Cites(lowered, needle.text)) {
            continue;
          }
          found.push_back(&needle);
          cited.insert(id);
          break;
        }
      }
    }
    return found;
  }

 private:
  std::size_t min_title_length_;
  std::unordered_map<DocumentId, std::vector<Needle>> by_document_;
  std::unordered_map<std::string, std::vector<DocumentId>> by_key_;
  std::unordered_map<std::string, int> frequency_;  // needles containing each word
};

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

}  // namespace

double WordingSimilarity(std::string_view a, std::string_view b, std::string_view who) {
  return Containment(WordingOf(a, who), WordingOf(b, who));
}

// The library's citable names, read once and kept up to date by the job.
class AutomaticLinker::Citations {
 public:
  explicit Citations(const AutomaticLinkOptions& options) : index_(options.min_title_length) {}

  // Reads every document's identity but `pending`'s (its transaction may still roll back).
  Status Load(store::Database& database, DocumentId pending) {
    if (loaded_) return {};
    auto identities = store::DocumentIdentities(database);
    if (!identities) return Fail(identities.error());
    for (const auto& identity : *identities) {
      if (identity.id != pending) Put(identity.id, identity.title, identity.symbol);
    }
    loaded_ = true;
    return {};
  }

  void Put(DocumentId id, std::string_view title, std::string_view symbol) {
    index_.Put(id, title, symbol);
    identities_[id] = {id, std::string(title), std::string(symbol)};
  }

  const NeedleIndex& index() const { return index_; }
  const store::DocumentIdentity* Identity(DocumentId id) const {
    auto found = identities_.find(id);
    return found == identities_.end() ? nullptr : &found->second;
  }

 private:
  bool loaded_ = false;
  NeedleIndex index_;
  std::unordered_map<DocumentId, store::DocumentIdentity> identities_;
};

// Which documents belong to which dialogue, read once per job, and each dialogue's commitments,
// read the first time a document of it is linked, in an LSH index of their signatures.
class AutomaticLinker::Continuations {
 public:
  struct Dialogue {
    // One value per band: a short clause restated inside a long one has a Jaccard similarity
    // as low as 0.1, which shares one of 64 single-value bands with probability 0.999 (two
    // values per band: 0.28). A probe then sees the dialogue's clauses that share a word with
    // it, never the rest of the library.
    search::MinHashLsh lsh{1};
    std::unordered_map<std::int64_t, Clause> clauses;  // by commitment id
    std::unordered_map<DocumentId, std::vector<std::int64_t>> by_document;
  };

  // The dialogue's index, read without `pending`'s commitments (its transaction may still
  // roll back; Replace adds them once it has committed).
  Result<Dialogue*> Get(store::Database& database, DialogueId id, DocumentId pending) {
    if (!membership_loaded_) {
      auto all = store::DocumentDialogues(database);
      if (!all) return Fail(all.error());
      for (const auto& [document, dialogue] : *all) {
        if (document != pending) Join(document, dialogue);
      }
      membership_loaded_ = true;
    }
    auto found = dialogues_.find(id);
    if (found != dialogues_.end()) return &found->second;
    Dialogue& dialogue = dialogues_[id];
    for (DocumentId document : members_[id]) {
      auto commitments = store::CommitmentsOfDocument(database, document);
      if (!commitments) {
        dialogues_.erase(id);
        return Fail(commitments.error());
      }
      for (const auto& c : *commitments) Add(dialogue, ToClause(c));
    }
    return &dialogue;
  }

  // What `document` now is: a member of dialogue `id` (none when 0) with `clauses`.
  void Replace(DocumentId document, DialogueId id, std::vector<Clause> clauses) {
    if (!membership_loaded_) return;  // nothing read yet: Get will read the committed state
    if (auto was = dialogue_of_.find(document); was != dialogue_of_.end()) {
      std::erase(members_[was->second], document);
      if (auto d = dialogues_.find(was->second); d != dialogues_.end()) {
        for (std::int64_t c : d->second.by_document[document]) {
          d->second.lsh.Remove(c);
          d->second.clauses.erase(c);
        }
        d->second.by_document.erase(document);
      }
      dialogue_of_.erase(was);
    }
    if (!id) return;
    Join(document, id);
    auto d = dialogues_.find(id);
    if (d == dialogues_.end()) return;  // not read yet: read with its members when needed
    for (Clause& clause : clauses) Add(d->second, std::move(clause));
  }

 private:
  void Join(DocumentId document, DialogueId id) {
    members_[id].push_back(document);
    dialogue_of_[document] = id;
  }

  static void Add(Dialogue& dialogue, Clause clause) {
    const std::int64_t key = clause.id.value;
    dialogue.by_document[clause.document].push_back(key);
    if (!clause.wording.signature.empty()) dialogue.lsh.Add(key, clause.wording.signature);
    dialogue.clauses.emplace(key, std::move(clause));
  }

  bool membership_loaded_ = false;
  std::unordered_map<DialogueId, std::vector<DocumentId>> members_;
  std::unordered_map<DocumentId, DialogueId> dialogue_of_;
  std::unordered_map<DialogueId, Dialogue> dialogues_;
};

namespace {

struct ContinuesLink {
  CommitmentId source;  // the later commitment
  CommitmentId target;
  double score = 0;
};

// The "continues" links between `mine` (the clauses of document `self`) and the other
// documents of their dialogue. A pair of clauses close enough is linked when each is the other's
// closest in its document, or either is: when one clause of `self` is the closest of another
// document's clause, or one of that document's clauses the closest of a clause of `self`. The
// rule is symmetric in the two documents, so the links are a function of the library's
// content, whichever of the two was imported first, in one job or in several (a job found the
// closest only from the side of the document it stored: imports in another order, or resumed
// after a kill, made other links).
// `lsh` indexes `others`, the dialogue's clauses by commitment id.
std::vector<ContinuesLink> FindContinuations(
    const std::vector<Clause>& mine, const search::MinHashLsh& lsh,
    const std::unordered_map<std::int64_t, Clause>& others, DocumentId self, double threshold) {
  struct Pair {
    std::size_t mine;
    const Clause* other;
    double score;
  };
  std::vector<Pair> pairs;
  std::map<std::pair<std::size_t, DocumentId>, double> best_of_mine;  // per other document
  std::unordered_map<std::int64_t, double> best_of_other;             // among `mine`
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (mine[i].wording.signature.empty()) continue;
    for (std::int64_t candidate : lsh.Candidates(mine[i].wording.signature)) {
      const Clause& other = others.at(candidate);
      if (other.document == self || Order(mine[i], other) == 0) continue;
      const double score = Containment(mine[i].wording, other.wording);
      if (score < threshold) continue;
      pairs.push_back({i, &other, score});
      double& mine_best = best_of_mine[{i, other.document}];
      mine_best = std::max(mine_best, score);
      double& other_best = best_of_other[other.id.value];
      other_best = std::max(other_best, score);
    }
  }
  std::vector<ContinuesLink> links;
  for (const Pair& pair : pairs) {
    // Equal scores come from equal signatures: ties are linked alike, whatever the ids.
    if (pair.score < best_of_mine[{pair.mine, pair.other->document}] &&
        pair.score < best_of_other[pair.other->id.value]) {
      continue;
    }
    const Clause& clause = mine[pair.mine];
    const bool later = Order(clause, *pair.other) > 0;
    links.push_back({later ? clause.id : pair.other->id, later ? pair.other->id : clause.id,
                     pair.score});
  }
  return links;
}

}  // namespace

struct AutomaticLinker::Pending {
  Document document;
  std::vector<Clause> clauses;
};

AutomaticLinker::AutomaticLinker(store::Database& database, AutomaticLinkOptions options)
    : database_(database),
      options_(options),
      citations_(std::make_unique<Citations>(options_)),
      continuations_(std::make_unique<Continuations>()) {}

AutomaticLinker::~AutomaticLinker() = default;

void AutomaticLinker::DiscardIfRolledBack() {
  if (!pending_) return;
  // What was read while that transaction was open may miss the document's previous revision:
  // read everything again when next needed (rare: only after a failed document).
  citations_ = std::make_unique<Citations>(options_);
  continuations_ = std::make_unique<Continuations>();
  pending_.reset();
}

Result<AutomaticLinkReport> AutomaticLinker::Link(DocumentId document_id) {
  DiscardIfRolledBack();
  auto document = store::DocumentRepository(database_).Get(document_id);
  if (!document) return Fail(document.error());
  pending_ = std::make_unique<Pending>();
  pending_->document = *document;
  AutomaticLinkReport report;
  store::LinkRepository links(database_);

  // Continuations, in both directions, later -> earlier.
  NT_TRY(store::DeleteExtractedCommitmentLinks(database_, document->id, "continues"));
  if (document->dialogue_id) {
    auto mine = store::CommitmentsOfDocument(database_, document->id);
    if (!mine) return Fail(mine.error());
    auto dialogue = continuations_->Get(database_, document->dialogue_id, document->id);
    if (!dialogue) return Fail(dialogue.error());
    std::vector<Clause> clauses;
    for (const auto& commitment : *mine) clauses.push_back(ToClause(commitment));
    for (const ContinuesLink& found : FindContinuations(clauses, (*dialogue)->lsh, (*dialogue)->clauses,
                                                        document->id,
                                                        options_.continues_threshold)) {
      nt::Link link{LinkId(),
                    {EntityKind::kCommitment, found.source.value},
                    {EntityKind::kCommitment, found.target.value},
                    "continues",
                    Origin::kExtracted,
                    std::min(1.0, found.score),
                    "close wording",
                    ""};
      NT_TRY(links.Upsert(link));
      ++report.continues;
    }
    pending_->clauses = std::move(clauses);
  }

  // The documents it cites, among those already in the library.
  NT_TRY(store::DeleteExtractedLinks(database_, {EntityKind::kDocument, document->id.value},
                                     "references"));
  NT_TRY(citations_->Load(database_, document->id));
  auto text = DocumentText(database_, document->id);
  if (!text) return Fail(text.error());
  const std::string lowered = ToLowerAscii(*text);
  for (const Needle* needle :
       citations_->index().CitedBy(lowered, WordsOf(lowered), document->id)) {
    NT_TRY(StoreReference(links, document->id, *needle));
    ++report.references;
  }
  return report;
}

void AutomaticLinker::Committed() {
  if (!pending_) return;
  const Document& d = pending_->document;
  citations_->Put(d.id, d.title, d.symbol);
  continuations_->Replace(d.id, d.dialogue_id, std::move(pending_->clauses));
  pending_.reset();
}

Result<int> AutomaticLinker::LinkCitationsOf(const std::vector<DocumentId>& cited) {
  if (cited.empty()) return 0;
  DiscardIfRolledBack();
  NT_TRY(citations_->Load(database_, DocumentId()));
  NeedleIndex wanted(options_.min_title_length);
  for (DocumentId id : cited) {
    if (const auto* identity = citations_->Identity(id)) {
      wanted.Put(id, identity->title, identity->symbol);
    }
  }
  std::set<std::pair<DocumentId, const Needle*>> found;  // (citing document, needle)
  std::set<std::pair<DocumentId, DocumentId>> pairs;
  NT_TRY(store::ForEachContentParagraph(database_, [&](DocumentId citing, std::string_view text) {
    const std::string lowered = ToLowerAscii(text);
    for (const Needle* needle : wanted.CitedBy(lowered, WordsOf(lowered), citing)) {
      if (pairs.insert({citing, needle->document}).second) found.insert({citing, needle});
    }
  }));
  store::LinkRepository links(database_);
  for (const auto& [citing, needle] : found) NT_TRY(StoreReference(links, citing, *needle));
  return static_cast<int>(found.size());
}

}  // namespace nt::app
