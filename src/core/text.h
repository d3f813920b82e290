#pragma once
// UTF-8 text utilities shared by importers, extraction and front ends.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nt {

std::string_view TrimView(std::string_view text);
std::string Trim(std::string_view text);

// Collapses runs of white space (including NBSP and tabs) to one space and trims.
std::string CollapseWhitespace(std::string_view text);

std::string ToLowerAscii(std::string_view text);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// Splits on a single character; keeps empty pieces.
std::vector<std::string> Split(std::string_view text, char separator);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// The byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// Appends a code point as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(std::string& out, char32_t code_point);

// Removes control characters from UTF-8 text: C0 (U+0000..U+001F) except tab and line feed, DEL
// and C1 (U+0080..U+009F). They carry nothing a reader should see, and printed to a terminal an
// ESC or CSI sequence is a command (a new window title, a rewritten clipboard), not text.
std::string RemoveControlCharacters(std::string_view text);

// 1-based line number of a byte offset.
int LineOfOffset(std::string_view text, std::size_t offset);

// Number of code points (for column alignment and wrapping in terminals).
std::size_t CodePointCount(std::string_view text);

// Wraps to at most `width` code points of text per line (words longer than that stand alone);
// continuation lines start with `indent`, which does not count towards `width`.
std::string WrapText(std::string_view text, std::size_t width, std::string_view indent);

}  // namespace nt
