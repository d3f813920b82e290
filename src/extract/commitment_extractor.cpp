#include "extract/commitment_extractor.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "core/text.h"

namespace nt::extract {
namespace {

struct CuePattern {
  std::vector<std::string_view> words;  // lower case
  CommitmentType type;
};

using enum CommitmentType;

// The cue lexicon (DOMAIN.md). Order within one first word does not matter: the longest
// matching pattern wins.
const std::unordered_map<std::string_view, std::vector<CuePattern>>& CueTable() {
  static const auto table = [] {
    const std::vector<CuePattern> patterns = {
        {{"shall"}, kObligation},
        {{"undertake", "to"}, kObligation},
        {{"undertakes", "to"}, kObligation},
        {{"undertook", "to"}, kObligation},
        {{"are", "obliged", "to"}, kObligation},
        {{"is", "obliged", "to"}, kObligation},
        {{"are", "obligated", "to"}, kObligation},
        {{"is", "obligated", "to"}, kObligation},
        {{"will"}, kPledge},
        {{"committed", "to"}, kPledge},
        {{"commit", "to"}, kPledge},
        {{"commits", "to"}, kPledge},
        {{"recommitted", "to"}, kPledge},
        {{"recommit", "to"}, kPledge},
        {{"pledged", "to"}, kPledge},
        {{"pledge", "to"}, kPledge},
        {{"pledges", "to"}, kPledge},
        {{"pledged"}, kPledge},
        {{"determination", "to"}, kPledge},
        {{"agreed", "to"}, kAgreement},
        {{"agree", "to"}, kAgreement},
        {{"agrees", "to"}, kAgreement},
        {{"agreed", "that"}, kAgreement},
        {{"agree", "that"}, kAgreement},
        {{"agreed", "on"}, kAgreement},
        {{"decided", "to"}, kAgreement},
        {{"decide", "to"}, kAgreement},
        {{"decides", "to"}, kAgreement},
        {{"intend", "to"}, kIntention},
        {{"intends", "to"}, kIntention},
        {{"plan", "to"}, kIntention},
        {{"plans", "to"}, kIntention},
        {{"aim", "to"}, kIntention},
        {{"aims", "to"}, kIntention},
        {{"should"}, kRecommendation},
        {{"encourage"}, kRecommendation},
        {{"encourages"}, kRecommendation},
        {{"encouraged"}, kRecommendation},
        {{"call", "upon"}, kRecommendation},
        {{"calls", "upon"}, kRecommendation},
        {{"called", "upon"}, kRecommendation},
        {{"call", "on"}, kRecommendation},
        {{"calls", "on"}, kRecommendation},
        {{"called", "on"}, kRecommendation},
        {{"urge"}, kRecommendation},
        {{"urges"}, kRecommendation},
        {{"urged"}, kRecommendation},
        {{"recommend"}, kRecommendation},
        {{"recommends"}, kRecommendation},
        {{"recognized"}, kRecognition},
        {{"recognize"}, kRecognition},
        {{"recognizes"}, kRecognition},
        {{"recognised"}, kRecognition},
        {{"recognise"}, kRecognition},
        {{"recognises"}, kRecognition},
        {{"acknowledged"}, kRecognition},
        {{"acknowledge"}, kRecognition},
        {{"acknowledges"}, kRecognition},
        {{"shared", "the", "view"}, kRecognition},
        {{"share", "the", "view"}, kRecognition},
        {{"shares", "the", "view"}, kRecognition},
        {{"shared", "concerns"}, kRecognition},
        {{"share", "concerns"}, kRecognition},
        {{"shared", "concern"}, kRecognition},
        {{"expressed", "concern"}, kRecognition},
        {{"expressed", "concerns"}, kRecognition},
        {{"noted"}, kRecognition},
        {{"note"}, kRecognition},
        {{"notes"}, kRecognition},
        {{"stressed"}, kRecognition},
        {{"stress"}, kRecognition},
        {{"stresses"}, kRecognition},
        {{"emphasized"}, kRecognition},
        {{"emphasised"}, kRecognition},
        {{"emphasize"}, kRecognition},
        {{"underscored"}, kRecognition},
        {{"underlined"}, kRecognition},
        {{"affirmed"}, kRecognition},
        {{"reaffirmed"}, kRecognition},
        {{"affirm"}, kRecognition},
        {{"reaffirm"}, kRecognition},
        {{"welcomed"}, kWelcome},
        {{"welcome"}, kWelcome},
        {{"welcomes"}, kWelcome},
        {{"appreciated"}, kWelcome},
        {{"appreciate"}, kWelcome},
        {{"appreciates"}, kWelcome},
        {{"commended"}, kWelcome},
        {{"commend"}, kWelcome},
    };
    std::unordered_map<std::string_view, std::vector<CuePattern>> by_first;
    for (const CuePattern& p : patterns) by_first[p.words.front()].push_back(p);
    return by_first;
  }();
  return table;
}

bool IsOneOf(std::string_view text, const Token& token,
             std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (TokenIs(text, token, w)) return true;
  }
  return false;
}

bool IsAffirmVerb(std::string_view text, const Token& token) {
  return IsOneOf(text, token,
                 {"affirmed", "reaffirmed", "affirm", "reaffirm", "affirms", "reaffirms",
                  "confirmed", "confirm", "expressed", "express"});
}

// Words between a subject and its cue that do not break the link.
bool IsSkippable(std::string_view text, const Token& token) {
  return IsOneOf(text, token,
                 {"also", "further", "jointly", "each", "both", "hereby", "have", "has", "had",
                  "together", "fully", "firmly", "strongly", "again", "once", "are", "is",
                  "were", "was", "remain", "remains", "remained", "collectively",
                  "individually", "therefore", "thus", "accordingly", "all", "themselves",
                  "likewise", "similarly", "equally", "today"});
}

// "will" and "shall" as modal verbs, not the noun ("political will").
bool IsModalUse(std::string_view text, const std::vector<Token>& tokens, int at) {
  if (at > 0 && IsOneOf(text, tokens[static_cast<std::size_t>(at - 1)],
                        {"the", "political", "good", "own", "their", "its", "free", "ill", "our",
                         "his", "her", "a", "strong", "firm"})) {
    return false;
  }
  if (at + 1 >= static_cast<int>(tokens.size())) return false;
  const Token& next = tokens[static_cast<std::size_t>(at + 1)];
  // "States should, in ensuring ..., respect": an inserted phrase may follow the modal.
  if (TokenText(text, next) == ",") return at > 0;
  return next.kind == TokenKind::kWord && !TokenIs(text, next, "of");
}

}  // namespace

std::optional<CueMatch> MatchCueAt(std::string_view text, const std::vector<Token>& tokens,
                                   int at) {
  const int n = static_cast<int>(tokens.size());
  const Token& first = tokens[static_cast<std::size_t>(at)];
  if (first.kind != TokenKind::kWord) return std::nullopt;
  auto word = [&](int i) -> const Token& { return tokens[static_cast<std::size_t>(i)]; };

  if (IsAffirmVerb(text, first)) {  // cheap enough: compares a few short words
    // "affirmed their (strong) determination to", "reaffirmed their commitment to".
    int i = at + 1;
    if (i < n && IsOneOf(text, word(i), {"their", "its", "our"})) {
      ++i;
      if (i < n && IsOneOf(text, word(i), {"strong", "firm", "continued", "shared", "full"})) ++i;
      if (i + 1 < n && IsOneOf(text, word(i), {"determination", "commitment"}) &&
          TokenIs(text, word(i + 1), "to")) {
        return CueMatch{at, i + 2, kPledge, false};
      }
    }
    // "affirmed that they will", "reaffirmed that the two countries will".
    if (at + 1 < n && TokenIs(text, word(at + 1), "that")) {
      for (int k = at + 2; k < n && k <= at + 9; ++k) {
        std::string_view t = TokenText(text, word(k));
        if (t == "," || t == ";" || t == ":") break;
        if ((TokenIs(text, word(k), "will") || TokenIs(text, word(k), "shall")) &&
            IsModalUse(text, tokens, k)) {
          return CueMatch{at, k + 1, TokenIs(text, word(k), "shall") ? kObligation : kPledge,
                          false};
        }
      }
    }
  }

  std::array<char, 64> buffer;
  std::string_view lower = LowerInto(TokenText(text, first), buffer);
  const auto& table = CueTable();
  auto it = table.find(lower);
  if (it == table.end()) return std::nullopt;
  const CuePattern* best = nullptr;
  for (const CuePattern& pattern : it->second) {
    int len = static_cast<int>(pattern.words.size());
    if (at + len > n) continue;
    bool same = true;
    for (int k = 1; k < len && same; ++k) {
      same = TokenIs(text, word(at + k), pattern.words[static_cast<std::size_t>(k)]);
    }
    if (same && (!best || pattern.words.size() > best->words.size())) best = &pattern;
  }
  if (!best) return std::nullopt;
  if ((lower == "will" || lower == "shall" || lower == "should") && !IsModalUse(text, tokens, at)) {
    return std::nullopt;
  }
  CueMatch match{at, at + static_cast<int>(best->words.size()), best->type, false};
  if (best->type == kRecommendation && at > 0 &&
      IsOneOf(text, word(at - 1), {"are", "is", "were", "was", "be", "being"})) {
    match.passive = true;  // "States are encouraged to"
  }
  return match;
}

namespace {

struct Group {
  int token_begin = 0;
  int token_end = 0;
  std::vector<int> actors;
  bool pronoun = false;
  bool plural = true;
  // "the Parties" of a treaty whose parties are not named: binds, though no actor is known.
  bool collective = false;
};

bool IsGroupConnector(std::string_view text, const Token& token) {
  return TokenText(text, token) == "," ||
         IsOneOf(text, token, {"and", "the", "both", "as", "well", "governments", "government",
                               "of"});
}

// Mentions of one sentence joined into coordinated groups: "Japan and the United States",
// "the Ministry of Economy, Trade and Industry (METI) of Japan and DHS".
std::vector<Group> BuildGroups(std::string_view text, const std::vector<Token>& tokens,
                               const std::vector<ActorMention>& mentions, int first_token,
                               int end_token) {
  std::vector<Group> groups;
  std::optional<Group> current;
  auto close = [&] {
    if (current) groups.push_back(std::move(*current));
    current.reset();
  };
  for (const ActorMention& mention : mentions) {
    if (mention.token_begin < first_token || mention.token_end > end_token) continue;
    if (mention.modifier) {
      close();
      continue;
    }
    if (mention.absorbed) {
      if (current) {
        current->token_end = mention.token_end;
        if (current->token_end < end_token &&
            TokenText(text, tokens[static_cast<std::size_t>(current->token_end)]) == ")") {
          ++current->token_end;
        }
      }
      continue;
    }
    if (mention.kind == MentionKind::kPronoun) {
      close();
      groups.push_back({mention.token_begin, mention.token_end, {}, true, mention.plural, false});
      continue;
    }
    if (current) {
      bool joined = true;
      bool has_link = false;
      for (int t = current->token_end; t < mention.token_begin && joined; ++t) {
        const Token& gap = tokens[static_cast<std::size_t>(t)];
        joined = IsGroupConnector(text, gap);
        has_link = has_link || TokenIs(text, gap, "and") || TokenIs(text, gap, "as") ||
                   TokenText(text, gap) == ",";
      }
      // Adjacent names form one phrase too: "ASEAN Member States".
      if (joined && (has_link || current->token_end == mention.token_begin)) {
        current->token_end = mention.token_end;
        current->collective = current->collective || mention.kind == MentionKind::kCollective;
        for (int a : mention.actors) {
          if (std::find(current->actors.begin(), current->actors.end(), a) ==
              current->actors.end()) {
            current->actors.push_back(a);
          }
        }
        continue;
      }
      close();
    }
    current = Group{mention.token_begin, mention.token_end, mention.actors, false, true,
                    mention.kind == MentionKind::kCollective};
  }
  close();
  return groups;
}

// The first token of a group's noun phrase: "the Governments of Japan" starts at "the".
int ExtendLeft(std::string_view text, const std::vector<Token>& tokens, int begin, int floor) {
  while (begin > floor &&
         IsOneOf(text, tokens[static_cast<std::size_t>(begin - 1)],
                 {"the", "both", "governments", "government", "of", "each", "all"})) {
    --begin;
  }
  return begin;
}

// A cue accepted as a commitment, with the subject bound to it.
struct Accepted {
  CueMatch cue;
  std::vector<int> subject;
  bool has_subject = false;  // true also for "the Parties" when the parties are unknown
  bool subject_is_addressee = false;
  int subject_begin = -1;  // tokens of the subject group when adjacent
  int subject_end = -1;
  int connector = -1;      // the "and" that joins this predicate to the previous one
  int begin_token = 0;     // where the clause starts
};

struct TokenRange {
  int begin = 0;
  int end = 0;
};

// One sentence of the paragraph and what the steps below read from it.
struct SentenceScope {
  std::string_view text;                       // the paragraph
  const std::vector<Token>* tokens = nullptr;  // the paragraph's
  TextSpan span;                               // the sentence's bytes
  int begin = 0;                               // its tokens [begin, end)
  int end = 0;
  std::vector<Group> groups;
  std::optional<Group> main_subject;  // the group the sentence opens with, if any

  const Token& Tok(int i) const { return (*tokens)[static_cast<std::size_t>(i)]; }
};

// The tokens inside `sentence`, searched from `from`: sentences come in text order, so each
// search starts where the previous sentence's tokens ended. Empty when none fits.
TokenRange SentenceTokens(const std::vector<Token>& tokens, const TextSpan& sentence, int from) {
  const int n = static_cast<int>(tokens.size());
  TokenRange range{from, from};
  while (range.begin < n && tokens[static_cast<std::size_t>(range.begin)].begin < sentence.begin) {
    ++range.begin;
  }
  range.end = range.begin;
  while (range.end < n && tokens[static_cast<std::size_t>(range.end)].end <= sentence.end) {
    ++range.end;
  }
  return range;
}

// The sentence's subject: the first group that opens the sentence or follows an
// introductory phrase ("In particular, the National Center ... announced").
std::optional<Group> FindMainSubject(const SentenceScope& s) {
  for (const Group& g : s.groups) {
    if (g.pronoun) continue;
    int start = ExtendLeft(s.text, *s.tokens, g.token_begin, s.begin);
    if (start == s.begin || TokenText(s.text, s.Tok(start - 1)) == "," ||
        TokenText(s.text, s.Tok(start - 1)) == ":") {
      return g;
    }
  }
  return std::nullopt;
}

// "We, the Leaders of the G7, commit to ...": "we" are the appositive, or the parties. Empty
// unless the sentence opens with "we" (before any main subject) and it stands for someone.
std::optional<Group> FindOpeningWe(const SentenceScope& s, const SubjectContext& context) {
  if (s.end - s.begin <= 2 || !TokenIs(s.text, s.Tok(s.begin), "we")) return std::nullopt;
  if (s.main_subject && s.main_subject->token_begin <= s.begin) return std::nullopt;
  Group we_group{s.begin, s.begin + 1, context.parties, false, true, false};
  if (TokenText(s.text, s.Tok(s.begin + 1)) == ",") {
    for (const Group& g : s.groups) {
      if (g.pronoun || g.token_begin > s.begin + 8) continue;
      we_group.actors = g.actors;  // named explicitly: stronger than the parties
      we_group.token_end = g.token_end;
      break;
    }
  }
  if (we_group.actors.empty()) return std::nullopt;
  return we_group;
}

// The sentence's actor groups and its subject.
SentenceScope ReadSentence(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<ActorMention>& mentions, const TextSpan& sentence,
                           TokenRange range, const SubjectContext& context) {
  SentenceScope s{text, &tokens, sentence, range.begin, range.end, {}, std::nullopt};
  s.groups = BuildGroups(text, tokens, mentions, range.begin, range.end);
  s.main_subject = FindMainSubject(s);
  if (std::optional<Group> we = FindOpeningWe(s, context)) s.main_subject = std::move(we);
  return s;
}

// The actors a group stands for: its own, or for a pronoun those of invariant 6. `accepted`
// are the sentence's clauses before the group.
std::vector<int> ResolveActors(const SentenceScope& s, const Group& g,
                               const std::vector<Accepted>& accepted,
                               const SubjectContext& context) {
  if (!g.pronoun) return g.actors;
  if (TokenIs(s.text, s.Tok(g.token_begin), "we")) {
    return context.parties.empty() ? context.last_subject : context.parties;
  }
  if (g.plural) {
    if (!accepted.empty() && !accepted.back().subject_is_addressee) {
      return accepted.back().subject;
    }
    if (s.main_subject && s.main_subject->token_end <= g.token_begin) {
      return s.main_subject->actors;
    }
    return context.last_subject.empty() ? context.parties : context.last_subject;
  }
  // "it": the latest single actor before the pronoun in this sentence.
  for (auto it = s.groups.rbegin(); it != s.groups.rend(); ++it) {
    if (!it->pronoun && it->token_end <= g.token_begin && it->actors.size() == 1) {
      return it->actors;
    }
  }
  return context.last_subject.size() == 1 ? context.last_subject : std::vector<int>{};
}

// Invariant 2: relative clauses report someone else's words. Looks back from the cue to the
// nearest ",", ";" or ":".
bool IsInRelativeClause(const SentenceScope& s, int cue_begin) {
  for (int k = cue_begin - 1; k >= s.begin; --k) {
    std::string_view w = TokenText(s.text, s.Tok(k));
    if (w == "," || w == ";" || w == ":") return false;
    if (TokenIs(s.text, s.Tok(k), "which") || TokenIs(s.text, s.Tok(k), "who")) return true;
  }
  return false;
}

// The group whose last token is `token`, or null.
const Group* GroupEndingAt(const SentenceScope& s, int token) {
  if (token < s.begin) return nullptr;
  const Group* found = nullptr;
  for (const Group& g : s.groups) {
    if (g.token_end - 1 == token) found = &g;
  }
  return found;
}

// The group named right after a recommending cue, past "that", "all", "the", "each"
// ("encourage all States to", "recommends that States"), looked for before `limit`; or null.
const Group* GroupAfterCue(const SentenceScope& s, const CueMatch& cue, int limit) {
  int right = cue.token_end;
  while (right < limit && IsOneOf(s.text, s.Tok(right), {"that", "all", "the", "each"})) ++right;
  const Group* found = nullptr;
  for (const Group& g : s.groups) {
    if (g.token_begin == right && !g.pronoun) found = &g;
  }
  return found;
}

void BindGroupActors(const Group& g, Accepted& a) {
  a.subject = g.actors;
  a.has_subject = !a.subject.empty() || g.collective;
}

// The subject is the group right before the cue. The clause starts at the group's noun
// phrase, or after an earlier clause of the sentence past the ", and" or ";" between them.
void BindAdjacentSubject(const SentenceScope& s, const Group& group,
                         const std::vector<Accepted>& accepted, const SubjectContext& context,
                         Accepted& a) {
  a.subject = ResolveActors(s, group, accepted, context);
  a.has_subject = !a.subject.empty() || group.collective;
  a.subject_begin = group.token_begin;
  a.subject_end = group.token_end;
  a.begin_token = ExtendLeft(s.text, *s.tokens, group.token_begin, s.begin);
  if (accepted.empty()) return;
  // "..., and Japan announced that it will ...": the clause starts after ", and" (or
  // ";"), not at the pronoun.
  for (int k = a.begin_token - 1; k >= accepted.back().cue.token_end; --k) {
    std::string_view w = TokenText(s.text, s.Tok(k));
    bool comma_and =
        TokenIs(s.text, s.Tok(k), "and") && k > s.begin && TokenText(s.text, s.Tok(k - 1)) == ",";
    if (w == ";" || comma_and) {
      a.connector = k;
      a.begin_token = k + 1;
      return;
    }
  }
}

// Invariant 1's exception: a bare modal coordinated after a "that" clause belongs to that
// clause. In "recognized that the threat grows and will require ...", the "will" belongs to
// the threat.
bool ContinuesThatClause(const SentenceScope& s, const CueMatch& cue, int and_token,
                         const std::vector<Accepted>& accepted) {
  if (accepted.empty() || !IsOneOf(s.text, s.Tok(cue.token_begin), {"will", "shall", "should"})) {
    return false;
  }
  const int previous_end = accepted.back().cue.token_end;
  for (int k = previous_end; k < and_token; ++k) {
    if (TokenIs(s.text, s.Tok(k), "that")) return true;
  }
  return TokenIs(s.text, s.Tok(previous_end - 1), "that");
}

// A coordinated predicate shares the subject (invariant 1): the previous clause's, or the
// sentence's when it comes before the "and". The clause starts after the "and".
void BindCoordinatedSubject(const SentenceScope& s, int and_token,
                            const std::vector<Accepted>& accepted, Accepted& a) {
  if (!accepted.empty()) {
    a.subject = accepted.back().subject;
    a.has_subject = accepted.back().has_subject;
    a.subject_is_addressee = accepted.back().subject_is_addressee;
  } else if (s.main_subject && s.main_subject->token_end <= and_token) {
    BindGroupActors(*s.main_subject, a);
  }
  a.connector = and_token;
  a.begin_token = and_token + 1;
}

// With no clause before it in the sentence, a cue binds to the sentence's subject when the
// subject comes before it and no subordinate clause ("that", "which", "if" ...) lies between.
void BindSentenceSubject(const SentenceScope& s, const CueMatch& cue, Accepted& a) {
  const std::optional<Group>& main = s.main_subject;
  if (!main || main->token_end > cue.token_begin) return;
  for (int k = main->token_end; k < cue.token_begin; ++k) {
    if (IsOneOf(s.text, s.Tok(k), {"that", "which", "who", "if", "when", "whether"})) return;
  }
  BindGroupActors(*main, a);
  a.begin_token = s.begin;
}

// "The Group recommends that States ...": the author is no actor we know, but the
// actors asked to act are named right after the cue. Only for an active recommending cue
// that found no subject.
void BindAddresseesAfterCue(const SentenceScope& s, const std::vector<Accepted>& accepted,
                            Accepted& a) {
  const CueMatch& cue = a.cue;
  if (a.has_subject || cue.type != kRecommendation ||
      TokenIs(s.text, s.Tok(cue.token_begin), "should") || cue.passive) {
    return;
  }
  const Group* g = GroupAfterCue(s, cue, s.end);
  if (!g) return;
  BindGroupActors(*g, a);
  a.subject_is_addressee = true;
  a.subject_begin = g->token_begin;
  a.subject_end = g->token_end;
  a.begin_token = accepted.empty() ? s.begin : cue.token_begin;
}

// The clause a cue heads, with its subject bound (invariants 1 and 5), or empty when the cue
// has no subject and so is no commitment. `accepted` are the sentence's clauses before it.
std::optional<Accepted> BindSubject(const SentenceScope& s, const CueMatch& cue,
                                    const std::vector<Accepted>& accepted,
                                    const SubjectContext& context) {
  Accepted a;
  a.cue = cue;
  int left = cue.token_begin - 1;
  if (cue.passive) --left;  // past "are" in "are encouraged"
  while (left >= s.begin && IsSkippable(s.text, s.Tok(left))) --left;
  const Group* adjacent = GroupEndingAt(s, left);
  if (adjacent) {
    BindAdjacentSubject(s, *adjacent, accepted, context, a);
  } else if (left >= s.begin && TokenIs(s.text, s.Tok(left), "and")) {
    if (ContinuesThatClause(s, cue, left, accepted)) return std::nullopt;
    BindCoordinatedSubject(s, left, accepted, a);
  } else if (accepted.empty()) {
    BindSentenceSubject(s, cue, a);
  }
  BindAddresseesAfterCue(s, accepted, a);
  if (!a.has_subject) return std::nullopt;
  // "it will be important to ..." is a statement, not a pledge.
  if (adjacent && adjacent->pronoun && !adjacent->plural && cue.token_end < s.end &&
      TokenIs(s.text, s.Tok(cue.token_end), "be")) {
    return std::nullopt;
  }
  if (cue.type == kRecommendation &&
      (TokenIs(s.text, s.Tok(cue.token_begin), "should") || cue.passive)) {
    a.subject_is_addressee = true;
  }
  return a;
}

// The sentence's clauses in text order, one per cue that binds a subject; the first starts at
// the sentence's start.
std::vector<Accepted> FindClauses(const SentenceScope& s, const SubjectContext& context) {
  std::vector<Accepted> accepted;
  for (int i = s.begin; i < s.end;) {
    std::optional<CueMatch> cue = MatchCueAt(s.text, *s.tokens, i);
    if (!cue || cue->token_end > s.end) {
      ++i;
      continue;
    }
    i = cue->token_end;
    if (IsInRelativeClause(s, cue->token_begin)) continue;
    if (std::optional<Accepted> a = BindSubject(s, *cue, accepted, context)) {
      accepted.push_back(std::move(*a));
    }
  }
  if (!accepted.empty()) accepted.front().begin_token = s.begin;
  return accepted;
}

// Who "they" are from the next sentence on: the last clause's subject unless it was asked to
// act, else the subject of a sentence without clauses.
void RememberSubject(const SentenceScope& s, const std::vector<Accepted>& accepted,
                     SubjectContext& context) {
  if (!accepted.empty()) {
    if (!accepted.back().subject_is_addressee) context.last_subject = accepted.back().subject;
  } else if (s.main_subject) {
    context.last_subject = s.main_subject->actors;
  }
}

// Where clause k's tokens end (exclusive), the last at the sentence's end. The others end
// before the next clause's connector or start, less a trailing ",", ";" or "and" (invariant
// 3), and keep at least one token.
int ClauseEndToken(const SentenceScope& s, const std::vector<Accepted>& accepted, std::size_t k) {
  if (k + 1 == accepted.size()) return s.end;
  const Accepted& a = accepted[k];
  const Accepted& next = accepted[k + 1];
  int end_token =
      std::max(next.connector >= 0 ? next.connector : next.begin_token, a.begin_token + 1);
  while (end_token > a.begin_token + 1) {
    std::string_view w = TokenText(s.text, s.Tok(end_token - 1));
    if (w != "," && w != ";" && !TokenIs(s.text, s.Tok(end_token - 1), "and")) break;
    --end_token;
  }
  return end_token;
}

// The clause's actors, subjects first, then the other actors named in its tokens
// [a.begin_token, end_token), each once.
std::vector<ClauseActor> AssignRoles(const SentenceScope& s, const Accepted& a, int end_token,
                                     const std::vector<ActorMention>& mentions) {
  std::vector<ClauseActor> actors;
  ActorRole subject_role = a.subject_is_addressee ? ActorRole::kAddressee : ActorRole::kSubject;
  for (int actor : a.subject) actors.push_back({actor, subject_role});
  auto has = [&](int actor) {
    return std::any_of(actors.begin(), actors.end(),
                       [&](const ClauseActor& x) { return x.actor_index == actor; });
  };
  // Invariant 5: "encourage all States to ...": the group right after an active
  // recommending verb is asked to act; everyone else named is a counterpart.
  int addressee_begin = -1;
  int addressee_end = -1;
  if (a.cue.type == kRecommendation && !a.subject_is_addressee) {
    if (const Group* g = GroupAfterCue(s, a.cue, end_token)) {
      addressee_begin = g->token_begin;
      addressee_end = g->token_end;
    }
  }
  for (const ActorMention& m : mentions) {
    if (m.kind != MentionKind::kNamed || m.modifier || m.absorbed) continue;
    if (m.token_begin < a.begin_token || m.token_end > end_token) continue;
    if (m.token_begin >= a.subject_begin && m.token_end <= a.subject_end) continue;
    int actor = m.actors.front();
    if (has(actor)) continue;
    bool addressed = m.token_begin >= addressee_begin && m.token_end <= addressee_end;
    actors.push_back({actor, addressed ? ActorRole::kAddressee : ActorRole::kCounterpart});
  }
  return actors;
}

// The commitment of clause k: the first clause's span opens at the sentence's start and the
// last's closes at its end, so a sentence's clauses cover it.
ClauseCommitment BuildCommitment(const SentenceScope& s, const std::vector<Accepted>& accepted,
                                 std::size_t k, const std::vector<ActorMention>& mentions) {
  const Accepted& a = accepted[k];
  const int end_token = ClauseEndToken(s, accepted, k);
  ClauseCommitment c;
  c.span_begin = k == 0 ? s.span.begin : s.Tok(a.begin_token).begin;
  c.span_end = k + 1 == accepted.size() ? s.span.end : s.Tok(end_token - 1).end;
  c.text = std::string(s.text.substr(static_cast<std::size_t>(c.span_begin),
                                     static_cast<std::size_t>(c.span_end - c.span_begin)));
  int cue_begin = s.Tok(a.cue.token_begin).begin;
  int cue_end = s.Tok(a.cue.token_end - 1).end;
  c.cue = CollapseWhitespace(s.text.substr(static_cast<std::size_t>(cue_begin),
                                           static_cast<std::size_t>(cue_end - cue_begin)));
  c.type = a.cue.type;
  c.actors = AssignRoles(s, a, end_token, mentions);
  return c;
}

}  // namespace

std::vector<ClauseCommitment> ExtractCommitments(std::string_view text,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<TextSpan>& sentences,
                                                 const std::vector<ActorMention>& mentions,
                                                 SubjectContext& context) {
  std::vector<ClauseCommitment> out;
  int next_token = 0;
  for (const TextSpan& sentence : sentences) {
    const TokenRange range = SentenceTokens(tokens, sentence, next_token);
    next_token = range.end;
    if (range.begin == range.end) continue;
    const SentenceScope s = ReadSentence(text, tokens, mentions, sentence, range, context);
    const std::vector<Accepted> accepted = FindClauses(s, context);
    RememberSubject(s, accepted, context);
    for (std::size_t k = 0; k < accepted.size(); ++k) {
      out.push_back(BuildCommitment(s, accepted, k, mentions));
    }
  }
  return out;
}

}  // namespace nt::extract
