#pragma once
// Named fault-injection points for tests of failure paths ("an import that fails halfway").
// A point is armed to fail on its Nth hit; production code calls Check() at the point.
// The CLI arms points from NORMTRACK_FAULT="point:N[,point:N]" so end-to-end tests can use it.
// Thread-safety: arm before starting work; Check() may be called from any thread.

#include <string>
#include <string_view>

#include "core/error.h"

namespace nt::fault {

// Arms `point` to fail on its `nth` hit (1 = the first).
void Arm(std::string_view point, int nth);
void DisarmAll();
// Reads NORMTRACK_FAULT; returns an error for a malformed value.
Status ArmFromEnvironment();

// Ok, or an injected kIo error once the armed hit count is reached.
[[nodiscard]] Status Check(std::string_view point);

}  // namespace nt::fault
