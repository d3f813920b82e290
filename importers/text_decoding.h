#pragma once
// Turning a file's bytes into UTF-8 text for the text-based importers.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "importers/importer.h"

namespace nt::importers {

// True when the bytes look like text rather than a binary file (no NUL bytes outside UTF-16).
bool LooksLikeText(std::string_view bytes);

struct DecodedText {
  std::string text;      // UTF-8, byte-order mark removed, line endings normalised to "\n"
  std::string encoding;  // what the bytes were: "UTF-8", "UTF-16LE", "UTF-16BE", "Shift_JIS"
};

// Decodes UTF-8 (with or without a BOM) and UTF-16 with a BOM. Bytes that are not UTF-8 but are
// valid Shift_JIS and read as Japanese (hiragana, mostly Japanese characters) are decoded as
// Shift_JIS, the encoding of many Japanese government documents; anything else is refused rather
// than guessed, because a wrong guess silently corrupts every quoted commitment.
// Errors: kUnsupported for a binary file; kParse naming the file and the line of the first byte
// that is not valid text.
[[nodiscard]] Result<DecodedText> DecodeTextWithEncoding(const SourceFile& file);

// The text of DecodeTextWithEncoding alone.
[[nodiscard]] Result<std::string> DecodeText(const SourceFile& file);

// The file's text for a quick look at its content (Confidence): the bytes themselves, or for
// UTF-16 their UTF-8 decoding kept in `storage`. nullopt for binary or undecodable files.
std::optional<std::string_view> TextForSniffing(const SourceFile& file, std::string& storage);

}  // namespace nt::importers
