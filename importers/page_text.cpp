#include "importers/page_text.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace nt::importers {
namespace {

// Lines looked at for headers and footers at each end of a page.
constexpr std::size_t kFurnitureLines = 2;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The line with every digit run replaced by "#", so "15-12385 3/17" and "15-12385 4/17" match.
std::string Shape(std::string_view line) {
  std::string shape;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (IsDigit(line[i])) {
      if (shape.empty() || shape.back() != '#') shape += '#';
    } else {
      shape += line[i];
    }
  }
  return ToLowerAscii(shape);
}

bool IsFootnoteRule(std::string_view line) {
  std::string_view trimmed = TrimView(line);
  return trimmed.size() >= 5 && trimmed.find_first_not_of('_') == std::string_view::npos;
}

// Consumes "d+" at `i`; returns the number of digits.
std::size_t Digits(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (i + n < text.size() && IsDigit(text[i + n])) ++n;
  return n;
}

bool IsJobNumber(std::string_view word) {
  // "15-12385" (UN New York), "GE.15-12385" (Geneva), "*1512385*" (the barcode's text).
  if (word.starts_with("GE.")) word.remove_prefix(3);
  if (word.size() >= 7 && word.front() == '*' && word.back() == '*') {
    return Digits(word, 1) == word.size() - 2;
  }
  std::size_t year = Digits(word, 0);
  return year == 2 && word.size() > 3 && word[2] == '-' && Digits(word, 3) == word.size() - 3 &&
         word.size() - 3 >= 4;
}

bool IsPageNumber(std::string_view word) {
  // "3/17" or "3" (a bare number of four digits is more likely a year).
  std::size_t first = Digits(word, 0);
  if (first == 0 || first > 4) return false;
  if (first == word.size()) return first <= 3;
  return word[first] == '/' && Digits(word, first + 1) == word.size() - first - 1 &&
         word.size() > first + 1;
}

// "060815": the date stamp after a UN job number.
bool IsDateStamp(std::string_view word) { return word.size() == 6 && Digits(word, 0) == 6; }

std::string LowerWord(std::string_view word) {
  // Trim punctuation around a word ("(cyber-security)," -> "cyber-security").
  std::size_t begin = 0, end = word.size();
  while (begin < end && !IsAsciiLetter(word[begin]) &&
         (static_cast<unsigned char>(word[begin]) < 0x80)) {
    ++begin;
  }
  while (end > begin && !IsAsciiLetter(word[end - 1]) &&
         (static_cast<unsigned char>(word[end - 1]) < 0x80)) {
    --end;
  }
  return ToLowerAscii(word.substr(begin, end - begin));
}

bool Contains(const std::vector<std::string>& sorted, const std::string& word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool EndsSentence(std::string_view text) {
  std::string_view t = TrimView(text);
  while (!t.empty() && (t.back() == '"' || t.back() == ')' || t.back() == '\'')) t.remove_suffix(1);
  return !t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ';' || t.back() == '?' ||
                        t.back() == '!');
}

}  // namespace

bool IsPageFurniture(std::string_view line) {
  std::vector<std::string> words = Split(CollapseWhitespace(line), ' ');
  std::erase(words, "");
  if (words.empty() || words.size() > 4) return false;
  if (words.size() == 1) return IsPageNumber(words[0]) || IsJobNumber(words[0]);
  if (words.size() == 2 && (ToLowerAscii(words[0]) == "page") && IsPageNumber(words[1])) {
    return true;
  }
  if (words.size() == 3 && words[0] == "-" && words[2] == "-" && IsPageNumber(words[1])) {
    return true;
  }
  if (words.size() == 4 && ToLowerAscii(words[0]) == "page" && IsPageNumber(words[1]) &&
      words[2] == "of" && IsPageNumber(words[3])) {
    return true;
  }
  // "15-12385 3/17", "3/17 15-12385", "15-12385 (E) 060815".
  bool has_job = false;
  for (const std::string& word : words) {
    if (IsJobNumber(word)) {
      has_job = true;
    } else if (!IsPageNumber(word) && !IsDateStamp(word) && word != "(E)" && word != "(F)" && word != "(S)" &&
               word != "(R)" && word != "(C)" && word != "(A)") {
      return false;
    }
  }
  return has_job;
}

std::vector<TextPage> SplitTextPages(std::string_view text) {
  std::vector<TextPage> pages;
  TextPage page{1, {}};
  bool gap = false;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view raw = text.substr(start, end == std::string_view::npos ? end : end - start);
    ++line_number;
    // A form feed may sit at the start of a line (pdftotext) or alone on it.
    while (!raw.empty() && raw.front() == '\f') {
      pages.push_back(std::move(page));
      page = TextPage{static_cast<int>(pages.size()) + 1, {}};
      gap = false;
      raw.remove_prefix(1);
    }
    std::string collapsed = CollapseWhitespace(raw);
    if (collapsed.empty()) {
      gap = true;
    } else {
      page.lines.push_back({std::move(collapsed), gap, false, line_number});
      gap = false;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  pages.push_back(std::move(page));
  // A trailing form feed leaves an empty last page.
  while (pages.size() > 1 && pages.back().lines.empty()) pages.pop_back();
  return pages;
}

int RemovePageFurniture(std::vector<TextPage>& pages) {
  int removed = 0;
  // Footnotes: everything below a rule of underscores, or a run of small lines, at a page's foot.
  for (TextPage& page : pages) {
    auto rule = std::find_if(page.lines.begin(), page.lines.end(),
                             [](const PageLine& line) { return IsFootnoteRule(line.text); });
    if (rule != page.lines.end()) {
      removed += static_cast<int>(page.lines.end() - rule);
      page.lines.erase(rule, page.lines.end());
    }
  }

  // Shapes seen near the top or bottom of each page.
  std::map<std::string, int> shape_pages;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<std::string> seen;
    const auto& lines = pages[p].lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i < kFurnitureLines || i + kFurnitureLines >= lines.size()) {
        std::string shape = Shape(lines[i].text);
        if (std::find(seen.begin(), seen.end(), shape) == seen.end()) seen.push_back(shape);
      }
    }
    for (const std::string& shape : seen) ++shape_pages[shape];
  }
  int needed = std::max(2, static_cast<int>(pages.size()) / 2);

  for (std::size_t p = 0; p < pages.size(); ++p) {
    auto& lines = pages[p].lines;
    auto is_furniture = [&](const PageLine& line) {
      if (IsPageFurniture(line.text)) return true;
      if (p == 0) return false;  // the first page's masthead repeats the symbol (invariant 1)
      auto it = shape_pages.find(Shape(line.text));
      return it != shape_pages.end() && it->second >= needed;
    };
    // Trim from the top and the bottom while the lines are furniture.
    std::size_t top = 0;
    while (top < lines.size() && top < kFurnitureLines && is_furniture(lines[top])) ++top;
    std::size_t bottom = lines.size();
    while (bottom > top && lines.size() - bottom < kFurnitureLines + 1 &&
           is_furniture(lines[bottom - 1])) {
      --bottom;
    }
    // Small lines at the foot of a page are footnotes.
    while (bottom > top && lines[bottom - 1].small) --bottom;
    removed += static_cast<int>(top + (lines.size() - bottom));
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(bottom), lines.end());
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(top));
  }
  return removed;
}

LineJoiner::LineJoiner(const std::vector<TextPage>& pages) {
  for (const TextPage& page : pages) {
    for (const PageLine& line : page.lines) {
      std::vector<std::string> words = Split(line.text, ' ');
      for (std::size_t i = 0; i < words.size(); ++i) {
        // A hyphen at the end of the line is what we are deciding about: not evidence.
        if (i + 1 == words.size() && words[i].ends_with('-')) continue;
        std::string word = LowerWord(words[i]);
        if (word.empty()) continue;
        words_.push_back(word);
        if (word.find('-') != std::string::npos) {
          for (const std::string& part : Split(word, '-')) {
            if (!part.empty()) compound_parts_.push_back(part);
          }
        }
      }
    }
  }
  for (auto* list : {&words_, &compound_parts_}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
}

bool LineJoiner::KeepHyphen(std::string_view head, std::string_view tail) const {
  std::string joined = ToLowerAscii(std::string(head) + std::string(tail));
  std::string hyphenated = ToLowerAscii(std::string(head) + "-" + std::string(tail));
  if (Contains(words_, hyphenated)) return true;
  if (Contains(words_, joined)) return false;
  // Neither form appears elsewhere: a compound joins two words the document uses on their own
  // (or in other compounds: "confidence-" in "confidence-building" and "building" alone);
  // a syllable break leaves at least one fragment that is no word ("informa-", "tion").
  auto known = [&](const std::string& part) {
    return part.size() >= 2 && (Contains(words_, part) || Contains(compound_parts_, part));
  };
  return known(ToLowerAscii(head)) && known(ToLowerAscii(tail));
}

void LineJoiner::Append(std::string& text, std::string_view next_line) const {
  std::string_view next = TrimView(next_line);
  if (next.empty()) return;
  if (text.empty()) {
    text = next;
    return;
  }
  // "cyber-" at the end of a line, followed by a lowercase word: invariant 2.
  if (text.size() >= 3 && text.back() == '-' && IsAsciiLetter(text[text.size() - 2]) &&
      IsLower(next.front())) {
    std::size_t space = text.find_last_of(' ');
    std::size_t head_start = space == std::string::npos ? 0 : space + 1;
    std::string head = LowerWord(std::string_view(text).substr(head_start, text.size() - 1 -
                                                                            head_start));
    std::size_t tail_end = next.find(' ');
    std::string tail = LowerWord(next.substr(0, tail_end));
    // Only the last component of a multi-hyphen word decides ("state-of-" + "the-art").
    if (std::size_t dash = head.find_last_of('-'); dash != std::string::npos) {
      head = head.substr(dash + 1);
    }
    if (std::size_t dash = tail.find('-'); dash != std::string::npos) tail = tail.substr(0, dash);
    if (!KeepHyphen(head, tail)) text.pop_back();
    text += next;
    return;
  }
  text += ' ';
  text += next;
}

std::vector<PageBlock> BuildPageBlocks(const std::vector<TextPage>& pages,
                                       StartsBlock starts_block) {
  LineJoiner joiner(pages);
  std::vector<PageBlock> blocks;
  bool open = false;
  for (const TextPage& page : pages) {
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      const PageLine& line = page.lines[i];
      bool new_block = !open || line.gap_before || (starts_block && starts_block(line.text));
      if (i == 0 && open && !(starts_block && starts_block(line.text))) {
        // The first line of a page continues the previous block only when that block stopped
        // mid-sentence (invariant 3); otherwise a page break is a paragraph break.
        const std::string& previous = blocks.back().lines.back();
        new_block = EndsSentence(previous) || (!IsLower(line.text.front()) &&
                                               !previous.ends_with('-') &&
                                               !previous.ends_with(','));
      }
      if (new_block) {
        blocks.push_back(PageBlock{{}, {}, page.number, line.source_line});
        open = true;
      }
      blocks.back().lines.push_back(line.text);
    }
  }
  for (PageBlock& block : blocks) {
    for (const std::string& line : block.lines) joiner.Append(block.text, line);
  }
  return blocks;
}

}  // namespace nt::importers
