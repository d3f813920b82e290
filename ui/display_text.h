#pragma once
// How the GUI words stored values: kinds, dates, rounds. UTF-8 in and out, shared by the list
// and the reader so that both say the same thing.

#include <string>
#include <string_view>

#include "core/dialogue.h"
#include "core/document.h"

namespace nt::ui {

// "Statement", "UN report", "Agreement", "Resolution", "Other".
std::string KindLabel(DocumentKind kind);

// "2017-07-24" -> "24 July 2017", "2017-07" -> "July 2017"; anything else unchanged.
std::string HumanDate(std::string_view iso_date);

// "Japan-U.S. Cyber Dialogue, round 5 · Tokyo · 20 July 2017 – 21 July 2017"; parts that are
// unknown are left out.
std::string RoundLine(const Dialogue* dialogue, const Round* round);

}  // namespace nt::ui
