#pragma once
// Printing search hits for the search, watch and precedent commands: terminal text with the
// matched words in bold (or [brackets] when stdout is not a terminal or NO_COLOR is set), and
// the stable JSON documented in docs/cli.md.

#include <string>
#include <vector>

#include "core/search_results.h"
#include "cli/json_output.h"

namespace nt::cli {

// True when matches are shown with ANSI bold.
bool UseAnsiHighlight();
// The snippet with its matches marked for the terminal (or brackets).
std::string MarkedSnippet(const std::vector<SnippetPart>& parts, bool ansi);

void PrintHit(int rank, const SearchHit& hit, bool ansi);
void PrintFacets(const Facets& facets);

Json ToJson(const SearchHit& hit, int rank);
Json ToJson(const Facets& facets);
Json ToJson(const SearchResults& results, const SearchRequest& request);

}  // namespace nt::cli
