#include "importers/statement_dateline.h"

#include <array>
#include <vector>

#include "core/text.h"
#include "extract/date_finder.h"
#include "extract/tokenizer.h"

namespace nt::importers {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Release types as the State Department, MOFA and other ministries print them.
constexpr std::array<std::string_view, 14> kReleaseTypes = {
    "Media Note",     "Press Release", "Press Statement", "Joint Press Release", "Joint Statement",
    "Fact Sheet",     "Readout",       "Remarks",         "Communiqué",          "Joint Communiqué",
    "Press Briefing", "Statement",     "Notice",          "News Release"};

bool IsWeekday(std::string_view word) {
  std::string lower = ToLowerAscii(word);
  for (std::string_view day : kWeekdays) {
    if (lower == day || (lower.size() == 3 && day.starts_with(lower))) return true;
  }
  return false;
}

// True when tokens [from, end) are only a time of day after a date: "- 17:40", ", 10:30 am",
// "at 14:00 CET", "17h40". Web pages print the hour of publication beside the date.
bool IsTimeTail(std::string_view text, const std::vector<extract::Token>& tokens,
                std::size_t from) {
  std::size_t i = from;
  auto at = [&](std::size_t k) { return extract::TokenText(text, tokens[k]); };
  if (i < tokens.size() && (extract::IsDash(at(i)) || at(i) == "," || at(i) == "|" ||
                            ToLowerAscii(at(i)) == "at")) {
    ++i;
  }
  if (i + 3 > tokens.size() || tokens[i].kind != extract::TokenKind::kNumber || at(i).size() > 2 ||
      at(i + 1) != ":" || tokens[i + 2].kind != extract::TokenKind::kNumber ||
      at(i + 2).size() != 2) {
    return false;
  }
  i += 3;
  if (i < tokens.size() && tokens[i].kind == extract::TokenKind::kWord && at(i).size() <= 4) ++i;
  return i == tokens.size();
}

// The characters a CJK date is written with ("2019年3月1日"): a word holding anything else is
// a sentence that mentions a date, not a date.
bool IsOnlyCjkDate(std::string_view word) {
  std::string rest(word);
  for (std::string_view mark : {"\u5E74", "\u6708", "\u65E5"}) {
    for (std::size_t at = rest.find(mark); at != std::string::npos; at = rest.find(mark)) {
      rest.erase(at, mark.size());
    }
  }
  return rest.find_first_not_of("0123456789") == std::string::npos;
}

// Words of a line with commas removed: "July 24, 2017" -> {"July", "24", "2017"}.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (const std::string& piece : Split(CollapseWhitespace(text), ' ')) {
    std::string word = piece;
    while (!word.empty() && word.back() == ',') word.pop_back();
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

// Capitalised, or in a script without case ("東京", "Genève" counts by its "G").
bool StartsUpper(std::string_view word) {
  return !word.empty() &&
         ((word[0] >= 'A' && word[0] <= 'Z') || static_cast<unsigned char>(word[0]) >= 0x80);
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view raw) {
  std::string text = CollapseWhitespace(raw);
  while (!text.empty() && text.back() == '.') text.pop_back();
  if (text.empty() || text.size() > 60) return std::nullopt;
  std::vector<extract::Token> tokens = extract::Tokenize(text);
  std::size_t from = 0;
  if (!tokens.empty() && IsWeekday(extract::TokenText(text, tokens[0]))) {
    from = tokens.size() > 1 && extract::TokenText(text, tokens[1]) == "," ? 2 : 1;
  }
  // The one date finder of NormTrack reads the date; here it must be all of the line.
  std::vector<extract::Token> rest(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                                   tokens.end());
  std::vector<extract::DateMention> dates = extract::FindDates(text, rest);
  if (dates.empty() || dates.front().token_begin != 0 || dates.front().start != dates.front().end) {
    return std::nullopt;
  }
  auto end = static_cast<std::size_t>(dates.front().token_end);
  if (end != rest.size() && !IsTimeTail(text, rest, end)) return std::nullopt;
  if (end == 1 && rest[0].kind == extract::TokenKind::kWord &&
      extract::TokenText(text, rest[0]).find("\u5E74") != std::string_view::npos &&
      !IsOnlyCjkDate(extract::TokenText(text, rest[0]))) {
    return std::nullopt;
  }
  return dates.front().start;
}

namespace {

// What pages print before their date: "Published 22 December 2021", "Date: 2022-09-16",
// "Last updated 3 March 2020", "发布时间：2015-09-28". Longer labels first, so "last updated"
// is not read as "updated" with "last" left over.
struct DateLabel {
  std::string_view text;
  bool updated;  // the page's revision, not the document's own date
};
constexpr std::array<DateLabel, 27> kDateLabels = {{
    {"date of publication", false}, {"publication date", false}, {"date published", false},
    {"first published", false},     {"published on", false},     {"published", false},
    {"date of issue", false},       {"issued on", false},        {"issued", false},
    {"release date", false},        {"released on", false},      {"released", false},
    {"posted on", false},           {"posted", false},           {"dated", false},
    {"date", false},                {"last updated on", true},   {"last updated", true},
    {"updated on", true},           {"updated", true},           {"last modified", true},
    {"modified", true},             {"\u53D1\u5E03\u65F6\u95F4", false},
    {"\u53D1\u5E03\u65E5\u671F", false},       {"\u767A\u8868\u65E5", false},
    {"\u63B2\u8F09\u65E5", false},               {"\u66F4\u65B0\u65E5", true},
}};

// "Published 22 December 2021" -> the date; nullopt when the line is not a label and a date.
std::optional<Dateline> LabelledDate(std::string_view line) {
  for (const DateLabel& label : kDateLabels) {
    if (!StartsWithIgnoreCase(line, label.text)) continue;
    std::string_view rest = line.substr(label.text.size());
    // The label is a whole word: "Dated" must not match "Datelines".
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front()))) continue;
    rest = TrimView(rest);
    for (std::string_view colon : {":", "\uFF1A"}) {
      if (rest.starts_with(colon)) rest = TrimView(rest.substr(colon.size()));
    }
    if (StartsWithIgnoreCase(rest, "on ")) rest = TrimView(rest.substr(3));
    if (auto date = ParseDate(rest)) return Dateline{"", *date, label.updated};
  }
  return std::nullopt;
}

std::optional<Dateline> SingleDateline(const std::string& line) {
  if (auto date = ParseDate(line)) return Dateline{"", *date};
  if (auto labelled = LabelledDate(line)) return labelled;
  // A place then a date, separated by a dash or a comma.
  for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
    if (std::size_t at = line.rfind(dash); at != std::string::npos) {
      std::string place = Trim(line.substr(0, at));
      if (auto date = ParseDate(line.substr(at + dash.size())); date && LooksLikePlace(place)) {
        return Dateline{NormalisePlace(place), *date};
      }
    }
  }
  for (std::size_t at = line.find(','); at != std::string::npos; at = line.find(',', at + 1)) {
    std::string place = Trim(line.substr(0, at));
    if (auto date = ParseDate(line.substr(at + 1)); date && LooksLikePlace(place)) {
      return Dateline{NormalisePlace(place), *date};
    }
  }
  return std::nullopt;
}

bool IsUpperCaseText(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

}  // namespace

std::optional<Dateline> ParseDateline(std::string_view raw) {
  std::string line = CollapseWhitespace(raw);
  if (line.empty()) return std::nullopt;
  if (auto dateline = SingleDateline(line)) return dateline;
  // "Published 22 December 2021 | Last updated 3 March 2022": the document's own date wins.
  std::optional<Dateline> best;
  for (const std::string& part : Split(line, '|')) {
    std::string piece = Trim(part);
    if (piece.empty()) continue;
    auto dateline = SingleDateline(piece);
    if (!dateline) return std::nullopt;
    if (!best || (best->updated && !dateline->updated)) best = dateline;
  }
  return best;
}

std::string NormalisePlace(std::string_view raw) {
  std::string place = CollapseWhitespace(raw);
  if (!IsUpperCaseText(place)) return place;
  // "WASHINGTON, D.C." -> "Washington, D.C."; "NEW YORK, NY" keeps the state's code.
  std::vector<std::string> parts = Split(place, ',');
  for (std::size_t p = 0; p < parts.size(); ++p) {
    std::vector<std::string> words = Split(Trim(parts[p]), ' ');
    for (std::string& word : words) {
      bool code = word.find('.') != std::string::npos || (p > 0 && word.size() <= 2);
      if (code) continue;
      for (std::size_t i = 1; i < word.size(); ++i) {
        if (word[i] >= 'A' && word[i] <= 'Z' && word[i - 1] != '-') {
          word[i] = static_cast<char>(word[i] - 'A' + 'a');
        }
      }
    }
    parts[p] = Join(words, " ");
  }
  return Join(parts, ", ");
}

std::optional<LeadingDateline> ParseLeadingDateline(std::string_view raw) {
  std::string_view text = TrimView(raw);
  // The dateline ends at the first dash or colon within its first words.
  static constexpr std::array<std::string_view, 6> kSeparators = {
      " \u2014 ", " \u2013 ", " - ", "\u2014", " -- ", ": "};
  std::size_t best = std::string_view::npos, length = 0;
  for (std::string_view separator : kSeparators) {
    std::size_t at = text.find(separator);
    if (at != std::string_view::npos && at < best) {
      best = at;
      length = separator.size();
    }
  }
  if (best == std::string_view::npos || best == 0 || best > 60) return std::nullopt;
  std::string head = Trim(text.substr(0, best));
  std::string_view rest = TrimView(text.substr(best + length));
  if (rest.empty()) return std::nullopt;
  // "TOKYO, July 27, 2016 —", "Brussels, 16 December 2016 -", "July 27, 2016 —".
  if (auto dateline = SingleDateline(head); dateline && !dateline->updated) {
    return LeadingDateline{*dateline, best + length};
  }
  // "WASHINGTON, D.C. —": only a place, and only in capitals, as wire copy prints it; a
  // capitalised phrase before a dash in running text ("Japan and Korea —") is not a dateline.
  while (!head.empty() && head.back() == ',') head.pop_back();
  if (IsUpperCaseText(head) && LooksLikePlace(head)) {
    return LeadingDateline{Dateline{NormalisePlace(head), ""}, best + length};
  }
  return std::nullopt;
}

bool LooksLikePlace(std::string_view raw) {
  std::string line = CollapseWhitespace(raw);
  if (line.empty() || line.size() > 40 || ParseReleaseType(line)) return false;
  std::vector<std::string> words = Words(line);
  if (words.empty() || words.size() > 5) return false;
  int commas = 0;
  for (char c : line) {
    if (c == ',') ++commas;
    if ((c >= '0' && c <= '9') || c == ':' || c == ';' || c == '(' || c == '*') return false;
  }
  if (commas > 1) return false;
  // Every word capitalised, except short connectors ("Port of Spain", "Rio de Janeiro").
  for (const std::string& word : words) {
    if (StartsUpper(word)) continue;
    if (word == "of" || word == "de" || word == "la" || word == "du" || word == "am") continue;
    return false;
  }
  return StartsUpper(words.front());
}

std::optional<std::string> ParseReleaseType(std::string_view raw) {
  std::string line = CollapseWhitespace(raw);
  while (!line.empty() && (line.back() == ':' || line.back() == '.')) line.pop_back();
  for (std::string_view type : kReleaseTypes) {
    if (line.size() == type.size() && StartsWithIgnoreCase(line, type)) return line;
  }
  return std::nullopt;
}

}  // namespace nt::importers
