#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/correction_output.h"
#include "cli/json_output.h"
#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {
namespace {

struct ShowArguments {
  std::string reference;
  bool json = false;
  bool all = false;
};

std::string RoundLine(const app::DocumentView& view) {
  std::string line = view.dialogue ? view.dialogue->name : "";
  if (!view.round) return line;
  if (view.round->number) line += ", round " + std::to_string(*view.round->number);
  std::string dates = view.round->start_date;
  if (!view.round->end_date.empty() && view.round->end_date != view.round->start_date) {
    dates += ".." + view.round->end_date;
  }
  std::vector<std::string> details;
  if (!dates.empty()) details.push_back(dates);
  if (!view.round->place.empty()) details.push_back(view.round->place);
  if (!details.empty()) line += " (" + Join(details, ", ") + ")";
  return line;
}

void PrintView(const app::DocumentView& view, bool all) {
  const Document& d = view.document;
  std::printf("#%lld  %s\n", static_cast<long long>(d.id.value), Printable(d.title).c_str());
  std::vector<std::string> facts{std::string(ToString(d.kind))};
  for (const std::string* fact : {&d.symbol, &d.date, &d.place, &d.language}) {
    if (!fact->empty()) facts.push_back(*fact);
  }
  std::printf("    %s\n", Join(facts, " · ").c_str());
  if (view.dialogue) std::printf("    Dialogue: %s\n", RoundLine(view).c_str());
  std::printf("    Source: %s (%s %s, revision %d)\n\n", Printable(d.source_path).c_str(),
              d.importer.c_str(), d.importer_version.c_str(), d.revision);

  std::size_t label_width = 0;
  int hidden = 0;
  for (const Paragraph& p : view.paragraphs) {
    label_width = std::max(label_width,
                           std::min<std::size_t>(CodePointCount(ShownParagraphLabel(p.label)), 12));
  }
  const int columns = std::max(40, platform::TerminalColumns(100));
  const std::string indent(label_width + 4, ' ');
  std::vector<std::string> headings;
  for (const Paragraph& p : view.paragraphs) {
    if (p.is_boilerplate && !all) {
      ++hidden;
      continue;
    }
    if (p.heading_path != headings) {
      for (std::size_t i = 0; i < p.heading_path.size(); ++i) {
        if (i < headings.size() && headings[i] == p.heading_path[i]) continue;
        std::printf("%s%s\n", std::string(2 + 2 * i, ' ').c_str(), p.heading_path[i].c_str());
      }
      headings = p.heading_path;
    }
    std::string label = ShownParagraphLabel(p.label);
    label.resize(label_width + (label.size() - CodePointCount(label)), ' ');
    std::string text = p.is_boilerplate ? "[boilerplate] " + p.text : p.text;
    std::printf("  %s  %s\n", label.c_str(),
                WrapText(text, static_cast<std::size_t>(columns) - indent.size() - 1, indent).c_str());
  }
  if (hidden > 0) {
    std::printf("\n(%d boilerplate paragraph%s hidden; --all shows them)\n", hidden,
                hidden == 1 ? "" : "s");
  }
}

}  // namespace

void AddShowCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<ShowArguments>();
  CLI::App* command =
      app.add_subcommand("show", "Show a document with its labelled paragraphs");
  command->add_option("DOC", arguments->reference,
                      "A document id, or a unique part of its title or symbol")
      ->required();
  command->add_flag("--json", arguments->json, "Print as JSON");
  command->add_flag("--all", arguments->all, "Include boilerplate paragraphs (text output)");
  command->callback([&context, arguments] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto view = (*workspace)->ShowDocument(arguments->reference);
    if (!view) {
      Error error = view.error();
      // A DOC that names nothing is a mistake in the arguments, not in the data.
      if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
      return context.Report(error);
    }
    // The corrections of the document and of its commitments (who, when, what was before).
    auto history =
        (*workspace)->History({"document:" + std::to_string(view->document.id.value)});
    if (!history) return context.Report(history.error());
    if (arguments->json) {
      Json out = ToJson(*view);
      out["history"] = ToJson(*history);
      return PrintJson(out);
    }
    PrintView(*view, arguments->all);
    if (!history->empty()) {
      std::printf("\nCorrections:\n");
      PrintHistory(*history, "  ", true);
    }
  });
}

}  // namespace nt::cli
