#include "extract/actor_mentions.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "core/text.h"

namespace nt::extract {
namespace {

// Collective references to the document's parties, as lower-cased token sequences.
// Chinese and Japanese ones are runs of character tokens ("双方" is 双 方).
constexpr std::array<std::string_view, 46> kCollectives = {
    "the two countries",    "both countries",    "the two governments", "both governments",
    "the two sides",        "both sides",        "the two nations",     "both nations",
    "the parties",          "both parties",      "the two parties",     "each party",
    "the participants",     "both participants", "the two participants", "each participant",
    "the signatories",      "each side",         "the sides",           "our two countries",
    "our countries",        "our two governments", "the two states",    "both states",
    "双方",                 "雙方",              "两国",                "兩國",
    "両国",                 "日米両国",          "中美双方",            "中美雙方",
    "中美两国",             "中美兩國",          "両政府",              "日米双方",
    "两国政府",             "兩國政府",          "缔约双方",            "締約雙方",
    "両参加者",             "参加者",            "両当事者",            "当事者",
    "我们",                 "我們"};

// All-caps tokens that are not names of anything an analyst would review: times, numerals,
// and the words that treaties, signature blocks and page headers print in capitals ("DONE at
// Canberra", "THAT the Parties", "MEDIA NOTE").
constexpr std::string_view kIgnoredAcronyms[] = {
    "DC",         "AM",          "PM",         "UTC",        "TV",        "OK",
    "II",         "III",         "IV",         "VI",         "VII",       "VIII",
    "IX",         "XI",          "XII",        "DONE",       "THAT",      "THE",
    "AND",        "FOR",         "WITH",       "FROM",       "THIS",      "THESE",
    "WHEREAS",    "WHEREOF",     "HEREBY",     "HAVE",       "HAS",       "HAD",
    "AGREED",     "AGREE",       "FOLLOWS",    "BETWEEN",    "ARTICLE",   "SECTION",
    "PART",       "CHAPTER",     "ANNEX",      "NOTE",       "NOTING",    "RECOGNISING",
    "RECOGNIZING", "CONSCIOUS",  "AFFIRMING",  "REAFFIRMING", "WISHING",  "DESIRING",
    "CONSIDERING", "SIGNED",     "WITNESS",    "DATE",       "NOW",       "THEREFORE",
    "NOT",        "ALL",         "ANY",        "SHALL",      "WILL",      "MAY",
    "ARE",        "OUR",         "YOU",        "YOUR",       "NEW",       "MEDIA",
    "PRESS",      "RELEASE",     "STATEMENT",  "JOINT",      "FACT",      "SHEET",
    "SUMMARY",    "OFFICE",      "EMBARGOED",  "UNTIL",      "IMMEDIATE", "BY",
    "OF",         "ON",          "IN",         "TO",         "AT",        "OR",
    "BE",         "IS",          "WE",         "AS",         "AN",        "IT",
    "MEMORANDUM", "UNDERSTANDING", "AGREEMENT", "GOVERNMENT", "MINISTRY", "REPUBLIC",
    "PARTIES",    "PARTICIPANTS", "COOPERATION", "CONCERNING", "REGARDING", "PREAMBLE"};
struct CompiledCollective {
  std::vector<std::string> words;
};

const std::vector<CompiledCollective>& Collectives() {
  static const std::vector<CompiledCollective> compiled = [] {
    std::vector<CompiledCollective> out;
    for (std::string_view phrase : kCollectives) {
      CompiledCollective c;
      for (const Token& token : Tokenize(phrase)) c.words.push_back(LowerToken(phrase, token));
      out.push_back(std::move(c));
    }
    return out;
  }();
  return compiled;
}

bool IsIgnoredAcronym(std::string_view word) {
  return std::find(std::begin(kIgnoredAcronyms), std::end(kIgnoredAcronyms), word) !=
         std::end(kIgnoredAcronyms);
}

std::string_view Text(std::string_view text, const std::vector<Token>& tokens, int i) {
  return TokenText(text, tokens[static_cast<std::size_t>(i)]);
}

// Capitals that are not acronyms: a run of upper-case words ("IN WITNESS WHEREOF"), or a part
// of a path or file name ("BWBV0001000/README.md").
bool IsHeadingOrPath(std::string_view text, const std::vector<Token>& tokens, int i) {
  auto all_caps_word = [&](int k) {
    if (k < 0 || k >= static_cast<int>(tokens.size())) return false;
    const Token& t = tokens[static_cast<std::size_t>(k)];
    if (t.kind != TokenKind::kWord || t.end - t.begin < 2) return false;
    std::string_view w = TokenText(text, t);
    return std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  if (all_caps_word(i - 1) || all_caps_word(i + 1)) return true;
  // A name with an initial: "MICHAEL R. POMPEO", "J. MICHAEL SMITH".
  auto initial_at = [&](int k) {
    if (k < 0 || k + 1 >= static_cast<int>(tokens.size())) return false;
    std::string_view w = Text(text, tokens, k);
    return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z' && Text(text, tokens, k + 1) == ".";
  };
  if (initial_at(i + 1) && all_caps_word(i + 3)) return true;
  if (initial_at(i - 2) && (all_caps_word(i - 3) || i - 2 == 0)) return true;
  const Token& token = tokens[static_cast<std::size_t>(i)];
  auto touching = [&](int k, bool before) {
    if (k < 0 || k >= static_cast<int>(tokens.size())) return false;
    const Token& t = tokens[static_cast<std::size_t>(k)];
    return before ? t.end == token.begin : t.begin == token.end;
  };
  if (touching(i - 1, true) && Text(text, tokens, i - 1) == "/") return true;
  if (touching(i + 1, false) && Text(text, tokens, i + 1) == "/") return true;
  // "README.md": a period glued to a lower-case word.
  if (touching(i + 1, false) && Text(text, tokens, i + 1) == "." && i + 2 < static_cast<int>(tokens.size()) &&
      tokens[static_cast<std::size_t>(i + 2)].begin == tokens[static_cast<std::size_t>(i + 1)].end) {
    return true;
  }
  return false;
}

// The defined collective words: "the Participants", "the Parties", "the Sides".
bool IsDefinableTerm(std::string_view text, const Token& token) {
  for (std::string_view w : {"participants", "parties", "sides", "signatories"}) {
    if (TokenIs(text, token, w)) return true;
  }
  return false;
}

// Where the definition of the term at `at` opens ("hereinafter", "hereafter" or its "("),
// looking back within the sentence; -1 when the word is not being defined.
int DefinitionOpening(std::string_view text, const std::vector<Token>& tokens, int at) {
  for (int k = at - 1; k >= 0 && k >= at - 24; --k) {
    std::string_view w = Text(text, tokens, k);
    if (w == ")" || w == "." || w == ";") return -1;
    if (TokenIs(text, tokens[static_cast<std::size_t>(k)], "hereinafter") ||
        TokenIs(text, tokens[static_cast<std::size_t>(k)], "hereafter")) {
      return k > 0 && Text(text, tokens, k - 1) == "(" ? k - 1 : k;
    }
  }
  return -1;
}

}  // namespace

bool LooksLikeAcronym(std::string_view word, bool allow_mixed) {
  if (word.size() < 2 || word.size() > 10) return false;
  int upper = 0;
  int lower = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    } else if (!(c >= '0' && c <= '9')) {
      return false;
    }
  }
  if (word[0] < 'A' || word[0] > 'Z') return false;
  if (upper < 2) return false;
  if (lower == 0) return true;
  // "IoT", "CoE": capitals outnumber or match the small letters; "McDonald" is not one.
  return allow_mixed && lower <= upper && word.back() >= 'A' && word.back() <= 'Z';
}

void DocumentActors::Learn(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<ActorMatch> matches = gazetteer_.MatchAll(text, tokens);
  std::vector<int> covered(tokens.size(), -1);  // token -> actor covering it
  for (const ActorMatch& m : matches) {
    for (int t = m.token_begin; t < m.token_end; ++t) covered[static_cast<std::size_t>(t)] = m.actor_index;
  }
  const int n = static_cast<int>(tokens.size());
  if (defined_parties_.empty()) LearnDefinedParties(text, tokens, covered);
  for (int i = 0; i < n; ++i) {
    if (covered[static_cast<std::size_t>(i)] >= 0) continue;
    if (tokens[static_cast<std::size_t>(i)].kind != TokenKind::kWord) continue;
    std::string_view word = Text(text, tokens, i);
    if (word.size() >= 4 && std::any_of(word.begin(), word.end(),
                                        [](char c) { return c >= 'a' && c <= 'z'; })) {
      ordinary_words_.insert(LowerToken(text, tokens[static_cast<std::size_t>(i)]));
    }
    bool in_parens = i > 0 && i + 1 < n && Text(text, tokens, i - 1) == "(" &&
                     Text(text, tokens, i + 1) == ")";
    if (in_parens && LooksLikeAcronym(word, true)) {
      defined_[std::string(word)] = true;
      // "Known Name (ACR)" or "Known Name's (ACR)": the acronym is the actor's in this text.
      int before = i - 2;
      if (before >= 1 && Text(text, tokens, before) == "s" &&
          IsApostrophe(Text(text, tokens, before - 1))) {
        before -= 2;
      }
      if (before >= 0 && covered[static_cast<std::size_t>(before)] >= 0 &&
          !gazetteer_.Find(word)) {
        learned_.emplace(std::string(word), covered[static_cast<std::size_t>(before)]);
        continue;
      }
    }
    if (IsHeadingOrPath(text, tokens, i)) continue;
    if (LooksLikeAcronym(word, false)) {
      if (!IsIgnoredAcronym(word)) ++acronym_counts_[std::string(word)];
    } else if (LooksLikeAcronym(word, true)) {
      ++mixed_counts_[std::string(word)];
    }
  }
}

// "X and Y (hereinafter referred to as the "Participants")": the actors named before the
// definition in its sentence, after "between" when the sentence has one, less a state named as
// the home of an agency beside it ("the Ministry ... of Japan"). Kept when two or more.
void DocumentActors::LearnDefinedParties(std::string_view text, const std::vector<Token>& tokens,
                                         const std::vector<int>& covered) {
  const int n = static_cast<int>(tokens.size());
  for (int i = 0; i < n; ++i) {
    if (!IsDefinableTerm(text, tokens[static_cast<std::size_t>(i)])) continue;
    const int opening = DefinitionOpening(text, tokens, i);
    if (opening < 0) continue;
    int from = opening;
    while (from > 0 && Text(text, tokens, from - 1) != "." && Text(text, tokens, from - 1) != ";") {
      --from;
    }
    for (int k = from; k < opening; ++k) {
      if (TokenIs(text, tokens[static_cast<std::size_t>(k)], "between")) from = k + 1;
    }
    std::vector<int> named;
    for (int k = from; k < opening; ++k) {
      const int actor = covered[static_cast<std::size_t>(k)];
      if (actor >= 0 && std::find(named.begin(), named.end(), actor) == named.end()) {
        named.push_back(actor);
      }
    }
    std::vector<int> defined;
    for (int actor : named) {
      const bool home_of_another = std::any_of(named.begin(), named.end(), [&](int other) {
        return gazetteer_.actor(other).parent_index == actor;
      });
      if (!home_of_another) defined.push_back(actor);
    }
    if (defined.size() < 2) continue;
    defined_parties_ = std::move(defined);
    defined_term_ = LowerToken(text, tokens[static_cast<std::size_t>(i)]);
    return;
  }
}

std::vector<ActorMention> DocumentActors::Find(std::string_view text,
                                               const std::vector<Token>& tokens) const {
  std::vector<ActorMention> mentions;
  const int n = static_cast<int>(tokens.size());
  const auto& collectives = Collectives();
  int i = 0;
  while (i < n) {
    const Token& token = tokens[static_cast<std::size_t>(i)];
    if (token.kind == TokenKind::kPunct) {
      ++i;
      continue;
    }
    // Collectives first: "both countries" is not the start of any alias. They all open with
    // one of four words or a CJK character, which keeps this loop off the hot path.
    bool found = false;
    bool may_open_collective = TokenIs(text, token, "the") || TokenIs(text, token, "both") ||
                               TokenIs(text, token, "each") || TokenIs(text, token, "our") ||
                               static_cast<unsigned char>(
                                   text[static_cast<std::size_t>(token.begin)]) >= 0xE0;
    for (const CompiledCollective& c : collectives) {
      if (!may_open_collective) break;
      int len = static_cast<int>(c.words.size());
      if (i + len > n) continue;
      bool same = true;
      for (int k = 0; k < len && same; ++k) {
        same = TokenIs(text, tokens[static_cast<std::size_t>(i + k)], c.words[static_cast<std::size_t>(k)]);
      }
      if (!same) continue;
      // "each Participant" names the defined "Participants" too.
      const std::string& last = c.words.back();
      const bool defined =
          !defined_parties_.empty() &&
          (last == defined_term_ || last + "s" == defined_term_);
      if (defined) {
        mentions.push_back(
            {i, i + len, MentionKind::kDefinedTerm, defined_parties_, true, false, false});
      } else {
        mentions.push_back({i, i + len, MentionKind::kCollective, parties_, true, false, false});
      }
      i += len;
      found = true;
      break;
    }
    if (found) continue;
    if (auto match = gazetteer_.LongestMatchAt(text, tokens, i)) {
      mentions.push_back({i, match->token_end, MentionKind::kNamed, {match->actor_index}, false,
                          false, false});
      i = match->token_end;
      continue;
    }
    std::string_view word = TokenText(text, token);
    if (auto it = learned_.find(std::string(word)); it != learned_.end()) {
      mentions.push_back({i, i + 1, MentionKind::kNamed, {it->second}, false, false, false});
      ++i;
      continue;
    }
    if (TokenIs(text, token, "they") || TokenIs(text, token, "we")) {
      mentions.push_back({i, i + 1, MentionKind::kPronoun, {}, true, false, false});
    } else if (TokenIs(text, token, "it") || TokenIs(text, token, "he") ||
               TokenIs(text, token, "she")) {
      mentions.push_back({i, i + 1, MentionKind::kPronoun, {}, false, false, false});
    }
    ++i;
  }

  // Modifiers and repeats.
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    ActorMention& mention = mentions[m];
    if (mention.kind != MentionKind::kNamed) continue;
    bool dash_before = mention.token_begin > 0 &&
                       IsDash(Text(text, tokens, mention.token_begin - 1)) && m > 0 &&
                       mentions[m - 1].token_end == mention.token_begin - 1;
    bool dash_after = mention.token_end < n && IsDash(Text(text, tokens, mention.token_end)) &&
                      m + 1 < mentions.size() &&
                      mentions[m + 1].token_begin == mention.token_end + 1;
    if (dash_before || dash_after) mention.modifier = true;
    if (m == 0) continue;
    const ActorMention& prev = mentions[m - 1];
    if (prev.kind != MentionKind::kNamed || prev.actors.empty()) continue;
    int gap_begin = prev.token_end;
    int gap_end = mention.token_begin;
    // "(NISC)" or "'s (DHS)" right after the same actor's full name.
    if (mention.actors == prev.actors) {
      bool only_paren = true;
      for (int t = gap_begin; t < gap_end && only_paren; ++t) {
        std::string_view g = Text(text, tokens, t);
        only_paren = g == "(" || g == "s" || IsApostrophe(g);
      }
      if (only_paren && gap_end > gap_begin) mention.absorbed = true;
      continue;
    }
    // "of Japan" after a Japanese agency, possibly after "(NISC)"; "of the Republic of
    // Estonia" when the state's name is not "the ..." itself.
    if (gap_end - gap_begin >= 2 && Text(text, tokens, gap_end - 2) == std::string_view("of") &&
        TokenIs(text, tokens[static_cast<std::size_t>(gap_end - 1)], "the")) {
      --gap_end;
    }
    if (gap_end - gap_begin >= 1 && Text(text, tokens, gap_end - 1) == std::string_view("of")) {
      bool rest_is_paren = true;
      for (int t = gap_begin; t < gap_end - 1 && rest_is_paren; ++t) {
        rest_is_paren = Text(text, tokens, t) == ")";
      }
      int parent = gazetteer_.actor(prev.actors.front()).parent_index;
      if (rest_is_paren && parent >= 0 && mention.actors.front() == parent) {
        mention.absorbed = true;
      }
    }
  }
  return mentions;
}

std::vector<std::pair<std::string, int>> DocumentActors::UnknownAcronyms() const {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [word, count] : acronym_counts_) {
    // "DONE", "MICHAEL": a word the document also writes in small letters is a word.
    if (word.size() >= 4 && !defined_.contains(word) &&
        ordinary_words_.contains(ToLowerAscii(word))) {
      continue;
    }
    if (!learned_.contains(word)) out.emplace_back(word, count);
  }
  for (const auto& [word, count] : mixed_counts_) {
    if (defined_.contains(word) && !learned_.contains(word)) out.emplace_back(word, count);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

}  // namespace nt::extract
