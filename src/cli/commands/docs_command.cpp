#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {
namespace {

struct DocsArguments {
  bool json = false;
  std::string sort = "id";
  int limit = -1;
  int offset = 0;
};

std::string Truncate(const std::string& text, std::size_t width) {
  if (CodePointCount(text) <= width) return text;
  std::string out;
  std::size_t points = 0;
  for (char c : text) {
    bool starts_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_point && ++points > width - 1) break;
    out += c;
  }
  return out + "…";
}

}  // namespace

void AddDocsCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<DocsArguments>();
  CLI::App* command = app.add_subcommand("docs", "List the documents in the library");
  command->add_flag("--json", arguments->json, "Print as JSON");
  command->add_option("--sort", arguments->sort, "Order: id, date (newest first) or title")
      ->check(CLI::IsMember({"id", "date", "title"}))
      ->capture_default_str();
  command->add_option("--limit", arguments->limit, "At most N documents")
      ->check(CLI::PositiveNumber);
  command->add_option("--offset", arguments->offset, "Skip the first N documents")
      ->check(CLI::NonNegativeNumber);
  command->callback([&context, arguments] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    DocumentListQuery query;
    query.order = arguments->sort == "date"    ? DocumentOrder::kByDateDescending
                  : arguments->sort == "title" ? DocumentOrder::kByTitle
                                               : DocumentOrder::kById;
    query.limit = arguments->limit;
    query.offset = arguments->offset;
    auto documents = (*workspace)->ListDocuments(query);
    if (!documents) return context.Report(documents.error());
    if (arguments->json) {
      Json list = Json::array();
      for (const auto& summary : *documents) list.push_back(ToJson(summary));
      return PrintJson(list);
    }
    if (documents->empty()) {
      std::printf("The library is empty; add documents with 'normtrack import PATH'.\n");
      return;
    }
    std::printf("%4s  %-10s  %-10s  %5s  %5s  %s\n", "ID", "DATE", "KIND", "PARAS", "COMM.",
                "TITLE");
    for (const auto& summary : *documents) {
      const Document& d = summary.document;
      std::printf("%4lld  %-10s  %-10s  %5d  %5d  %s\n", static_cast<long long>(d.id.value),
                  d.date.empty() ? "-" : d.date.c_str(), std::string(ToString(d.kind)).c_str(),
                  summary.paragraph_count, summary.commitment_count,
                  Truncate(Printable(d.title) + (d.symbol.empty() ? "" : " (" + d.symbol + ")"), 80)
                      .c_str());
    }
  });
}

}  // namespace nt::cli
