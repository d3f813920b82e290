#include "importers/statement_labels.h"

#include <algorithm>

#include "core/text.h"

namespace nt::importers {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Digits at `i`, at most three of them (more is a year or an amount, not a label).
std::size_t DigitRun(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (i + n < text.size() && IsDigit(text[i + n])) ++n;
  return n <= 3 ? n : 0;
}

bool IsSpaceAt(std::string_view text, std::size_t i) {
  return i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n');
}

bool IsRomanNumeral(std::string_view letters) {
  static constexpr std::string_view kRomans[] = {"ii",   "iii", "iv", "vi",  "vii",
                                                 "viii", "ix",  "xi", "xii", "xiii"};
  for (std::string_view roman : kRomans) {
    if (letters == roman) return true;
  }
  return false;
}

std::optional<LeadingLabel> Make(std::string_view text, std::size_t label_end,
                                 std::vector<LabelPart> parts) {
  std::string rest = Trim(text.substr(label_end));
  if (rest.empty()) return std::nullopt;
  return LeadingLabel{std::move(parts), Trim(text.substr(0, label_end)), std::move(rest)};
}

// The usual nesting order of label styles, outermost first.
int Rank(LabelStyle style) {
  switch (style) {
    case LabelStyle::kSection:
      return 0;
    case LabelStyle::kNumber:
      return 1;
    case LabelStyle::kParenNumber:
      return 2;
    case LabelStyle::kLetter:
      return 3;
    case LabelStyle::kParenLetter:
      return 4;
    case LabelStyle::kParenRoman:
      return 5;
  }
  return 5;
}

}  // namespace

std::size_t SectionNumber::Depth() const { return Split(number, '.').size(); }

std::optional<LeadingLabel> ParseLeadingLabel(std::string_view full_text) {
  std::string_view text = TrimView(full_text);
  if (text.empty()) return std::nullopt;

  if (std::size_t digits = DigitRun(text, 0); digits > 0) {
    std::string number(text.substr(0, digits));
    std::size_t i = digits;
    // "13 (a)" / "13(a)": a paragraph number with its lettered sub-item.
    std::size_t j = i;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j + 2 < text.size() && text[j] == '(' && IsLower(text[j + 1]) && text[j + 2] == ')') {
      return Make(text, j + 3,
                  {{LabelStyle::kNumber, number},
                   {LabelStyle::kParenLetter, "(" + std::string(1, text[j + 1]) + ")"}});
    }
    if (i < text.size() && text[i] == ')' && IsSpaceAt(text, i + 1)) {
      return Make(text, i + 1, {{LabelStyle::kParenNumber, "(" + number + ")"}});
    }
    if (i < text.size() && text[i] == '.') {
      if (IsSpaceAt(text, i + 1)) return Make(text, i + 1, {{LabelStyle::kNumber, number}});
      // "2.1" or "2.1." followed by a capitalised word: a section number ("1.5 million" is
      // an amount).
      if (auto section = ParseSectionNumber(text); section && section->Depth() > 1 &&
                                                   !IsLower(section->rest.front()) &&
                                                   !IsDigit(section->rest.front())) {
        return LeadingLabel{
            {{LabelStyle::kSection, section->number}}, section->number, section->rest};
      }
    }
    return std::nullopt;
  }

  if (text[0] == '(') {
    if (std::size_t digits = DigitRun(text, 1);
        digits > 0 && 1 + digits < text.size() && text[1 + digits] == ')') {
      return Make(text, digits + 2,
                  {{LabelStyle::kParenNumber, std::string(text.substr(0, digits + 2))}});
    }
    std::size_t letters = 0;
    while (1 + letters < text.size() && IsLower(text[1 + letters])) ++letters;
    if (letters > 0 && 1 + letters < text.size() && text[1 + letters] == ')') {
      std::string_view value = text.substr(1, letters);
      if (letters == 1) {
        return Make(text, 3, {{LabelStyle::kParenLetter, std::string(text.substr(0, 3))}});
      }
      if (IsRomanNumeral(value)) {
        return Make(text, letters + 2,
                    {{LabelStyle::kParenRoman, std::string(text.substr(0, letters + 2))}});
      }
    }
    return std::nullopt;
  }

  // "a. Based on..." but not "e.g. the..." (the letter must be followed by a space).
  if (IsLower(text[0]) && text.size() > 2 && text[1] == '.' && IsSpaceAt(text, 2)) {
    return Make(text, 2, {{LabelStyle::kLetter, std::string(1, text[0])}});
  }
  return std::nullopt;
}

std::optional<SectionNumber> ParseSectionNumber(std::string_view heading) {
  std::string_view text = TrimView(heading);
  std::size_t i = 0;
  std::string number;
  while (true) {
    std::size_t digits = DigitRun(text, i);
    if (digits == 0) break;
    if (!number.empty()) number += '.';
    number += text.substr(i, digits);
    i += digits;
    if (i < text.size() && text[i] == '.' && i + 1 < text.size() && IsDigit(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (number.empty()) return std::nullopt;
  if (i < text.size() && text[i] == '.') ++i;                       // "1. Preface"
  if (i < text.size() && !IsSpaceAt(text, i)) return std::nullopt;  // "2017年", "3rd"
  std::string rest = Trim(text.substr(i));
  if (rest.empty()) return std::nullopt;
  return SectionNumber{std::move(number), std::move(rest)};
}

std::string LabelPath::Push(const std::vector<LabelPart>& parts) {
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const LabelPart& part = parts[k];
    // A section number or the first part of a label such as "13 (a)" restarts at its own style;
    // the later parts of the same printed label are always its children.
    if (k == 0) {
      if (part.style == LabelStyle::kSection) {
        parts_.clear();
      } else {
        auto same = std::find_if(parts_.begin(), parts_.end(),
                                 [&](const LabelPart& open) { return open.style == part.style; });
        if (same != parts_.end()) {
          parts_.erase(same, parts_.end());
        } else {
          // A style new to the path nests under the open levels unless it is conventionally
          // an outer one ("9." after "(4)" starts a new top-level item, not "(4)9").
          while (!parts_.empty() && Rank(parts_.back().style) > Rank(part.style)) {
            parts_.pop_back();
          }
        }
      }
    }
    parts_.push_back(part);
  }
  return Composed();
}

std::string LabelPath::Composed() const {
  std::string composed;
  for (const LabelPart& part : parts_) composed += part.value;
  return composed;
}

}  // namespace nt::importers
