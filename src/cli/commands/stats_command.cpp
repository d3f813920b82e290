#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/platform.h"

namespace nt::cli {

void AddStatsCommand(CLI::App& app, CliContext& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("stats", "Summarise what the library holds");
  command->add_flag("--json", *json, "Print as JSON");
  command->callback([&context, json] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto stats = (*workspace)->Statistics();
    if (!stats) return context.Report(stats.error());
    if (*json) {
      Json out = ToJson(*stats);
      out["database"] = platform::PathToUtf8((*workspace)->home().database);
      return PrintJson(out);
    }
    std::printf("Library      %s\n", platform::PathToUtf8((*workspace)->home().database).c_str());
    std::printf("Documents    %d\n", stats->documents);
    std::printf("Paragraphs   %d (+%d boilerplate)\n", stats->paragraphs,
                stats->boilerplate_paragraphs);
    std::printf("Actors       %d\n", stats->actors);
    std::printf("Commitments  %d\n", stats->commitments);
    std::printf("Dialogues    %d (%d round%s)\n", stats->dialogues, stats->rounds,
                stats->rounds == 1 ? "" : "s");
    std::printf("Norms        %d\n", stats->norms);
    std::printf("Follow-ups   %d\n", stats->follow_ups);
    std::printf("Links        %d\n", stats->links);
  });
}

}  // namespace nt::cli
