#pragma once
// JSON for --json output. Field names are a stable interface documented in docs/cli.md:
// add fields freely, never rename or remove one.

#include <nlohmann/json.hpp>

namespace nt::cli {
// Keys keep the order they are written in, so JSON reads like the text output.
using Json = nlohmann::ordered_json;
}  // namespace nt::cli

#include "app/import_report.h"
#include "app/library_views.h"
#include "core/library_queries.h"

namespace nt::cli {

Json ToJson(const Document& document);
Json ToJson(const DocumentSummary& summary);
Json ToJson(const Paragraph& paragraph);
Json ToJson(const app::DocumentView& view);
Json ToJson(const LibraryStatistics& statistics);
Json ToJson(const app::ImportReport& report);
Json ToJson(const app::CommitmentView& commitment);
Json ToJson(const app::DialogueView& dialogue);

// Prints with two-space indentation and a final newline.
void PrintJson(const Json& value);

}  // namespace nt::cli
