#pragma once
// Timestamps as stored: ISO 8601 in UTC.

#include <string>
#include <string_view>

namespace nt {

// "2026-11-22T08:15:30Z"
std::string UtcTimestampNow();
// "2026-11-22"
std::string UtcDateToday();

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with plausible ranges.
bool IsIsoDate(std::string_view text);

}  // namespace nt
