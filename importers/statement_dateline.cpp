#include "importers/statement_dateline.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <vector>

#include "core/text.h"

namespace nt::importers {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Release types as the State Department, MOFA and other ministries print them.
constexpr std::array<std::string_view, 14> kReleaseTypes = {
    "Media Note",     "Press Release", "Press Statement", "Joint Press Release", "Joint Statement",
    "Fact Sheet",     "Readout",       "Remarks",         "Communiqué",          "Joint Communiqué",
    "Press Briefing", "Statement",     "Notice",          "News Release"};

// 1..12 for a month name or its abbreviation ("Jul", "Jul.", "Sept"), 0 otherwise.
int MonthNumber(std::string_view word) {
  std::string lower = ToLowerAscii(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (lower.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
    if (lower.size() <= 4 && kMonths[i].starts_with(lower)) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  std::string lower = ToLowerAscii(word);
  for (std::string_view day : kWeekdays) {
    if (lower == day || (lower.size() == 3 && day.starts_with(lower))) return true;
  }
  return false;
}

std::optional<int> Number(std::string_view word) {
  int value = 0;
  auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (ec != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return value;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<std::string> Iso(int year, int month, int day) {
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2200 || month < 1 || month > 12) return std::nullopt;
  char buffer[48];
  if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return std::string(buffer);
  }
  if (day < 1 || day > kDaysInMonth[month - 1]) return std::nullopt;
  if (month == 2 && day == 29 && !IsLeapYear(year)) return std::nullopt;
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return std::string(buffer);
}

// "2017年7月24日" (spaces allowed between the parts).
std::optional<std::string> ParseJapaneseDate(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  std::size_t year_end = compact.find("年");
  std::size_t month_end = compact.find("月");
  if (year_end == std::string::npos || month_end == std::string::npos || month_end < year_end) {
    return std::nullopt;
  }
  auto year = Number(std::string_view(compact).substr(0, year_end));
  std::size_t month_begin = year_end + std::string_view("年").size();
  auto month = Number(std::string_view(compact).substr(month_begin, month_end - month_begin));
  if (!year || !month) return std::nullopt;
  std::size_t day_begin = month_end + std::string_view("月").size();
  if (day_begin == compact.size()) return Iso(*year, *month, 0);
  std::size_t day_end = compact.find("日", day_begin);
  if (day_end == std::string::npos || day_end + std::string_view("日").size() != compact.size()) {
    return std::nullopt;
  }
  auto day = Number(std::string_view(compact).substr(day_begin, day_end - day_begin));
  if (!day) return std::nullopt;
  return Iso(*year, *month, *day);
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
  std::string_view text = TrimView(raw);
  if (text.empty() || text.size() > 40) return std::nullopt;
  if (text.find("年") != std::string_view::npos) return ParseJapaneseDate(text);
  // ISO: 2017-07-24.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto year = Number(text.substr(0, 4));
    auto month = Number(text.substr(5, 2));
    auto day = Number(text.substr(8, 2));
    if (year && month && day) return Iso(*year, *month, *day);
    return std::nullopt;
  }
  std::vector<std::string> words = Words(text);
  if (!words.empty() && IsWeekday(words.front())) words.erase(words.begin());
  if (words.size() == 2) {  // "July 2017"
    int month = MonthNumber(words[0]);
    auto year = Number(words[1]);
    if (month > 0 && year) return Iso(*year, month, 0);
    return std::nullopt;
  }
  if (words.size() != 3) return std::nullopt;
  auto year = Number(words[2]);
  if (!year) return std::nullopt;
  if (int month = MonthNumber(words[0]); month > 0) {  // "July 24, 2017"
    if (auto day = Number(words[1])) return Iso(*year, month, *day);
  }
  if (int month = MonthNumber(words[1]); month > 0) {  // "24 July 2017"
    if (auto day = Number(words[0])) return Iso(*year, month, *day);
  }
  return std::nullopt;
}

std::optional<Dateline> ParseDateline(std::string_view raw) {
  std::string line = CollapseWhitespace(raw);
  if (line.empty()) return std::nullopt;
  if (auto date = ParseDate(line)) return Dateline{"", *date};
  // A place then a date, separated by a dash or a comma.
  for (std::string_view dash : {" - ", " – ", " — "}) {
    if (std::size_t at = line.rfind(dash); at != std::string::npos) {
      std::string place = Trim(line.substr(0, at));
      if (auto date = ParseDate(line.substr(at + dash.size())); date && LooksLikePlace(place)) {
        return Dateline{place, *date};
      }
    }
  }
  for (std::size_t at = line.find(','); at != std::string::npos; at = line.find(',', at + 1)) {
    std::string place = Trim(line.substr(0, at));
    if (auto date = ParseDate(line.substr(at + 1)); date && LooksLikePlace(place)) {
      return Dateline{place, *date};
    }
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
