#include "cli/cli_context.h"

#include <cstdio>
#include <cstdlib>

#include "app/reference_data.h"
#include "app/search_service.h"
#include "core/platform.h"

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

Result<std::unique_ptr<app::Library>> CliContext::OpenLibrary(app::OpenMode mode) const {
  app::LibraryOptions options;
  options.mode = mode;
  // Tests and scripts that would rather fail fast than wait for another writer set this.
  if (std::string timeout = platform::GetEnv("NORMTRACK_BUSY_TIMEOUT_MS"); !timeout.empty()) {
    options.busy_timeout_ms = std::atoi(timeout.c_str());
  }
  return app::Library::Open(ResolveHome(), options);
}

void CliContext::CatchUpSearchIndex(app::Library& library) {
  auto reference = app::ReferenceData::Shipped();
  Result<app::IndexSyncReport> synced =
      reference ? app::SearchService(library, *reference).Sync()
                : Result<app::IndexSyncReport>(std::unexpected(reference.error()));
  if (!synced) {
    std::fprintf(stderr,
                 "normtrack: warning: the change is saved, but the search index could not be "
                 "updated (it catches up on the next search): %s\n",
                 synced.error().message.c_str());
  }
}

void CliContext::Report(const Error& error) {
  std::fprintf(stderr, "normtrack: %s\n", error.message.c_str());
  exit_code = ExitCodeFor(error);
}

}  // namespace nt::cli
