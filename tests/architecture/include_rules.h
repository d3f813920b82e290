#pragma once
// The module layering check: which folder may #include what. The rules live in one place, the
// table in docs/architecture.md between <!-- include-rules:begin --> and
// <!-- include-rules:end -->, so the document and the check cannot drift apart; this code knows
// only how to read that table, which headers are the standard library's, and where the build
// roots quoted includes (src/, then the repository root).
//
// A rule row: | module | files | may include (project) | may include (third-party) |
//   files       backticked patterns, comma-separated: `src/store/` (a folder and everything
//               under it), `src/app/*.h` (`*` stays within one folder), `src/core/platform.cpp`.
//               A file belongs to the row with its most specific matching pattern.
//   project     module names from the first column, comma-separated; or "anything".
//   third-party backticked header patterns such as `<sqlite3.h>` or `<wx/*>` (`*` matches any
//               characters, '/' too), with free words around them ("ICU `<unicode/*>`");
//               or "none"; or "anything".
// Standard C and C++ headers are always allowed; any other angle-bracket header is third-party.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace nt::architecture {

// The document that holds the rules table, relative to the repository root.
inline constexpr std::string_view kRulesDocument = "docs/architecture.md";

struct IncludeRule {
  std::string module;              // "cli", "app (public)"
  std::vector<std::string> files;  // "src/cli/", "src/app/*.h"
  bool any_project = false;
  std::vector<std::string> project;  // module names, as in the table
  bool any_third_party = false;
  std::vector<std::string> third_party;  // header patterns without the brackets: "wx/*"
  int line = 0;                          // the row's line in the rules document
};

struct IncludeDirective {
  int line = 0;
  bool angled = false;  // <name> rather than "name"
  std::string name;     // between the delimiters
};

struct Violation {
  std::string file;  // relative to the tree root, with '/' separators
  int line = 0;
  std::string include;  // as written, delimiters included: "store/database.h", <xapian.h>
  std::string rule;     // the rule broken, one sentence
};

// "src/cli/main.cpp:7: includes "store/database.h", but cli may include only core, cli".
std::string ToString(const Violation& violation);

// Reads the rules table out of the Markdown text of kRulesDocument. A missing or malformed
// table is a kParse error whose message names kRulesDocument (and the line, where there is one).
[[nodiscard]] Result<std::vector<IncludeRule>> ParseIncludeRules(std::string_view markdown);

// Reads root/docs/architecture.md; kNotFound when it cannot be read.
[[nodiscard]] Result<std::vector<IncludeRule>> LoadIncludeRules(const std::filesystem::path& root);

// The #include directives a compiler would see, roughly: those in comments, in raw string
// literals and in #if 0 (or the dead branch of #if 1) are left out. Macro includes are skipped.
std::vector<IncludeDirective> FindIncludes(std::string_view source);

// A header of the C++23 standard library or of the C standard library (<cstdio>, <stdio.h>).
bool IsStandardHeader(std::string_view name);

// Scans the C and C++ files under root/src, root/importers and root/ui (a missing folder is
// simply empty) and returns every include the rules forbid, ordered by file and line. A file no
// rule covers is a violation too, so that a new folder cannot escape the check.
[[nodiscard]] Result<std::vector<Violation>> CheckIncludes(const std::filesystem::path& root,
                                                           const std::vector<IncludeRule>& rules);

// LoadIncludeRules then CheckIncludes.
[[nodiscard]] Result<std::vector<Violation>> CheckTree(const std::filesystem::path& root);

}  // namespace nt::architecture
