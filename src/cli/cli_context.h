#pragma once
// What every command shares: global options and how a failure becomes an exit code.
//
// Exit codes (docs/cli.md): 0 ok; 1 usage error (bad arguments, a DOC that matches no or
// several documents); 2 data or I/O error (missing/corrupt/locked database, unreadable file,
// a file that failed to import); 3 problems found (`check`: the library is damaged, or still is
// after --repair).

#include <functional>
#include <memory>
#include <string>

#include "app/library.h"
#include "core/error.h"

namespace CLI {
class App;
}

namespace nt::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitData = 2;
inline constexpr int kExitProblems = 3;

struct CliContext {
  std::string database_path;  // --db; empty = the default home
  int exit_code = kExitOk;    // set by the command that ran

  app::Home ResolveHome() const;
  [[nodiscard]] Result<std::unique_ptr<app::Library>> OpenLibrary(app::OpenMode mode) const;

  // After a command changed what the index holds (follow-up statuses, commitments' links), brings
  // the search index up to date so that `check` and searches agree at once. A failure is only
  // a warning: the change is committed and stays queued (search service invariant 7).
  void CatchUpSearchIndex(app::Library& library);

  // Prints "normtrack: <message>" to stderr and records the exit code for `error`.
  void Report(const Error& error);
};

int ExitCodeFor(const Error& error);

// Each command adds itself to the app with a callback that runs it.
using CommandAdder = std::function<void(CLI::App&, CliContext&)>;

void AddInitCommand(CLI::App& app, CliContext& context);
void AddImportCommand(CLI::App& app, CliContext& context);
void AddDocsCommand(CLI::App& app, CliContext& context);
void AddShowCommand(CLI::App& app, CliContext& context);
void AddStatsCommand(CLI::App& app, CliContext& context);
void AddCommitmentsCommand(CLI::App& app, CliContext& context);
void AddDialoguesCommand(CLI::App& app, CliContext& context);
void AddFollowUpCommand(CLI::App& app, CliContext& context);
void AddLinkCommand(CLI::App& app, CliContext& context);
void AddGraphCommand(CLI::App& app, CliContext& context);
void AddSearchCommand(CLI::App& app, CliContext& context);
void AddIndexCommand(CLI::App& app, CliContext& context);
void AddWatchCommand(CLI::App& app, CliContext& context);
void AddPrecedentCommand(CLI::App& app, CliContext& context);
void AddDeleteCommand(CLI::App& app, CliContext& context);
void AddCheckCommand(CLI::App& app, CliContext& context);
void AddBackupCommand(CLI::App& app, CliContext& context);
void AddRestoreCommand(CLI::App& app, CliContext& context);

}  // namespace nt::cli
