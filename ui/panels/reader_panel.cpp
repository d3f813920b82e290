#include "ui/panels/reader_panel.h"

#include <wx/html/htmlwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include "ui/document_html.h"
#include "ui/wx_string.h"

namespace nt::ui {

ReaderPanel::ReaderPanel(wxWindow* parent) : wxPanel(parent) {
  html_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxHW_SCROLLBAR_AUTO | wxBORDER_NONE);
  // Reading text a little larger than the GUI font, with a generous margin: policy staff read
  // whole statements here.
  const int points = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT).GetPointSize();
  html_->SetStandardFonts(points + 2);
  html_->SetBorders(FromDIP(18));

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(html_, wxSizerFlags(1).Expand());
  SetSizer(sizer);
}

void ReaderPanel::ShowDocument(const app::DocumentView& view) {
  const wxString page = ToWx(DocumentHtml(view));
  if (view.document.id == document_id_) {
    // The same document read again (the library changed): the reader stays where it was.
    if (page == page_source_) return;
    int x = 0;
    int y = 0;
    html_->GetViewStart(&x, &y);
    SetPage(page);
    html_->Scroll(x, y);
    return;
  }
  document_id_ = view.document.id;
  SetPage(page);
}

void ReaderPanel::ShowPlaceholder(const wxString& title, const wxString& hint) {
  document_id_ = DocumentId();
  SetPage(ToWx(PlaceholderHtml(ToUtf8(title), ToUtf8(hint))));
}

wxString ReaderPanel::PageText() const { return html_->ToText(); }

void ReaderPanel::SetPage(const wxString& html) {
  page_source_ = html;
  html_->SetPage(html);
  html_->Scroll(0, 0);
}

}  // namespace nt::ui
