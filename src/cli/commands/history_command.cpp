// normtrack history [KIND:REF]: the corrections users made, who made them, when, and what was
// there before.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/correction_output.h"

namespace nt::cli {

void AddHistoryCommand(CLI::App& app, CliContext& context) {
  auto entity = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "history", "List corrections (who, when, before and after), of everything or one record");
  command->add_option("RECORD", *entity,
                      "document:DOC (with its commitments), commitment:ID, actor:NAME or "
                      "dialogue:NAME");
  command->add_flag("--json", *json, "Print as JSON");
  command->callback([&context, entity, json] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto history = (*workspace)->History({*entity});
    if (!history) return ReportCorrectionError(context, history.error());
    if (*json) return PrintJson(ToJson(*history));
    if (history->empty()) {
      std::printf("No corrections.\n");
      return;
    }
    PrintHistory(*history, "", true);
  });
}

}  // namespace nt::cli
