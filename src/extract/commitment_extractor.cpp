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

}  // namespace

std::vector<ClauseCommitment> ExtractCommitments(std::string_view text,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<TextSpan>& sentences,
                                                 const std::vector<ActorMention>& mentions,
                                                 SubjectContext& context) {
  std::vector<ClauseCommitment> out;
  const int n = static_cast<int>(tokens.size());
  int t = 0;
  for (const TextSpan& sentence : sentences) {
    while (t < n && tokens[static_cast<std::size_t>(t)].begin < sentence.begin) ++t;
    const int sb = t;
    int se = sb;
    while (se < n && tokens[static_cast<std::size_t>(se)].end <= sentence.end) ++se;
    t = se;
    if (se == sb) continue;
    auto tok = [&](int i) -> const Token& { return tokens[static_cast<std::size_t>(i)]; };

    std::vector<Group> groups = BuildGroups(text, tokens, mentions, sb, se);

    // The sentence's subject: the first group that opens the sentence or follows an
    // introductory phrase ("In particular, the National Center ... announced").
    const Group* main = nullptr;
    for (const Group& g : groups) {
      if (g.pronoun) continue;
      int start = ExtendLeft(text, tokens, g.token_begin, sb);
      if (start == sb || TokenText(text, tok(start - 1)) == "," ||
          TokenText(text, tok(start - 1)) == ":") {
        main = &g;
        break;
      }
    }
    // "We, the Leaders of the G7, commit to ...": "we" are the appositive, or the parties.
    Group we_group;
    if (se - sb > 2 && TokenIs(text, tok(sb), "we") && (!main || main->token_begin > sb)) {
      we_group = Group{sb, sb + 1, context.parties, false, true, false};
      if (TokenText(text, tok(sb + 1)) == ",") {
        for (const Group& g : groups) {
          if (g.pronoun || g.token_begin > sb + 8) continue;
          we_group.actors = g.actors;  // named explicitly: stronger than the parties
          we_group.token_end = g.token_end;
          break;
        }
      }
      if (!we_group.actors.empty()) main = &we_group;
    }

    auto resolve = [&](const Group& g, const std::vector<Accepted>& accepted) {
      if (!g.pronoun) return g.actors;
      if (TokenIs(text, tok(g.token_begin), "we")) {
        return context.parties.empty() ? context.last_subject : context.parties;
      }
      if (g.plural) {
        if (!accepted.empty() && !accepted.back().subject_is_addressee) {
          return accepted.back().subject;
        }
        if (main && main->token_end <= g.token_begin) return main->actors;
        return context.last_subject.empty() ? context.parties : context.last_subject;
      }
      // "it": the latest single actor before the pronoun in this sentence.
      for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
        if (!it->pronoun && it->token_end <= g.token_begin && it->actors.size() == 1) {
          return it->actors;
        }
      }
      return context.last_subject.size() == 1 ? context.last_subject : std::vector<int>{};
    };

    std::vector<Accepted> accepted;
    for (int i = sb; i < se;) {
      auto cue = MatchCueAt(text, tokens, i);
      if (!cue || cue->token_end > se) {
        ++i;
        continue;
      }
      i = cue->token_end;
      // Invariant 2: relative clauses report someone else's words.
      bool relative = false;
      for (int k = cue->token_begin - 1; k >= sb; --k) {
        std::string_view w = TokenText(text, tok(k));
        if (w == "," || w == ";" || w == ":") break;
        if (TokenIs(text, tok(k), "which") || TokenIs(text, tok(k), "who")) {
          relative = true;
          break;
        }
      }
      if (relative) continue;

      Accepted a;
      a.cue = *cue;
      int left = cue->token_begin - 1;
      if (cue->passive) --left;  // past "are" in "are encouraged"
      while (left >= sb && IsSkippable(text, tok(left))) --left;
      const Group* adjacent = nullptr;
      if (left >= sb) {
        for (const Group& g : groups) {
          if (g.token_end - 1 == left) adjacent = &g;
        }
      }
      if (adjacent) {
        a.subject = resolve(*adjacent, accepted);
        a.has_subject = !a.subject.empty() || adjacent->collective;
        a.subject_begin = adjacent->token_begin;
        a.subject_end = adjacent->token_end;
        a.begin_token = ExtendLeft(text, tokens, adjacent->token_begin, sb);
        // "..., and Japan announced that it will ...": the clause starts after ", and" (or
        // ";"), not at the pronoun.
        if (!accepted.empty()) {
          for (int k = a.begin_token - 1; k >= accepted.back().cue.token_end; --k) {
            std::string_view w = TokenText(text, tok(k));
            bool comma_and = TokenIs(text, tok(k), "and") && k > sb &&
                             TokenText(text, tok(k - 1)) == ",";
            if (w == ";" || comma_and) {
              a.connector = k;
              a.begin_token = k + 1;
              break;
            }
          }
        }
      } else if (left >= sb && TokenIs(text, tok(left), "and")) {
        // A coordinated predicate shares the subject (invariant 1), except a bare modal after
        // a "that" clause: in "recognized that the threat grows and will require ...", the
        // "will" belongs to the threat.
        bool modal = IsOneOf(text, tok(cue->token_begin), {"will", "shall", "should"});
        bool after_complement = false;
        if (!accepted.empty() && modal) {
          for (int k = accepted.back().cue.token_end; k < left && !after_complement; ++k) {
            after_complement = TokenIs(text, tok(k), "that");
          }
          if (TokenIs(text, tok(accepted.back().cue.token_end - 1), "that")) after_complement = true;
        }
        if (after_complement) {
          continue;
        } else if (!accepted.empty()) {
          a.subject = accepted.back().subject;
          a.has_subject = accepted.back().has_subject;
          a.subject_is_addressee = accepted.back().subject_is_addressee;
        } else if (main && main->token_end <= left) {
          a.subject = main->actors;
          a.has_subject = !a.subject.empty() || main->collective;
        }
        a.connector = left;
        a.begin_token = left + 1;
      } else if (accepted.empty() && main && main->token_end <= cue->token_begin) {
        bool subordinate = false;
        for (int k = main->token_end; k < cue->token_begin && !subordinate; ++k) {
          subordinate = IsOneOf(text, tok(k), {"that", "which", "who", "if", "when", "whether"});
        }
        if (!subordinate) {
          a.subject = main->actors;
          a.has_subject = !a.subject.empty() || main->collective;
          a.begin_token = sb;
        }
      }
      // "The Group recommends that States ...": the author is no actor we know, but the
      // actors asked to act are named right after the cue.
      if (!a.has_subject && cue->type == kRecommendation &&
          !TokenIs(text, tok(cue->token_begin), "should") && !cue->passive) {
        int right = cue->token_end;
        while (right < se && IsOneOf(text, tok(right), {"that", "all", "the", "each"})) ++right;
        for (const Group& g : groups) {
          if (g.token_begin == right && !g.pronoun) {
            a.subject = g.actors;
            a.has_subject = !a.subject.empty() || g.collective;
            a.subject_is_addressee = true;
            a.subject_begin = g.token_begin;
            a.subject_end = g.token_end;
            a.begin_token = accepted.empty() ? sb : cue->token_begin;
          }
        }
      }
      if (!a.has_subject) continue;
      // "it will be important to ..." is a statement, not a pledge.
      if (adjacent && adjacent->pronoun && !adjacent->plural && cue->token_end < se &&
          TokenIs(text, tok(cue->token_end), "be")) {
        continue;
      }
      if (cue->type == kRecommendation &&
          (TokenIs(text, tok(cue->token_begin), "should") || cue->passive)) {
        a.subject_is_addressee = true;
      }
      accepted.push_back(std::move(a));
    }

    if (!accepted.empty()) {
      accepted.front().begin_token = sb;
      if (!accepted.back().subject_is_addressee) context.last_subject = accepted.back().subject;
    } else if (main) {
      context.last_subject = main->actors;
    }

    for (std::size_t k = 0; k < accepted.size(); ++k) {
      const Accepted& a = accepted[k];
      int end_token = se;
      if (k + 1 < accepted.size()) {
        const Accepted& next = accepted[k + 1];
        end_token = std::max(next.connector >= 0 ? next.connector : next.begin_token,
                             a.begin_token + 1);
        while (end_token > a.begin_token + 1) {
          std::string_view w = TokenText(text, tok(end_token - 1));
          if (w == "," || w == ";" || TokenIs(text, tok(end_token - 1), "and")) {
            --end_token;
          } else {
            break;
          }
        }
      }
      ClauseCommitment c;
      c.span_begin = k == 0 ? sentence.begin : tok(a.begin_token).begin;
      c.span_end = k + 1 == accepted.size() ? sentence.end : tok(end_token - 1).end;
      c.text = std::string(text.substr(static_cast<std::size_t>(c.span_begin),
                                       static_cast<std::size_t>(c.span_end - c.span_begin)));
      int cue_begin = tok(a.cue.token_begin).begin;
      int cue_end = tok(a.cue.token_end - 1).end;
      c.cue = CollapseWhitespace(text.substr(static_cast<std::size_t>(cue_begin),
                                             static_cast<std::size_t>(cue_end - cue_begin)));
      c.type = a.cue.type;
      ActorRole subject_role = a.subject_is_addressee ? ActorRole::kAddressee : ActorRole::kSubject;
      for (int actor : a.subject) c.actors.push_back({actor, subject_role});
      auto has = [&](int actor) {
        return std::any_of(c.actors.begin(), c.actors.end(),
                           [&](const ClauseActor& x) { return x.actor_index == actor; });
      };
      // Invariant 5: "encourage all States to ...": the group right after an active
      // recommending verb is asked to act; everyone else named is a counterpart.
      int addressee_begin = -1;
      int addressee_end = -1;
      if (a.cue.type == kRecommendation && !a.subject_is_addressee) {
        int right = a.cue.token_end;
        while (right < end_token && IsOneOf(text, tok(right), {"that", "all", "the", "each"})) {
          ++right;
        }
        for (const Group& g : groups) {
          if (g.token_begin == right && !g.pronoun) {
            addressee_begin = g.token_begin;
            addressee_end = g.token_end;
          }
        }
      }
      for (const ActorMention& m : mentions) {
        if (m.kind != MentionKind::kNamed || m.modifier || m.absorbed) continue;
        if (m.token_begin < a.begin_token || m.token_end > end_token) continue;
        if (m.token_begin >= a.subject_begin && m.token_end <= a.subject_end) continue;
        int actor = m.actors.front();
        if (has(actor)) continue;
        bool addressed = m.token_begin >= addressee_begin && m.token_end <= addressee_end;
        c.actors.push_back({actor, addressed ? ActorRole::kAddressee : ActorRole::kCounterpart});
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace nt::extract
