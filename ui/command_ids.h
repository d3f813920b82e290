#pragma once
// Menu and button command ids shared by the frame and its panels (a panel's "Import Files…"
// button sends the same command as the menu item).

#include <wx/defs.h>

namespace nt::ui {

enum CommandId : int {
  kImportFilesCommand = wxID_HIGHEST + 1,
  kImportFolderCommand,
  kCancelImportCommand,
};

}  // namespace nt::ui
