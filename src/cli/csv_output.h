#pragma once
// CSV for spreadsheets (`--csv`): RFC 4180 quoting, UTF-8 with a byte-order mark so that Excel
// reads non-ASCII names right, and text that a spreadsheet would run as a formula (=, +, -, @)
// prefixed with an apostrophe, so an imported document cannot put a formula in a user's sheet.

#include <string>
#include <string_view>
#include <vector>

namespace nt::cli {

// One field, quoted when it holds a comma, a quote or a line break.
std::string CsvField(std::string_view value);
// One line of fields, ending in CRLF (as RFC 4180 and Excel expect).
std::string CsvLine(const std::vector<std::string>& fields);
// Writes the byte-order mark and the lines to stdout.
void PrintCsv(const std::vector<std::vector<std::string>>& rows);

}  // namespace nt::cli
