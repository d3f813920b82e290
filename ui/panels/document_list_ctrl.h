#pragma once
// The document list: a virtual wxListCtrl over Workspace::ListDocuments.
//
// Invariants:
//  1. The list never holds all rows: the item count comes from DocumentCount(), and rows come
//     from one cached page, filled by one ListDocuments(offset, limit) call when
//     EVT_LIST_CACHE_HINT asks for rows outside it (or, as a fallback, when a row outside the
//     page is drawn). Cost stays O(page) whatever the library size (DESIGN.md example 4).
//  2. Reload() drops the page and re-reads the count; nothing else invalidates the cache, so a
//     caller that changes the library (an import) calls Reload() afterwards.
//
// Thread-safety: UI thread only (it reads through the UI thread's workspace reader).

#include <wx/listctrl.h>

#include <optional>
#include <vector>

#include "app/library_views.h"
#include "app/workspace.h"

namespace nt::ui {

class DocumentListCtrl : public wxListCtrl {
 public:
  enum Column { kIdColumn, kDateColumn, kKindColumn, kParagraphsColumn, kTitleColumn };
  static constexpr int kPageSize = 200;

  DocumentListCtrl(wxWindow* parent, app::Workspace& workspace);

  // Re-reads the row count and forgets cached rows. Errors as Workspace::DocumentCount.
  [[nodiscard]] Status Reload();

  // The row's document, loading its page when needed; empty for a row out of range or when
  // the library cannot be read.
  std::optional<DocumentSummary> RowAt(long row) const;

  // Orders the rows (a click on the ID, Date or Title header does this) and reloads.
  [[nodiscard]] Status SetOrder(DocumentOrder order);
  DocumentOrder order() const { return order_; }

  // How many ListDocuments calls the list made (tests check the paging).
  int page_loads() const { return page_loads_; }
  // The rows currently cached: [cache_first(), cache_first() + cached_rows()).
  long cache_first() const { return cache_first_; }
  long cached_rows() const { return static_cast<long>(cache_.size()); }

 protected:
  wxString OnGetItemText(long item, long column) const override;

 private:
  void OnCacheHint(wxListEvent& event);
  void OnSize(wxSizeEvent& event);
  void OnColumnClick(wxListEvent& event);
  // Makes rows [from, to] available, reading one page that starts at `from` if needed.
  bool EnsureCached(long from, long to) const;
  void FitTitleColumn();

  app::Workspace& workspace_;
  DocumentOrder order_ = DocumentOrder::kById;
  // The cache is filled from const OnGetItemText too: a wxListCtrl asks for text from paint.
  mutable std::vector<DocumentSummary> cache_;
  mutable long cache_first_ = 0;
  mutable int page_loads_ = 0;
};

}  // namespace nt::ui
