#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "cli/search_output.h"
#include "core/platform.h"
#include "core/printable.h"
#include "core/search_results.h"

namespace nt::cli {
namespace {

struct SearchArguments {
  std::string query;
  bool facets = false;
  std::optional<int> facet_sample;
  int limit = 10;
  int offset = 0;
  std::string sort = "relevance";
  bool json = false;
  std::int64_t like = 0;
  std::string index;
  std::string save;
  bool watch = false;
  bool replace = false;
};

// "18 matches", or, when Xapian's bounds differ, "About 580000 matches (between 500000 and
// 650000)": the estimate alone hid how uncertain it was.
std::string TotalText(const SearchResults& results) {
  const long long total = results.total_estimate;
  std::string text = std::to_string(total) + (total == 1 ? " match" : " matches");
  if (results.total_lower_bound == results.total_upper_bound) return text;
  return "About " + text + " (between " + std::to_string(results.total_lower_bound) + " and " +
         std::to_string(results.total_upper_bound) + ")";
}

void PrintResults(const SearchResults& results, const SearchRequest& request) {
  const bool exact = results.total_lower_bound == results.total_upper_bound;
  if (results.hits.empty() && results.total_upper_bound > 0 && results.offset > 0) {
    // A page past the end: the query matched, there is just nothing more to show.
    std::printf("No more results: %s in all, and --offset %d is past them.\n",
                TotalText(results).c_str(), results.offset);
  } else if (results.hits.empty()) {
    std::printf("No matches for %s.\n", QuotedExcerpt(request.query).c_str());
  } else {
    std::printf("%s; showing %d-%d.\n\n", TotalText(results).c_str(), results.offset + 1,
                results.offset + static_cast<int>(results.hits.size()));
  }
  const bool ansi = UseAnsiHighlight();
  int rank = results.offset;
  for (const auto& hit : results.hits) PrintHit(++rank, hit, ansi);
  if (results.has_facets) {
    PrintFacets(results.facets);
    if (!results.facets_exact) {
      // The matches the search read first, in index order: a sample, not the best-ranked.
      std::printf("  (counted over %lld of %s%lld matches: the first in index order)\n",
                  static_cast<long long>(results.facet_matches_counted), exact ? "" : "about ",
                  static_cast<long long>(results.total_estimate));
    }
  }
}

}  // namespace

void AddSearchCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<SearchArguments>();
  CLI::App* command = app.add_subcommand(
      "search", "Full-text search of paragraphs and commitments (syntax: docs/search.md)");
  command->add_option("QUERY", arguments->query,
                      "Words, \"phrases\", AND/OR/NOT, NEAR, fields (actor:US), date:2015..2017");
  command->add_flag("--facets", arguments->facets,
                    "Count the matches by actor, dialogue, kind, year and commitment type");
  command
      ->add_option("--facet-sample", arguments->facet_sample,
                   "With --facets: count over the first N matches (default 20000); 0 counts "
                   "every match, however many")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--limit", arguments->limit, "How many results (default 10)")
      ->check(CLI::Range(0, 10000));
  command->add_option("--offset", arguments->offset, "Skip this many results (paging)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--sort", arguments->sort,
                   "relevance (BM25, default), date (newest first) or oldest")
      ->check(CLI::IsMember({"relevance", "date", "oldest"}));
  command->add_flag("--json", arguments->json, "Print as JSON");
  command->add_option("--like", arguments->like,
                      "More like this: paragraphs similar to the paragraph with this id");
  command->add_option("--index", arguments->index,
                      "Search this index folder or Xapian stub file (shards) instead");
  command->add_option("--save", arguments->save, "Save the query under this name");
  command->add_flag("--watch", arguments->watch,
                    "With --save: re-run after each import and report new matches "
                    "(normtrack watch)");
  command->add_flag("--replace", arguments->replace,
                    "With --save: replace a saved search of that name");
  command->callback([&context, arguments] {
    if (arguments->query.empty() && arguments->like == 0) {
      return context.Report(Error{ErrorCode::kUsage, "search needs a QUERY (or --like ID)."});
    }
    if (arguments->watch && arguments->save.empty()) {
      return context.Report(Error{ErrorCode::kUsage, "--watch needs --save NAME."});
    }
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    if (!arguments->index.empty()) {
      (*workspace)->SearchIndexAt(platform::PathFromUtf8(arguments->index));
    }

    SearchRequest request;
    request.query = arguments->query;
    request.limit = arguments->limit;
    request.offset = arguments->offset;
    request.facets = arguments->facets || arguments->facet_sample.has_value();
    if (arguments->facet_sample) request.facet_sample = *arguments->facet_sample;
    request.sort = arguments->sort == "date"     ? SortOrder::kDateNewestFirst
                   : arguments->sort == "oldest" ? SortOrder::kDateOldestFirst
                                                 : SortOrder::kRelevance;
    if (!arguments->save.empty()) {
      const auto saved = (*workspace)
                             ->SaveSearch(arguments->save, arguments->query, arguments->watch,
                                          arguments->replace)
                             .Wait();
      if (!saved) return context.Report(saved.error());
      if (!arguments->json) {
        std::printf("Saved search %s%s.\n", Quoted(saved->name).c_str(),
                    saved->is_watch ? " (watched: 'normtrack watch' reports new matches)" : "");
      }
    }
    auto results = arguments->like != 0
                       ? (*workspace)->MoreLikeThis(ParagraphId(arguments->like), arguments->limit)
                       : (*workspace)->Search(request);
    if (!results) {
      Error error = results.error();
      // --like naming no indexed paragraph is a mistake in the arguments.
      if (arguments->like != 0 && error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
      return context.Report(error);
    }
    if (arguments->json) return PrintJson(ToJson(*results, request));
    PrintResults(*results, request);
  });
}

}  // namespace nt::cli
