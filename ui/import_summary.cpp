#include "ui/import_summary.h"

#include <wx/msgdlg.h>

#include <array>
#include <utility>

#include "ui/wx_string.h"

namespace nt::ui {

wxString ImportCountsLine(const app::ImportReport& report) {
  using app::ImportOutcome;
  constexpr std::array<std::pair<ImportOutcome, const char*>, 5> kOutcomes = {{
      {ImportOutcome::kImported, "imported"},
      {ImportOutcome::kRevised, "updated"},
      {ImportOutcome::kUnchanged, "unchanged"},
      {ImportOutcome::kFailed, "failed"},
      {ImportOutcome::kCancelled, "cancelled"},
  }};
  wxString line;
  for (const auto& [outcome, word] : kOutcomes) {
    const int count = report.Count(outcome);
    if (count == 0) continue;
    if (!line.empty()) line += ", ";
    line += wxString::Format("%d %s", count, word);
  }
  return line.empty() ? wxString("No documents found") : line;
}

wxString ImportSummaryText(const app::ImportReport& report, int max_failures) {
  wxString text = ImportCountsLine(report) + ".";
  int listed = 0;
  int unlisted = 0;
  for (const app::FileImportResult& file : report.files) {
    if (file.outcome != app::ImportOutcome::kFailed) continue;
    if (listed == max_failures) {
      ++unlisted;
      continue;
    }
    ++listed;
    text += "\n\n" + PathToWx(file.path.filename()) + ": " +
            (file.error ? ToWx(file.error->message) : wxString("the file could not be imported."));
  }
  if (unlisted > 0) text += wxString::Format(L"\n\n\u2026and %d more failed files.", unlisted);
  // The documents are stored either way; these say what is late and when it catches up.
  if (report.index_error) {
    text += "\n\nThe search index could not be updated; it catches up on the next import: " +
            ToWx(report.index_error->message);
  }
  if (report.link_error) {
    text += "\n\nLinks between the new documents were not recorded: " +
            ToWx(report.link_error->message);
  }
  for (const auto& [name, count] : report.watch_matches) {
    text += wxString::Format("\n\nWatched search \"%s\": %d new %s.", ToWx(name), count,
                             count == 1 ? "match" : "matches");
  }
  return text;
}

void ShowImportSummary(wxWindow* parent, const app::ImportReport& report) {
  const bool all_ok = report.AllSucceeded();
  wxMessageDialog dialog(parent, all_ok ? "Import finished." : "Import finished with failures.",
                         "NormTrack",
                         wxOK | wxCENTRE | (all_ok ? wxICON_INFORMATION : wxICON_WARNING));
  dialog.SetExtendedMessage(ImportSummaryText(report));
  dialog.ShowModal();
}

}  // namespace nt::ui
