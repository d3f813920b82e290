#include <CLI/CLI.hpp>
#include <cstdio>

#include "core/search_results.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/printable.h"

namespace nt::cli {
namespace {

struct PrecedentArguments {
  std::string wording;
  int limit = 20;
  double threshold = 0.35;
  bool json = false;
};

// git's word-diff notation: [-removed-] from the query, {+added+} in the precedent.
std::string DiffText(const std::vector<DiffWord>& diff) {
  std::string out;
  for (const auto& word : diff) {
    if (!out.empty()) out += ' ';
    switch (word.op) {
      case DiffOp::kSame:
        out += word.word;
        break;
      case DiffOp::kAdded:
        out += "{+" + word.word + "+}";
        break;
      case DiffOp::kRemoved:
        out += "[-" + word.word + "-]";
        break;
    }
  }
  return out;
}

}  // namespace

void AddPrecedentCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<PrecedentArguments>();
  CLI::App* command = app.add_subcommand(
      "precedent", "Where a wording, or a near variant, was used before (agreed language)");
  command->add_option("WORDING", arguments->wording, "The wording to look for")->required();
  command->add_option("--limit", arguments->limit, "At most this many precedents (default 20)")
      ->check(CLI::Range(1, 1000));
  command
      ->add_option("--threshold", arguments->threshold, "Minimum similarity, 0..1 (default 0.35)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_flag("--json", arguments->json, "Print as JSON");
  command->callback([&context, arguments] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    PrecedentOptions options;
    options.limit = arguments->limit;
    options.min_similarity = arguments->threshold;
    auto found = (*workspace)->Precedents(arguments->wording, options);
    if (!found) return context.Report(found.error());
    if (arguments->json) {
      Json out = Json::array();
      for (const auto& p : *found) {
        Json diff = Json::array();
        for (const auto& word : p.match.diff) {
          const char* op = word.op == DiffOp::kSame    ? "same"
                           : word.op == DiffOp::kAdded ? "added"
                                                               : "removed";
          diff.push_back({{"op", op}, {"word", word.word}});
        }
        out.push_back({{"document_id", p.hit.document_id},
                       {"document_title", p.hit.document_title},
                       {"date", p.hit.date.empty() ? Json(nullptr) : Json(p.hit.date)},
                       {"paragraph_id", p.hit.paragraph_id},
                       {"label", p.hit.label.empty() ? Json(nullptr) : Json(p.hit.label)},
                       {"similarity", p.match.similarity},
                       {"exact", p.exact},
                       {"excerpt", p.match.excerpt},
                       {"diff", diff}});
      }
      return PrintJson(out);
    }
    if (found->empty()) {
      std::printf("No earlier use of this wording or a near variant.\n");
      return;
    }
    for (const auto& p : *found) {
      std::printf("%s  %s · %s  (%d%% similar%s)  [paragraph #%lld]\n",
                  p.hit.date.empty() ? "(no date)" : p.hit.date.c_str(),
                  Printable(p.hit.document_title).c_str(), ShownParagraphLabel(p.hit.label).c_str(),
                  static_cast<int>(p.match.similarity * 100 + 0.5), p.exact ? ", exact" : "",
                  static_cast<long long>(p.hit.paragraph_id));
      std::printf("    %s\n", p.match.excerpt.c_str());
      if (!p.exact) std::printf("    changes: %s\n", DiffText(p.match.diff).c_str());
    }
  });
}

}  // namespace nt::cli
