#include "cli/csv_output.h"

#include <cstdio>

namespace nt::cli {

std::string CsvField(std::string_view value) {
  std::string text(value);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvField(fields[i]);
  }
  line += "\r\n";
  return line;
}

void PrintCsv(const std::vector<std::vector<std::string>>& rows) {
  std::fputs("\xEF\xBB\xBF", stdout);
  for (const auto& row : rows) {
    const std::string line = CsvLine(row);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
}

}  // namespace nt::cli
