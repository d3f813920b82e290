#include "importers/document_head.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/text.h"

namespace nt::importers {
namespace {

constexpr std::size_t kTitleLength = 80;

std::string Folded(std::string_view line) {
  std::string text = ToLowerAscii(CollapseWhitespace(line));
  while (!text.empty() && (text.back() == ':' || text.back() == '.' || text.back() == '|')) {
    text.pop_back();
  }
  return Trim(text);
}

bool HasCjk(std::string_view text) {
  // Lead bytes of the three-byte UTF-8 sequences of CJK ideographs and kana (U+3000..U+9FFF).
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0xE3 && byte <= 0xE9;
  });
}

// Lines that are the whole of a navigation item or a section label of a site.
constexpr std::array<std::string_view, 52> kFurnitureLines = {
    "skip to main content", "skip to content", "skip navigation", "main navigation", "menu",
    "main menu", "search", "home", "print", "share", "share this page", "share this", "email",
    "back", "back to top", "close", "accept", "accept all", "accept all cookies", "reject all",
    "summary", "guidance", "news", "latest news", "news and events", "press releases",
    "media notes", "statements", "speeches", "newsroom", "media centre", "media center",
    "countries & regions", "countries and regions", "topics", "about us", "contact us",
    "related", "related links", "related content", "you are here", "sign in", "log in",
    "subscribe", "translate", "language", "read more", "view all", "more", "on this page",
    "office of the spokesperson", "contents"};

// Parts of a line that only page furniture holds.
constexpr std::array<std::string_view, 17> kFurnitureCues = {
    "skip to ",       "back to ",        "you are on page", "cookie",         "share this ",
    "print this ",    "follow us",       "sign up for",     "subscribe to",   "javascript",
    "you are here:",  "jump to ",        "print page",      "email this ",    "download pdf",
    "go to top",      "breadcrumb"};

bool IsPagerLine(const std::string& folded) {
  // "Page 1 of 17", "1 of 17".
  std::vector<std::string> words = Split(folded, ' ');
  if (words.size() < 3 || words.size() > 4) return false;
  std::size_t at = words.size() == 4 ? 1 : 0;
  if (words.size() == 4 && words[0] != "page") return false;
  auto number = [](const std::string& w) {
    return !w.empty() && w.find_first_not_of("0123456789") == std::string::npos;
  };
  return number(words[at]) && words[at + 1] == "of" && number(words[at + 2]);
}

bool IsBreadcrumb(std::string_view line) {
  // "Home > News > Statements", "Home / Press / 2021", "Home » Media".
  if (StartsWithIgnoreCase(line, "home ") || StartsWithIgnoreCase(line, "home\u00A0")) {
    for (std::string_view separator : {" > ", " / ", " \u00BB ", " \u203A ", " | "}) {
      if (line.find(separator) != std::string_view::npos) return true;
    }
  }
  int separators = 0;
  for (std::string_view separator : {" > ", " \u00BB ", " \u203A "}) {
    for (std::size_t at = line.find(separator); at != std::string_view::npos;
         at = line.find(separator, at + 1)) {
      ++separators;
    }
  }
  return separators >= 2;
}

// Words that name a document or the meeting it records.
constexpr std::array<std::string_view, 48> kDocumentWords = {
    "statement", "dialogue", "dialog", "declaration", "communiqu", "memorandum", "agreement",
    "arrangement", "report", "resolution", "framework", "letter of intent", "fact sheet",
    "readout", "partnership", "cooperation", "consultation", "meeting", "summit", "talks",
    "convention", "treaty", "strategy", "principles", "note by", "roadmap", "charter",
    "protocol", "press release", "media note", "forum", "working group", "visit", "consensus",
    "\u58F0\u660E", "\u8072\u660E", "\u5BFE\u8A71", "\u5BF9\u8BDD", "\u5C0D\u8A71",
    "\u5354\u8B70", "\u4F1A\u5408", "\u899A\u66F8", "\u534F\u8BAE", "\u5354\u5B9A",
    "\u5171\u540C", "\u5BA3\u8A00", "\u4F1A\u8C08", "\u6703\u8AC7"};

struct KindWord {
  std::string_view word;
  DocumentKind kind;
};

// What a title says the document is. Each is looked for in the title; the earliest wins.
constexpr std::array<KindWord, 38> kKindWords = {{
    {"resolution", DocumentKind::kResolution},
    {"report of the", DocumentKind::kUnReport},
    {"group of governmental experts", DocumentKind::kUnReport},
    {"open-ended working group", DocumentKind::kUnReport},
    {"note by the secretary-general", DocumentKind::kUnReport},
    {"agreement", DocumentKind::kAgreement},
    {"memorandum of", DocumentKind::kAgreement},
    {"memorandum", DocumentKind::kAgreement},
    {"letter of intent", DocumentKind::kAgreement},
    {"framework for", DocumentKind::kAgreement},
    {"framework", DocumentKind::kAgreement},
    {"convention", DocumentKind::kAgreement},
    {"treaty", DocumentKind::kAgreement},
    {"arrangement", DocumentKind::kAgreement},
    {"protocol", DocumentKind::kAgreement},
    {"\u899A\u66F8", DocumentKind::kAgreement},        // 覚書 (memorandum)
    {"\u5354\u5B9A", DocumentKind::kAgreement},        // 協定
    {"\u534F\u5B9A", DocumentKind::kAgreement},        // 协定
    {"\u5907\u5FD8\u5F55", DocumentKind::kAgreement},  // 备忘录
    {"\u5099\u5FD8\u9304", DocumentKind::kAgreement},  // 備忘錄
    {"statement", DocumentKind::kStatement},
    {"communiqu", DocumentKind::kStatement},
    {"declaration", DocumentKind::kStatement},
    {"readout", DocumentKind::kStatement},
    {"press release", DocumentKind::kStatement},
    {"media note", DocumentKind::kStatement},
    {"fact sheet", DocumentKind::kStatement},
    {"chair's summary", DocumentKind::kStatement},
    {"co-chairs' summary", DocumentKind::kStatement},
    {"\u58F0\u660E", DocumentKind::kStatement},        // 声明
    {"\u8072\u660E", DocumentKind::kStatement},        // 聲明
    {"\u5171\u540C\u767A\u8868", DocumentKind::kStatement},  // 共同発表
    {"\u5BA3\u8A00", DocumentKind::kStatement},        // 宣言
    {"\u65B0\u95FB\u7A3F", DocumentKind::kStatement},  // 新闻稿
    {"\u5171\u8BC6", DocumentKind::kStatement},        // 共识 (consensus)
    {"\u5171\u8B58", DocumentKind::kStatement},        // 共識
    {"\u30D7\u30EC\u30B9\u30EA\u30EA\u30FC\u30B9", DocumentKind::kStatement},  // プレスリリース
    {"\u30D5\u30A1\u30AF\u30C8\u30B7\u30FC\u30C8", DocumentKind::kStatement},  // ファクトシート
}};

// Meetings whose records are statements when the title names no document.
constexpr std::array<std::string_view, 12> kMeetingWords = {
    "dialogue", "dialog", "consultation", "talks", "meeting", "summit", "visit", "forum",
    "\u5BFE\u8A71", "\u5BF9\u8BDD", "\u5354\u8B70", "\u4F1A\u5408"};

}  // namespace

std::size_t WordCount(std::string_view text) {
  std::size_t count = 0;
  for (const std::string& word : Split(CollapseWhitespace(text), ' ')) {
    if (!word.empty()) ++count;
  }
  return count;
}

bool IsWebPageFurniture(std::string_view line) {
  std::string folded = Folded(line);
  if (folded.empty()) return false;
  if (std::find(kFurnitureLines.begin(), kFurnitureLines.end(), folded) != kFurnitureLines.end()) {
    return true;
  }
  for (std::string_view cue : kFurnitureCues) {
    if (folded.find(cue) != std::string::npos) return true;
  }
  return IsPagerLine(folded) || IsBreadcrumb(line);
}

bool NamesReleaseList(std::string_view line) {
  std::string folded = Folded(line);
  for (std::string_view list :
       {"press release", "media note", "statements", "news release", "readouts", "fact sheets"}) {
    if (folded.find(list) != std::string::npos) return true;
  }
  return false;
}

int TitleScore(std::string_view line, int heading_level, bool before_date) {
  if (IsWebPageFurniture(line)) return 0;
  std::string lower = ToLowerAscii(line);
  std::size_t words = WordCount(line);
  int score = 0;
  if (heading_level == 1) score += 6;
  if (heading_level > 1) score += 3;
  if (before_date) score += 4;
  if (std::any_of(kDocumentWords.begin(), kDocumentWords.end(), [&](std::string_view word) {
        return lower.find(word) != std::string::npos;
      })) {
    score += 8;
  }
  // A CJK title has no spaces: count its characters as words.
  if (HasCjk(line)) words = std::max<std::size_t>(words, line.size() / 6);
  score += static_cast<int>(std::min<std::size_t>(words, 20)) / 2;
  if (words <= 2) score -= 6;
  std::string_view trimmed = TrimView(line);
  if (trimmed.ends_with('.') || trimmed.ends_with('?') || trimmed.ends_with('!') ||
      trimmed.ends_with("\u3002")) {
    score -= 6;  // a sentence of the text, not a line that names it
  }
  return score;
}

std::string TitleFromFirstSentence(std::string_view raw) {
  std::string text = CollapseWhitespace(raw);
  std::size_t end = text.size();
  for (std::string_view stop : {". ", "? ", "! ", "\u3002"}) {
    if (std::size_t at = text.find(stop); at != std::string::npos && at < end) {
      end = at;
    }
  }
  std::string sentence = Trim(std::string_view(text).substr(0, end));
  while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == ':')) {
    sentence.pop_back();
  }
  if (sentence.size() <= kTitleLength) return sentence;
  std::size_t cut = sentence.rfind(' ', kTitleLength);
  if (cut == std::string::npos || cut < kTitleLength / 2) {
    // No space to cut at (CJK): cut at a character boundary.
    cut = kTitleLength;
    while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string title = Trim(std::string_view(sentence).substr(0, cut));
  while (!title.empty() && (title.back() == ',' || title.back() == ';')) title.pop_back();
  return title;
}

DocumentKind KindFromTitle(std::string_view title, bool is_release) {
  std::string lower = ToLowerAscii(title);
  std::size_t best_at = std::string::npos;
  DocumentKind kind = DocumentKind::kOther;
  for (const KindWord& entry : kKindWords) {
    std::size_t at = lower.find(entry.word);
    if (at != std::string::npos && (best_at == std::string::npos || at < best_at)) {
      best_at = at;
      kind = entry.kind;
    }
  }
  if (kind != DocumentKind::kOther) return kind;
  if (is_release) return DocumentKind::kStatement;
  if (std::any_of(kMeetingWords.begin(), kMeetingWords.end(), [&](std::string_view word) {
        return lower.find(word) != std::string::npos;
      })) {
    return DocumentKind::kStatement;
  }
  return DocumentKind::kOther;
}

}  // namespace nt::importers
