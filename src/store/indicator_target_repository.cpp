#include "store/indicator_target_repository.hpp"

#include "store/record_store.hpp"
#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, code, region_code, year, kind, target, base_year, note, updated_by, updated_at FROM indicator_targets";

IndicatorTargetRow row_of(const Row& r) {
  IndicatorTargetRow t;
  t.id = r.integer(0);
  t.code = r.text(1);
  t.region_code = r.text(2);
  t.year = static_cast<int>(r.integer(3));
  t.kind = r.text(4);
  t.target = r.text(5);
  if (!r.is_null(6)) t.base_year = static_cast<int>(r.integer(6));
  t.note = r.text(7);
  t.updated_by = r.text(8);
  t.updated_at = r.text(9);
  return t;
}

}  // namespace

std::vector<IndicatorTargetRow> IndicatorTargetRepository::list(const TargetFilter& f) {
  SqlFilter sql;
  if (!f.region_prefix.empty()) {
    auto [low, high] = district_range(f.region_prefix);
    sql.add("region_code >= ? AND region_code < ?", std::vector<Value>{low, high});
  }
  if (f.year) sql.add("year = ?", std::int64_t{*f.year});
  if (f.code) sql.add("code = ?", *f.code);
  std::vector<IndicatorTargetRow> out;
  for (const auto& r : conn_.query(std::string(kSelect) + sql.where() + " ORDER BY region_code, year, code", sql.params())) {
    out.push_back(row_of(r));
  }
  return out;
}

std::optional<IndicatorTargetRow> IndicatorTargetRepository::find(std::int64_t id) {
  auto r = conn_.query_one(std::string(kSelect) + " WHERE id = $1", {id});
  if (!r) return std::nullopt;
  return row_of(*r);
}

std::int64_t IndicatorTargetRepository::save(const IndicatorTargetRow& t) {
  const Value base = t.base_year ? Value(std::int64_t{*t.base_year}) : Value(std::monostate{});
  conn_.execute(
      "INSERT INTO indicator_targets (code, region_code, year, kind, target, base_year, note, updated_by, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code, region_code, year) DO UPDATE SET "
      "kind = excluded.kind, target = excluded.target, base_year = excluded.base_year, note = excluded.note, "
      "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {t.code, t.region_code, std::int64_t{t.year}, t.kind, t.target, base, t.note, t.updated_by, t.updated_at});
  auto r = conn_.query_one("SELECT id FROM indicator_targets WHERE code = $1 AND region_code = $2 AND year = $3",
                           {t.code, t.region_code, std::int64_t{t.year}});
  return r ? r->integer(0) : 0;
}

bool IndicatorTargetRepository::remove(std::int64_t id) {
  return conn_.execute("DELETE FROM indicator_targets WHERE id = $1", {id}) > 0;
}

}  // namespace kc::store
