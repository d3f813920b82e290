#include "core/printable.h"

#include <cstdio>

namespace nt {
namespace {

std::string Hex(unsigned value, const char* format) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += Hex(c, "\\x%02X");
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // A C1 control (U+0080..U+009F, NEL among them) breaks lines in some terminals.
      out += Hex(static_cast<unsigned char>(text[i + 1]), "\\u%04X");
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::size_t CountCharacters(std::string_view text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++characters) {
    i += SequenceLength(static_cast<unsigned char>(text[i]));
  }
  return characters;
}

std::string PrintableExcerpt(std::string_view text, std::size_t max_characters) {
  std::size_t i = 0;
  for (std::size_t characters = 0; i < text.size() && characters < max_characters; ++characters) {
    i += SequenceLength(static_cast<unsigned char>(text[i]));
  }
  if (i >= text.size()) return Printable(text);
  return Printable(text.substr(0, i)) + "…";
}

std::string QuotedExcerpt(std::string_view text) {
  const std::size_t characters = CountCharacters(text);
  std::string out = "'" + PrintableExcerpt(text) + "'";
  if (characters > kQuotedExcerptCharacters) {
    out += " (" + std::to_string(characters) + " characters)";
  }
  return out;
}

std::string ShownParagraphLabel(std::string_view label) {
  return Printable(label.empty() ? kNoParagraphLabel : label);
}

}  // namespace nt
