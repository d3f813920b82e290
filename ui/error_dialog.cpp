#include "ui/error_dialog.h"

#include <wx/msgdlg.h>

#include "ui/wx_string.h"

namespace nt::ui {

void ShowError(wxWindow* parent, const Error& error, const wxString& heading) {
  const wxString sentence = ToWx(error.message);
  wxMessageDialog dialog(parent, heading.empty() ? sentence : heading, "NormTrack",
                         wxOK | wxICON_ERROR | wxCENTRE);
  if (!heading.empty()) dialog.SetExtendedMessage(sentence);
  dialog.ShowModal();
}

}  // namespace nt::ui
