#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/import_report.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {
namespace {

struct ImportArguments {
  std::vector<std::string> paths;
  bool dry_run = false;
  bool json = false;
  bool quiet = false;
  bool follow_links = false;
};

// A one-line progress bar on stderr, redrawn in place; only on a terminal.
void DrawProgress(const ProgressUpdate& update) {
  constexpr int kBarWidth = 24;
  if (update.total == 0) return;
  int filled = static_cast<int>(kBarWidth * update.done / update.total);
  std::string name =
      Printable(platform::PathToUtf8(platform::PathFromUtf8(update.current).filename()));
  if (name.size() > 40) name = name.substr(0, 37) + "...";
  std::fprintf(stderr, "\r[%s%s] %zu/%zu %-40s", std::string(filled, '#').c_str(),
               std::string(kBarWidth - filled, '.').c_str(), update.done, update.total,
               name.c_str());
  if (update.done == update.total) std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

// A dry run of a new file has no id yet: it says so rather than print "#0".
std::string DocumentHandle(const app::FileImportResult& file) {
  if (!file.document_id) return "new document";
  return "#" + std::to_string(file.document_id.value);
}

// The counts as `docs` shows them, the boilerplate named apart so the two always agree.
std::string DescribeCounts(const app::FileImportResult& file) {
  std::string text = std::to_string(file.paragraphs) + " paragraphs";
  if (file.boilerplate_paragraphs > 0) {
    text += " (and " + std::to_string(file.boilerplate_paragraphs) + " of page furniture)";
  }
  return text + ", " + std::to_string(file.commitments) + " commitments";
}

void PrintReport(const app::ImportReport& report) {
  for (const app::FileImportResult& file : report.files) {
    // A file name with a newline or a control character is printed escaped: one file, one line.
    const std::string path = Printable(platform::PathToUtf8(file.path));
    switch (file.outcome) {
      case app::ImportOutcome::kImported:
      case app::ImportOutcome::kRevised:
        std::printf("%s %s: %s \"%s\", %s%s\n",
                    report.dry_run ? "would import" : std::string(app::ToString(file.outcome)).c_str(),
                    path.c_str(), DocumentHandle(file).c_str(), Printable(file.title).c_str(),
                    DescribeCounts(file).c_str(),
                    file.outcome == app::ImportOutcome::kRevised
                        ? (" (revision " + std::to_string(file.revision) + ")").c_str()
                        : "");
        if (!file.unknown_acronyms.empty()) {
          std::printf("  to review: acronyms not in the actor gazetteer: %s\n",
                      Join(file.unknown_acronyms, ", ").c_str());
        }
        break;
      case app::ImportOutcome::kUnchanged:
        std::printf("unchanged %s: already stored as #%lld, %s\n", path.c_str(),
                    static_cast<long long>(file.document_id.value), DescribeCounts(file).c_str());
        break;
      case app::ImportOutcome::kFailed:
        // Most messages already name the file; the path is added only where one does not.
        // The message's names are escaped as `path` is (Quoted()), and so is the rest of it.
        if (const std::string message = Printable(file.error->ForCommandLine());
            message.find(path) != std::string::npos) {
          std::fprintf(stderr, "failed: %s\n", message.c_str());
        } else {
          std::fprintf(stderr, "failed %s: %s\n", path.c_str(), message.c_str());
        }
        break;
      case app::ImportOutcome::kCancelled:
        std::printf("cancelled %s\n", path.c_str());
        break;
    }
  }
  for (const auto& link : report.skipped_links) {
    std::printf("skipped %s: a link that leads outside the folder (--follow-links follows it)\n",
                Printable(platform::PathToUtf8(link)).c_str());
  }
  std::printf("%s %d, revised %d, unchanged %d, failed %d.\n",
              report.dry_run ? "Dry run: would import" : "Imported",
              report.Count(app::ImportOutcome::kImported),
              report.Count(app::ImportOutcome::kRevised),
              report.Count(app::ImportOutcome::kUnchanged),
              report.Count(app::ImportOutcome::kFailed));
}

}  // namespace

void AddImportCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<ImportArguments>();
  CLI::App* command = app.add_subcommand(
      "import", "Import files and folders (recursively); unchanged files are skipped");
  command->add_option("paths", arguments->paths, "Files or folders to import")->required();
  command->add_flag("--dry-run", arguments->dry_run, "Report what would happen; change nothing");
  command->add_flag("--json", arguments->json, "Print the report as JSON");
  command->add_flag("-q,--quiet", arguments->quiet, "No progress bar");
  command->add_flag("--follow-links", arguments->follow_links,
                    "Follow symbolic links in folders even where they lead outside the folder");
  command->callback([&context, arguments] {
    auto workspace = context.Open({.create_if_missing = !arguments->dry_run});
    if (!workspace) return context.Report(workspace.error());
    std::vector<std::filesystem::path> paths;
    for (const std::string& path : arguments->paths) paths.push_back(platform::PathFromUtf8(path));
    app::ImportOptions options;
    options.dry_run = arguments->dry_run;
    options.follow_links = arguments->follow_links;
    if (!arguments->quiet && !arguments->json && platform::StderrIsTerminal()) {
      options.progress = DrawProgress;
    }
    const auto& report = (*workspace)->Import(paths, options).Wait();
    if (!report) return context.Report(report.error());
    if (arguments->json) {
      PrintJson(ToJson(*report));
    } else {
      PrintReport(*report);
    }
    if (report->index_error) {
      std::fprintf(stderr, "normtrack: warning: %s The documents are stored and will be indexed "
                   "on the next search.\n", report->index_error->ForCommandLine().c_str());
    }
    if (!arguments->json) {
      for (const auto& [name, count] : report->watch_matches) {
        std::printf("Watch %s: %d new match%s ('normtrack watch' lists them).\n",
                    Quoted(name).c_str(), count, count == 1 ? "" : "es");
      }
    }
    if (!report->AllSucceeded()) context.exit_code = kExitData;
    if (report->link_error) {
      std::fprintf(stderr, "normtrack: the documents were stored, but their citation links were "
                           "not: %s\n", report->link_error->ForCommandLine().c_str());
      context.exit_code = kExitData;
    }
  });
}

}  // namespace nt::cli
