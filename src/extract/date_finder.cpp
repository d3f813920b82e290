#include "extract/date_finder.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <utility>

namespace nt::extract {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

class Cursor {
 public:
  Cursor(std::string_view text, const std::vector<Token>& tokens, int at)
      : text_(text), tokens_(&tokens), at_(at) {}

  int at() const { return at_; }
  bool Done() const { return at_ >= static_cast<int>(tokens_->size()); }
  std::string_view Peek(int ahead = 0) const {
    int i = at_ + ahead;
    if (i >= static_cast<int>(tokens_->size())) return {};
    return TokenText(text_, (*tokens_)[static_cast<std::size_t>(i)]);
  }
  void Skip(int n = 1) { at_ += n; }
  bool Accept(std::string_view word) {
    if (Done() || !TokenIs(text_, (*tokens_)[static_cast<std::size_t>(at_)], word)) return false;
    ++at_;
    return true;
  }
  bool AcceptDash() {
    if (Done() || !IsDash(Peek())) return false;
    ++at_;
    return true;
  }
  // A day number 1..31.
  int Day() {
    int value = Number(1, 2);
    if (value < 1 || value > 31) return 0;
    ++at_;
    // "21st", "1st" are single tokens and are not handled here.
    return value;
  }
  int Year() {
    int value = Number(4, 4);
    if (value < 1900 || value > 2199) return 0;
    ++at_;
    return value;
  }
  int Month() {
    int month = MonthNumber(Peek());
    if (month == 0) return 0;
    ++at_;
    // "Jul." is an abbreviation; the period after "July" ends a sentence.
    if (Peek() == "." && Peek(-1).size() <= 4 && MonthNumber(Peek(-1)) != 0 &&
        kMonths[static_cast<std::size_t>(month - 1)].size() != Peek(-1).size()) {
      ++at_;
    }
    return month;
  }

 private:
  int Number(std::size_t min_digits, std::size_t max_digits) const {
    std::string_view t = Peek();
    if (t.size() < min_digits || t.size() > max_digits) return 0;
    int value = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || ptr != t.data() + t.size()) return 0;
    return value;
  }

  std::string_view text_;
  const std::vector<Token>* tokens_;
  int at_;
};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// False for days no calendar has ("February 30", "April 31"): such text is not a date.
bool IsRealDay(int year, int month, int day) {
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return false;
  if (day == 0) return true;
  if (day < 1 || day > kDaysInMonth[month - 1]) return false;
  return !(month == 2 && day == 29 && !IsLeapYear(year));
}

std::string Iso(int year, int month, int day) {
  char buffer[16];
  if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

bool AcceptRangeWord(Cursor& c) { return c.AcceptDash() || c.Accept("and") || c.Accept("to"); }

// The year that ends both date orders ("..., 2017"), then the mention itself.
bool FinishWithYear(Cursor& c, int month, int day, int end_month, int end_day,
                    DateMention& out) {
  c.Accept(",");
  int year = c.Year();
  if (year == 0 || !IsRealDay(year, month, day) || !IsRealDay(year, end_month, end_day)) {
    return false;
  }
  out.start = Iso(year, month, day);
  out.end = Iso(year, end_month, end_day);
  out.token_end = c.at();
  return true;
}

// Month-first: "July 24, 2017", "July 20 and 21, 2017", "July 20-21, 2017",
// "June 30 - July 1, 2017", "July 2018".
bool MonthFirst(Cursor c, DateMention& out) {
  int month = c.Month();
  if (month == 0) return false;
  int day = c.Day();
  if (day == 0) {
    c.Accept(",");
    int year = c.Year();
    if (year == 0) return false;
    out.start = out.end = Iso(year, month, 0);
    out.token_end = c.at();
    return true;
  }
  int end_month = month;
  int end_day = day;
  Cursor range = c;
  if (AcceptRangeWord(range)) {
    Cursor second = range;
    if (int m = second.Month(); m != 0) {
      if (int d = second.Day(); d != 0) {
        end_month = m;
        end_day = d;
        c = second;
      }
    } else if (int d = range.Day(); d != 0 && d >= day) {
      end_day = d;
      c = range;
    }
  }
  return FinishWithYear(c, month, day, end_month, end_day, out);
}

// Day-first: "24 July 2017", "20-21 July 2017", "20 and 21 July 2017", "30 June - 1 July 2017".
bool DayFirst(Cursor c, DateMention& out) {
  int day = c.Day();
  if (day == 0) return false;
  int end_day = day;
  int month = c.Month();
  int end_month = 0;
  if (month == 0) {
    if (!AcceptRangeWord(c)) return false;
    end_day = c.Day();
    if (end_day == 0 || end_day < day) return false;
    month = c.Month();
    if (month == 0) return false;
    end_month = month;
  } else {
    end_month = month;
    Cursor range = c;
    if (AcceptRangeWord(range)) {
      int d = range.Day();
      int m = d != 0 ? range.Month() : 0;
      if (m != 0) {
        end_day = d;
        end_month = m;
        c = range;
      }
    }
  }
  return FinishWithYear(c, month, day, end_month, end_day, out);
}

// "2017-07-20".
bool IsoDate(Cursor c, DateMention& out) {
  int year = c.Year();
  if (year == 0 || !c.Accept("-")) return false;
  std::string_view m = c.Peek();
  if (m.size() != 2) return false;
  int month = (m[0] - '0') * 10 + (m[1] - '0');
  if (month < 1 || month > 12) return false;
  c.Skip();
  if (!c.Accept("-")) return false;
  std::string_view d = c.Peek();
  if (d.size() != 2) return false;
  int day = (d[0] - '0') * 10 + (d[1] - '0');
  if (!IsRealDay(year, month, day) || day == 0) return false;
  c.Skip();
  out.start = out.end = Iso(year, month, day);
  out.token_end = c.at();
  return true;
}

std::optional<int> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// "25.04.2019" and "16/12/2016": day first, as European sites print them, unless the second
// number cannot be a month ("12/16/2016", the American order). The parts must touch: "25. 04"
// is a list, not a date.
bool NumericDate(std::string_view text, const std::vector<Token>& tokens, int at,
                 DateMention& out) {
  if (at + 5 > static_cast<int>(tokens.size())) return false;
  auto token = [&](int k) { return tokens[static_cast<std::size_t>(at + k)]; };
  for (int k = 0; k + 1 < 5; ++k) {
    if (token(k).end != token(k + 1).begin) return false;
  }
  std::string_view separator = TokenText(text, token(1));
  if ((separator != "." && separator != "/") || TokenText(text, token(3)) != separator) {
    return false;
  }
  if (token(0).kind != TokenKind::kNumber || token(2).kind != TokenKind::kNumber ||
      token(4).kind != TokenKind::kNumber || TokenText(text, token(4)).size() != 4 ||
      TokenText(text, token(0)).size() > 2 || TokenText(text, token(2)).size() > 2) {
    return false;
  }
  // "1.2.2019" could be a section number followed by a year in running text; a date has a
  // separator right after the year or nothing.
  if (at + 5 < static_cast<int>(tokens.size()) && token(4).end == token(5).begin &&
      (TokenText(text, token(5)) == "." || TokenText(text, token(5)) == "/") &&
      at + 6 < static_cast<int>(tokens.size()) && token(5).end == token(6).begin) {
    return false;
  }
  int first = *ParseNumber(TokenText(text, token(0)));
  int second = *ParseNumber(TokenText(text, token(2)));
  int year = *ParseNumber(TokenText(text, token(4)));
  int day = first, month = second;
  if (separator == "/" && second > 12 && first <= 12) std::swap(day, month);
  if (year < 1900 || year > 2199 || day == 0 || !IsRealDay(year, month, day)) return false;
  out.start = out.end = Iso(year, month, day);
  out.token_end = at + 5;
  return true;
}

// Digits at `i` of a word, advancing `i`; nullopt when there are none.
std::optional<int> DigitsAt(std::string_view word, std::size_t& i) {
  std::size_t begin = i;
  while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i;
  return ParseNumber(word.substr(begin, i - begin));
}

// "2019年3月1日" at the start of `word` (the year's digits through 日 or 月); "2019年3月" gives
// the month.
bool CjkDate(std::string_view word, std::string& iso) {
  static constexpr std::string_view kYear = "\u5E74", kMonth = "\u6708", kDay = "\u65E5";
  for (std::size_t at = word.find(kYear); at != std::string_view::npos;
       at = word.find(kYear, at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && word[begin - 1] >= '0' && word[begin - 1] <= '9') --begin;
    if (at - begin != 4) continue;
    int year = *ParseNumber(word.substr(begin, 4));
    std::size_t i = at + kYear.size();
    auto month = DigitsAt(word, i);
    if (!month || word.substr(i, kMonth.size()) != kMonth) continue;
    i += kMonth.size();
    int day = 0;
    std::size_t day_begin = i;
    if (auto d = DigitsAt(word, i); d && word.substr(i, kDay.size()) == kDay) {
      day = *d;
    } else {
      i = day_begin;
    }
    if (year < 1900 || year > 2199 || !IsRealDay(year, *month, day)) continue;
    iso = Iso(year, *month, day);
    return true;
  }
  return false;
}

// "24Jun13": the date UN job numbers print at the foot of a page (day, month, two-digit year).
bool JobNumberDate(std::string_view word, std::string& iso) {
  std::size_t i = 0;
  auto day = DigitsAt(word, i);
  if (!day || i > 2 || word.size() != i + 5) return false;
  std::string_view month_word = word.substr(i, 3);
  if (month_word[0] < 'A' || month_word[0] > 'Z') return false;
  int month = MonthNumber(month_word);
  std::size_t year_at = i + 3;
  auto year = DigitsAt(word, year_at);
  if (month == 0 || !year || year_at != word.size()) return false;
  if (!IsRealDay(2000 + *year, month, *day) || *day == 0) return false;
  iso = Iso(2000 + *year, month, *day);
  return true;
}

}  // namespace

int MonthNumber(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char ch : word) lower.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
    // Abbreviations: "Jul", "Sept"; "May" is already whole. Only title case counts, so the
    // verb "march" or "mar" is not a month.
    if (word[0] >= 'A' && word[0] <= 'Z' && lower.size() <= 4 &&
        kMonths[i].starts_with(lower)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::vector<DateMention> FindDates(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<DateMention> dates;
  const int n = static_cast<int>(tokens.size());
  for (int i = 0; i < n;) {
    const Token& token = tokens[static_cast<std::size_t>(i)];
    DateMention mention;
    mention.token_begin = i;
    bool found = false;
    if (token.kind == TokenKind::kWord) {
      std::string_view word = TokenText(text, token);
      // A lower-case "may" is the modal verb.
      if (word[0] >= 'A' && word[0] <= 'Z') found = MonthFirst(Cursor(text, tokens, i), mention);
      std::string iso;
      if (!found && (CjkDate(word, iso) || JobNumberDate(word, iso))) {
        mention.start = mention.end = iso;
        mention.token_end = i + 1;
        found = true;
      }
    } else if (token.kind == TokenKind::kNumber) {
      // "2019年3月1日": the tokenizer gives each CJK character a token of its own, so the date
      // is the run of adjacent number and character tokens from the year on.
      int end = i + 1;
      while (end < n && end < i + 6 &&
             tokens[static_cast<std::size_t>(end)].begin ==
                 tokens[static_cast<std::size_t>(end - 1)].end &&
             (end - i) % 2 == (tokens[static_cast<std::size_t>(end)].kind == TokenKind::kNumber
                                   ? 0
                                   : 1)) {
        ++end;
      }
      std::string iso;
      if (end - i >= 4 &&
          CjkDate(text.substr(static_cast<std::size_t>(token.begin),
                              static_cast<std::size_t>(
                                  tokens[static_cast<std::size_t>(end - 1)].end - token.begin)),
                  iso)) {
        mention.start = mention.end = iso;
        // "年3月" gives the month; a day follows only with 日.
        bool with_day = end == i + 6 &&
                        TokenText(text, tokens[static_cast<std::size_t>(end - 1)]) == "\u65E5";
        mention.token_end = with_day ? end : i + 4;
        found = true;
      }
    }
    if (!found && token.kind == TokenKind::kNumber) {
      found = DayFirst(Cursor(text, tokens, i), mention) ||
              IsoDate(Cursor(text, tokens, i), mention) ||
              NumericDate(text, tokens, i, mention);
    }
    if (found) {
      dates.push_back(mention);
      i = mention.token_end;
    } else {
      ++i;
    }
  }
  return dates;
}

}  // namespace nt::extract
