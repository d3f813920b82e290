#include "importers/text_decoding.h"

#include "core/text.h"

namespace nt::importers {
namespace {

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

// Appends a code point as UTF-8.
void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Result<std::string> DecodeUtf16(const SourceFile& file) {
  const std::string& b = file.bytes;
  const bool little_endian = b[0] == '\xFF';
  auto unit = [&](std::size_t i) -> char16_t {
    auto lo = static_cast<unsigned char>(b[i + (little_endian ? 0 : 1)]);
    auto hi = static_cast<unsigned char>(b[i + (little_endian ? 1 : 0)]);
    return static_cast<char16_t>((hi << 8) | lo);
  };
  std::string out;
  out.reserve(b.size());
  int line = 1;
  for (std::size_t i = 2; i + 1 < b.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 >= b.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF) {
        return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) +
                                           " has a broken UTF-16 character on line " +
                                           std::to_string(line) + ".");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) +
                                         " has a broken UTF-16 character on line " +
                                         std::to_string(line) + ".");
    }
    if (cp == '\n') ++line;
    AppendUtf8(out, cp);
  }
  return out;
}

std::string NormaliseLineEndings(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

bool LooksLikeText(std::string_view bytes) {
  if (HasUtf16Bom(bytes)) return true;
  return bytes.find('\0') == std::string_view::npos;
}

Result<std::string> DecodeText(const SourceFile& file) {
  std::string text;
  if (HasUtf16Bom(file.bytes)) {
    auto decoded = DecodeUtf16(file);
    if (!decoded) return Fail(decoded.error());
    text = std::move(*decoded);
  } else {
    if (!LooksLikeText(file.bytes)) {
      return Fail(ErrorCode::kUnsupported,
                  "File " + Quoted(file.DisplayName()) + " is a binary file, not a text document.");
    }
    std::string_view bytes = file.bytes;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (auto bad = FindInvalidUtf8(bytes)) {
      return Fail(ErrorCode::kParse,
                  "File " + Quoted(file.DisplayName()) + " is not valid UTF-8 text (line " +
                      std::to_string(LineOfOffset(bytes, *bad)) +
                      "); save it as UTF-8 and import it again.");
    }
    text.assign(bytes);
  }
  return NormaliseLineEndings(std::move(text));
}

}  // namespace nt::importers
