#include "ui/panels/document_list_ctrl.h"

#include <algorithm>

#include "ui/display_text.h"
#include "ui/error_dialog.h"
#include "ui/wx_string.h"

namespace nt::ui {

DocumentListCtrl::DocumentListCtrl(wxWindow* parent, app::Workspace& workspace)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      workspace_(workspace) {
  // Widths in DIPs: the ID, date, kind and count columns fit their longest values; the title
  // takes whatever is left (FitTitleColumn).
  AppendColumn("ID", wxLIST_FORMAT_RIGHT, FromDIP(56));
  AppendColumn("Date", wxLIST_FORMAT_LEFT, FromDIP(88));
  AppendColumn("Kind", wxLIST_FORMAT_LEFT, FromDIP(84));
  AppendColumn("Paragraphs", wxLIST_FORMAT_RIGHT, FromDIP(86));
  AppendColumn("Title", wxLIST_FORMAT_LEFT, FromDIP(300));
  EnableAlternateRowColours(true);
  Bind(wxEVT_LIST_CACHE_HINT, &DocumentListCtrl::OnCacheHint, this);
  Bind(wxEVT_SIZE, &DocumentListCtrl::OnSize, this);
  Bind(wxEVT_LIST_COL_CLICK, &DocumentListCtrl::OnColumnClick, this);
}

Status DocumentListCtrl::SetOrder(DocumentOrder order) {
  order_ = order;
  switch (order) {
    case DocumentOrder::kById:
      // The default order goes without an arrow: on GTK it would cover the right-aligned "ID".
      RemoveSortIndicator();
      break;
    case DocumentOrder::kByDateDescending:
      ShowSortIndicator(kDateColumn, false);
      break;
    case DocumentOrder::kByTitle:
      ShowSortIndicator(kTitleColumn, true);
      break;
  }
  // Rows move: a selection by index would now point at another document.
  for (long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row != -1;
       row = GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) {
    SetItemState(row, 0, wxLIST_STATE_SELECTED);
  }
  return Reload();
}

void DocumentListCtrl::OnColumnClick(wxListEvent& event) {
  // Only the orders the store can produce with one range query (invariant 1).
  Status status;
  switch (event.GetColumn()) {
    case kIdColumn:
      status = SetOrder(DocumentOrder::kById);
      break;
    case kDateColumn:
      status = SetOrder(DocumentOrder::kByDateDescending);
      break;
    case kTitleColumn:
      status = SetOrder(DocumentOrder::kByTitle);
      break;
    default:
      return;
  }
  if (!status) ShowError(this, status.error(), "The document list could not be read.");
}

Status DocumentListCtrl::Reload() {
  cache_.clear();
  cache_first_ = 0;
  auto count = workspace_.DocumentCount();
  if (!count) {
    SetItemCount(0);
    return std::unexpected(count.error());
  }
  SetItemCount(*count);
  Refresh();
  return {};
}

std::optional<DocumentSummary> DocumentListCtrl::RowAt(long row) const {
  if (row < 0 || row >= GetItemCount() || !EnsureCached(row, row)) return std::nullopt;
  return cache_[static_cast<std::size_t>(row - cache_first_)];
}

wxString DocumentListCtrl::OnGetItemText(long item, long column) const {
  if (!EnsureCached(item, item)) return column == kTitleColumn ? wxString("(unreadable)") : "";
  const DocumentSummary& row = cache_[static_cast<std::size_t>(item - cache_first_)];
  switch (column) {
    case kIdColumn:
      return wxString::Format("%lld", static_cast<long long>(row.document.id.value));
    case kDateColumn:
      return ToWx(row.document.date);
    case kKindColumn:
      return ToWx(KindLabel(row.document.kind));
    case kParagraphsColumn:
      return wxString::Format("%d", row.paragraph_count);
    case kTitleColumn:
      return ToWx(row.document.title);
    default:
      return {};
  }
}

void DocumentListCtrl::OnCacheHint(wxListEvent& event) {
  EnsureCached(event.GetCacheFrom(), event.GetCacheTo());
}

bool DocumentListCtrl::EnsureCached(long from, long to) const {
  const long cache_end = cache_first_ + static_cast<long>(cache_.size());
  if (from >= cache_first_ && to < cache_end) return true;
  // One page from `from`, at least the hinted range; rows scrolled to next are then cached.
  const long limit = std::max<long>(to - from + 1, kPageSize);
  ++page_loads_;
  auto rows = workspace_.ListDocuments(
      {.order = order_, .offset = static_cast<int>(from), .limit = static_cast<int>(limit)});
  if (!rows) {
    // Painting must not open dialogs; the next Reload() reports the error.
    cache_.clear();
    return false;
  }
  cache_ = std::move(*rows);
  cache_first_ = from;
  return to < cache_first_ + static_cast<long>(cache_.size());
}

void DocumentListCtrl::OnSize(wxSizeEvent& event) {
  event.Skip();
  // After the layout settles, so the client width is the new one.
  CallAfter(&DocumentListCtrl::FitTitleColumn);
}

void DocumentListCtrl::FitTitleColumn() {
  int others = 0;
  for (int column = 0; column < kTitleColumn; ++column) others += GetColumnWidth(column);
  const int available = GetClientSize().GetWidth() - others;
  SetColumnWidth(kTitleColumn, std::max(available, FromDIP(200)));
}

}  // namespace nt::ui
