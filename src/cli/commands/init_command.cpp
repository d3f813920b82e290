#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "core/platform.h"

namespace nt::cli {

void AddInitCommand(CLI::App& app, CliContext& context) {
  CLI::App* command = app.add_subcommand(
      "init", "Create an empty library (database and search index folder); safe to repeat");
  command->callback([&context] {
    auto library = context.OpenLibrary(app::OpenMode::kCreateIfMissing);
    if (!library) return context.Report(library.error());
    std::printf("Library ready at %s (schema %d).\n",
                platform::PathToUtf8((*library)->home().database).c_str(),
                (*library)->database().schema_version());
  });
}

}  // namespace nt::cli
