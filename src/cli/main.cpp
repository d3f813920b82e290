// normtrack: the command-line front end. Every command is a thin layer over src/app.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/parse_errors.h"
#include "core/fault.h"

namespace {

constexpr const char* kDescription =
    "NormTrack: a knowledge base of diplomatic commitments.\n"
    "The library lives in NORMTRACK_HOME, or the per-user data folder; --db chooses a file.\n"
    "Exit codes: 0 ok, 1 usage error, 2 data or I/O error, 3 problems found (check).";

}  // namespace

int main(int argc, char** argv) {
  nt::cli::CliContext context;
  CLI::App app(kDescription, "normtrack");
  app.set_version_flag("--version", "normtrack " NORMTRACK_VERSION);
  app.add_option("--db", context.database_path,
                 "The database file to use instead of the default library");
  app.require_subcommand(1);
  app.fallthrough();
  nt::cli::AddInitCommand(app, context);
  nt::cli::AddImportCommand(app, context);
  nt::cli::AddDocsCommand(app, context);
  nt::cli::AddShowCommand(app, context);
  nt::cli::AddStatsCommand(app, context);
  nt::cli::AddCommitmentsCommand(app, context);
  nt::cli::AddCommitmentCommand(app, context);
  nt::cli::AddDialoguesCommand(app, context);
  nt::cli::AddDialogueCommand(app, context);
  nt::cli::AddActorCommand(app, context);
  nt::cli::AddDocumentCommand(app, context);
  nt::cli::AddHistoryCommand(app, context);
  nt::cli::AddFollowUpCommand(app, context);
  nt::cli::AddLinkCommand(app, context);
  nt::cli::AddGraphCommand(app, context);
  nt::cli::AddSearchCommand(app, context);
  nt::cli::AddIndexCommand(app, context);
  nt::cli::AddWatchCommand(app, context);
  nt::cli::AddSavedCommand(app, context);
  nt::cli::AddPrecedentCommand(app, context);
  nt::cli::AddDeleteCommand(app, context);
  nt::cli::AddCheckCommand(app, context);
  nt::cli::AddBackupCommand(app, context);
  nt::cli::AddRestoreCommand(app, context);

  if (auto armed = nt::fault::ArmFromEnvironment(); !armed) {
    context.Report(armed.error());
    return context.exit_code;
  }
  // A mistyped command is named, with the closest one, before CLI11 would only say that a
  // command is required.
  if (auto unknown = nt::cli::UnknownCommandMessage(app, argc, argv)) {
    std::fprintf(stderr, "%s\n", unknown->c_str());
    return nt::cli::kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version print what was asked and succeed; the rest is one sentence.
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(error);
    std::fprintf(stderr, "%s\n", nt::cli::ParseErrorMessage(error).c_str());
    return nt::cli::kExitUsage;
  }
  std::fflush(stdout);
  return context.exit_code;
}
