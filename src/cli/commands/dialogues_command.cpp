#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/json_output.h"

namespace nt::cli {
namespace {

std::string Dates(const Round& round) {
  if (round.start_date.empty()) return "";
  if (round.end_date.empty() || round.end_date == round.start_date) return round.start_date;
  return round.start_date + ".." + round.end_date;
}

void PrintDocuments(const std::vector<Document>& documents, const char* indent) {
  for (const Document& d : documents) {
    std::printf("%s#%lld %s%s\n", indent, static_cast<long long>(d.id.value), d.title.c_str(),
                d.date.empty() ? "" : (" (" + d.date + ")").c_str());
  }
}

}  // namespace

void AddDialoguesCommand(CLI::App& app, CliContext& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "dialogues", "List dialogues with their rounds (number, dates, place, documents)");
  command->add_flag("--json", *json, "Print as JSON");
  command->callback([&context, json] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto dialogues = (*workspace)->ListDialogues();
    if (!dialogues) return context.Report(dialogues.error());
    if (*json) {
      Json list = Json::array();
      for (const auto& view : *dialogues) list.push_back(ToJson(view));
      return PrintJson(list);
    }
    if (dialogues->empty()) {
      std::printf("No dialogues yet: they are found when joint statements are imported.\n");
      return;
    }
    for (const app::DialogueView& view : *dialogues) {
      std::printf("%s\n", view.dialogue.name.c_str());
      if (view.rounds.empty() && view.unnumbered_documents.empty()) {
        std::printf("  (mentioned in passing; no rounds or documents yet)\n");
      }
      for (const app::RoundView& round : view.rounds) {
        std::string number = round.round.number ? "round " + std::to_string(*round.round.number)
                                                : "meeting";
        std::string details = Dates(round.round);
        if (!round.round.place.empty()) {
          details += (details.empty() ? "" : ", ") + round.round.place;
        }
        std::printf("  %-9s %s%s\n", number.c_str(), details.empty() ? "(dates unknown)" : details.c_str(),
                    round.documents.empty() ? "  (no document)" : "");
        PrintDocuments(round.documents, "            ");
      }
      if (!view.unnumbered_documents.empty()) {
        std::printf("  other documents\n");
        PrintDocuments(view.unnumbered_documents, "            ");
      }
    }
  });
}

}  // namespace nt::cli
