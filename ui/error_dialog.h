#pragma once
// The one way the GUI shows an Error to the user (DESIGN.md "Errors": the CLI maps errors to
// exit codes, the GUI to one dialog helper). The error's sentence already says what failed and
// what to do, so the dialog adds only a short heading.

#include <wx/string.h>

#include "core/error.h"

class wxWindow;

namespace nt::ui {

// Shows a modal error dialog over `parent` (may be null). `heading` is a short line such as
// "The library could not be opened."; when empty the error's sentence stands alone.
void ShowError(wxWindow* parent, const Error& error, const wxString& heading = {});

}  // namespace nt::ui
