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
  bool opening_only = false;  // see CueMatch::opening_only
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
        {{"must"}, kObligation},
        {{"will"}, kPledge},
        // A plan stated as a fact: "A first joint course is planned for early 2024" (a
        // future fact, invariant 9).
        {{"is", "planned"}, kIntention},
        {{"are", "planned"}, kIntention},
        {{"is", "scheduled"}, kIntention},
        {{"are", "scheduled"}, kIntention},
        {{"are", "determined", "to"}, kPledge},
        {{"is", "determined", "to"}, kPledge},
        {{"remain", "determined", "to"}, kPledge},
        {{"stand", "ready", "to"}, kPledge},
        {{"stands", "ready", "to"}, kPledge},
        {{"stood", "ready", "to"}, kPledge},
        {{"offered", "to"}, kIntention},
        {{"offer", "to"}, kIntention},
        {{"offers", "to"}, kIntention},
        {{"look", "forward", "to"}, kIntention},
        {{"looks", "forward", "to"}, kIntention},
        {{"looked", "forward", "to"}, kIntention},
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
        // Operative verbs of resolutions and reports: "Requests the Secretary-General to".
        {{"requests"}, kRecommendation},
        {{"request"}, kRecommendation},
        {{"invites"}, kRecommendation},
        {{"invite"}, kRecommendation},
        // Preambular participles: only when they open a sentence (invariant 8).
        {{"recognizing"}, kRecognition, true},
        {{"recognising"}, kRecognition, true},
        {{"noting"}, kRecognition, true},
        {{"noting", "with", "appreciation"}, kWelcome, true},
        {{"noting", "with", "satisfaction"}, kWelcome, true},
        {{"taking", "note"}, kRecognition, true},
        {{"acknowledging"}, kRecognition, true},
        {{"reaffirming"}, kRecognition, true},
        {{"affirming"}, kRecognition, true},
        {{"stressing"}, kRecognition, true},
        {{"emphasizing"}, kRecognition, true},
        {{"emphasising"}, kRecognition, true},
        {{"underlining"}, kRecognition, true},
        {{"bearing", "in", "mind"}, kRecognition, true},
        {{"mindful"}, kRecognition, true},
        {{"convinced"}, kRecognition, true},
        {{"considering"}, kRecognition, true},
        {{"concerned"}, kRecognition, true},
        {{"deeply", "concerned"}, kRecognition, true},
        {{"expressing", "concern"}, kRecognition, true},
        {{"expressing", "its", "concern"}, kRecognition, true},
        {{"welcoming"}, kWelcome, true},
        {{"appreciating"}, kWelcome, true},
        {{"commending"}, kWelcome, true},
        {{"desiring"}, kIntention, true},
        {{"wishing", "to"}, kIntention, true},
        {{"conscious"}, kRecognition, true},
        {{"aware"}, kRecognition, true},
        {{"determined", "to"}, kPledge, true},
        {{"recognized"}, kRecognition},
        {{"recognize"}, kRecognition},
        {{"recognizes"}, kRecognition},
        {{"recognised"}, kRecognition},
        {{"recognise"}, kRecognition},
        {{"recognises"}, kRecognition},
        {{"acknowledged"}, kRecognition},
        {{"acknowledge"}, kRecognition},
        {{"acknowledges"}, kRecognition},
        // "shared the view to work to hold ...": a view that looks forward is agreed action.
        {{"shared", "the", "view", "to"}, kAgreement},
        {{"share", "the", "view", "to"}, kAgreement},
        {{"shares", "the", "view", "to"}, kAgreement},
        {{"shared", "the", "view"}, kRecognition},
        {{"share", "the", "view"}, kRecognition},
        {{"shares", "the", "view"}, kRecognition},
        {{"shared", "concerns"}, kRecognition},
        {{"share", "concerns"}, kRecognition},
        {{"shared", "concern"}, kRecognition},
        {{"expressed", "concern"}, kRecognition},
        {{"expressed", "deep", "concern"}, kRecognition},
        {{"expressed", "serious", "concern"}, kRecognition},
        {{"expressed", "grave", "concern"}, kRecognition},
        {{"expressed", "their", "concern"}, kRecognition},
        {{"expressed", "its", "concern"}, kRecognition},
        {{"expressed", "appreciation"}, kWelcome},
        {{"expressed", "their", "appreciation"}, kWelcome},
        {{"expressed", "its", "appreciation"}, kWelcome},
        {{"expressed", "his", "appreciation"}, kWelcome},
        {{"expressed", "her", "appreciation"}, kWelcome},
        {{"express", "appreciation"}, kWelcome},
        {{"express", "their", "appreciation"}, kWelcome},
        {{"express", "its", "appreciation"}, kWelcome},
        {{"express", "his", "appreciation"}, kWelcome},
        {{"express", "her", "appreciation"}, kWelcome},
        {{"expressed", "their", "gratitude"}, kWelcome},
        {{"expressed", "its", "gratitude"}, kWelcome},
        {{"are", "convinced", "that"}, kRecognition},
        {{"is", "convinced", "that"}, kRecognition},
        {{"confirmed", "that"}, kRecognition},
        {{"confirm", "that"}, kRecognition},
        {{"confirms", "that"}, kRecognition},
        {{"assessed", "that"}, kRecognition},
        {{"assess", "that"}, kRecognition},
        {{"observed", "that"}, kRecognition},
        {{"observe", "that"}, kRecognition},
        {{"recalled", "that"}, kRecognition},
        {{"recall", "that"}, kRecognition},
        {{"recalls", "that"}, kRecognition},
        {{"noted", "with", "appreciation"}, kWelcome},
        {{"note", "with", "appreciation"}, kWelcome},
        {{"notes", "with", "appreciation"}, kWelcome},
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
  // "NISC will:" opens a list of what it will do (invariant 7).
  if (TokenText(text, next) == ":") return at > 0;
  return next.kind == TokenKind::kWord && !TokenIs(text, next, "of");
}

// Verbs that introduce a nominal commitment: "signal their commitment to".
bool IsNominalCueVerb(std::string_view text, const Token& token) {
  return IsAffirmVerb(text, token) ||
         IsOneOf(text, token,
                 {"share", "shares", "shared", "signal", "signals", "signalled", "signaled",
                  "reiterate", "reiterates", "reiterated", "underline", "underlines",
                  "underlined", "underscored", "demonstrate", "demonstrates", "demonstrated",
                  "highlight", "highlighted", "renew", "renewed", "restated", "stressed",
                  "emphasized", "emphasised", "expresses", "confirms", "affirms", "reaffirms"});
}

bool IsNominalCueQualifier(std::string_view text, const Token& token) {
  return TokenText(text, token) == "," ||
         IsOneOf(text, token,
                 {"common", "shared", "strong", "firm", "continued", "continuing", "full", "joint",
                  "mutual", "steadfast", "unwavering", "enduring", "deep", "ongoing", "renewed",
                  "longstanding", "unshakable", "unshakeable", "serious", "collective", "clear",
                  "and", "strongest", "resolute"});
}

// The nominal cue family: "reaffirmed their commitment to", "share a common commitment to",
// "signal their commitment to", "a shared commitment to", "expressed their readiness to". The
// verb is optional only after "a" or a possessive, which a subject can precede ("Both sides
// have a shared commitment to"); "the commitment to ..." alone is a noun phrase, not a cue.
std::optional<CueMatch> MatchNominalCue(std::string_view text, const std::vector<Token>& tokens,
                                        int at) {
  const int n = static_cast<int>(tokens.size());
  auto word = [&](int i) -> const Token& { return tokens[static_cast<std::size_t>(i)]; };
  int i = at;
  const bool has_verb = IsNominalCueVerb(text, word(i));
  if (has_verb) ++i;
  if (i >= n) return std::nullopt;
  if (!IsOneOf(text, word(i), {"their", "its", "our", "a", "the", "an"})) return std::nullopt;
  if (!has_verb && !IsOneOf(text, word(i), {"their", "its", "our", "a"})) return std::nullopt;
  ++i;
  for (int q = 0; q < 5 && i < n && IsNominalCueQualifier(text, word(i)); ++q) ++i;
  if (i + 1 >= n || !TokenIs(text, word(i + 1), "to")) return std::nullopt;
  CommitmentType type;
  if (IsOneOf(text, word(i), {"commitment", "commitments", "determination", "resolve"})) {
    type = kPledge;
  } else if (IsOneOf(text, word(i), {"readiness", "willingness", "intention", "desire"})) {
    type = kIntention;
  } else {
    return std::nullopt;
  }
  return CueMatch{at, i + 2, type, false};
}

}  // namespace

std::optional<CueMatch> MatchCueAt(std::string_view text, const std::vector<Token>& tokens,
                                   int at) {
  const int n = static_cast<int>(tokens.size());
  const Token& first = tokens[static_cast<std::size_t>(at)];
  if (first.kind != TokenKind::kWord) return std::nullopt;
  auto word = [&](int i) -> const Token& { return tokens[static_cast<std::size_t>(i)]; };

  if (std::optional<CueMatch> nominal = MatchNominalCue(text, tokens, at)) return nominal;
  if (IsAffirmVerb(text, first)) {  // cheap enough: compares a few short words
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
  if ((lower == "will" || lower == "shall" || lower == "should" || lower == "must") &&
      !IsModalUse(text, tokens, at)) {
    return std::nullopt;
  }
  CueMatch match{at, at + static_cast<int>(best->words.size()), best->type, false,
                 best->opening_only};
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
        current->collective = current->collective || mention.kind == MentionKind::kCollective ||
                              mention.kind == MentionKind::kDefinedTerm;
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
                    mention.kind == MentionKind::kCollective ||
                        mention.kind == MentionKind::kDefinedTerm};
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

// Whether only punctuation, numbers, an inline label ("(a)", "(ii)") or the words in `also`
// come before token `at` in the sentence.
bool OpensSentence(const SentenceScope& s, int at, std::initializer_list<std::string_view> also) {
  for (int k = s.begin; k < at; ++k) {
    const Token& t = s.Tok(k);
    if (t.kind != TokenKind::kWord) continue;
    bool in_label = k > s.begin && k + 1 < s.end && TokenText(s.text, s.Tok(k - 1)) == "(" &&
                    TokenText(s.text, s.Tok(k + 1)) == ")" && t.end - t.begin <= 4;
    if (!in_label && !IsOneOf(s.text, t, also)) return false;
  }
  return true;
}

// The sentence's subject: the first group that opens the sentence or follows an
// introductory phrase ("In particular, the National Center ... announced").
std::optional<Group> FindMainSubject(const SentenceScope& s) {
  for (const Group& g : s.groups) {
    if (g.pronoun) continue;
    int start = ExtendLeft(s.text, *s.tokens, g.token_begin, s.begin);
    // "3. The Participants support ...": a paragraph's number or label comes before.
    if (start == s.begin || OpensSentence(s, start, {}) ||
        TokenText(s.text, s.Tok(start - 1)) == "," ||
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

// The group whose last token is `token`, or null.
const Group* GroupEndingAt(const SentenceScope& s, int token) {
  if (token < s.begin) return nullptr;
  const Group* found = nullptr;
  for (const Group& g : s.groups) {
    if (g.token_end - 1 == token) found = &g;
  }
  return found;
}

// Invariant 2: relative clauses report someone else's words. Looks back from the cue to the
// nearest ",", ";" or ":".
bool IsInRelativeClause(const SentenceScope& s, int cue_begin) {
  // "the framework under which the Participants will promote ...": a relative clause with a
  // subject of its own states that subject's commitment; "which reaffirmed" reports one.
  int subject_end = cue_begin - 1;
  while (subject_end >= s.begin && IsSkippable(s.text, s.Tok(subject_end))) --subject_end;
  const Group* own = GroupEndingAt(s, subject_end);
  // "the voluntary norms it recommends": a pronoun right after a noun opens a relative clause
  // without "which".
  if (own && own->pronoun && own->token_begin > s.begin) {
    const Token& before = s.Tok(own->token_begin - 1);
    std::string_view b = TokenText(s.text, before);
    if (before.kind == TokenKind::kWord && b.front() >= 'a' && b.front() <= 'z' &&
        !IsSkippable(s.text, before) &&
        !IsOneOf(s.text, before,
                 {"that", "and", "but", "or", "so", "as", "because", "if", "when", "while",
                  "where", "since", "once", "although", "though", "whether", "unless", "until",
                  "announced", "announces", "said", "says", "stated", "indicated", "declared",
                  "explained", "added", "reported", "informed", "mentioned", "confirmed",
                  "confirms", "then", "now", "hence", "yet", "how", "what", "why"})) {
      return true;
    }
  }
  for (int k = cue_begin - 1; k >= s.begin; --k) {
    std::string_view w = TokenText(s.text, s.Tok(k));
    if (w == "," || w == ";" || w == ":") return false;
    if (TokenIs(s.text, s.Tok(k), "which") || TokenIs(s.text, s.Tok(k), "who")) {
      return !(own && !own->pronoun && own->token_begin > k);
    }
  }
  return false;
}

// The group named right after a recommending cue, past "that", "all", "the", "each"
// ("encourage all States to", "recommends that States"), looked for before `limit`; or null.
const Group* GroupAfterCue(const SentenceScope& s, const CueMatch& cue, int limit) {
  int right = cue.token_end;
  while (right < limit && IsOneOf(s.text, s.Tok(right), {"that", "all", "the", "each"})) ++right;
  const Group* found = nullptr;
  for (const Group& g : s.groups) {
    // A group may open with a skipped word itself ("all Member States" is an alias).
    if (g.token_begin >= cue.token_end && g.token_begin <= right && !g.pronoun) found = &g;
  }
  return found;
}

void BindGroupActors(const Group& g, Accepted& a) {
  a.subject = g.actors;
  a.has_subject = !a.subject.empty() || g.collective;
}

// Where the named speaker of a reporting verb before a pronoun starts ("Australia announced
// [that] it", "BSI has indicated that it"), or -1.
int ReportingSpeakerBegin(const SentenceScope& s, int pronoun_begin) {
  int k = pronoun_begin - 1;
  if (k >= s.begin && TokenIs(s.text, s.Tok(k), "that")) --k;
  if (k < s.begin || !IsOneOf(s.text, s.Tok(k),
                              {"announced", "announces", "said", "says", "stated", "states",
                               "indicated", "indicates", "declared", "declares", "explained",
                               "added", "reported", "informed", "mentioned", "confirmed",
                               "confirms"})) {
    return -1;
  }
  --k;
  while (k >= s.begin && IsSkippable(s.text, s.Tok(k))) --k;
  const Group* speaker = GroupEndingAt(s, k);
  if (!speaker || speaker->pronoun) return -1;
  return ExtendLeft(s.text, *s.tokens, speaker->token_begin, s.begin);
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
  // "Australia announced it will fund ...": a pronoun reported by its antecedent's verb; the
  // clause opens at the one who announced, joined to the previous clause by a plain "and".
  // "..., which the United States welcomed": the clause keeps its relative pronoun.
  if (a.begin_token > s.begin && IsOneOf(s.text, s.Tok(a.begin_token - 1), {"which", "whom"})) {
    --a.begin_token;
  }
  const int reporter = group.pronoun ? ReportingSpeakerBegin(s, group.token_begin) : -1;
  if (reporter >= 0) {
    a.begin_token = reporter;
    if (!accepted.empty() && reporter - 1 >= accepted.back().cue.token_end &&
        TokenIs(s.text, s.Tok(reporter - 1), "and")) {
      a.connector = reporter - 1;
      return;
    }
  }
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
  // "shared the view that ... is important, and will explore ...": after a comma the modal
  // is the sentence's own predicate again.
  if (and_token > s.begin && TokenText(s.text, s.Tok(and_token - 1)) == ",") return false;
  const int previous_end = accepted.back().cue.token_end;
  for (int k = previous_end; k < and_token; ++k) {
    if (TokenIs(s.text, s.Tok(k), "that")) return true;
  }
  return TokenIs(s.text, s.Tok(previous_end - 1), "that");
}

// Whether token `k` separates the items of a run-in list: ";" or a bullet after ";" or ":".
bool IsListSeparator(const SentenceScope& s, int k) {
  if (k < s.begin) return false;
  std::string_view w = TokenText(s.text, s.Tok(k));
  if (w == ";") return true;
  // "; b) affirmed", "; (ii) welcomed": a label after ";" or ":".
  if (w == ")" && k - 1 > s.begin && s.Tok(k - 1).end - s.Tok(k - 1).begin <= 4 &&
      s.Tok(k - 1).kind != TokenKind::kPunct) {
    int before = k - 2;
    if (TokenText(s.text, s.Tok(before)) == "(") --before;
    if (before < s.begin) return false;
    std::string_view b = TokenText(s.text, s.Tok(before));
    return b == ";" || b == ":";
  }
  const bool bullet = w == "-" || w == "\u2022" || w == "\u2013" || w == "*";
  if (!bullet || k == s.begin) return false;
  std::string_view before = TokenText(s.text, s.Tok(k - 1));
  return before == ";" || before == ":";
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


// "Calls upon", "Requests", "Decides to": a capitalised verb in the third person singular that
// opens a sentence is a resolution's operative paragraph, spoken by the adopting body.
bool IsOperativeVerb(const SentenceScope& s, const CueMatch& cue) {
  std::string_view w = TokenText(s.text, s.Tok(cue.token_begin));
  if (w.size() <= 2 || w.front() < 'A' || w.front() > 'Z' || w.back() != 's') return false;
  // "Requests for Assistance" is a heading: a noun, followed by a preposition.
  return cue.token_end >= s.end || !IsOneOf(s.text, s.Tok(cue.token_end), {"for", "of", "from"});
}

// "Recognise that ...;", "Reaffirm our commitment to ...;", "Will explore ...;": a leaders'
// statement's item spoken by "We, the Heads of State ...": a capitalised cue in its base form
// (not "Should a dispute arise", not a participle or a third person, which have rules of
// their own).
bool IsStatementItemVerb(const SentenceScope& s, const CueMatch& cue) {
  std::string_view w = TokenText(s.text, s.Tok(cue.token_begin));
  if (w.size() <= 2 || w.front() < 'A' || w.front() > 'Z' || cue.opening_only) return false;
  if (w.size() > 3 && w.substr(1).find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos) {
    return false;  // "AFFIRMING", "NOTE": capitals have the participle rule or are headings
  }
  if (IsOneOf(s.text, s.Tok(cue.token_begin), {"should", "shall", "must", "is", "are"})) return false;
  if (w.back() == 's' || w.ends_with("ed") || w.ends_with("ing")) return false;
  // "Note: this statement was issued in ...", "Welcome: remarks by ..." are labels.
  if (cue.token_end < s.end && TokenText(s.text, s.Tok(cue.token_end)) == ":") return false;
  return s.end - s.begin >= 5;
}

// A paragraph spoken by someone ends like a clause; a heading ("Requests for Assistance",
// "Recognizing Cyber Threats") does not.
bool EndsLikeClause(const SentenceScope& s) {
  std::string_view last = TokenText(s.text, s.Tok(s.end - 1));
  return last == "." || last == ";" || last == "," || last == ":";
}

// Invariants 7 and 8: a cue that opens a list item or an operative or preambular paragraph,
// with no subject of its own, binds the chapeau's actors (or the document's parties).
void BindChapeauSubject(const SentenceScope& s, const SubjectContext& context, Accepted& a) {
  if (a.has_subject) return;
  const bool item_cue =
      context.item && context.chapeau.open &&
      OpensSentence(s, a.cue.token_begin, {"a", "an", "the", "to", "also", "further", "and"});
  const bool speaker_cue =
      (a.cue.opening_only || IsOperativeVerb(s, a.cue) || IsStatementItemVerb(s, a.cue)) &&
      OpensSentence(s, a.cue.token_begin, {}) && EndsLikeClause(s);
  if (!item_cue && !speaker_cue) return;
  if (context.chapeau.open) {
    a.subject = context.chapeau.actors;
    a.has_subject = context.chapeau.bound;
    // Under "NISC will:" the item's verb completes the chapeau: "invite experts" is pledged.
    if (item_cue && context.chapeau.bare) a.cue.type = context.chapeau.type;
  } else {
    a.subject = context.parties;
    a.has_subject = !a.subject.empty();
  }
  a.begin_token = s.begin;
}

// Invariant 9: "There will also be joint research", "Cooperation will be intensified": "will"
// after an opening noun phrase that names no actor states what the parties will do.
void BindAbstractSubject(const SentenceScope& s, const std::vector<Accepted>& accepted,
                         const SubjectContext& context, Accepted& a) {
  const CueMatch& cue = a.cue;
  // "will", "shall" and "must" state what is to be done ("Requests shall be made in writing");
  // "is planned" and "are scheduled" a plan.
  const Token& first = s.Tok(cue.token_begin);
  if (a.has_subject || !accepted.empty() || cue.token_begin == s.begin ||
      !(IsOneOf(s.text, first, {"will", "shall", "must"}) ||
        (cue.type == kIntention && IsOneOf(s.text, first, {"is", "are"})))) {
    return;
  }
  for (const Group& g : s.groups) {
    if (g.token_begin < cue.token_begin) return;  // an actor it does not bind (invariant 1)
  }
  if (IsOneOf(s.text, s.Tok(s.begin),
              {"this", "these", "such", "it", "that", "those", "nothing", "no", "neither"})) {
    return;
  }
  // The head of the subject: its words before the first preposition ("Courses on incident
  // response" is about courses, "The threat of attacks" about a threat).
  bool in_head = true;
  for (int k = s.begin; k < cue.token_begin; ++k) {
    // A body the gazetteer does not know ("The Chair", "the working group") is a subject of
    // its own, not the parties: a capitalised name after an opening "The", or a body's noun.
    std::string_view w = TokenText(s.text, s.Tok(k));
    if (k == s.begin + 1 && TokenIs(s.text, s.Tok(s.begin), "the") &&
        s.Tok(k).kind == TokenKind::kWord && w.front() >= 'A' && w.front() <= 'Z') {
      return;
    }
    if (IsOneOf(s.text, s.Tok(k),
                {"of", "on", "in", "for", "to", "from", "with", "by", "between", "against",
                 "under", "among", "at"})) {
      in_head = false;
    }
    if (IsOneOf(s.text, s.Tok(k),
                {"group", "committee", "secretariat", "council", "chair", "team", "centre",
                 "center", "agency", "ministry", "office", "delegation", "delegations", "body",
                 "government", "authority", "commission", "forum"})) {
      return;
    }
    if (IsOneOf(s.text, s.Tok(k),
                {"that", "which", "who", "if", "when", "whether", "as", "because", "while",
                 "although", "once", "until", "unless", "where"})) {
      return;
    }
    if (in_head &&
        IsOneOf(s.text, s.Tok(k),
                {"threat", "threats", "risk", "risks", "attack", "attacks", "incident",
                 "incidents", "challenge", "challenges", "danger", "dangers", "crime", "activity",
                 "activities", "memorandum", "agreement", "arrangement", "treaty", "convention",
                 "letter", "protocol", "annex", "article", "section", "provision", "provisions",
                 "text", "texts", "document"})) {
      return;
    }
  }
  // Final clauses: the text's own life, not anyone's action.
  int v = cue.token_end;
  while (v < s.end && IsOneOf(s.text, s.Tok(v), {"not", "also", "be", "only"})) ++v;
  const bool take_place = v + 1 < s.end && TokenIs(s.text, s.Tok(v), "take") &&
                          TokenIs(s.text, s.Tok(v + 1), "place");  // a meeting to be held
  if (!take_place &&
      v < s.end && IsOneOf(s.text, s.Tok(v),
                           {"enter", "entered", "expire", "terminate", "terminated", "cease",
                            "come", "take", "remain", "continue", "grow", "increase", "apply",
                            "prevail", "supersede", "replace", "affect", "prejudice", "include",
                            "consist", "comprise", "cover", "mean", "refer", "be", "commence",
                            "begin", "start", "lapse"})) {
    // "will remain flexible" and "will continue to be held" are kept below.
    const bool remain_state = TokenIs(s.text, s.Tok(v), "remain") && v + 1 < s.end &&
                              !TokenIs(s.text, s.Tok(v + 1), "in");
    const bool continue_action = TokenIs(s.text, s.Tok(v), "continue") && v + 2 < s.end &&
                                 TokenIs(s.text, s.Tok(v + 1), "to");
    if (!remain_state && !continue_action) return;
  }
  // The parties the document names first: the nearest subject may be a third party that the
  // statement reports on.
  a.subject = context.parties.empty() ? context.last_subject : context.parties;
  a.has_subject = !a.subject.empty();
  a.begin_token = s.begin;
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
  } else if (!accepted.empty() && IsListSeparator(s, left)) {
    // "Japan and the United States: - affirmed ...; - welcomed ...": the next item of a
    // run-in list shares the subject.
    BindCoordinatedSubject(s, left, accepted, a);
  } else if (accepted.empty()) {
    BindSentenceSubject(s, cue, a);
  }
  if (accepted.empty()) BindChapeauSubject(s, context, a);
  BindAddresseesAfterCue(s, accepted, a);
  BindAbstractSubject(s, accepted, context, a);
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

struct ItemRange {
  int begin = 0;  // tokens [begin, end) of one inline item, its label excluded
  int end = 0;
};

// The length in tokens of the inline item label at `k`: 3 for "(a)", "(ii)", "(3)", 1 for a
// bullet ("•", "-") that a plain-text list left inside the paragraph; 0 for none.
int InlineLabelLength(const SentenceScope& s, int k) {
  if (k >= s.end) return 0;
  std::string_view w = TokenText(s.text, s.Tok(k));
  if (w == "(" && k + 2 < s.end && TokenText(s.text, s.Tok(k + 2)) == ")" &&
      s.Tok(k + 1).end - s.Tok(k + 1).begin <= 4 && s.Tok(k + 1).kind != TokenKind::kPunct) {
    return 3;
  }
  for (std::string_view bullet : {"\u2022", "\u25AA", "\u25CF", "\u25E6", "\u2023", "\u2043",
                                  "\u25A0", "-", "\u2013", "*"}) {
    if (w == bullet) return 1;
  }
  return 0;
}

// The ":" token that ends clause `a`'s cue ("decided to:", "committed to the following:") and
// opens inline items, or -1.
int InlineListColon(const SentenceScope& s, const Accepted& a, int end_token) {
  int k = a.cue.token_end;
  while (k < end_token &&
         IsOneOf(s.text, s.Tok(k), {"the", "following", "as", "follows", "that"})) {
    ++k;
  }
  if (k >= end_token || TokenText(s.text, s.Tok(k)) != ":" || InlineLabelLength(s, k + 1) == 0) {
    return -1;
  }
  return k;
}

// Invariant 7 within one sentence: "decided to: (i) expand ...; (ii) hold ..." gives one item
// per label after the ":" that ends the cue, each without its label and its trailing "; and".
// Empty unless there are two items or more.
std::vector<ItemRange> InlineItems(const SentenceScope& s, const Accepted& a, int end_token) {
  const int colon = InlineListColon(s, a, end_token);
  if (colon < 0) return {};
  // One label style for the list: a "-" inside an item ("cyber-security") is no bullet.
  const int style = InlineLabelLength(s, colon + 1);
  std::string_view bullet = TokenText(s.text, s.Tok(colon + 1));
  std::vector<ItemRange> items;
  for (int t = colon + 1; t < end_token; ++t) {
    const int length = InlineLabelLength(s, t);
    if (length != style || (style == 1 && TokenText(s.text, s.Tok(t)) != bullet)) continue;
    if (style == 1 && t > colon + 1) {
      std::string_view before = TokenText(s.text, s.Tok(t - 1));
      if (before != ";" && before != "," && before != "." &&
          !IsOneOf(s.text, s.Tok(t - 1), {"and", "or"})) {
        continue;
      }
    }
    if (!items.empty()) items.back().end = t;
    items.push_back({t + length, end_token});
    t += length - 1;
  }
  std::erase_if(items, [](const ItemRange& item) { return item.end <= item.begin; });
  for (ItemRange& item : items) {
    while (item.end > item.begin + 1) {
      const Token& last = s.Tok(item.end - 1);
      std::string_view w = TokenText(s.text, last);
      if (w != ";" && w != "," && w != "." && !IsOneOf(s.text, last, {"and", "or"})) break;
      --item.end;
    }
  }
  if (items.size() < 2) return {};
  return items;
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
    // "NISC will invite experts", "will also encourage": a verb right after a cue is that cue's
    // predicate, not a clause of its own.
    if (!accepted.empty()) {
      int k = cue->token_begin - 1;
      while (k >= s.begin && IsSkippable(s.text, s.Tok(k))) --k;
      if (k + 1 == accepted.back().cue.token_end) continue;
    }
    // "Noting the progress, the two sides agreed ...": an introductory participle is no cue.
    if (cue->opening_only &&
        (!OpensSentence(s, cue->token_begin, {}) ||
         (s.main_subject && s.main_subject->token_begin > cue->token_begin))) {
      continue;
    }
    if (std::optional<Accepted> a = BindSubject(s, *cue, accepted, context)) {
      // The items of an inline list complete this cue: their verbs are not cues of their own.
      if (InlineListColon(s, *a, s.end) >= 0) i = s.end;
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

// Invariant 7: a chapeau's cue with nothing after it but ":" ("decided to:", "committed to
// the following:") is said by its items.
bool IsBareChapeauCue(const SentenceScope& s, const Accepted& a) {
  int k = a.cue.token_end;
  while (k < s.end && IsOneOf(s.text, s.Tok(k), {"the", "following", "as", "follows", "that"})) {
    ++k;
  }
  return k + 1 == s.end && TokenText(s.text, s.Tok(k)) == ":";
}

// Whether a cue-less item under `chapeau` says what to do: the chapeau's cue has nothing after
// it but ":" ("decided to:", "will:"), so the item completes it, and the item is a clause, not
// a heading ("Capacity building.") or a noun phrase naming an area ("the exchange of ...;").
bool IsActionItem(const SentenceScope& s, const Chapeau& chapeau) {
  if (!chapeau.bare) return false;
  if (s.end - s.begin < 4 || !EndsLikeClause(s)) return false;
  int first = s.begin;
  while (first < s.end && s.Tok(first).kind != TokenKind::kWord) ++first;
  if (first == s.end) return false;
  const Token& w = s.Tok(first);
  if (IsOneOf(s.text, w, {"the", "a", "an", "its", "their", "other", "such", "all", "any"})) {
    return false;
  }
  // A capitalised item is a heading or a noun ("Information sharing."), unless it repeats the
  // infinitive marker ("To expand ...").
  std::string_view word = TokenText(s.text, w);
  return word.front() < 'A' || word.front() > 'Z' || TokenIs(s.text, w, "to");
}

// "Both sides stressed that the two countries will ...": a clause with nothing after its cue
// but "that" before the next clause says nothing of its own; the next clause is the commitment.
bool HasEmptyComplement(const SentenceScope& s, const std::vector<Accepted>& accepted,
                        std::size_t k) {
  if (k + 1 == accepted.size()) return false;
  const int end_token = ClauseEndToken(s, accepted, k);
  for (int t = accepted[k].cue.token_end; t < end_token; ++t) {
    if (!TokenIs(s.text, s.Tok(t), "that") && TokenText(s.text, s.Tok(t)) != ":" &&
        TokenText(s.text, s.Tok(t)) != ",") {
      return false;
    }
  }
  return true;
}

// An item with no cue of its own under a chapeau with one: the item's first sentence is one
// commitment of the chapeau's cue and type (invariant 7).
ClauseCommitment BuildItemCommitment(const SentenceScope& s, const Chapeau& chapeau,
                                     const std::vector<ActorMention>& mentions) {
  ClauseCommitment c;
  c.span_begin = s.span.begin;
  c.span_end = s.span.end;
  c.text = std::string(s.text.substr(static_cast<std::size_t>(c.span_begin),
                                     static_cast<std::size_t>(c.span_end - c.span_begin)));
  c.cue = chapeau.cue;
  c.type = chapeau.type;
  Accepted a;
  a.subject = chapeau.actors;
  a.cue = CueMatch{s.begin, s.begin, chapeau.type, false, false};
  a.begin_token = s.begin;
  c.actors = AssignRoles(s, a, s.end, mentions);
  return c;
}

// The commitments of a clause with inline items: one per item, with the clause's cue, type and
// subject; the span is the item's.
std::vector<ClauseCommitment> BuildItemCommitments(const SentenceScope& s, const Accepted& a,
                                                   const std::vector<ItemRange>& items,
                                                   const std::vector<ActorMention>& mentions) {
  std::vector<ClauseCommitment> out;
  const int cue_begin = s.Tok(a.cue.token_begin).begin;
  const int cue_end = s.Tok(a.cue.token_end - 1).end;
  const std::string cue = CollapseWhitespace(s.text.substr(
      static_cast<std::size_t>(cue_begin), static_cast<std::size_t>(cue_end - cue_begin)));
  for (const ItemRange& item : items) {
    ClauseCommitment c;
    c.span_begin = s.Tok(item.begin).begin;
    c.span_end = s.Tok(item.end - 1).end;
    c.text = std::string(s.text.substr(static_cast<std::size_t>(c.span_begin),
                                       static_cast<std::size_t>(c.span_end - c.span_begin)));
    c.cue = cue;
    c.type = a.cue.type;
    Accepted in_item = a;
    in_item.begin_token = item.begin;
    c.actors = AssignRoles(s, in_item, item.end, mentions);
    out.push_back(std::move(c));
  }
  return out;
}

// Invariant 7: a paragraph whose last sentence ends in ":" opens a chapeau with that
// sentence's last clause (its subject, cue and type) or, with no clause, the actors it names
// ("The shared principles of the two countries include:"); one that names only its speaker
// ("The General Assembly,") opens one with no cue.
void OpenChapeau(const SentenceScope& s, const std::vector<Accepted>& accepted,
                 SubjectContext& context) {
  if (s.end <= s.begin) return;
  std::string_view last = TokenText(s.text, s.Tok(s.end - 1));
  Chapeau chapeau;
  chapeau.open = true;
  chapeau.fresh = true;
  if (last == ",") {
    // "The General Assembly,", or the parties with their definition: "X and Y (hereinafter
    // referred to as the "Participants"),".
    int speaker_end = s.end - 1;
    if (speaker_end > s.begin && TokenText(s.text, s.Tok(speaker_end - 1)) == ")") {
      int open = speaker_end - 1;
      while (open > s.begin && TokenText(s.text, s.Tok(open)) != "(") --open;
      if (TokenText(s.text, s.Tok(open)) == "(") speaker_end = open;
    }
    std::vector<const Group*> named;
    for (const Group& g : s.groups) {
      if (g.token_begin < speaker_end) named.push_back(&g);
    }
    if (named.size() != 1 || named.front()->pronoun ||
        ExtendLeft(s.text, *s.tokens, named.front()->token_begin, s.begin) != s.begin ||
        named.front()->token_end != speaker_end) {
      return;
    }
    chapeau.actors = named.front()->actors;
    chapeau.bound = !chapeau.actors.empty() || named.front()->collective;
    context.chapeau = std::move(chapeau);
    return;
  }
  if (last != ":") return;
  if (!accepted.empty()) {
    const Accepted& a = accepted.back();
    chapeau.actors = a.subject;
    chapeau.bound = a.has_subject;
    chapeau.has_cue = true;
    chapeau.bare = IsBareChapeauCue(s, a);
    chapeau.type = a.cue.type;
    int cue_begin = s.Tok(a.cue.token_begin).begin;
    int cue_end = s.Tok(a.cue.token_end - 1).end;
    chapeau.cue = CollapseWhitespace(s.text.substr(static_cast<std::size_t>(cue_begin),
                                                   static_cast<std::size_t>(cue_end - cue_begin)));
  } else {
    for (const Group& g : s.groups) {
      if (g.pronoun) continue;
      for (int actor : g.actors) {
        if (std::find(chapeau.actors.begin(), chapeau.actors.end(), actor) ==
            chapeau.actors.end()) {
          chapeau.actors.push_back(actor);
        }
      }
      chapeau.bound = chapeau.bound || g.collective;
    }
    if (chapeau.actors.empty() && !chapeau.bound) {
      chapeau.actors = context.last_subject.empty() ? context.parties : context.last_subject;
    }
    chapeau.bound = chapeau.bound || !chapeau.actors.empty();
  }
  context.chapeau = std::move(chapeau);
}

}  // namespace

std::vector<ClauseCommitment> ExtractCommitments(std::string_view text,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<TextSpan>& sentences,
                                                 const std::vector<ActorMention>& mentions,
                                                 SubjectContext& context) {
  std::vector<ClauseCommitment> out;
  int next_token = 0;
  std::optional<SentenceScope> last_scope;
  std::vector<Accepted> last_accepted;
  bool first_sentence = true;
  for (const TextSpan& sentence : sentences) {
    const TokenRange range = SentenceTokens(tokens, sentence, next_token);
    next_token = range.end;
    if (range.begin == range.end) continue;
    SentenceScope s = ReadSentence(text, tokens, mentions, sentence, range, context);
    std::vector<Accepted> accepted = FindClauses(s, context);
    RememberSubject(s, accepted, context);
    if (accepted.empty() && first_sentence && context.item && context.chapeau.open &&
        context.chapeau.has_cue && IsActionItem(s, context.chapeau)) {
      out.push_back(BuildItemCommitment(s, context.chapeau, mentions));
    }
    first_sentence = false;
    for (std::size_t k = 0; k < accepted.size(); ++k) {
      if (k + 1 == accepted.size() && IsBareChapeauCue(s, accepted[k])) continue;
      if (HasEmptyComplement(s, accepted, k)) continue;
      const std::vector<ItemRange> items =
          InlineItems(s, accepted[k], ClauseEndToken(s, accepted, k));
      if (!items.empty()) {
        for (ClauseCommitment& c : BuildItemCommitments(s, accepted[k], items, mentions)) {
          out.push_back(std::move(c));
        }
        continue;
      }
      out.push_back(BuildCommitment(s, accepted, k, mentions));
    }
    last_scope = std::move(s);
    last_accepted = std::move(accepted);
  }
  if (last_scope) OpenChapeau(*last_scope, last_accepted, context);
  return out;
}

}  // namespace nt::extract
