// normtrack-gui: the wxApp. Chooses and opens the library, then shows the main window; a library
// that cannot be opened is explained in one dialog and the app exits with a failure status.

#include <wx/app.h>
#include <wx/cmdline.h>

#include <optional>

#include "ui/error_dialog.h"
#include "ui/library_startup.h"
#include "ui/main_frame.h"
#include "ui/wx_string.h"

namespace nt::ui {

class NormTrackApp : public wxApp {
 public:
  bool OnInit() override {
    if (!wxApp::OnInit()) return false;  // parses the command line
    SetAppDisplayName("NormTrack");
    auto workspace = OpenWorkspaceForGui(ChooseHome(database_));
    if (!workspace) {
      ShowError(nullptr, workspace.error(), "NormTrack could not open its library.");
      return false;  // wxEntry then returns a failure status
    }
    auto* frame = new MainFrame(std::move(*workspace));
    frame->Show();
    return true;
  }

  void OnInitCmdLine(wxCmdLineParser& parser) override {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", "the library database to open (created when missing)",
                     wxCMD_LINE_VAL_STRING);
  }

  bool OnCmdLineParsed(wxCmdLineParser& parser) override {
    if (wxString database; parser.Found("db", &database)) database_ = PathFromWx(database);
    return wxApp::OnCmdLineParsed(parser);
  }

 private:
  std::optional<std::filesystem::path> database_;
};

}  // namespace nt::ui

wxIMPLEMENT_APP(nt::ui::NormTrackApp);
