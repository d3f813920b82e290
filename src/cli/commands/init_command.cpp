#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "core/platform.h"

namespace nt::cli {

void AddInitCommand(CLI::App& app, CliContext& context) {
  CLI::App* command = app.add_subcommand(
      "init", "Create an empty library (database and search index folder); safe to repeat");
  command->callback([&context] {
    auto workspace = context.Open({.create_if_missing = true});
    if (!workspace) return context.Report(workspace.error());
    std::printf("Library ready at %s (schema %d).\n",
                platform::PathToUtf8((*workspace)->home().database).c_str(),
                (*workspace)->schema_version());
  });
}

}  // namespace nt::cli
