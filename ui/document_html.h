#pragma once
// The reader's page: a DocumentView as the small HTML subset wxHtmlWindow renders. Pure
// functions of their input (UTF-8 in, UTF-8 out), so tests check the page without a window.
//
// Layout: title, a grey line of kind/date/place/symbol, the dialogue and round when known, then
// a two-column table: printed label ("7(2)a") on the left, text on the right. A heading row is
// emitted where a paragraph's heading_path differs from the previous paragraph's; boilerplate
// paragraphs (site chrome, footers) stay in reading order but greyed and smaller.

#include <string>
#include <string_view>

#include "app/library_views.h"

namespace nt::ui {

// Escapes &, <, >, " and turns line breaks into <br>.
std::string EscapeHtml(std::string_view text);

std::string DocumentHtml(const app::DocumentView& view);

// A centred message for an empty reader ("Select a document…").
std::string PlaceholderHtml(std::string_view title, std::string_view hint);

}  // namespace nt::ui
