#include "gui/gui_fixture.h"

#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "app/workspace.h"
#include "support/test_paths.h"
#include "ui/library_startup.h"
#include "ui/main_frame.h"
#include "ui/wx_string.h"

namespace nt::test {
namespace {

std::atomic<int> wx_asserts{0};

}  // namespace

void NoteWxAssert() { ++wx_asserts; }
int WxAssertCount() { return wx_asserts.load(); }

bool PumpUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    wxYield();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

void PumpFor(std::chrono::milliseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  PumpUntil([&] { return std::chrono::steady_clock::now() > deadline; }, duration * 2);
}

int DialogRecorder::Enter(wxDialog* dialog) {
  std::string text;
  if (auto* message = dynamic_cast<wxMessageDialog*>(dialog)) {
    text = ui::ToUtf8(message->GetMessage() + "\n" + message->GetExtendedMessage());
  } else if (auto* files = dynamic_cast<wxFileDialog*>(dialog)) {
    text = ui::ToUtf8(files->GetMessage());
  } else {
    text = ui::ToUtf8(dialog->GetTitle());
  }
  texts_.push_back(std::move(text));
  return wxID_OK;
}

LibraryFixture::LibraryFixture()
    : home_(app::Home::ForDatabase(dir_ / "library.sqlite3")), asserts_before_(WxAssertCount()) {}

LibraryFixture::~LibraryFixture() {
  if (frame_ && wxTheApp->IsScheduledForDestruction(frame_.get())) {
    PumpUntil([&] { return !frame_; });
  }
  if (frame_) delete frame_.get();
  PumpFor(std::chrono::milliseconds(20));
  CHECK(WxAssertCount() == asserts_before_);
}

void LibraryFixture::ImportSeeds() {
  // As the CLI would: a workspace with its jobs in the foreground, the index brought up to date.
  auto workspace = app::Workspace::Open({.home = home_, .create_if_missing = true});
  REQUIRE(workspace);
  auto report = (*workspace)->Import({JointStatementPath(), NiscArticlePath()}).Wait();
  REQUIRE(report);
  REQUIRE_FALSE(report->index_error);
  REQUIRE(report->Count(app::ImportOutcome::kImported) == 2);
}

ui::MainFrame& LibraryFixture::OpenFrame() {
  REQUIRE(!frame_);
  auto workspace = ui::OpenWorkspaceForGui(home_);
  REQUIRE(workspace);
  frame_ = new ui::MainFrame(std::move(*workspace));
  frame_->Move(0, 0);
  frame_->Show();
  frame_->Raise();
  // Xvfb has no window manager: the first map, size and paint take a few iterations.
  PumpFor(std::chrono::milliseconds(300));
  return *frame_;
}

std::filesystem::path SaveScreenshot(const wxWindow& window, const std::string& name) {
  const std::filesystem::path folder = NORMTRACK_GUI_SCREENSHOT_DIR;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  const std::filesystem::path file = folder / (name + ".png");
  std::filesystem::remove(file, ec);
  const wxRect rect = window.GetScreenRect();
  const std::string command = "import -window root -crop " + std::to_string(rect.width) + "x" +
                              std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                              std::to_string(rect.y) + " +repage '" + file.string() + "'";
  if (std::system(command.c_str()) != 0 || !std::filesystem::exists(file)) {
    WARN("could not take a screenshot: " << command);
    return {};
  }
  return file;
}

}  // namespace nt::test
