// normtrack saved list|show|delete|watch|unwatch: the saved searches (`search --save NAME`).

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/saved_search.h"
#include "core/text.h"

namespace nt::cli {
namespace {

Json ToJson(const SavedSearch& saved) {
  return {{"id", saved.id.value},
          {"name", saved.name},
          {"query", saved.query},
          {"watch", saved.is_watch},
          {"created_at", saved.created_at},
          {"last_run_at", saved.last_run_at.empty() ? Json(nullptr) : Json(saved.last_run_at)}};
}

void PrintLine(const SavedSearch& saved) {
  std::printf("%-24s %s%s\n", saved.name.c_str(), saved.query.c_str(),
              saved.is_watch ? "  (watched)" : "");
}

// An unknown name is a mistake in the arguments (exit 1).
void ReportUsage(CliContext& context, Error error) {
  if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
  context.Report(error);
}

struct SavedArguments {
  std::string name;
  bool json = false;
};

// `saved watch NAME` / `saved unwatch NAME`.
void AddWatchToggle(CLI::App& saved, CliContext& context, const char* name, bool watch,
                    const char* help) {
  auto a = std::make_shared<SavedArguments>();
  CLI::App* command = saved.add_subcommand(name, help);
  command->add_option("NAME", a->name, "The saved search")->required();
  command->callback([&context, a, watch] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto result = (*workspace)->WatchSavedSearch(a->name, watch).Wait();
    if (!result) return ReportUsage(context, result.error());
    std::printf(watch ? "Watching %s: 'normtrack watch' reports its new matches.\n"
                      : "No longer watching %s.\n",
                Quoted(result->name).c_str());
  });
}

}  // namespace

void AddSavedCommand(CLI::App& app, CliContext& context) {
  CLI::App* saved = app.add_subcommand(
      "saved", "The saved searches: list, show, delete, watch or unwatch one");
  saved->require_subcommand(1);

  auto list_args = std::make_shared<SavedArguments>();
  CLI::App* list = saved->add_subcommand("list", "List the saved searches");
  list->add_flag("--json", list_args->json, "Print as JSON");
  list->callback([&context, list_args] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto searches = (*workspace)->ListSavedSearches();
    if (!searches) return context.Report(searches.error());
    if (list_args->json) {
      Json out = Json::array();
      for (const SavedSearch& s : *searches) out.push_back(ToJson(s));
      return PrintJson(out);
    }
    if (searches->empty()) {
      std::printf("No saved searches; save one with 'normtrack search QUERY --save NAME'.\n");
    }
    for (const SavedSearch& s : *searches) PrintLine(s);
  });

  auto show_args = std::make_shared<SavedArguments>();
  CLI::App* show = saved->add_subcommand("show", "Show one saved search");
  show->add_option("NAME", show_args->name, "The saved search")->required();
  show->add_flag("--json", show_args->json, "Print as JSON");
  show->callback([&context, show_args] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto found = (*workspace)->FindSavedSearch(show_args->name);
    if (!found) return ReportUsage(context, found.error());
    if (show_args->json) return PrintJson(ToJson(*found));
    std::printf("%s\n  query    %s\n  watched  %s\n  saved    %s\n  last run %s\n",
                found->name.c_str(), found->query.c_str(), found->is_watch ? "yes" : "no",
                found->created_at.c_str(),
                found->last_run_at.empty() ? "-" : found->last_run_at.c_str());
  });

  auto delete_args = std::make_shared<SavedArguments>();
  CLI::App* remove = saved->add_subcommand("delete", "Delete a saved search");
  remove->add_option("NAME", delete_args->name, "The saved search")->required();
  remove->callback([&context, delete_args] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto deleted = (*workspace)->DeleteSavedSearch(delete_args->name).Wait();
    if (!deleted) return ReportUsage(context, deleted.error());
    std::printf("Deleted the saved search %s (%s).\n", Quoted(deleted->name).c_str(),
                deleted->query.c_str());
  });

  AddWatchToggle(*saved, context, "watch", true,
                 "Watch a saved search: re-run it after each import and report new matches");
  AddWatchToggle(*saved, context, "unwatch", false, "Stop watching a saved search");
}

}  // namespace nt::cli
