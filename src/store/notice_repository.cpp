#include "store/notice_repository.hpp"

namespace kc::store {
namespace {

constexpr const char* kColumns =
    "n.id, n.title, n.body, n.region_code, n.status, n.published_at, n.created_by, n.created_at, n.updated_by, "
    "n.updated_at";

NoticeRow to_notice(const Row& r) {
  NoticeRow n{r.integer(0), r.text(1), r.text(2), r.optional_text(3), r.text(4), r.optional_text(5),
              r.text(6),    r.text(7), r.text(8), r.text(9)};
  return n;
}

Value region_of(const NoticeRow& n) { return n.region_code ? Value{*n.region_code} : Value{std::monostate{}}; }

std::string next(Params& params, Value v) {
  params.push_back(std::move(v));
  return "$" + std::to_string(params.size());
}

// FROM … WHERE … of a filtered list, with the read mark joined when a reader is named.
std::string from_where(const NoticeFilter& f, Params& params) {
  std::string sql = " FROM notices n";
  if (f.reader) sql += " LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = " + next(params, *f.reader);
  std::vector<std::string> conditions;
  if (auto c = region_rows_condition("n.region_code", f.visible, params); !c.empty()) conditions.push_back(c);
  if (f.status) conditions.push_back("n.status = " + next(params, *f.status));
  if (f.reader && f.unread_only) conditions.push_back("r.notice_id IS NULL");
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i ? " AND " : " WHERE ") + conditions[i];
  return sql;
}

}  // namespace

std::vector<NoticeRow> NoticeRepository::list(const NoticeFilter& filter, const Page& page) {
  Params params;
  const std::string from = from_where(filter, params);
  const std::string limit = next(params, std::int64_t{page.page_size});
  const std::string offset = next(params, std::int64_t{page.offset()});
  const std::string read = filter.reader ? ", CASE WHEN r.notice_id IS NULL THEN 0 ELSE 1 END" : ", 0";
  std::vector<NoticeRow> out;
  for (const auto& r : conn_.query("SELECT " + std::string(kColumns) + read + from +
                                       " ORDER BY COALESCE(n.published_at, n.created_at) DESC, n.id DESC LIMIT " +
                                       limit + " OFFSET " + offset,
                                   params)) {
    out.push_back(to_notice(r));
    out.back().read = r.integer(10) != 0;
  }
  return out;
}

std::int64_t NoticeRepository::count(const NoticeFilter& filter) {
  Params params;
  const std::string from = from_where(filter, params);
  return conn_.query_one("SELECT COUNT(*)" + from, params)->integer(0);
}

std::optional<NoticeRow> NoticeRepository::find(std::int64_t id, const RegionRows& visible) {
  Params params{id};
  const std::string condition = region_rows_condition("n.region_code", visible, params);
  auto row = conn_.query_one("SELECT " + std::string(kColumns) + " FROM notices n WHERE n.id = $1" +
                                 (condition.empty() ? "" : " AND " + condition),
                             params);
  if (!row) return std::nullopt;
  return to_notice(*row);
}

std::int64_t NoticeRepository::insert(const NoticeRow& n) {
  return conn_
      .query_one("INSERT INTO notices (title, body, region_code, status, published_at, created_by, created_at, "
                 "updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                 {n.title, n.body, region_of(n), n.status,
                  n.published_at ? Value{*n.published_at} : Value{std::monostate{}}, n.created_by, n.created_at,
                  n.updated_by, n.updated_at})
      ->integer(0);
}

bool NoticeRepository::update(const NoticeRow& n) {
  return conn_.execute("UPDATE notices SET title = $2, body = $3, region_code = $4, status = $5, published_at = $6, "
                       "updated_by = $7, updated_at = $8 WHERE id = $1",
                       {n.id, n.title, n.body, region_of(n), n.status,
                        n.published_at ? Value{*n.published_at} : Value{std::monostate{}}, n.updated_by,
                        n.updated_at}) > 0;
}

bool NoticeRepository::remove(std::int64_t id) {
  return conn_.execute("DELETE FROM notices WHERE id = $1", {id}) > 0;
}

void NoticeRepository::mark_read(std::int64_t notice_id, std::int64_t user_id, const std::string& at) {
  conn_.execute("INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES ($1, $2, $3) "
                "ON CONFLICT (notice_id, user_id) DO NOTHING",
                {notice_id, user_id, at});
}

}  // namespace kc::store
