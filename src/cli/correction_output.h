#pragma once
// Printing corrections and their history (commitment, actor, dialogue, document, history and
// show): text lines and the JSON objects docs/cli.md documents.

#include <string>
#include <vector>

#include "app/correction_views.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/correction.h"

namespace nt::cli {

Json ToJson(const Correction& correction);
Json ToJson(const std::vector<Correction>& history);
Json ToJson(const app::CommitmentDetail& detail);

// One line per correction, oldest first: "2026-12-04T04:30:00Z  alice  type: pledge -> agreement".
// With `name_record`, each line names the record it changed ("commitment #19").
void PrintHistory(const std::vector<Correction>& history, const std::string& indent,
                  bool name_record);
void PrintCommitmentDetail(const app::CommitmentDetail& detail);

// Reports a correction's error: what names nothing (an unknown id, actor or dialogue) is a
// mistake in the arguments (exit 1), as everywhere in the CLI.
void ReportCorrectionError(CliContext& context, Error error);

}  // namespace nt::cli
