#pragma once
// Dates, places and release types as printed at the head of statements ("Media Note",
// "Washington, DC", "July 24, 2017", "Tokyo, 20 July 2017"). Shared by the text formats so that
// Markdown and plain text recognise the same datelines.

#include <optional>
#include <string>
#include <string_view>

namespace nt::importers {

// An ISO 8601 date when the whole text is a date: "July 24, 2017", "24 July 2017",
// "Monday, July 24, 2017", "2017-07-24", "2017年7月24日" -> "2017-07-24"; "July 2017" -> "2017-07".
// nullopt for anything else, including impossible dates ("February 30, 2017").
std::optional<std::string> ParseDate(std::string_view text);

struct Dateline {
  std::string place;  // "" when the line is only a date
  std::string date;   // ISO 8601
};

// A line that is a date, or a place followed by a date ("Washington, DC, July 24, 2017",
// "Tokyo - 20 July 2017"). nullopt when the line holds anything else.
std::optional<Dateline> ParseDateline(std::string_view line);

// True for a short line that can only be a place name: "Washington, DC", "Tokyo", "New York, NY".
// Callers decide from context (a nearby date or release type) whether it is the place of issue.
bool LooksLikePlace(std::string_view line);

// The release type a line names ("Media Note", "Press Release", "Fact Sheet", "Readout", ...),
// as printed; nullopt when the line is something else.
std::optional<std::string> ParseReleaseType(std::string_view line);

}  // namespace nt::importers
