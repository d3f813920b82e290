#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/json_output.h"

namespace nt::cli {

void AddDeleteCommand(CLI::App& app, CliContext& context) {
  auto reference = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "delete", "Delete a document with its paragraphs and commitments (and its index entries)");
  command->add_option("DOC", *reference, "A document id, or a unique part of its title or symbol")
      ->required();
  command->add_flag("--json", *json, "Print the deleted document as JSON");
  command->callback([&context, reference, json] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    const auto& deleted = (*workspace)->DeleteDocument(*reference).Wait();
    if (!deleted) {
      Error error = deleted.error();
      if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
      return context.Report(error);
    }
    context.WarnIfIndexBehind(**workspace);
    if (*json) return PrintJson(ToJson(*deleted));
    std::printf("Deleted #%lld \"%s\".\n", static_cast<long long>(deleted->id.value),
                deleted->title.c_str());
  });
}

}  // namespace nt::cli
