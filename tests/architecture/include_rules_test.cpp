#include <catch2/catch.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "architecture/include_rules.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::architecture;

namespace {

// A small rules table in the shape of the real one, so planted trees test the checker and not
// today's rules.
constexpr std::string_view kPlantedRules = R"md(# Planted

<!-- include-rules:begin -->
| module | files | may include (project) | may include (third-party) |
|---|---|---|---|
| core | `src/core/` | core | none |
| core (platform file) | `src/core/platform.cpp` | core | `<unistd.h>`, `<sys/*>` |
| store | `src/store/` | core, store | SQLite `<sqlite3.h>` |
| search | `src/search/` | core, store, search | Xapian `<xapian.h>` |
| export | `src/export/` | core, app (public), export | libzip `<zip.h>` |
| app (public) | `src/app/*.h` | core, app (public) | none |
| app (internal) | `src/app/*.cpp`, `src/app/internal/` | core, store, search, app (public), app (internal) | none |
| cli | `src/cli/` | core, app (public), cli | CLI11 `<CLI/*>` |
| ui | `ui/` | core, app (public), ui | `<wx/*>` |
| tests | `tests/` | anything (not checked) | anything (not checked) |
<!-- include-rules:end -->
)md";

// A tree holding kPlantedRules and whatever files a test plants.
struct PlantedTree {
  test::TempDir dir;
  PlantedTree() { dir.Write("docs/architecture.md", kPlantedRules); }
  void Plant(std::string_view name, std::string_view content) const { dir.Write(name, content); }

  std::vector<std::string> Violations() const {
    auto violations = CheckTree(dir.path());
    if (!violations) FAIL(violations.error().message);
    std::vector<std::string> lines;
    for (const auto& violation : *violations) lines.push_back(ToString(violation));
    return lines;
  }
};

Error ParseError(std::string_view table_body) {
  const std::string markdown = "# Title\n\n<!-- include-rules:begin -->\n" +
                               std::string(table_body) + "<!-- include-rules:end -->\n";
  auto rules = ParseIncludeRules(markdown);
  REQUIRE_FALSE(rules);
  CHECK(rules.error().code == ErrorCode::kParse);
  return rules.error();
}

constexpr std::string_view kHeader =
    "| module | files | may include (project) | may include (third-party) |\n|---|---|---|---|\n";

}  // namespace

TEST_CASE("Include rules: the repository follows docs/architecture.md", "[architecture]") {
  auto violations = CheckTree(test::SourceDir());
  if (!violations) FAIL(violations.error().message);
  if (!violations->empty()) {
    std::string message =
        std::to_string(violations->size()) + " includes break the rules in docs/architecture.md:";
    for (const auto& violation : *violations) {
      message += "\n" + ToString(violation);
      // Catch wraps its message at 80 columns; whole file:line lines let grep and editors jump.
      std::cerr << ToString(violation) << '\n';
    }
    FAIL(message);
  }
}

TEST_CASE("Include rules: the repository's table parses and covers every module folder",
          "[architecture]") {
  auto rules = LoadIncludeRules(test::SourceDir());
  REQUIRE(rules);
  std::vector<std::string> modules;
  for (const auto& rule : *rules) modules.push_back(rule.module);
  CHECK(modules == std::vector<std::string>{
                       "core", "core (platform file)", "store", "extract", "importers", "search",
                       "graph", "export", "app (public)", "app (internal)", "cli", "ui", "tests"});
}

TEST_CASE("Include rules: a cli file including a store header breaks the cli rule",
          "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/cli/commands/import_command.cpp",
             "#include <CLI/CLI.hpp>\n"
             "#include <vector>\n"
             "\n"
             "#include \"app/library.h\"\n"
             "#include \"cli/cli_context.h\"\n"
             "#include \"core/error.h\"\n"
             "#include \"store/database.h\"\n");
  auto violations = CheckTree(tree.dir.path());
  REQUIRE(violations);
  REQUIRE(violations->size() == 1);
  const Violation& violation = violations->front();
  CHECK(violation.file == "src/cli/commands/import_command.cpp");
  CHECK(violation.line == 7);
  CHECK(violation.include == "\"store/database.h\"");
  CHECK(violation.rule == "cli may include only core, app (public), cli");
  CHECK(ToString(violation) ==
        "src/cli/commands/import_command.cpp:7: includes \"store/database.h\", but cli may "
        "include only core, app (public), cli");
}

TEST_CASE("Include rules: ui including app/internal breaks the ui rule", "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/app/internal/job_queue.h", "#pragma once\n#include \"store/database.h\"\n");
  tree.Plant("src/app/library.cpp", "#include \"app/internal/job_queue.h\"\n");
  tree.Plant("ui/panels/list_panel.cpp",
             "#include <wx/panel.h>\n"
             "#include \"app/library.h\"\n"
             "#include \"app/internal/job_queue.h\"\n"
             "#include \"ui/main_frame.h\"\n");
  CHECK(tree.Violations() ==
        std::vector<std::string>{"ui/panels/list_panel.cpp:3: includes "
                                 "\"app/internal/job_queue.h\", but ui may include only core, "
                                 "app (public), ui"});
}

TEST_CASE("Include rules: a core file including <xapian.h> is a third-party violation",
          "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/core/text.cpp",
             "#include \"core/text.h\"\n\n#include <cstdio>\n#include <string.h>\n"
             "#include <xapian.h>\n");
  tree.Plant("src/search/indexer.cpp", "#include <xapian.h>\n#include \"store/database.h\"\n");
  tree.Plant("src/store/sqlite.cpp", "#include <sqlite3.h>\n#include <xapian.h>\n");
  CHECK(tree.Violations() ==
        std::vector<std::string>{
            "src/core/text.cpp:5: includes <xapian.h>, but core may include no third-party "
            "headers (<xapian.h> is allowed only in src/search/)",
            "src/store/sqlite.cpp:2: includes <xapian.h>, but store may include only the "
            "third-party headers <sqlite3.h> (<xapian.h> is allowed only in src/search/)"});
}

TEST_CASE("Include rules: an app public header including search/searcher.h breaks the API rule",
          "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/app/search_service.h",
             "#pragma once\n#include \"app/library.h\"\n#include \"search/searcher.h\"\n");
  // The implementation may use search; only the public header may not.
  tree.Plant("src/app/search_service.cpp",
             "#include \"app/search_service.h\"\n#include \"search/searcher.h\"\n");
  CHECK(tree.Violations() ==
        std::vector<std::string>{"src/app/search_service.h:3: includes \"search/searcher.h\", "
                                 "but app (public) may include only core, app (public)"});
}

TEST_CASE("Include rules: a POSIX header is allowed only in the platform file", "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/core/platform.cpp",
             "#include \"core/platform.h\"\n#ifdef _WIN32\n#else\n#include <sys/ioctl.h>\n"
             "#include <unistd.h>\n#endif\n");
  tree.Plant("src/core/file_io.cpp", "#include \"core/file_io.h\"\n\n#include <unistd.h>\n");
  tree.Plant("src/cli/main.cpp", "#include <sys/stat.h>\n");
  CHECK(tree.Violations() ==
        std::vector<std::string>{
            "src/cli/main.cpp:1: includes <sys/stat.h>, but cli may include only the "
            "third-party headers <CLI/*> (<sys/stat.h> is allowed only in src/core/platform.cpp)",
            "src/core/file_io.cpp:3: includes <unistd.h>, but core may include no third-party "
            "headers (<unistd.h> is allowed only in src/core/platform.cpp)"});
}

TEST_CASE("Include rules: includes in comments, raw strings and dead #if branches do not count",
          "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/cli/main.cpp",
             "// #include \"store/database.h\"\n"                            // 1
             "/* An old way:\n"                                              // 2
             "#include <xapian.h>\n"                                         // 3
             "*/ int x = 1; // #include \"search/searcher.h\"\n"             // 4
             "const char* s = R\"sql(\n"                                     // 5
             "#include \"store/schema.h\"\n"                                 // 6
             ")sql\";\n"                                                     // 7
             "const char* t = \"// not a comment\"; const char c = '\"';\n"  // 8
             "#if 0\n"                                                       // 9
             "#include \"store/a.h\"\n"                                      // 10
             "#ifdef X\n#include \"store/b.h\"\n#endif\n"                    // 11-13
             "#else\n"                                                       // 14
             "#include \"cli/live.h\"\n"                                     // 15
             "#endif\n"                                                      // 16
             "#if 1\n#else\n#include \"store/c.h\"\n#endif\n"                // 17-20
             "int n = 1'000; const char* u = \"/*\";\n"                      // 21
             "  #  include \"store/live.h\" // counted: a live include\n");  // 22
  CHECK(tree.Violations() ==
        std::vector<std::string>{"src/cli/main.cpp:22: includes \"store/live.h\", but cli may "
                                 "include only core, app (public), cli"});
}

TEST_CASE("Include rules: FindIncludes reports line, delimiters and name", "[architecture]") {
  const auto includes = FindIncludes(
      "#include <vector>\r\n#include \"core/error.h\"\n#include HEADER_MACRO\n"
      "/* one\n two */ #include <fake.h>\n#include<cstdio>\n");
  // A directive after a comment that spans lines still counts: GCC reads it so too.
  REQUIRE(includes.size() == 4);
  CHECK((includes[0].line == 1 && includes[0].angled && includes[0].name == "vector"));
  CHECK((includes[1].line == 2 && !includes[1].angled && includes[1].name == "core/error.h"));
  CHECK((includes[2].line == 5 && includes[2].angled && includes[2].name == "fake.h"));
  CHECK((includes[3].line == 6 && includes[3].angled && includes[3].name == "cstdio"));
}

TEST_CASE("Include rules: a missing module folder does not fail", "[architecture]") {
  // The table has rows for src/export/ and ui/; neither folder exists here.
  PlantedTree tree;
  tree.Plant("src/core/text.h", "#pragma once\n#include <string>\n");
  CHECK(tree.Violations().empty());

  test::TempDir empty;
  empty.Write("docs/architecture.md", kPlantedRules);
  auto violations = CheckTree(empty.path());
  REQUIRE(violations);
  CHECK(violations->empty());
}

TEST_CASE("Include rules: files no rule covers and headers in no module are reported",
          "[architecture]") {
  PlantedTree tree;
  tree.Plant("src/plugins/plugin.cpp", "#include \"store/database.h\"\n");
  tree.Plant("src/core/text.cpp", "#include \"text.h\"\n#include \"plugins/plugin.h\"\n");
  tree.Plant("src/core/text.h", "#pragma once\n");
  tree.Plant("src/cli/README.md", "#include \"store/database.h\"\n");  // not a source file
  CHECK(tree.Violations() ==
        std::vector<std::string>{
            "src/core/text.cpp:2: includes \"plugins/plugin.h\", but no rule in "
            "docs/architecture.md covers that header (quoted includes are rooted at src/ or the "
            "repository root)",
            "src/plugins/plugin.cpp: no rule in docs/architecture.md covers this file; add its "
            "folder to the table"});
}

TEST_CASE("Include rules: standard headers are always allowed, other angle headers are not",
          "[architecture]") {
  for (std::string_view name : {"vector", "cstdio", "string.h", "stdio.h", "expected", "print",
                                "filesystem", "cstdint", "stdint.h", "span", "mdspan"}) {
    INFO(name);
    CHECK(IsStandardHeader(name));
  }
  for (std::string_view name : {"xapian.h", "unistd.h", "windows.h", "sys/stat.h", "wx/wx.h",
                                "boost/graph/adjacency_list.hpp", "Vector", "bits/stdc++.h"}) {
    INFO(name);
    CHECK_FALSE(IsStandardHeader(name));
  }
}

TEST_CASE("Include rules: a missing docs/architecture.md is a clear failure", "[architecture]") {
  test::TempDir dir;
  auto rules = LoadIncludeRules(dir.path());
  REQUIRE_FALSE(rules);
  CHECK(rules.error().code == ErrorCode::kNotFound);
  CHECK_THAT(rules.error().message, Catch::Contains("docs/architecture.md"));
  auto violations = CheckTree(dir.path());
  REQUIRE_FALSE(violations);
  CHECK_THAT(violations.error().message, Catch::Contains("docs/architecture.md"));
}

TEST_CASE("Include rules: a malformed rules table is a clear failure naming docs/architecture.md",
          "[architecture]") {
  SECTION("no markers") {
    auto rules = ParseIncludeRules("# Architecture\n\n| module | files |\n");
    REQUIRE_FALSE(rules);
    CHECK(rules.error().message ==
          "docs/architecture.md has no include rules table: expected one between "
          "<!-- include-rules:begin --> and <!-- include-rules:end -->.");
  }
  SECTION("no end marker") {
    auto rules = ParseIncludeRules("# A\n<!-- include-rules:begin -->\n" + std::string(kHeader));
    REQUIRE_FALSE(rules);
    CHECK(rules.error().message ==
          "docs/architecture.md line 2: the include rules table is not closed by "
          "<!-- include-rules:end -->.");
  }
  SECTION("wrong columns") {
    CHECK(ParseError("| module | files | may include |\n|---|---|---|\n").message ==
          "docs/architecture.md line 4: a row of the include rules table has 3 cells; it needs "
          "4.");
    CHECK(ParseError("| module | files | project | third-party |\n|---|---|---|---|\n").message ==
          "docs/architecture.md line 4: the include rules table must have the columns | module "
          "| files | may include (project) | may include (third-party) |.");
  }
  SECTION("no separator row") {
    CHECK_THAT(ParseError("| module | files | may include (project) | may include (third-party) "
                          "|\n| core | `src/core/` | core | none |\n")
                   .message,
               Catch::StartsWith("docs/architecture.md line 5: the include rules table's header "
                                 "must be followed by"));
  }
  SECTION("a row with a missing cell") {
    CHECK(ParseError(std::string(kHeader) + "| core | `src/core/` | core |\n").message ==
          "docs/architecture.md line 6: a row of the include rules table has 3 cells; it needs "
          "4.");
  }
  SECTION("a misspelt module") {
    CHECK(ParseError(std::string(kHeader) + "| core | `src/core/` | core | none |\n" +
                     "| store | `src/store/` | core, stor | `<sqlite3.h>` |\n")
              .message ==
          "docs/architecture.md line 7: may include (project) of store names 'stor', which is no "
          "module of the table.");
  }
  SECTION("a third-party cell that is neither none nor patterns") {
    CHECK(
        ParseError(std::string(kHeader) + "| store | `src/store/` | store | SQLite |\n").message ==
        "docs/architecture.md line 6: may include (third-party) of store must be `none`, "
        "`anything`, or header patterns such as `<sqlite3.h>` or `<wx/*>`.");
  }
  SECTION("text inside the markers") {
    CHECK_THAT(ParseError("Some prose.\n" + std::string(kHeader)).message,
               Catch::StartsWith("docs/architecture.md line 4: only the table's rows"));
  }
  SECTION("an empty table") {
    CHECK(ParseError(kHeader).message ==
          "docs/architecture.md line 3: the include rules table has no rules.");
  }
  SECTION("through CheckTree") {
    test::TempDir dir;
    dir.Write("docs/architecture.md", "# Architecture\n\nNo table yet.\n");
    auto violations = CheckTree(dir.path());
    REQUIRE_FALSE(violations);
    CHECK_THAT(violations.error().message, Catch::Contains("docs/architecture.md"));
  }
}
