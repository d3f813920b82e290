#include "architecture/include_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

namespace nt::architecture {
namespace {

constexpr std::string_view kBeginMarker = "<!-- include-rules:begin -->";
constexpr std::string_view kEndMarker = "<!-- include-rules:end -->";
constexpr std::array<std::string_view, 4> kColumns = {"module", "files", "may include (project)",
                                                      "may include (third-party)"};

// The folders the check reads; tests/ is left to the table's "anything" row.
constexpr std::array<std::string_view, 3> kScannedFolders = {"src", "importers", "ui"};
// Where a quoted include is looked up after the including file's folder, in the build's order
// (NORMTRACK_SOURCE_ROOTS in the top CMakeLists.txt): src/, then the repository root.
constexpr std::array<std::string_view, 2> kIncludeRoots = {"src/", ""};
constexpr std::array<std::string_view, 11> kSourceExtensions = {
    ".h", ".hh", ".hpp", ".hxx", ".inl", ".ipp", ".c", ".cc", ".cpp", ".cxx", ".tpp"};

// C++23 library headers, the C++ headers for C library facilities, and the C23 headers (their
// .h forms are valid C++ too). Sorted, for binary search.
// clang-format off
constexpr std::string_view kStandardHeaders[] = {
    "algorithm", "any", "array", "assert.h", "atomic", "barrier", "bit", "bitset", "cassert",
    "cctype", "cerrno", "cfenv", "cfloat", "charconv", "chrono", "cinttypes", "climits", "clocale",
    "cmath", "codecvt", "compare", "complex", "complex.h", "concepts", "condition_variable",
    "coroutine", "csetjmp", "csignal", "cstdarg", "cstddef", "cstdint", "cstdio", "cstdlib",
    "cstring", "ctime", "ctype.h", "cuchar", "cwchar", "cwctype", "deque", "errno.h", "exception",
    "execution", "expected", "fenv.h", "filesystem", "flat_map", "flat_set", "float.h", "format",
    "forward_list", "fstream", "functional", "future", "generator", "initializer_list",
    "inttypes.h", "iomanip", "ios", "iosfwd", "iostream", "iso646.h", "istream", "iterator",
    "latch", "limits", "limits.h", "list", "locale", "locale.h", "map", "math.h", "mdspan",
    "memory", "memory_resource", "mutex", "new", "numbers", "numeric", "optional", "ostream",
    "print", "queue", "random", "ranges", "ratio", "regex", "scoped_allocator", "semaphore", "set",
    "setjmp.h", "shared_mutex", "signal.h", "source_location", "span", "spanstream", "sstream",
    "stack", "stacktrace", "stdalign.h", "stdarg.h", "stdatomic.h", "stdbit.h", "stdbool.h",
    "stdckdint.h", "stddef.h", "stdexcept", "stdfloat", "stdint.h", "stdio.h", "stdlib.h",
    "stdnoreturn.h", "stop_token", "streambuf", "string", "string.h", "string_view", "strstream",
    "syncstream", "system_error", "tgmath.h", "thread", "threads.h", "time.h", "tuple",
    "type_traits", "typeindex", "typeinfo", "uchar.h", "unordered_map", "unordered_set", "utility",
    "valarray", "variant", "vector", "version", "wchar.h", "wctype.h"};
// clang-format on
static_assert(std::ranges::is_sorted(kStandardHeaders), "binary search needs the list sorted");

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string WithoutBackticks(std::string_view text) {
  std::string plain;
  std::ranges::copy_if(text, std::back_inserter(plain), [](char c) { return c != '`'; });
  return plain;
}

// The pieces between separators, trimmed; empty pieces are kept so that callers can reject them.
std::vector<std::string> SplitTrimmed(std::string_view text, char separator) {
  std::vector<std::string> items;
  while (true) {
    const auto at = text.find(separator);
    items.emplace_back(Trim(text.substr(0, at)));
    if (at == std::string_view::npos) return items;
    text.remove_prefix(at + 1);
  }
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

// A `*` matches any run of characters, '/' included only when star_crosses_slash is set:
// file patterns stay within one folder, header patterns (<boost/*>) do not.
bool GlobMatch(std::string_view pattern, std::string_view text, bool star_crosses_slash) {
  if (pattern.empty()) return text.empty();
  if (pattern.front() == '*') {
    for (size_t skip = 0; skip <= text.size(); ++skip) {
      if (GlobMatch(pattern.substr(1), text.substr(skip), star_crosses_slash)) return true;
      if (skip < text.size() && text[skip] == '/' && !star_crosses_slash) return false;
    }
    return false;
  }
  return !text.empty() && pattern.front() == text.front() &&
         GlobMatch(pattern.substr(1), text.substr(1), star_crosses_slash);
}

// How specifically a file pattern names a path, or -1 when it does not match: a file named
// outright beats any folder or wildcard, and a longer pattern beats a shorter one.
int MatchSpecificity(std::string_view pattern, std::string_view path) {
  const int length = static_cast<int>(pattern.size());
  if (pattern.ends_with('/')) return path.starts_with(pattern) ? length : -1;
  if (pattern.find('*') == std::string_view::npos) return path == pattern ? 1'000'000 : -1;
  return GlobMatch(pattern, path, false) ? length : -1;
}

const IncludeRule* RuleFor(const std::vector<IncludeRule>& rules, std::string_view path) {
  const IncludeRule* best = nullptr;
  int best_specificity = -1;
  for (const auto& rule : rules) {
    for (const auto& pattern : rule.files) {
      const int specificity = MatchSpecificity(pattern, path);
      if (specificity > best_specificity) {
        best = &rule;
        best_specificity = specificity;
      }
    }
  }
  return best;
}

bool AllowsThirdParty(const IncludeRule& rule, std::string_view header) {
  if (rule.any_third_party) return true;
  return std::ranges::any_of(rule.third_party, [&](const std::string& pattern) {
    return GlobMatch(pattern, header, true);
  });
}

std::unexpected<Error> TableError(int line, std::string_view what) {
  return Fail(ErrorCode::kParse, std::string(kRulesDocument) + " line " + std::to_string(line) +
                                     ": " + std::string(what) + ".");
}

std::vector<std::string> SplitCells(std::string_view row) {
  row = Trim(row);
  row.remove_prefix(1);  // the leading '|'
  if (row.ends_with('|')) row.remove_suffix(1);
  return SplitTrimmed(row, '|');
}

bool IsSeparatorCell(std::string_view cell) {
  if (cell.starts_with(':')) cell.remove_prefix(1);
  if (cell.ends_with(':')) cell.remove_suffix(1);
  return !cell.empty() && cell.find_first_not_of('-') == std::string_view::npos;
}

Result<IncludeRule> ParseRow(const std::vector<std::string>& cells, int line) {
  IncludeRule rule;
  rule.line = line;
  rule.module = WithoutBackticks(cells[0]);
  if (rule.module.empty()) return TableError(line, "a rule has an empty module name");

  for (auto& pattern : SplitTrimmed(WithoutBackticks(cells[1]), ',')) {
    if (pattern.empty() || pattern.starts_with('/')) {
      return TableError(line, "the files of " + rule.module +
                                  " must be folders like `src/store/` or files like "
                                  "`src/app/*.h`, relative to the repository root");
    }
    rule.files.push_back(std::move(pattern));
  }

  const std::string project = WithoutBackticks(cells[2]);
  if (Lower(project).starts_with("anything")) {
    rule.any_project = true;
  } else {
    for (auto& module : SplitTrimmed(project, ',')) {
      if (module.empty()) {
        return TableError(line, "may include (project) of " + rule.module +
                                    " has an empty entry; list module names separated by commas");
      }
      rule.project.push_back(std::move(module));
    }
  }

  const std::string third_party = WithoutBackticks(cells[3]);
  for (size_t open = third_party.find('<'); open != std::string::npos;
       open = third_party.find('<', open + 1)) {
    const auto close = third_party.find('>', open);
    if (close == std::string::npos) break;
    rule.third_party.push_back(third_party.substr(open + 1, close - open - 1));
  }
  const std::string third_party_lower = Lower(Trim(third_party));
  if (third_party_lower.starts_with("anything")) {
    rule.any_third_party = true;
  } else if (rule.third_party.empty() && third_party_lower != "none") {
    return TableError(line, "may include (third-party) of " + rule.module +
                                " must be `none`, `anything`, or header patterns such as "
                                "`<sqlite3.h>` or `<wx/*>`");
  }
  return rule;
}

// Blanks comments and the insides of raw string literals, keeping every newline so that line
// numbers hold; ordinary string and character literals are stepped over so that a "//" inside
// one is not taken for a comment.
std::string BlankCommentsAndRawStrings(std::string_view source) {
  std::string out(source);
  const size_t size = source.size();
  const auto blank = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < size; ++k) {
      if (out[k] != '\n') out[k] = ' ';
    }
  };
  const auto is_identifier = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  };
  // Past the closing quote of a literal opened at `open`; an unclosed one ends at its line.
  const auto skip_literal = [&](size_t open) {
    const char quote = source[open];
    size_t k = open + 1;
    while (k < size && source[k] != quote && source[k] != '\n') k += source[k] == '\\' ? 2 : 1;
    return k < size && source[k] == quote ? k + 1 : k;
  };
  size_t i = 0;
  while (i < size) {
    const char c = source[i];
    const char next = i + 1 < size ? source[i + 1] : '\0';
    if (c == '/' && next == '/') {
      const size_t end = std::min(source.find('\n', i), size);
      blank(i, end);
      i = end;
    } else if (c == '/' && next == '*') {
      const size_t close = source.find("*/", i + 2);
      const size_t end = close == std::string_view::npos ? size : close + 2;
      blank(i, end);
      i = end;
    } else if (c == '"') {
      size_t prefix_start = i;
      while (prefix_start > 0 && is_identifier(source[prefix_start - 1])) --prefix_start;
      const std::string_view prefix = source.substr(prefix_start, i - prefix_start);
      const bool raw =
          prefix == "R" || prefix == "u8R" || prefix == "uR" || prefix == "UR" || prefix == "LR";
      const size_t paren = raw ? source.find('(', i) : std::string_view::npos;
      if (paren == std::string_view::npos) {
        i = skip_literal(i);
        continue;
      }
      const std::string closing = ")" + std::string(source.substr(i + 1, paren - i - 1)) + "\"";
      const size_t close = source.find(closing, paren);
      const size_t end = close == std::string_view::npos ? size : close + closing.size();
      blank(i + 1, end - 1);
      i = end;
    } else if (c == '\'' && (i == 0 || !is_identifier(source[i - 1]))) {
      // A quote after a digit or letter is a digit separator (1'000) or a prefix (u8'x').
      i = skip_literal(i);
    } else {
      ++i;
    }
  }
  return out;
}

// One #if group: whether its current branch is dead, and whether a branch known to be taken
// (#if 1) has been seen, which makes every later branch dead.
struct Conditional {
  bool dead = false;
  bool taken = false;
};

bool IsFalse(std::string_view condition) { return condition == "0" || condition == "false"; }
bool IsTrue(std::string_view condition) { return condition == "1" || condition == "true"; }

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return Fail(ErrorCode::kIo, "Cannot read " + Quoted(path.string()) + ".");
  return content.str();
}

// The rule a quoted include's header falls under, found as the compiler finds the file: beside
// the including file, then under each build root. A header that exists nowhere (a planted tree,
// a typo) is placed by the first root under which a rule covers it.
const IncludeRule* RuleOfQuotedInclude(const std::filesystem::path& root,
                                       const std::vector<IncludeRule>& rules,
                                       std::string_view including_file, std::string_view name) {
  std::vector<std::string> candidates;
  const std::filesystem::path beside =
      std::filesystem::path(including_file).parent_path() / std::filesystem::path(name);
  candidates.push_back(beside.lexically_normal().generic_string());
  for (const auto include_root : kIncludeRoots) {
    candidates.push_back(std::string(include_root) + std::string(name));
  }
  std::error_code ec;
  for (const auto& candidate : candidates) {
    if (std::filesystem::is_regular_file(root / candidate, ec)) {
      if (const auto* rule = RuleFor(rules, candidate)) return rule;
    }
  }
  for (size_t k = 1; k < candidates.size(); ++k) {
    if (const auto* rule = RuleFor(rules, candidates[k])) return rule;
  }
  return nullptr;
}

std::string ThirdPartyRule(const IncludeRule& rule, const std::vector<IncludeRule>& rules,
                           std::string_view header) {
  std::string sentence = rule.module;
  if (rule.third_party.empty()) {
    sentence += " may include no third-party headers";
  } else {
    std::vector<std::string> patterns;
    for (const auto& pattern : rule.third_party) patterns.push_back("<" + pattern + ">");
    sentence += " may include only the third-party headers " + Join(patterns, ", ");
  }
  // Saying where the header does belong points at the fix (move the code, or widen a rule).
  std::vector<std::string> homes;
  for (const auto& other : rules) {
    if (&other == &rule || other.any_third_party || !AllowsThirdParty(other, header)) continue;
    homes.insert(homes.end(), other.files.begin(), other.files.end());
  }
  if (!homes.empty()) {
    sentence += " (<" + std::string(header) + "> is allowed only in " + Join(homes, ", ") + ")";
  }
  return sentence;
}

}  // namespace

std::string ToString(const Violation& violation) {
  std::string text = violation.file;
  if (violation.line > 0) text += ":" + std::to_string(violation.line);
  text += ": ";
  if (!violation.include.empty()) text += "includes " + violation.include + ", but ";
  return text + violation.rule;
}

Result<std::vector<IncludeRule>> ParseIncludeRules(std::string_view markdown) {
  const auto begin = markdown.find(kBeginMarker);
  if (begin == std::string_view::npos) {
    return Fail(ErrorCode::kParse,
                std::string(kRulesDocument) + " has no include rules table: expected one between " +
                    std::string(kBeginMarker) + " and " + std::string(kEndMarker) + ".");
  }
  const int begin_line =
      1 + static_cast<int>(std::count(markdown.begin(), markdown.begin() + begin, '\n'));
  const auto body_start = begin + kBeginMarker.size();
  const auto end = markdown.find(kEndMarker, body_start);
  if (end == std::string_view::npos) {
    return TableError(begin_line,
                      "the include rules table is not closed by " + std::string(kEndMarker));
  }

  std::vector<IncludeRule> rules;
  int rows_seen = 0;  // header and separator first
  int line = begin_line;
  std::string_view body = markdown.substr(body_start, end - body_start);
  while (!body.empty()) {
    const auto newline = body.find('\n');
    const std::string_view text = Trim(body.substr(0, newline));
    body = newline == std::string_view::npos ? std::string_view() : body.substr(newline + 1);
    if (text.empty()) {
      if (newline != std::string_view::npos) ++line;
      continue;
    }
    if (!text.starts_with('|')) {
      return TableError(line,
                        "only the table's rows may stand between the include-rules "
                        "markers, but this line is not one");
    }
    const auto cells = SplitCells(text);
    if (cells.size() != kColumns.size()) {
      return TableError(line, "a row of the include rules table has " +
                                  std::to_string(cells.size()) + " cells; it needs " +
                                  std::to_string(kColumns.size()));
    }
    if (rows_seen == 0) {
      for (size_t k = 0; k < kColumns.size(); ++k) {
        if (Lower(cells[k]) != kColumns[k]) {
          return TableError(line,
                            "the include rules table must have the columns | module | "
                            "files | may include (project) | may include (third-party) |");
        }
      }
    } else if (rows_seen == 1) {
      if (!std::ranges::all_of(cells, IsSeparatorCell)) {
        return TableError(line,
                          "the include rules table's header must be followed by a "
                          "|---|---|---|---| separator row");
      }
    } else {
      auto rule = ParseRow(cells, line);
      if (!rule) return std::unexpected(std::move(rule).error());
      rules.push_back(std::move(*rule));
    }
    ++rows_seen;
    ++line;
  }
  if (rules.empty()) return TableError(begin_line, "the include rules table has no rules");

  // A misspelt module in a list would silently forbid (or never match) an include.
  for (const auto& rule : rules) {
    for (const auto& module : rule.project) {
      const bool known = std::ranges::any_of(
          rules, [&](const IncludeRule& other) { return other.module == module; });
      if (!known) {
        return TableError(rule.line, "may include (project) of " + rule.module + " names '" +
                                         module + "', which is no module of the table");
      }
    }
  }
  return rules;
}

Result<std::vector<IncludeRule>> LoadIncludeRules(const std::filesystem::path& root) {
  const auto path = root / std::filesystem::path(kRulesDocument);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "Cannot find " + std::string(kRulesDocument) + " (" +
                                          Quoted(path.string()) +
                                          "), which holds the include rules table.");
  }
  auto text = ReadFile(path);
  if (!text) return std::unexpected(std::move(text).error());
  return ParseIncludeRules(*text);
}

std::vector<IncludeDirective> FindIncludes(std::string_view source) {
  const std::string code = BlankCommentsAndRawStrings(source);
  std::vector<IncludeDirective> includes;
  std::vector<Conditional> conditionals;
  std::string_view rest = code;
  for (int line = 1; !rest.empty(); ++line) {
    const auto newline = rest.find('\n');
    std::string_view text = Trim(rest.substr(0, newline));
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (!text.starts_with('#')) continue;
    text = Trim(text.substr(1));
    const auto name_end = std::min(text.find_first_of(" \t<\"("), text.size());
    const std::string_view directive = text.substr(0, name_end);
    const std::string_view argument = Trim(text.substr(name_end));

    if (directive == "if") {
      conditionals.push_back({.dead = IsFalse(argument), .taken = IsTrue(argument)});
    } else if (directive == "ifdef" || directive == "ifndef") {
      conditionals.push_back({});
    } else if (directive == "elif" || directive == "elifdef" || directive == "elifndef") {
      if (conditionals.empty()) continue;
      auto& group = conditionals.back();
      const bool plain_elif = directive == "elif";
      group.dead = group.taken || (plain_elif && IsFalse(argument));
      group.taken = group.taken || (plain_elif && IsTrue(argument));
    } else if (directive == "else") {
      if (!conditionals.empty()) conditionals.back().dead = conditionals.back().taken;
    } else if (directive == "endif") {
      if (!conditionals.empty()) conditionals.pop_back();
    } else if (directive == "include") {
      if (std::ranges::any_of(conditionals, &Conditional::dead)) continue;
      if (argument.empty() || (argument[0] != '<' && argument[0] != '"')) continue;  // a macro
      const char closing = argument[0] == '<' ? '>' : '"';
      const auto close = argument.find(closing, 1);
      if (close == std::string_view::npos) continue;
      includes.push_back({.line = line,
                          .angled = argument[0] == '<',
                          .name = std::string(argument.substr(1, close - 1))});
    }
  }
  return includes;
}

bool IsStandardHeader(std::string_view name) {
  return std::ranges::binary_search(kStandardHeaders, name);
}

Result<std::vector<Violation>> CheckIncludes(const std::filesystem::path& root,
                                             const std::vector<IncludeRule>& rules) {
  std::vector<std::string> files;
  for (const auto folder : kScannedFolders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(root / folder, ec)) continue;
    for (auto it = std::filesystem::recursive_directory_iterator(root / folder, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const auto extension = it->path().extension().string();
      if (!it->is_regular_file(ec) ||
          std::ranges::find(kSourceExtensions, extension) == kSourceExtensions.end()) {
        continue;
      }
      files.push_back(it->path().lexically_relative(root).generic_string());
    }
    if (ec) {
      return Fail(ErrorCode::kIo,
                  "Cannot list " + Quoted((root / folder).string()) + ": " + ec.message() + ".");
    }
  }
  std::ranges::sort(files);

  std::vector<Violation> violations;
  for (const auto& file : files) {
    const IncludeRule* rule = RuleFor(rules, file);
    if (!rule) {
      violations.push_back({.file = file,
                            .rule = "no rule in " + std::string(kRulesDocument) +
                                    " covers this file; add its folder to the table"});
      continue;
    }
    if (rule->any_project && rule->any_third_party) continue;
    auto source = ReadFile(root / file);
    if (!source) return std::unexpected(std::move(source).error());
    for (const auto& include : FindIncludes(*source)) {
      Violation violation{.file = file, .line = include.line};
      if (include.angled) {
        if (IsStandardHeader(include.name) || AllowsThirdParty(*rule, include.name)) continue;
        violation.include = "<" + include.name + ">";
        violation.rule = ThirdPartyRule(*rule, rules, include.name);
      } else {
        violation.include = "\"" + include.name + "\"";
        const IncludeRule* target = RuleOfQuotedInclude(root, rules, file, include.name);
        if (!target) {
          violation.rule = "no rule in " + std::string(kRulesDocument) +
                           " covers that header (quoted includes are rooted at src/ or the "
                           "repository root)";
        } else if (rule->any_project ||
                   std::ranges::find(rule->project, target->module) != rule->project.end()) {
          continue;
        } else {
          violation.rule = rule->module + " may include only " + Join(rule->project, ", ");
        }
      }
      violations.push_back(std::move(violation));
    }
  }
  return violations;
}

Result<std::vector<Violation>> CheckTree(const std::filesystem::path& root) {
  auto rules = LoadIncludeRules(root);
  if (!rules) return std::unexpected(std::move(rules).error());
  return CheckIncludes(root, *rules);
}

}  // namespace nt::architecture
