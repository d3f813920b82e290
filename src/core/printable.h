#pragma once
// Text shown to a user on one line of output: a file name with a newline, a title with a
// control character or a 100 KB query must neither break the line nor bury the message.

#include <cstddef>
#include <string>
#include <string_view>

namespace nt {

// `text` with every control character escaped (C0, DEL and C1: "\n", "\t", "\r", else "\xHH"
// or "\u0085"), so it prints as one line and reads back unambiguously. Other text, backslashes
// included (Windows paths), is unchanged.
std::string Printable(std::string_view text);

// The number of characters (UTF-8 code points) of `text`.
std::size_t CountCharacters(std::string_view text);

// Printable(text) cut to its first `max_characters` characters (never half of one), "…" marking
// the cut; whole when it is not longer.
inline constexpr std::size_t kQuotedExcerptCharacters = 80;
std::string PrintableExcerpt(std::string_view text,
                             std::size_t max_characters = kQuotedExcerptCharacters);

// What a user typed (a query), quoted in a message: PrintableExcerpt(text) in single quotes,
// followed by its length when it was cut: 'cyber cyber…' (102400 characters).
std::string QuotedExcerpt(std::string_view text);

// A paragraph's label as every command shows it: the label, or "-" for a paragraph without one
// (in a column, in a graph node's name, in a search hit), never a blank or an id that reads as
// a label.
inline constexpr std::string_view kNoParagraphLabel = "-";
std::string ShownParagraphLabel(std::string_view label);

}  // namespace nt
