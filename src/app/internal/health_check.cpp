#include "app/internal/health_check.h"

#include "core/platform.h"
#include "store/integrity.h"
#include "store/schema.h"

namespace nt::app {
namespace {

// How many of the index's disagreements a report lists one by one.
constexpr std::size_t kIndexDriftListed = 10;

std::string Plural(std::int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string LeftoversSentence(const RebuildLeftovers& leftovers) {
  const std::uintmax_t megabytes = (leftovers.bytes + 999'999) / 1'000'000;
  return Plural(static_cast<std::int64_t>(leftovers.folders.size()), "folder", "folders") +
         " left by an interrupted rebuild of the search index take " + std::to_string(megabytes) +
         " MB beside it (" + Quoted(platform::PathToUtf8(leftovers.folders.front().filename())) +
         (leftovers.folders.size() > 1 ? ", ..." : "") + ").";
}

Result<bool> HealthCheck::Find(HealthReport& report, std::vector<std::string>& problems) {
  store::Database& db = library_.database();
  report.schema_version = db.schema_version();
  report.latest_schema_version = store::LatestSchemaVersion();

  auto integrity = store::CheckIntegrity(db);
  if (!integrity) return Fail(integrity.error());
  if (!integrity->ok()) {
    const std::string first = integrity->problems.front();
    if (!integrity->only_indexes) {
      report.unrepairable = "The database file " + Quoted(platform::PathToUtf8(db.path())) +
                            " is damaged (" + first +
                            "), which NormTrack cannot repair: restore your latest backup with "
                            "'normtrack restore FILE'.";
      problems.push_back(*report.unrepairable);
      return false;  // queries over damaged pages would prove nothing
    }
    problems.push_back(Plural(static_cast<std::int64_t>(integrity->problems.size()),
                              "entry of the database's indexes disagrees",
                              "entries of the database's indexes disagree") +
                       " with their tables (" + first + ").");
  }
  if (report.schema_version < report.latest_schema_version) {
    problems.push_back("The database has schema version " + std::to_string(report.schema_version) +
                       " and needs the upgrade to " + std::to_string(report.latest_schema_version) +
                       ", which opening it with write access does.");
  }

  auto orphans = store::FindOrphans(db);
  if (!orphans) return Fail(orphans.error());
  for (const store::OrphanGroup& group : *orphans) {
    problems.push_back("Orphans (" + std::to_string(group.rows) + "): " + group.description + ".");
  }

  auto index = search_.Check();
  if (!index) {
    // Orphans can keep the index's view of a document from being assembled; a repair of the
    // orphans comes first and makes the comparison possible.
    problems.push_back("The search index could not be compared with the database: " +
                       index.error().message);
    return true;
  }
  if (index->pending > 0) {
    problems.push_back(Plural(index->pending, "document is", "documents are") +
                       " still queued for the search index (an interrupted import or index "
                       "update).");
  }
  for (std::size_t i = 0; i < index->drift.size() && i < kIndexDriftListed; ++i) {
    problems.push_back("Search index: " + index->drift[i]);
  }
  if (index->drift.size() > kIndexDriftListed) {
    problems.push_back("Search index: " + std::to_string(index->drift.size() - kIndexDriftListed) +
                       " more disagreements with the database.");
  }
  if (!index->leftovers.folders.empty()) {
    problems.push_back(LeftoversSentence(index->leftovers));
  }
  return true;
}

Result<HealthReport> HealthCheck::Check() {
  HealthReport report;
  auto checked = Find(report, report.problems);
  if (!checked) return Fail(checked.error());
  return report;
}

Result<HealthReport> HealthCheck::Repair() {
  if (library_.read_only()) {
    return Fail(ErrorCode::kReadOnly,
                "The library is read-only, so it cannot be repaired; check it without --repair "
                "or make the file writable.");
  }
  HealthReport report;
  auto sound = Find(report, report.problems);
  if (!sound) return Fail(sound.error());
  if (!*sound) {
    report.remaining = report.problems;
    return report;
  }
  store::Database& db = library_.database();

  auto integrity = store::CheckIntegrity(db);
  if (!integrity) return Fail(integrity.error());
  if (!integrity->ok()) {
    NT_TRY(store::Reindex(db));
    report.repairs.push_back("Rebuilt the database's indexes from their tables (REINDEX).");
  }

  auto orphans = store::RepairOrphans(db);
  if (!orphans) return Fail(orphans.error());
  for (const store::OrphanGroup& group : *orphans) {
    report.repairs.push_back("Orphans (" + std::to_string(group.rows) + "): " + group.description +
                             "; " + group.repair + ".");
  }

  // Orphan repairs queue index updates (triggers), so the index comes last.
  auto synced = search_.Sync();
  if (!synced) return Fail(synced.error());
  if (synced->indexed + synced->removed > 0) {
    report.repairs.push_back(
        "Brought the search index up to date: " + Plural(synced->indexed, "document", "documents") +
        " indexed, " + std::to_string(synced->removed) + " removed.");
  }
  auto index = search_.Check();
  if (!index) return Fail(index.error());
  if (!index->leftovers.folders.empty()) {
    NT_TRY(search_.RemoveLeftovers(index->leftovers));
    report.repairs.push_back(
        "Removed what an interrupted rebuild of the search index left (" +
        Plural(static_cast<std::int64_t>(index->leftovers.folders.size()), "folder", "folders") +
        ").");
  }
  if (!index->ok()) {
    auto rebuilt = search_.Rebuild();
    if (!rebuilt) return Fail(rebuilt.error());
    report.repairs.push_back("Rebuilt the search index from the database (" +
                             Plural(rebuilt->indexed, "document", "documents") + ").");
  }

  HealthReport after;
  auto checked = Find(after, report.remaining);
  if (!checked) return Fail(checked.error());
  report.unrepairable = after.unrepairable;
  return report;
}

}  // namespace nt::app
