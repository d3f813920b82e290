#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/import_service.h"
#include "app/search_service.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "importers/registry.h"

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
    auto library = context.OpenLibrary(app::OpenMode::kExisting);
    if (!library) return context.Report(library.error());
    const auto registry = importers::Registry::WithBuiltinFormats();
    // With the gazetteer, like every other command: what this catch-up indexes must match.
    auto reference_data = app::ReferenceData::Shipped();
    if (!reference_data) return context.Report(reference_data.error());
    app::SearchService search(**library, *reference_data);
    app::ImportService service(**library, registry, nullptr, &search);
    auto deleted = service.DeleteDocument(*reference);
    if (!deleted) {
      Error error = deleted.error();
      if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
      return context.Report(error);
    }
    if (*json) return PrintJson(ToJson(*deleted));
    std::printf("Deleted #%lld \"%s\".\n", static_cast<long long>(deleted->id.value),
                deleted->title.c_str());
  });
}

}  // namespace nt::cli
