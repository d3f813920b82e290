#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/health_report.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/platform.h"

namespace nt::cli {
namespace {

struct BackupArguments {
  std::string file;
  bool force = false;
};

struct RestoreArguments {
  std::string file;
  bool undo = false;
  bool json = false;
};

}  // namespace

void AddBackupCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<BackupArguments>();
  CLI::App* command = app.add_subcommand(
      "backup", "Copy the library to FILE, consistently, even while NormTrack is using it");
  command->add_option("FILE", arguments->file, "The backup file to write")->required();
  command->add_flag("--force", arguments->force, "Replace FILE if it exists");
  command->callback([&context, arguments] {
    auto workspace = context.Open({.index_upkeep = false});
    if (!workspace) return context.Report(workspace.error());
    const auto file = platform::PathFromUtf8(arguments->file);
    if (Status done = (*workspace)->Backup(file, arguments->force); !done) {
      return context.Report(done.error());
    }
    std::printf("Backed up the library to %s.\n", arguments->file.c_str());
  });
}

void AddRestoreCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<RestoreArguments>();
  CLI::App* command = app.add_subcommand(
      "restore",
      "Replace the library with the backup FILE (the old one is kept beside it as "
      ".before-restore-<time>) and rebuild the search index; --undo puts the replaced one back");
  CLI::Option* file =
      command->add_option("FILE", arguments->file, "A backup written by 'normtrack backup'");
  command
      ->add_flag("--undo", arguments->undo,
                 "Put back the library the last restore replaced (the current one is kept)")
      ->excludes(file);
  command->add_flag("--json", arguments->json, "Print the report as JSON");
  command->callback([&context, arguments] {
    if (!arguments->undo && arguments->file.empty()) {
      return context.Report(Error{ErrorCode::kUsage, "restore needs a backup FILE, or --undo."});
    }
    auto report = arguments->undo ? app::Workspace::UndoRestore(context.ResolveHome())
                                  : app::Workspace::Restore(context.ResolveHome(),
                                                            platform::PathFromUtf8(arguments->file));
    if (!report) return context.Report(report.error());
    const std::string previous = platform::PathToUtf8(report->previous);
    if (arguments->json) {
      PrintJson({{"backup_schema_version", report->backup_schema_version},
                 {"schema_version", report->schema_version},
                 {"documents", report->documents},
                 {"indexed", report->indexed},
                 {"previous", previous.empty() ? Json() : Json(previous)}});
      return;
    }
    std::printf("Restored %d document%s from %s", report->documents,
                report->documents == 1 ? "" : "s",
                arguments->undo ? "the library the last restore replaced"
                                : arguments->file.c_str());
    if (report->backup_schema_version != report->schema_version) {
      std::printf(" (upgraded from schema %d to %d)", report->backup_schema_version,
                  report->schema_version);
    }
    std::printf("; the search index was rebuilt (%d documents).\n", report->indexed);
    if (!previous.empty()) {
      std::printf("The replaced library is kept as %s; 'normtrack restore --undo' puts it back.\n",
                  previous.c_str());
    }
  });
}

}  // namespace nt::cli
