#include "cli/parse_errors.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace nt::cli {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool IsNumber(std::string_view text) {
  if (text.empty()) return false;
  std::size_t start = text[0] == '-' || text[0] == '+' ? 1 : 0;
  return start < text.size() &&
         std::all_of(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

std::string Sentence(std::string text) {
  text = Trim(text);
  if (!text.empty() && text.back() != '.' && text.back() != '?') text += '.';
  return "normtrack: " + text;
}

}  // namespace

std::optional<std::string> UnknownCommandMessage(const CLI::App& app, int argc,
                                                 const char* const* argv) {
  const CLI::App* level = &app;
  std::string path;  // "followup", "graph"
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("-")) {
      // The global --db takes the next word; other options end the walk (their values are not
      // commands, and their command has been found).
      if (level == &app && arg == "--db") ++i;
      if (level != &app) return std::nullopt;
      continue;
    }
    const auto subcommands = level->get_subcommands([](const CLI::App*) { return true; });
    if (subcommands.empty()) return std::nullopt;
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : subcommands) {
      if (sub->check_name(std::string(arg))) next = sub;
    }
    if (next) {
      path += (path.empty() ? "" : " ") + next->get_name();
      level = next;
      continue;
    }
    std::string closest;
    std::size_t best = std::string::npos;
    std::vector<std::string> names;
    for (const CLI::App* sub : subcommands) {
      names.push_back(sub->get_name());
      const std::size_t distance = EditDistance(arg, sub->get_name());
      if (distance < best) {
        best = distance;
        closest = sub->get_name();
      }
    }
    const std::string what = path.empty() ? "a command" : "a '" + path + "' command";
    std::string message = "'" + std::string(arg) + "' is not " + what;
    if (best <= std::max<std::size_t>(2, arg.size() / 3)) {
      message += "; did you mean '" + closest + "'?";
    } else {
      message += " (" + (path.empty() ? std::string("the commands are: ") : path + " takes: ") +
                 Join(names, ", ") + ")";
    }
    return Sentence(message);
  }
  return std::nullopt;
}

std::string ParseErrorMessage(const CLI::ParseError& error) {
  const std::string what = error.what();
  std::smatch match;
  // "--limit: Value abc not in range 0 to 10000" (or to a 20-digit maximum).
  static const std::regex range(R"((-[-\w]+): Value (.*) not in range (\S+) to (\S+))");
  if (std::regex_search(what, match, range)) {
    const std::string option = match[1], value = match[2], low = match[3], high = match[4];
    if (!IsNumber(value)) return Sentence(option + " takes a number, not '" + value + "'");
    if (low.size() > 12 || high.size() > 12) {
      return Sentence(option + " takes a smaller number than " + value);
    }
    return Sentence(option + " takes a number from " + low + " to " + high + ", not " + value);
  }
  // "Could not convert: --commitment = 11,12"
  static const std::regex convert(R"(Could not convert: (-[-\w]+) = (.*))");
  if (std::regex_search(what, match, convert)) {
    return Sentence("'" + match[2].str() + "' is not a value " + match[1].str() +
                    " takes (give one value; repeat the option for several)");
  }
  static const std::regex unexpected(R"(The following arguments? (?:was|were) not expected: (.*))");
  if (std::regex_search(what, match, unexpected)) {
    return Sentence(match[1].str() + " is not an option or argument here ('--help' lists them)");
  }
  if (what.starts_with("A subcommand is required")) {
    return Sentence("a command is needed here ('--help' lists them)");
  }
  return Sentence(what);
}

}  // namespace nt::cli
