#pragma once
// Dates, places and release types as printed at the head of statements ("Media Note",
// "Washington, DC", "July 24, 2017", "Tokyo, 20 July 2017"). Shared by the text formats so that
// Markdown and plain text recognise the same datelines.

#include <optional>
#include <string>
#include <string_view>

namespace nt::importers {

// An ISO 8601 date when the whole text is one date, as the one date finder
// (extract/date_finder.h) reads it: "July 24, 2017", "24 July 2017", "Monday, July 24, 2017",
// "2017-07-24", "24.07.2017", "24/07/2017 - 17:40" (a time after the date is allowed),
// "2017年7月24日" -> "2017-07-24"; "July 2017" -> "2017-07". nullopt for anything else,
// including ranges and impossible dates ("February 30, 2017").
std::optional<std::string> ParseDate(std::string_view text);

struct Dateline {
  std::string place;     // "" when the line is only a date
  std::string date;      // ISO 8601; "" for a leading dateline that names only its place
  bool updated = false;  // "Last updated 3 March 2020": the page's revision, not its date
};

// A line that is a date, a place followed by a date ("Washington, DC, July 24, 2017",
// "Tokyo - 20 July 2017"), or a labelled date ("Published 22 December 2021", "Date:
// 2022-09-16", "Last updated 3 March 2020"; parts joined by "|" give the published one).
// nullopt when the line holds anything else.
std::optional<Dateline> ParseDateline(std::string_view line);

// The dateline that opens a paragraph of wire copy: "WASHINGTON, D.C. — The United States
// ..." (place only), "TOKYO, July 27, 2016 – ...", "Brussels, 16 December 2016 - ...".
struct LeadingDateline {
  Dateline dateline;
  std::size_t length = 0;  // bytes of the paragraph the dateline and its dash take
};
std::optional<LeadingDateline> ParseLeadingDateline(std::string_view paragraph);

// A place as it is stored: capitals of wire copy in title case, codes and dots kept
// ("WASHINGTON, D.C." -> "Washington, D.C.", "NEW YORK, NY" -> "New York, NY").
std::string NormalisePlace(std::string_view place);

// True for a short line that can only be a place name: "Washington, DC", "Tokyo", "New York, NY".
// Callers decide from context (a nearby date or release type) whether it is the place of issue.
bool LooksLikePlace(std::string_view line);

// The release type a line names ("Media Note", "Press Release", "Fact Sheet", "Readout", ...),
// as printed; nullopt when the line is something else.
std::optional<std::string> ParseReleaseType(std::string_view line);

}  // namespace nt::importers
