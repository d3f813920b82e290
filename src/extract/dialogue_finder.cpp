#include "extract/dialogue_finder.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

#include "core/text.h"

namespace nt::extract {
namespace {

constexpr std::array<std::string_view, 20> kOrdinals = {
    "first",      "second",     "third",      "fourth",      "fifth",
    "sixth",      "seventh",    "eighth",     "ninth",       "tenth",
    "eleventh",   "twelfth",    "thirteenth", "fourteenth",  "fifteenth",
    "sixteenth",  "seventeenth", "eighteenth", "nineteenth", "twentieth"};

// Lower-case words that may still be part of a dialogue's name ("Japan–US cyber dialogue").
constexpr std::array<std::string_view, 12> kTopicWords = {
    "cyber",   "cybersecurity", "policy",   "security", "strategic", "economic",
    "digital", "ict",           "bilateral", "trilateral", "internet", "defense"};

bool IsTopicWord(std::string_view word) {
  if (word.empty()) return false;
  if (word[0] >= 'A' && word[0] <= 'Z') return true;
  std::string lower = ToLowerAscii(word);
  return std::find(kTopicWords.begin(), kTopicWords.end(), lower) != kTopicWords.end();
}

bool IsStopWord(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kStop = {"the", "of",   "a",  "an",
                                                            "this", "that", "and", "for"};
  std::string lower = ToLowerAscii(word);
  return std::find(kStop.begin(), kStop.end(), lower) != kStop.end();
}

std::string MakeKey(const std::vector<int>& parties, const std::vector<std::string>& topic,
                    const Gazetteer& gazetteer) {
  std::vector<std::string> names;
  for (int p : parties) names.push_back(ToLowerAscii(gazetteer.actor(p).canonical_name));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string key = Join(names, "+");
  key += '|';
  for (const std::string& word : topic) {
    std::string lower = ToLowerAscii(word);
    if (lower == "bilateral") continue;
    key += lower;
    key += ' ';
  }
  key += "dialogue";
  return key;
}

// Whether the round mentioned at tokens [begin, end) is only hoped for: its sentence says
// "at an early date", or a verb of effort or hope leads to it ("work to hold", "look forward
// to", "hope to hold") with no year in the sentence.
bool IsHopedFor(std::string_view text, const std::vector<Token>& tokens, int begin, int end) {
  const int n = static_cast<int>(tokens.size());
  auto word = [&](int i) { return TokenText(text, tokens[static_cast<std::size_t>(i)]); };
  auto is = [&](int i, std::string_view w) {
    return i >= 0 && i < n && TokenIs(text, tokens[static_cast<std::size_t>(i)], w);
  };
  int first = begin;
  while (first > 0 && word(first - 1) != "." && word(first - 1) != ";") --first;
  int last = end;
  while (last < n && word(last) != "." && word(last) != ";") ++last;
  bool has_year = false;
  for (int k = first; k < last; ++k) {
    if (is(k, "early") && is(k + 1, "date")) return true;
    std::string_view w = word(k);
    has_year = has_year || (w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) &&
                            std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }));
  }
  if (has_year) return false;
  for (int k = first; k < begin; ++k) {
    const bool effort = (is(k, "work") || is(k, "seek") || is(k, "strive") || is(k, "hope") ||
                         is(k, "hoped") || is(k, "endeavour") || is(k, "endeavor")) &&
                        is(k + 1, "to");
    const bool forward = is(k, "forward") && is(k + 1, "to");
    if (effort || forward) return true;
  }
  return false;
}

// Whether the mention starting at `begin` is a time reference: "after", "before", "since",
// "ahead of", "prior to" right before it (past "the", "shortly", "just", "soon", "immediately").
bool IsInPassing(std::string_view text, const std::vector<Token>& tokens, int begin) {
  auto is = [&](int i, std::string_view w) {
    return i >= 0 && TokenIs(text, tokens[static_cast<std::size_t>(i)], w);
  };
  int k = begin - 1;
  while (k >= 0 && (is(k, "the") || is(k, "shortly") || is(k, "just") || is(k, "soon") ||
                    is(k, "immediately"))) {
    --k;
  }
  if (is(k, "after") || is(k, "before") || is(k, "since")) return true;
  return (is(k, "of") && is(k - 1, "ahead")) || (is(k, "to") && is(k - 1, "prior"));
}

}  // namespace

std::optional<int> ParseOrdinal(std::string_view word) {
  std::string lower = ToLowerAscii(word);
  if (lower == "inaugural") return 1;
  for (std::size_t i = 0; i < kOrdinals.size(); ++i) {
    if (lower == kOrdinals[i]) return static_cast<int>(i) + 1;
  }
  // "5th", "21st", "2nd", "3rd".
  std::size_t digits = 0;
  while (digits < lower.size() && lower[digits] >= '0' && lower[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3) return std::nullopt;
  std::string_view suffix = std::string_view(lower).substr(digits);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
  int value = 0;
  std::from_chars(lower.data(), lower.data() + digits, value);
  return value > 0 ? std::optional<int>(value) : std::nullopt;
}

std::vector<DialogueNameMention> FindDialogueMentions(std::string_view text,
                                                      const std::vector<Token>& tokens,
                                                      const std::vector<ActorMention>& mentions,
                                                      const Gazetteer& gazetteer) {
  std::vector<DialogueNameMention> found;
  std::unordered_map<int, int> mention_ending_at;  // token_end -> mention index
  std::vector<bool> in_mention(tokens.size(), false);
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].kind != MentionKind::kNamed) continue;
    mention_ending_at[mentions[m].token_end] = static_cast<int>(m);
    for (int t = mentions[m].token_begin; t < mentions[m].token_end; ++t) {
      in_mention[static_cast<std::size_t>(t)] = true;
    }
  }
  auto word_at = [&](int i) { return TokenText(text, tokens[static_cast<std::size_t>(i)]); };

  for (int d = 0; d < static_cast<int>(tokens.size()); ++d) {
    if (!TokenIs(text, tokens[static_cast<std::size_t>(d)], "dialogue") &&
        !TokenIs(text, tokens[static_cast<std::size_t>(d)], "dialog")) {
      continue;
    }
    // Topic words right before "Dialogue".
    int j = d - 1;
    std::vector<std::string> topic;
    while (j >= 0 && d - j <= 4 && tokens[static_cast<std::size_t>(j)].kind == TokenKind::kWord &&
           !in_mention[static_cast<std::size_t>(j)] && IsTopicWord(word_at(j)) &&
           !IsStopWord(word_at(j)) && !ParseOrdinal(word_at(j))) {
      topic.insert(topic.begin(), std::string(word_at(j)));
      --j;
    }
    // Parties joined by dashes: "Japan-U.S.", "United States-Japan".
    std::vector<int> parties;
    int start = j + 1;
    int end_of_party = j + 1;
    while (true) {
      auto it = mention_ending_at.find(end_of_party);
      if (it == mention_ending_at.end()) break;
      const ActorMention& mention = mentions[static_cast<std::size_t>(it->second)];
      parties.insert(parties.begin(), mention.actors.front());
      start = mention.token_begin;
      if (start >= 1 && IsDash(word_at(start - 1))) {
        end_of_party = start - 1;
      } else {
        break;
      }
    }
    DialogueNameMention mention;
    if (parties.size() >= 2) {
      mention.parties = parties;
      mention.key = MakeKey(parties, topic, gazetteer);
      int begin = tokens[static_cast<std::size_t>(start)].begin;
      int end = tokens[static_cast<std::size_t>(d)].end;
      mention.name = CollapseWhitespace(
          text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)));
    } else {
      start = j + 1;  // unnamed: "the sixth (cyber) dialogue"
    }
    mention.token_begin = start;
    mention.token_end = d + 1;
    if (start >= 1) {
      if (auto ordinal = ParseOrdinal(word_at(start - 1))) {
        mention.round = ordinal;
        mention.token_begin = start - 1;
      }
    }
    mention.in_passing = IsInPassing(text, tokens, mention.token_begin);
    if (mention.round && IsHopedFor(text, tokens, mention.token_begin, mention.token_end)) {
      mention.hoped = true;
      mention.round.reset();
    }
    if (mention.key.empty() && !mention.round) continue;  // "a dialogue", "this Dialogue"
    for (int k = std::max(0, mention.token_begin - 6); k < mention.token_begin; ++k) {
      std::string lower = ToLowerAscii(word_at(k));
      if (lower == "intersessional" || (lower == "sessional" && k >= 2 &&
                                        TokenIs(text, tokens[static_cast<std::size_t>(k - 2)],
                                                "inter"))) {
        mention.intersessional = true;
      }
    }
    found.push_back(std::move(mention));
  }
  return found;
}

std::string DialogueKeyOf(std::string_view name, const Gazetteer& gazetteer) {
  std::vector<Token> tokens = Tokenize(name);
  DocumentActors actors(gazetteer);
  std::vector<ActorMention> mentions = actors.Find(name, tokens);
  for (const DialogueNameMention& m : FindDialogueMentions(name, tokens, mentions, gazetteer)) {
    if (!m.key.empty()) return m.key;
  }
  return {};
}

}  // namespace nt::extract
