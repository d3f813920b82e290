// normtrack document edit: corrections of a document's metadata (kept over re-imports and new
// revisions of the file).

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/correction_output.h"

namespace nt::cli {
namespace {

struct DocumentArguments {
  std::string reference;
  std::string title;
  std::string date;
  std::string kind;
  std::string dialogue;
  int round = 0;
  bool json = false;
};

}  // namespace

void AddDocumentCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<DocumentArguments>();
  CLI::App* command = app.add_subcommand("document", "Correct a document's metadata");
  command->require_subcommand(1);
  CLI::App* edit = command->add_subcommand(
      "edit", "Set a document's title, date, kind, dialogue or round (kept over re-imports)");
  edit->add_option("DOC", a->reference, "A document id, or a unique part of its title or symbol")
      ->required();
  CLI::Option* title = edit->add_option("--title", a->title, "The title");
  CLI::Option* date =
      edit->add_option("--date", a->date, "The date: YYYY-MM-DD, YYYY-MM or YYYY (\"\" clears)");
  CLI::Option* kind = edit->add_option(
      "--kind", a->kind, "statement, un_report, agreement, resolution or other");
  CLI::Option* dialogue = edit->add_option(
      "--dialogue", a->dialogue,
      "The dialogue it reports on (any spelling; a new name makes one; \"\" clears)");
  CLI::Option* round =
      edit->add_option("--round", a->round, "The round number of that dialogue");
  edit->add_flag("--json", a->json, "Print as JSON");
  edit->callback([&context, a, title, date, kind, dialogue, round] {
    app::DocumentEdit change;
    if (title->count()) change.title = a->title;
    if (date->count()) change.date = a->date;
    if (kind->count()) change.kind = a->kind;
    if (dialogue->count()) change.dialogue = a->dialogue;
    if (round->count()) change.round = a->round;
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto document = (*workspace)->EditDocument(a->reference, change).Wait();
    if (!document) return ReportCorrectionError(context, document.error());
    if (a->json) {
      PrintJson(ToJson(*document));
    } else {
      auto history = (*workspace)->History({"document:" + std::to_string(document->id.value)});
      std::printf("#%lld  %s\n", static_cast<long long>(document->id.value),
                  document->title.c_str());
      if (history) {
        std::printf("  History:\n");
        PrintHistory(*history, "    ", true);
      }
    }
    context.WarnIfIndexBehind(**workspace);
  });
}

}  // namespace nt::cli
