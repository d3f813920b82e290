#pragma once
// Counts for summaries (`normtrack stats`, the status bar).

#include "core/error.h"
#include "store/database.h"

namespace nt::store {

struct StoreStatistics {
  int documents = 0;
  int paragraphs = 0;  // content paragraphs (boilerplate excluded)
  int boilerplate_paragraphs = 0;
  int actors = 0;
  int commitments = 0;
  int dialogues = 0;
  int rounds = 0;
  int norms = 0;
  int follow_ups = 0;
  int links = 0;
  int saved_searches = 0;
};

[[nodiscard]] Result<StoreStatistics> ReadStatistics(Database& database);

}  // namespace nt::store
