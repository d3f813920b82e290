#pragma once
// The fuzzing entry points: one per parser, shared by the libFuzzer targets (the fuzz build,
// fuzz_target.cpp) and by the regression test that replays tests/fixtures/fuzz-regressions/
// under the normal build, so a saved crash input goes through exactly the code that found it.
//
// Contract of every entry point: any bytes are a valid input. Errors are normal results and
// are ignored; a crash, a hang, a leak, a sanitizer report or a broken output invariant (see
// CheckImportedDocument) is a bug in the code under test. A broken invariant aborts with a
// message on stderr, which libFuzzer reports as a crash and the regression test as a failure.
//
// Thread-safety: entry points may run concurrently; the shared data (the built-in registry,
// the gazetteer and the norms catalogue) is loaded once and only read.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/imported_document.h"

namespace nt::fuzz {

using EntryPoint = std::function<void(std::string_view bytes)>;

struct FuzzTarget {
  std::string name;  // "markdown": the folder name under tests/fixtures/fuzz-regressions
  EntryPoint run;
};

// Every target: one per importer of Registry::WithBuiltinFormats() (named by Importer::Name(),
// reading with that importer's Read), then "registry" (the registry's own choice of importer,
// as an import does), "text_decoding" and "extraction".
std::vector<FuzzTarget> AllTargets();

// The target called `name`. Errors: kNotFound naming the known targets.
[[nodiscard]] Result<FuzzTarget> FindTarget(std::string_view name);

// Aborts (with the reason on stderr) unless the document keeps the importer contract that
// every later stage relies on: all text is valid UTF-8 (SQLite and Xapian store it as such)
// and paragraph text has no line breaks (it is whitespace-normalised, imported_document.h).
void CheckImportedDocument(const ImportedDocument& document);

}  // namespace nt::fuzz
