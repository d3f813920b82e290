#pragma once
// A saved search; a "watch" search re-runs after each import and reports new matches.

#include <string>

#include "core/ids.h"

namespace nt {

struct SavedSearch {
  SavedSearchId id;
  std::string name;
  std::string query;
  bool is_watch = false;
  std::string created_at;
  std::string last_run_at;
};

}  // namespace nt
