#pragma once
// Internal to src/search: the one place where Xapian exceptions become NormTrack errors.
// Every public function of the module catches Xapian::Error and returns XapianError(...).

#include <string_view>

#include "core/error.h"

namespace Xapian {
class Error;
}

namespace nt::search {

// `what` names the index or action for the user: "Searching 'index/'".
Error XapianError(const Xapian::Error& error, std::string_view what);

}  // namespace nt::search
