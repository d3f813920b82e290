// The import summary in words: counts, failures, and what the import could not finish.

#include <catch2/catch.hpp>

#include "ui/import_summary.h"
#include "ui/wx_string.h"

namespace {

nt::app::FileImportResult File(const char* name, nt::app::ImportOutcome outcome) {
  nt::app::FileImportResult file;
  file.path = name;
  file.outcome = outcome;
  return file;
}

std::string Utf8(const wxString& text) { return text.utf8_string(); }

}  // namespace

TEST_CASE("Import summary: counts and failures with their sentences", "[gui][import]") {
  nt::app::ImportReport report;
  report.files.push_back(File("a.md", nt::app::ImportOutcome::kImported));
  report.files.push_back(File("b.md", nt::app::ImportOutcome::kUnchanged));
  auto failed = File("c.pdf", nt::app::ImportOutcome::kFailed);
  failed.error = nt::Error{nt::ErrorCode::kParse, "c.pdf is encrypted."};
  report.files.push_back(failed);

  CHECK(Utf8(nt::ui::ImportCountsLine(report)) == "1 imported, 1 unchanged, 1 failed");
  CHECK(Utf8(nt::ui::ImportSummaryText(report)) ==
        "1 imported, 1 unchanged, 1 failed.\n\nc.pdf: c.pdf is encrypted.");
}

TEST_CASE("Import summary: a late index, unrecorded links and watch matches are said",
          "[gui][import]") {
  nt::app::ImportReport report;
  report.files.push_back(File("a.md", nt::app::ImportOutcome::kImported));
  report.index_error = nt::Error{nt::ErrorCode::kIo, "The index is locked."};
  report.link_error = nt::Error{nt::ErrorCode::kIo, "The disk is full."};
  report.watch_matches = {{"AIS", 1}, {"critical infrastructure", 3}};

  const std::string text = Utf8(nt::ui::ImportSummaryText(report));
  CHECK(text.starts_with("1 imported."));
  CHECK(text.find("search index could not be updated; it catches up on the next import: "
                  "The index is locked.") != std::string::npos);
  CHECK(text.find("Links between the new documents were not recorded: The disk is full.") !=
        std::string::npos);
  CHECK(text.find("Watched search \"AIS\": 1 new match.") != std::string::npos);
  CHECK(text.find("Watched search \"critical infrastructure\": 3 new matches.") !=
        std::string::npos);
}
