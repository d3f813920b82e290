#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "app/health_report.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"

namespace nt::cli {
namespace {

struct CheckArguments {
  bool repair = false;
  bool json = false;
};

// Prints each line but `except` (the unrepairable sentence, printed once, last).
void PrintLines(const char* prefix, const std::vector<std::string>& lines,
                const std::optional<std::string>& except) {
  for (const std::string& line : lines) {
    if (line != except) std::printf("%s%s\n", prefix, line.c_str());
  }
}

}  // namespace

void AddCheckCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<CheckArguments>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Check the library for damage (exit 3 when problems are found); --repair fixes "
      "what can be rebuilt from the database");
  command->add_flag("--repair", arguments->repair,
                    "Repair what can be repaired, say what was done, then check again");
  command->add_flag("--json", arguments->json, "Print the report as JSON");
  command->callback([&context, arguments] {
    // What the index upkeep at open would quietly mend is what this command reports.
    auto workspace = context.Open({.index_upkeep = false});
    if (!workspace) {
      context.Report(workspace.error());
      // A file too damaged to open is what this command exists to find.
      if (workspace.error().code == ErrorCode::kCorrupt) context.exit_code = kExitProblems;
      return;
    }
    auto report = arguments->repair ? (*workspace)->Repair().Wait() : (*workspace)->Check();
    if (!report) return context.Report(report.error());
    const bool healthy = report->healthy(arguments->repair);
    if (arguments->json) {
      PrintJson({{"schema_version", report->schema_version},
                 {"latest_schema_version", report->latest_schema_version},
                 {"healthy", healthy},
                 {"problems", report->problems},
                 {"repairs", report->repairs},
                 {"remaining", report->remaining},
                 {"unrepairable", report->unrepairable ? Json(*report->unrepairable) : Json()}});
    } else {
      std::printf("Schema version %d of %d.\n", report->schema_version,
                  report->latest_schema_version);
      PrintLines("problem: ", report->problems, report->unrepairable);
      PrintLines("repaired: ", report->repairs, report->unrepairable);
      if (arguments->repair) PrintLines("remaining: ", report->remaining, report->unrepairable);
      if (report->unrepairable) {
        std::printf("%s\n", report->unrepairable->c_str());
      } else if (healthy) {
        std::printf("%s\n", report->problems.empty() ? "The library is healthy."
                                                     : "The library is healthy again.");
      } else if (!arguments->repair) {
        std::printf("Run 'normtrack check --repair' to repair what can be repaired.\n");
      }
    }
    if (!healthy) context.exit_code = kExitProblems;
  });
}

}  // namespace nt::cli
