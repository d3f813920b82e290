#pragma once
// The right pane: one document to read (title, metadata, labelled paragraphs under their
// headings), or a placeholder when none is selected.
//
// Thread-safety: UI thread only.

#include <wx/panel.h>

#include "app/library_views.h"

class wxHtmlWindow;

namespace nt::ui {

class ReaderPanel : public wxPanel {
 public:
  explicit ReaderPanel(wxWindow* parent);

  void ShowDocument(const app::DocumentView& view);
  void ShowPlaceholder(const wxString& title, const wxString& hint);

  // The document shown, or 0 for the placeholder.
  DocumentId document_id() const { return document_id_; }
  // What the reader displays, as plain text (tests check labels and text).
  wxString PageText() const;
  // The HTML given to the page.
  const wxString& page_source() const { return page_source_; }

 private:
  void SetPage(const wxString& html);

  wxHtmlWindow* html_ = nullptr;
  wxString page_source_;
  DocumentId document_id_;
};

}  // namespace nt::ui
