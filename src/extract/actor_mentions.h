#pragma once
// Actor mentions in one document: gazetteer names, acronyms the document defines for a known
// actor ("the National Center ... (NISC)"), collective references ("the two countries",
// "both governments", "the Parties") that stand for the document's parties, and the pronouns
// that commitment extraction resolves from context ("they", "it", "we").
//
// Acronyms that look like names of something but are not in the gazetteer ("AIS", "IoT") are
// counted for review and never become actors.
//
// Usage: one DocumentActors per document. Call Learn() on every paragraph first (definitions
// may follow uses), SetParties(), then Find() per paragraph. Not thread-safe; cheap to create.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/tokenizer.h"

namespace nt::extract {

enum class MentionKind {
  kNamed,       // a gazetteer alias or a learned acronym: one actor
  kCollective,  // "the two countries": the document's parties
  kPronoun,     // "they", "we" (plural) or "it" (singular): resolved by the caller
  // "the Participants" that the document defines as named actors ("The Ministry ... of Japan
  // and the Information System Authority ... (hereinafter referred to as the "Participants")"):
  // those actors, whoever the document's parties are.
  kDefinedTerm,
};

struct ActorMention {
  int token_begin = 0;
  int token_end = 0;
  MentionKind kind = MentionKind::kNamed;
  std::vector<int> actors;  // gazetteer indices; empty for pronouns (and unknown parties)
  bool plural = true;       // pronouns: "it" is singular
  // In a compound such as "Japan-U.S. Cyber Dialogue": names something else, binds no one.
  bool modifier = false;
  // Repeats an adjacent mention: "(NISC)" after its full name, "of Japan" after a Japanese
  // agency. Counted as mentioned, never a separate participant.
  bool absorbed = false;
};

class DocumentActors {
 public:
  explicit DocumentActors(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // Pass 1 over a paragraph (or the title): learns "Known Name (ACR)" definitions and counts
  // acronym-shaped tokens that no gazetteer alias covers.
  void Learn(std::string_view text, const std::vector<Token>& tokens);

  // The actors a collective term stands for where the document defines it ("X and Y
  // (hereinafter "the Participants")", "X and Y, hereafter referred to as "the participants","):
  // learned by Learn(), empty when the document defines none.
  const std::vector<int>& defined_parties() const { return defined_parties_; }

  // The actors that collective references ("both governments") stand for.
  void SetParties(std::vector<int> parties) { parties_ = std::move(parties); }
  const std::vector<int>& parties() const { return parties_; }

  // Mentions in text order, non-overlapping.
  std::vector<ActorMention> Find(std::string_view text, const std::vector<Token>& tokens) const;

  // Acronyms used but not known as actors, with their number of uses, most used first.
  std::vector<std::pair<std::string, int>> UnknownAcronyms() const;

  // Acronyms this document defined for gazetteer actors: "JMOD" -> Ministry of Defense.
  const std::unordered_map<std::string, int>& learned_acronyms() const { return learned_; }

 private:
  void LearnDefinedParties(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<int>& covered);

  const Gazetteer& gazetteer_;
  std::vector<int> parties_;
  std::vector<int> defined_parties_;
  std::string defined_term_;  // "participants"
  std::unordered_map<std::string, int> learned_;
  std::unordered_map<std::string, int> acronym_counts_;  // all-caps tokens
  std::unordered_map<std::string, int> mixed_counts_;    // "IoT": reported only when defined
  std::unordered_map<std::string, bool> defined_;        // acronyms defined in parentheses
  std::unordered_set<std::string> ordinary_words_;       // words with small letters, lowered
};

// True for tokens shaped like acronyms: at least two capitals, no lower case ("AIS", "G20"
// has one capital and is not), or an inner-capital form such as "IoT" when `allow_mixed`.
bool LooksLikeAcronym(std::string_view word, bool allow_mixed);

}  // namespace nt::extract
