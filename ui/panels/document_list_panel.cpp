#include "ui/panels/document_list_panel.h"

#include <optional>

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "ui/command_ids.h"
#include "ui/panels/document_list_ctrl.h"

namespace nt::ui {
namespace {

enum Page { kListPage, kEmptyPage };

}  // namespace

DocumentListPanel::DocumentListPanel(wxWindow* parent, app::Workspace& workspace, OpenHandler on_open)
    : wxPanel(parent), on_open_(std::move(on_open)) {
  book_ = new wxSimplebook(this);
  list_ = new DocumentListCtrl(book_, workspace);
  book_->AddPage(list_, "Documents");
  book_->AddPage(BuildEmptyState(book_), "Empty");
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, &DocumentListPanel::OnItemSelected, this);

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(book_, wxSizerFlags(1).Expand());
  SetSizer(sizer);
}

wxWindow* DocumentListPanel::BuildEmptyState(wxWindow* parent) {
  auto* panel = new wxPanel(parent);
  empty_title_ = new wxStaticText(panel, wxID_ANY, "No documents yet", wxDefaultPosition,
                                  wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
  empty_title_->SetFont(empty_title_->GetFont().Scaled(1.5f).Bold());
  empty_hint_ = new wxStaticText(
      panel, wxID_ANY,
      wxString(L"Import joint statements, UN reports and agreements\n"
               L"(Markdown, text, HTML, PDF or Akoma Ntoso XML) with\n"
               L"File \u203a Import Files\u2026 or File \u203a Import Folder\u2026"),
      wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
  empty_hint_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  auto* import_button = new wxButton(panel, kImportFilesCommand, L"Import Files\u2026");
  // The button is a shortcut for the menu command: the frame handles both the same way.
  import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxCommandEvent command(wxEVT_MENU, kImportFilesCommand);
    wxPostEvent(wxGetTopLevelParent(this), command);
  });

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->AddStretchSpacer(2);
  sizer->Add(empty_title_, wxSizerFlags().CentreHorizontal().Border(wxALL, FromDIP(6)));
  sizer->Add(empty_hint_, wxSizerFlags().CentreHorizontal().Border(wxALL, FromDIP(6)));
  sizer->Add(import_button, wxSizerFlags().CentreHorizontal().Border(wxTOP, FromDIP(12)));
  sizer->AddStretchSpacer(3);
  panel->SetSizer(sizer);
  return panel;
}

Status DocumentListPanel::Reload() {
  // The selected row's document, so that a selection left on a row that now holds another
  // document (one above it was deleted) is cleared rather than shown as if it were chosen.
  const long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  std::optional<DocumentId> selected_document;
  if (selected >= 0) {
    if (auto row = list_->RowAt(selected)) selected_document = row->document.id;
  }
  Status status = list_->Reload();
  if (selected_document && selected < list_->GetItemCount()) {
    auto row = list_->RowAt(selected);
    if (!row || row->document.id != *selected_document) {
      list_->SetItemState(selected, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
  }
  book_->ChangeSelection(status && list_->GetItemCount() > 0 ? kListPage : kEmptyPage);
  return status;
}

bool DocumentListPanel::showing_empty_state() const { return book_->GetSelection() == kEmptyPage; }

wxString DocumentListPanel::EmptyStateText() const {
  return empty_title_->GetLabel() + "\n" + empty_hint_->GetLabel();
}

void DocumentListPanel::OnItemSelected(wxListEvent& event) {
  if (auto row = list_->RowAt(event.GetIndex()); row && on_open_) on_open_(row->document.id);
}

}  // namespace nt::ui
