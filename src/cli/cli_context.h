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

#include "app/workspace.h"
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

  // How a command opens the library.
  struct OpenFor {
    bool create_if_missing = false;
    bool read_only = false;
    // Off for the commands that inspect or rebuild the index themselves (check, index).
    bool index_upkeep = true;
  };
  // Opens the workspace with its jobs in the foreground. When the index must be rebuilt first
  // (workspace invariant 4) it says so on stderr, and has rebuilt it when this returns.
  [[nodiscard]] Result<std::unique_ptr<app::Workspace>> Open(OpenFor how) const;
  [[nodiscard]] Result<std::unique_ptr<app::Workspace>> Open() const { return Open(OpenFor{}); }

  // After a write: a warning on stderr when the index upkeep behind it failed. The change is
  // committed and stays queued for the next upkeep (index upkeep invariant 7).
  void WarnIfIndexBehind(app::Workspace& workspace);

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
void AddSavedCommand(CLI::App& app, CliContext& context);
void AddPrecedentCommand(CLI::App& app, CliContext& context);
void AddDeleteCommand(CLI::App& app, CliContext& context);
void AddCheckCommand(CLI::App& app, CliContext& context);
void AddBackupCommand(CLI::App& app, CliContext& context);
void AddRestoreCommand(CLI::App& app, CliContext& context);
void AddCommitmentCommand(CLI::App& app, CliContext& context);
void AddActorCommand(CLI::App& app, CliContext& context);
void AddDialogueCommand(CLI::App& app, CliContext& context);
void AddDocumentCommand(CLI::App& app, CliContext& context);
void AddHistoryCommand(CLI::App& app, CliContext& context);

}  // namespace nt::cli
