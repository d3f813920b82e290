#pragma once
// The head of a document saved from the web or copied from a PDF: which of its first lines are
// page furniture (navigation, breadcrumbs, share buttons, cookie banners, pagers), which one
// names the document (its title), and what kind of document the title names. Shared by the
// text formats (statement_layout.h) and the UN report layout, so every format judges a head
// the same way.

#include <optional>
#include <string>
#include <string_view>

#include "core/imported_document.h"

namespace nt::importers {

// The words of a text, counted at spaces (one way for every importer's length limits).
std::size_t WordCount(std::string_view text);

// True for a line that belongs to the page, not the document: "Skip to main content", "Press
// Releases", "Countries & Regions", "Back to Press Releases", "You are on page 1 of 17",
// "Home > News > ...", "Share this page", a cookie banner, a bare "Summary" or "Guidance".
bool IsWebPageFurniture(std::string_view line);

// True when a line of furniture names a list of releases ("Press Releases", "Media Notes",
// "Back to Statements"): the page holds a statement.
bool NamesReleaseList(std::string_view line);

// How strongly a head line reads as the document's title; higher is better, 0 or less is not
// a title. `heading_level` is 0 for an unmarked line; `before_date` says that the next line of
// the head is its date or dateline.
int TitleScore(std::string_view line, int heading_level, bool before_date);

// A title made from the first sentence of a text with no title line: the sentence without its
// final stop, shortened at a word boundary to about 80 characters.
std::string TitleFromFirstSentence(std::string_view text);

// The kind a title names; the kind word that comes first wins ("Joint Statement on the Signing
// of a Memorandum of Understanding" is a statement). `is_release` says that the head named a
// release type or a list of releases: a statement when the title names no other kind.
DocumentKind KindFromTitle(std::string_view title, bool is_release);

}  // namespace nt::importers
