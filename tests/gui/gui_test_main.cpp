// The GUI tests' main: one test wxApp for the whole run (as wxWidgets' own tests do), with
// Catch2 run from OnRun so that every test sees an initialised toolkit.

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/init.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "gui/gui_fixture.h"

namespace {

class GuiTestApp : public wxApp {
 public:
  GuiTestApp(int argc, char** argv) : argc_(argc), argv_(argv) {}

  bool OnInit() override {
    // wx asserts would open a dialog and hang a headless run: count them instead, and let
    // each fixture fail its test when one fired (nt::test::WxAssertCount).
    wxSetAssertHandler([](const wxString& file, int line, const wxString& function,
                          const wxString& condition, const wxString& message) {
      std::fprintf(stderr, "wx assert %s:%d in %s: %s %s\n", file.utf8_str().data(), line,
                   function.utf8_str().data(), condition.utf8_str().data(),
                   message.utf8_str().data());
      nt::test::NoteWxAssert();
    });
    return true;  // no command-line parsing: the arguments are Catch's
  }

  int OnRun() override { return Catch::Session().run(argc_, argv_); }

 private:
  int argc_;
  char** argv_;
};

bool IsListing(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]).starts_with("--list")) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // Listing tests (CTest discovery) needs no display.
  if (IsListing(argc, argv)) return Catch::Session().run(argc, argv);
  if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr) {
    std::fprintf(stderr, "gui_tests needs a display: run it under xvfb-run (ctest does).\n");
    return 2;
  }
  int wx_argc = 1;  // the toolkit sees only the program name; Catch gets every argument
  char* wx_argv[] = {argv[0], nullptr};
  wxApp::SetInstance(new GuiTestApp(argc, argv));
  return wxEntry(wx_argc, wx_argv);
}
