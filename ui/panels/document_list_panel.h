#pragma once
// The left pane: the document list, or an empty state that says how to add documents when the
// library has none. Selecting a row calls `on_open` with the document's id.
//
// Thread-safety: UI thread only.

#include <wx/panel.h>

#include <functional>

#include "app/library_views.h"
#include "app/workspace.h"
#include "core/ids.h"

class wxListEvent;
class wxSimplebook;
class wxStaticText;

namespace nt::ui {

class DocumentListCtrl;

class DocumentListPanel : public wxPanel {
 public:
  using OpenHandler = std::function<void(DocumentId)>;

  DocumentListPanel(wxWindow* parent, app::Workspace& workspace, OpenHandler on_open);

  // Re-reads the list (after an import) and shows the list or the empty state.
  [[nodiscard]] Status Reload();

  DocumentListCtrl* list() const { return list_; }
  bool showing_empty_state() const;
  // The empty state's words (tests check what a new user is told).
  wxString EmptyStateText() const;

 private:
  wxWindow* BuildEmptyState(wxWindow* parent);
  void OnItemSelected(wxListEvent& event);

  OpenHandler on_open_;
  wxSimplebook* book_ = nullptr;
  DocumentListCtrl* list_ = nullptr;
  wxStaticText* empty_title_ = nullptr;
  wxStaticText* empty_hint_ = nullptr;
};

}  // namespace nt::ui
