#include "importers/nesting_limit.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace nt::importers {
namespace {

constexpr std::array<std::string_view, 16> kVoid = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont"};
// Closed by the parser when a sibling starts (or ignored outside their parent).
constexpr std::array<std::string_view, 21> kOptionalEnd = {
    "p",     "li",    "dt",    "dd",       "option",  "optgroup", "tr",
    "td",    "th",    "rb",    "rt",       "rp",      "rtc",      "thead",
    "tbody", "tfoot", "colgroup", "caption", "html",  "head",     "body"};
// Their content is text up to the matching end tag.
constexpr std::array<std::string_view, 8> kRawText = {"script",   "style",   "textarea", "title",
                                                      "xmp",      "iframe",  "noembed",  "noframes"};

bool IsOneOf(std::string_view name, const auto& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

// Lower-case tag name starting at `at`; advances `at` past it.
std::string ReadName(std::string_view text, std::size_t& at) {
  std::string name;
  while (at < text.size() && IsNameChar(text[at])) name += LowerAscii(text[at++]);
  return name;
}

// Skips attributes up to and including the closing '>'; true when the tag ended with "/>".
bool SkipTagRest(std::string_view text, std::size_t& at) {
  char quote = 0;
  bool slash = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
      slash = false;
    } else if (c == '>') {
      ++at;
      return slash;
    } else if (c == '/') {
      slash = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      slash = false;
    }
  }
  return slash;
}

// `needle` is lower case.
std::size_t FindIgnoringCase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (std::equal(needle.begin(), needle.end(), text.begin() + static_cast<std::ptrdiff_t>(i),
                   [](char a, char b) { return a == LowerAscii(b); })) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::size_t> FindExcessiveHtmlNesting(std::string_view html, int limit) {
  std::vector<std::string> open;
  int foreign = 0;  // open <svg> and <math> elements, where "/>" closes
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    const std::size_t tag_start = at;
    if (html.substr(at, 4) == "<!--") {
      const std::size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    if (at + 1 < html.size() && (html[at + 1] == '!' || html[at + 1] == '?')) {
      const std::size_t end = html.find('>', at);
      if (end == std::string_view::npos) break;
      at = end + 1;
      continue;
    }
    if (at + 1 < html.size() && html[at + 1] == '/') {
      at += 2;
      const std::string name = ReadName(html, at);
      SkipTagRest(html, at);
      auto match = std::find(open.rbegin(), open.rend(), name);
      if (!name.empty() && match != open.rend()) {
        for (auto it = open.rbegin(); it != std::next(match); ++it) {
          if (*it == "svg" || *it == "math") --foreign;
        }
        open.erase(std::prev(match.base()), open.end());
      }
      continue;
    }
    ++at;
    const std::string name = ReadName(html, at);
    if (name.empty()) continue;  // "<" in text
    const bool self_closing = SkipTagRest(html, at);
    if (name == "plaintext") break;  // everything after it is text
    if (IsOneOf(name, kRawText)) {
      const std::size_t end = FindIgnoringCase(html, "</" + name, at);
      if (end == std::string_view::npos) break;
      at = end;
      continue;
    }
    if (IsOneOf(name, kVoid) || IsOneOf(name, kOptionalEnd)) continue;
    if (self_closing && foreign > 0) continue;
    if (name == "a" || name == "nobr") {
      // A new link closes an open one (the adoption agency algorithm).
      if (auto match = std::find(open.rbegin(), open.rend(), name); match != open.rend()) {
        open.erase(std::prev(match.base()), open.end());
      }
    }
    if (name == "svg" || name == "math") ++foreign;
    open.push_back(name);
    if (static_cast<int>(open.size()) > limit) return tag_start;
  }
  return std::nullopt;
}

Error TooDeeplyNestedError(std::string_view display_name, int line) {
  return Error{ErrorCode::kParse,
               "File " + Quoted(display_name) + " nests elements more than " +
                   std::to_string(kMaxNestingDepth) + " levels deep (line " +
                   std::to_string(line) +
                   "), far deeper than any real document; NormTrack refuses it rather than "
                   "exhaust memory."};
}

}  // namespace nt::importers
