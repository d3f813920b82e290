#include "cli/cli_context.h"

#include <cstdio>
#include <cstdlib>

#include "core/platform.h"
#include "core/printable.h"

namespace nt::cli {

int ExitCodeFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kUsage:
    case ErrorCode::kAmbiguous:
      return kExitUsage;
    default:
      return kExitData;
  }
}

app::Home CliContext::ResolveHome() const {
  if (!database_path.empty()) {
    return app::Home::ForDatabase(platform::PathFromUtf8(database_path));
  }
  return app::Home::Default();
}

Result<std::unique_ptr<app::Workspace>> CliContext::Open(OpenFor how) const {
  app::WorkspaceOptions options;
  options.home = ResolveHome();
  options.create_if_missing = how.create_if_missing;
  options.read_only = how.read_only;
  options.index_upkeep_at_open = how.index_upkeep;
  // Tests and scripts that would rather fail fast than wait for another writer set this.
  if (std::string timeout = platform::GetEnv("NORMTRACK_BUSY_TIMEOUT_MS"); !timeout.empty()) {
    options.busy_timeout_ms = std::atoi(timeout.c_str());
  }
  options.rebuilding_index = [](app::IndexState found, int documents) {
    // The rebuild runs inside Open (foreground jobs): the user waits, so say why.
    std::fprintf(stderr, "normtrack: %s; rebuilding it from the library (%d document%s)...\n",
                 app::DescribeIndexState(found).c_str(), documents, documents == 1 ? "" : "s");
  };
  auto workspace = app::Workspace::Open(options);
  if (!workspace) return workspace;
  if (auto upkeep = (*workspace)->last_index_upkeep(); upkeep.valid()) {
    // Another program holding the index's writer lock is writing it (an import in the app):
    // it indexes what it stores, so the reader says nothing and answers from what is committed.
    auto error = app::UpkeepFailure(upkeep.Wait());
    if (error && error->code != ErrorCode::kLocked) {
      std::fprintf(stderr,
                   "normtrack: warning: the search index could not be brought up to date (it is "
                   "tried again the next time the library is opened for writing): %s\n",
                   error->ForCommandLine().c_str());
    }
  }
  return workspace;
}

void CliContext::WarnIfIndexBehind(app::Workspace& workspace) {
  auto upkeep = workspace.last_index_upkeep();
  if (!upkeep.valid()) return;
  if (auto error = app::UpkeepFailure(upkeep.Wait())) {
    std::fprintf(stderr,
                 "normtrack: warning: the change is saved, but the search index could not be "
                 "updated (it catches up the next time the library is opened for writing): %s\n",
                 error->ForCommandLine().c_str());
  }
}

void CliContext::Report(const Error& error) {
  // One sentence on one line, whatever a name in it holds.
  std::fprintf(stderr, "normtrack: %s\n", Printable(error.ForCommandLine()).c_str());
  exit_code = ExitCodeFor(error);
}

}  // namespace nt::cli
