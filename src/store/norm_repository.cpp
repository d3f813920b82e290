#include "store/norm_repository.h"

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kSelectNorms =
    "SELECT id, code, short_title, description, source_symbol FROM norms ";

Norm ReadNorm(const Statement& row) {
  return Norm{NormId(row.Int(0)), row.Text(1), row.Text(2), row.Text(3), row.Text(4)};
}

}  // namespace

Result<NormId> NormRepository::Upsert(const Norm& norm) {
  auto upsert = database_.connection().Prepare(
      "INSERT INTO norms (code, short_title, description, source_symbol) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (code) DO UPDATE SET short_title = excluded.short_title, "
      "description = excluded.description, source_symbol = excluded.source_symbol RETURNING id");
  if (!upsert) return Fail(upsert.error());
  (*upsert)
      ->Bind(1, norm.code)
      .Bind(2, norm.short_title)
      .BindOptional(3, norm.description)
      .BindOptional(4, norm.source_symbol);
  auto row = (*upsert)->Step();
  if (!row) return Fail(row.error());
  NormId id((*upsert)->Int(0));
  (*upsert)->Reset();
  return id;
}

Result<std::optional<Norm>> NormRepository::FindByCode(std::string_view code) {
  auto statement = database_.connection().Prepare(std::string(kSelectNorms) + "WHERE code = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, code);
  return OptionalRow<Norm>(**statement, ReadNorm);
}

Result<std::vector<Norm>> NormRepository::List() {
  auto statement = database_.connection().Prepare(std::string(kSelectNorms) + "ORDER BY code");
  if (!statement) return Fail(statement.error());
  return CollectRows<Norm>(**statement, ReadNorm);
}

Result<int> NormRepository::Count() { return CountRows(database_.connection(), "norms"); }

}  // namespace nt::store
