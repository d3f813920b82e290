#pragma once
// Dates as diplomatic texts write them, turned into ISO 8601:
//   "July 24, 2017", "24 July 2017", "20-21 July 2017", "July 20 and 21, 2017",
//   "30 June - 1 July 2017", "July 2018" (month precision), "2017-07-20".
// A range gives a start and an end; a single day gives start == end.

#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenizer.h"

namespace nt::extract {

struct DateMention {
  int token_begin = 0;  // tokens [token_begin, token_end) of the text
  int token_end = 0;
  std::string start;  // "2017-07-20", or "2018-07" when only the month is given
  std::string end;    // "2017-07-21"; equal to start for a single date
};

// Every date in the tokenised text, in order, non-overlapping.
std::vector<DateMention> FindDates(std::string_view text, const std::vector<Token>& tokens);

// 1..12 for "July", "Jul", "Jul." (the period is a separate token), "Sept"; 0 otherwise.
int MonthNumber(std::string_view word);

}  // namespace nt::extract
