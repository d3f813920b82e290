#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/index_reports.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "cli/search_output.h"

namespace nt::cli {

void AddWatchCommand(CLI::App& app, CliContext& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "watch", "Report new matches of watched searches since they were last reported");
  command->add_flag("--json", *json, "Print as JSON");
  command->callback([&context, json] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    const auto& reports = (*workspace)->ReportWatches().Wait();
    if (!reports) return context.Report(reports.error());
    if (*json) {
      Json out = Json::array();
      for (const auto& report : *reports) {
        Json hits = Json::array();
        int rank = 0;
        for (const auto& hit : report.hits) hits.push_back(ToJson(hit, ++rank));
        out.push_back({{"name", report.search.name},
                       {"query", report.search.query},
                       {"new_matches", report.new_matches},
                       {"hits", hits}});
      }
      return PrintJson(out);
    }
    if (reports->empty()) {
      std::printf(
          "No watched searches; save one with 'normtrack search QUERY --save NAME "
          "--watch'.\n");
      return;
    }
    const bool ansi = UseAnsiHighlight();
    for (const auto& report : *reports) {
      std::printf("%s (%s): %d new match%s\n", report.search.name.c_str(),
                  report.search.query.c_str(), report.new_matches,
                  report.new_matches == 1 ? "" : "es");
      int rank = 0;
      for (const auto& hit : report.hits) PrintHit(++rank, hit, ansi);
    }
  });
}

}  // namespace nt::cli
