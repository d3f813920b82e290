#include "cli/search_output.h"

#include <algorithm>
#include <cstdio>

#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {

bool UseAnsiHighlight() {
  return platform::StdoutIsTerminal() && platform::GetEnv("NO_COLOR").empty();
}

std::string MarkedSnippet(const std::vector<SnippetPart>& parts, bool ansi) {
  std::string out;
  for (const auto& part : parts) {
    if (!part.match) {
      out += part.text;
    } else if (ansi) {
      out += "\033[1m" + part.text + "\033[0m";
    } else {
      out += "[" + part.text + "]";
    }
  }
  return out;
}

void PrintHit(int rank, const SearchHit& hit, bool ansi) {
  std::string where = ShownParagraphLabel(hit.label);
  if (hit.kind == ItemKind::kCommitment) where += " (commitment)";
  std::vector<std::string> facts{where, Printable(hit.document_title)};
  if (!hit.date.empty()) facts.push_back(hit.date);
  std::printf("%3d. %s  [doc #%lld, paragraph #%lld]\n", rank, Join(facts, " · ").c_str(),
              static_cast<long long>(hit.document_id), static_cast<long long>(hit.paragraph_id));
  std::string snippet = hit.snippet.empty() ? hit.text : MarkedSnippet(hit.snippet, ansi);
  if (ansi) {
    std::printf("     %s\n", snippet.c_str());  // wrapping would split the escape codes
  } else {
    const int columns = std::max(40, platform::TerminalColumns(100));
    std::printf("     %s\n",
                WrapText(snippet, static_cast<std::size_t>(columns) - 6, "     ").c_str());
  }
}

void PrintFacets(const Facets& facets) {
  auto line = [](const char* name, const std::vector<FacetCount>& counts) {
    if (counts.empty()) return;
    std::vector<std::string> parts;
    for (const auto& count : counts) {
      parts.push_back(count.value + " (" + std::to_string(count.count) + ")");
    }
    std::printf("  %-9s %s\n", name, Join(parts, ", ").c_str());
  };
  std::printf("\nFacets:\n");
  line("actor", facets.actor);
  line("dialogue", facets.dialogue);
  line("kind", facets.kind);
  line("year", facets.year);
  line("type", facets.type);
}

Json ToJson(const SearchHit& hit, int rank) {
  Json parts = Json::array();
  std::string plain;
  for (const auto& part : hit.snippet) {
    parts.push_back({{"text", part.text}, {"match", part.match}});
    plain += part.text;
  }
  return {{"rank", rank},
          {"kind", std::string(ToString(hit.kind))},
          {"item_id", hit.item_id},
          {"paragraph_id", hit.paragraph_id},
          {"document_id", hit.document_id},
          {"document_title", hit.document_title},
          {"document_kind", hit.document_kind},
          {"date", hit.date.empty() ? Json(nullptr) : Json(hit.date)},
          {"label", hit.label.empty() ? Json(nullptr) : Json(hit.label)},
          {"weight", hit.weight},
          {"percent", hit.percent},
          {"snippet", plain},
          {"snippet_parts", parts},
          {"text", hit.text}};
}

Json ToJson(const Facets& facets) {
  auto counts = [](const std::vector<FacetCount>& values) {
    Json out = Json::array();
    for (const auto& value : values)
      out.push_back({{"value", value.value}, {"count", value.count}});
    return out;
  };
  return {{"actor", counts(facets.actor)},
          {"dialogue", counts(facets.dialogue)},
          {"kind", counts(facets.kind)},
          {"year", counts(facets.year)},
          {"type", counts(facets.type)}};
}

Json ToJson(const SearchResults& results, const SearchRequest& request) {
  Json hits = Json::array();
  int rank = results.offset;
  for (const auto& hit : results.hits) hits.push_back(ToJson(hit, ++rank));
  const char* sort = request.sort == SortOrder::kRelevance         ? "relevance"
                     : request.sort == SortOrder::kDateNewestFirst ? "date"
                                                                        : "oldest";
  return {{"query", request.query},
          {"sort", sort},
          {"offset", results.offset},
          {"limit", request.limit},
          {"total_estimate", results.total_estimate},
          {"total_lower_bound", results.total_lower_bound},
          {"total_upper_bound", results.total_upper_bound},
          {"hits", hits},
          {"facets", results.has_facets ? ToJson(results.facets) : Json(nullptr)},
          {"facets_exact", results.has_facets ? Json(results.facets_exact) : Json(nullptr)},
          {"facets_counted",
           results.has_facets ? Json(results.facet_matches_counted) : Json(nullptr)}};
}

}  // namespace nt::cli
