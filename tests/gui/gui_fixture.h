#pragma once
// Fixtures for the GUI tests: a temporary library (empty or holding the two seed documents),
// a MainFrame on it, a recorder for modal dialogs, event pumping and screenshots.

#include <wx/modalhook.h>
#include <wx/weakref.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/home.h"
#include "support/temp_dir.h"
#include "ui/main_frame.h"

namespace nt::test {

// wx asserts seen so far in this process (the test app counts them instead of showing them).
void NoteWxAssert();
int WxAssertCount();

// Lets the UI thread run (paint, CallAfter, posted events) until `done` holds or `timeout`
// passes; returns whether `done` held. Tests may wait like this; the app never does.
bool PumpUntil(const std::function<bool()>& done,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
void PumpFor(std::chrono::milliseconds duration);

// Answers every modal dialog at once with OK, remembering its text: "message\nextended" for a
// message box, the prompt for a file dialog, else the title.
class DialogRecorder : public wxModalDialogHook {
 public:
  DialogRecorder() { Register(); }
  ~DialogRecorder() override { Unregister(); }

  const std::vector<std::string>& texts() const { return texts_; }

 protected:
  int Enter(wxDialog* dialog) override;
  void Exit(wxDialog*) override {}

 private:
  std::vector<std::string> texts_;
};

// A library in a fresh temporary folder and, on demand, a shown MainFrame over it.
class LibraryFixture {
 public:
  LibraryFixture();
  ~LibraryFixture();

  const app::Home& home() const { return home_; }
  // Imports the joint statement, then the NISC article, through the app API (not the GUI).
  void ImportSeeds();
  // Opens the library as the app does and shows the main window at the screen's top left.
  ui::MainFrame& OpenFrame();
  ui::MainFrame& frame() { return *frame_; }
  TempDir& dir() { return dir_; }

 private:
  TempDir dir_;
  app::Home home_;
  // A top-level window: deleted by the fixture unless a test closed it (then wx deletes it).
  wxWeakRef<ui::MainFrame> frame_;
  int asserts_before_ = 0;
};

// Saves what the screen shows of `window` to <build>/screenshots/<name>.png with ImageMagick's
// `import`; returns the file, or an empty path when it could not be taken.
std::filesystem::path SaveScreenshot(const wxWindow& window, const std::string& name);

}  // namespace nt::test
