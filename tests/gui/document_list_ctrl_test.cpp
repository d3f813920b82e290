// The virtual document list reads pages, never the whole table.

#include <catch2/catch.hpp>

#include <wx/frame.h>

#include "app/internal/library.h"
#include "gui/gui_fixture.h"
#include "store/document_repository.h"
#include "ui/library_startup.h"
#include "ui/panels/document_list_ctrl.h"
#include "ui/wx_string.h"

namespace {

// Stores `count` one-paragraph documents directly (faster than importing files).
void StoreDocuments(nt::app::Library& library, int count) {
  nt::store::DocumentRepository documents(library.database());
  for (int i = 1; i <= count; ++i) {
    nt::Document document;
    document.title = "Document " + std::to_string(i);
    document.date = "2020-01-01";
    document.source_path = "/generated/" + std::to_string(i) + ".txt";
    document.sha256 = std::string(60, '0') + std::to_string(1000 + i);
    std::vector<nt::Paragraph> paragraphs(1);
    paragraphs[0].label = "1";
    paragraphs[0].text = "Text " + std::to_string(i);
    REQUIRE(documents.Insert(document, paragraphs));
  }
}

}  // namespace

TEST_CASE("DocumentListCtrl: rows come from pages, not from the whole table",
          "[gui][document_list]") {
  nt::test::TempDir dir;
  auto library = nt::app::Library::Open(nt::app::Home::ForDatabase(dir / "big.sqlite3"),
                                        {.mode = nt::app::OpenMode::kCreateIfMissing});
  REQUIRE(library);
  constexpr int kRows = 1000;
  {
    auto transaction = (*library)->database().InTransaction([&]() -> nt::Status {
      StoreDocuments(**library, kRows);
      return {};
    });
    REQUIRE(transaction);
  }

  auto* frame = new wxFrame(nullptr, wxID_ANY, "list");
  auto workspace = nt::ui::OpenWorkspaceForGui(nt::app::Home::ForDatabase(dir / "big.sqlite3"));
  REQUIRE(workspace);
  auto* list = new nt::ui::DocumentListCtrl(frame, **workspace);
  frame->SetClientSize(800, 400);
  frame->Show();
  REQUIRE(list->Reload());
  nt::test::PumpFor(std::chrono::milliseconds(200));

  CHECK(list->GetItemCount() == kRows);
  CHECK(list->cached_rows() <= nt::ui::DocumentListCtrl::kPageSize);
  const int loads = list->page_loads();
  CHECK(loads >= 1);
  CHECK(loads <= 2);

  // A far row is one more page read; neighbours then come from the cache.
  CHECK(nt::ui::ToUtf8(list->GetItemText(900, nt::ui::DocumentListCtrl::kTitleColumn)) ==
        "Document 901");
  CHECK(nt::ui::ToUtf8(list->GetItemText(901, nt::ui::DocumentListCtrl::kTitleColumn)) ==
        "Document 902");
  CHECK(list->page_loads() == loads + 1);
  CHECK(list->cached_rows() <= nt::ui::DocumentListCtrl::kPageSize);

  list->EnsureVisible(950);
  nt::test::PumpFor(std::chrono::milliseconds(200));
  CHECK(list->cached_rows() <= nt::ui::DocumentListCtrl::kPageSize);
  delete frame;
}
