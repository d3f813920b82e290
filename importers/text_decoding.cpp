#include "importers/text_decoding.h"

#include <unicode/ucnv.h>

#include <memory>
#include <optional>

#include "core/text.h"

namespace nt::importers {
namespace {

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 &&
         ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
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

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Shift_JIS bytes as UTF-8, or nullopt when ICU finds an invalid or unmapped sequence.
std::optional<std::string> ConvertShiftJis(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open("Shift_JIS", &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  // Every Shift_JIS byte sequence gives at most one UTF-16 unit per byte.
  std::u16string units(bytes.size() + 1, u'\0');
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  units.resize(static_cast<std::size_t>(target - units.data()));
  std::string out;
  out.reserve(units.size() * 3);
  for (std::size_t i = 0; i < units.size(); ++i) {
    char32_t cp = units[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units.size()) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      ++i;
    }
    AppendUtf8(out, cp);
  }
  return out;
}

// Whether decoded text reads as Japanese: it has hiragana (every Japanese sentence does, while
// Latin-1 or Windows-1252 bytes misread as Shift_JIS almost never produce it) and nearly all of
// its non-ASCII characters are Japanese.
bool LooksJapanese(std::string_view text) {
  std::size_t non_ascii = 0, japanese = 0, hiragana = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > text.size()) break;
    char32_t cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1F) : c < 0xF0 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    i += n;
    if (cp < 0x80) continue;
    ++non_ascii;
    if (cp >= 0x3040 && cp <= 0x309F) ++hiragana;
    // CJK punctuation, kana, kanji and full-width forms; not half-width katakana, which is what
    // accented Latin-1 letters turn into.
    if ((cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x00A5 || cp == 0x203E) {
      ++japanese;
    }
  }
  return hiragana > 0 && japanese * 10 >= non_ascii * 9;
}

}  // namespace

std::optional<std::string_view> TextForSniffing(const SourceFile& file, std::string& storage) {
  if (!LooksLikeText(file.bytes)) return std::nullopt;
  if (!HasUtf16Bom(file.bytes)) return std::string_view(file.bytes);
  auto decoded = DecodeText(file);
  if (!decoded) return std::nullopt;
  storage = std::move(*decoded);
  return std::string_view(storage);
}

bool LooksLikeText(std::string_view bytes) {
  if (HasUtf16Bom(bytes)) return true;
  return bytes.find('\0') == std::string_view::npos;
}

Result<DecodedText> DecodeTextWithEncoding(const SourceFile& file) {
  std::string text;
  std::string encoding = "UTF-8";
  if (HasUtf16Bom(file.bytes)) {
    auto decoded = DecodeUtf16(file);
    if (!decoded) return Fail(decoded.error());
    text = std::move(*decoded);
    encoding = file.bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
  } else {
    if (!LooksLikeText(file.bytes)) {
      return Fail(ErrorCode::kUnsupported,
                  "File " + Quoted(file.DisplayName()) + " is a binary file, not a text document.");
    }
    std::string_view bytes = file.bytes;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (auto bad = FindInvalidUtf8(bytes)) {
      auto shift_jis = ConvertShiftJis(bytes);
      if (!shift_jis || !LooksJapanese(*shift_jis)) {
        return Fail(ErrorCode::kParse,
                    "File " + Quoted(file.DisplayName()) + " is not valid UTF-8 text (line " +
                        std::to_string(LineOfOffset(bytes, *bad)) +
                        ") nor Japanese Shift_JIS text; save it as UTF-8 and import it again.");
      }
      text = std::move(*shift_jis);
      encoding = "Shift_JIS";
    } else {
      text.assign(bytes);
    }
  }
  return DecodedText{NormaliseLineEndings(std::move(text)), std::move(encoding)};
}

Result<std::string> DecodeText(const SourceFile& file) {
  auto decoded = DecodeTextWithEncoding(file);
  if (!decoded) return Fail(decoded.error());
  return std::move(decoded->text);
}

}  // namespace nt::importers
