#pragma once
// What an import did, in words: a status-bar line and the short summary shown when it ends.

#include <wx/string.h>

#include "app/import_report.h"

class wxWindow;

namespace nt::ui {

// "2 imported, 1 unchanged, 1 failed" (outcomes with a count of zero are left out).
wxString ImportCountsLine(const app::ImportReport& report);

// The counts line, then one line per failed file: "name.pdf: <the error's sentence>".
// At most `max_failures` failures are listed; the rest are counted.
wxString ImportSummaryText(const app::ImportReport& report, int max_failures = 8);

// Shows the summary in a modal dialog: an information icon when every file succeeded,
// a warning icon when some failed.
void ShowImportSummary(wxWindow* parent, const app::ImportReport& report);

}  // namespace nt::ui
