#include "extract/date_finder.h"

#include <array>
#include <charconv>
#include <cstdio>

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
  if (year == 0) return false;
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
  if (day < 1 || day > 31) return false;
  c.Skip();
  out.start = out.end = Iso(year, month, day);
  out.token_end = c.at();
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
    } else if (token.kind == TokenKind::kNumber) {
      found = DayFirst(Cursor(text, tokens, i), mention) ||
              IsoDate(Cursor(text, tokens, i), mention);
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
