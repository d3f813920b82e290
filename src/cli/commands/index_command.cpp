#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/health_report.h"
#include "app/index_reports.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"

namespace nt::cli {
namespace {

struct IndexArguments {
  bool rebuild = false;
  std::string layout;
  bool check = false;
  bool json = false;
};

}  // namespace

void AddIndexCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<IndexArguments>();
  CLI::App* command = app.add_subcommand(
      "index", "Bring the search index up to date, rebuild it, or check it against the database");
  auto* rebuild =
      command->add_flag("--rebuild", arguments->rebuild, "Recreate the index from the database");
  command
      ->add_option("--layout", arguments->layout,
                   "With --rebuild: 'local' (the default: smaller, text read from the database) "
                   "or 'shared' (self-contained, to serve with xapian-tcpsrv); without it the "
                   "index keeps its layout")
      ->check(CLI::IsMember({"local", "shared"}))
      ->needs(rebuild);
  command
      ->add_flag("--check", arguments->check,
                 "Compare counts and per-document content hashes; report drift (exit 2)")
      ->excludes(rebuild);
  command->add_flag("--json", arguments->json, "Print the report as JSON");
  command->callback([&context, arguments] {
    // This command is the index's upkeep: nothing runs at open that it would then report on.
    auto workspace = context.Open({.index_upkeep = false});
    if (!workspace) return context.Report(workspace.error());
    if (!arguments->check) {
      std::optional<IndexLayout> layout;
      if (!arguments->layout.empty()) {
        layout = arguments->layout == "shared" ? IndexLayout::kShared : IndexLayout::kLocal;
      }
      // A plain `index` rebuilds too when only that brings the index up to date (a missing,
      // outdated or another library's index).
      Result<app::IndexSyncReport> done = std::unexpected(Error{});
      if (arguments->rebuild) {
        done = (*workspace)->RebuildIndex(layout).Wait();
      } else {
        const auto upkeep = (*workspace)->UpdateIndex().Wait();
        if (auto error = app::UpkeepFailure(upkeep)) {
          done = std::unexpected(*error);
        } else {
          done = upkeep->sync;
        }
      }
      if (!done) return context.Report(done.error());
      if (!arguments->json) {
        std::printf("%s: %d document%s indexed, %d removed.\n",
                    arguments->rebuild || done->rebuilt ? "Rebuilt the search index"
                                                        : "Index up to date",
                    done->indexed, done->indexed == 1 ? "" : "s", done->removed);
      }
    }
    auto report = (*workspace)->CheckIndex();
    if (!report) return context.Report(report.error());
    if (arguments->json) {
      PrintJson({{"store_documents", report->store_documents},
                 {"index_documents", report->index_documents},
                 {"index_items", report->index_items},
                 {"layout", std::string(ToString(report->layout))},
                 {"pending", report->pending},
                 {"rebuild_leftovers", report->leftovers.folders.size()},
                 {"ok", report->ok()},
                 {"drift", report->drift}});
    } else {
      std::printf(
          "Database: %d documents. Index (%s layout): %d documents, %lld items. Queued: %d.\n",
          report->store_documents, std::string(ToString(report->layout)).c_str(),
          report->index_documents, static_cast<long long>(report->index_items), report->pending);
      for (const std::string& drift : report->drift) std::printf("drift: %s\n", drift.c_str());
      if (!report->leftovers.folders.empty()) {
        std::printf("note: %s 'normtrack check --repair' removes them.\n",
                    app::LeftoversSentence(report->leftovers).c_str());
      }
      std::printf("%s\n", report->ok() ? "The index agrees with the database."
                                       : "The index disagrees with the database: run "
                                         "'normtrack index --rebuild'.");
    }
    if (!report->ok()) context.exit_code = kExitData;
  });
}

}  // namespace nt::cli
