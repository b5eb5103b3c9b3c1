#include "app/index/index_definitions.hpp"

#include "app/audit/audit_log.hpp"
#include "app/index/index_service.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "io/csv.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

constexpr const char* kColumns =
    "id, name, description, data_source, data_csv, meta_csv, spec_json, created_by, created_at, updated_at";

IndexDefinition to_definition(const store::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.optional_text(4), r.text(5), r.text(6),
          r.text(7),    r.text(8), r.text(9)};
}

std::optional<Problem> may_read(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden("Index definitions are for bureau users.");
  return std::nullopt;
}

std::optional<Problem> may_write(const Actor& actor) {
  if (actor.role != Role::admin && actor.role != Role::staff) {
    return Problem::forbidden("Only administrators and staff save index definitions.");
  }
  return std::nullopt;
}

bool is_numeric(const domain::FieldDef& f) {
  return (f.type == domain::FieldType::amount || f.type == domain::FieldType::integer) && f.name != "year";
}

}  // namespace

boost::json::object definition_to_json(const IndexDefinition& d, bool with_texts) {
  boost::json::object o;
  o["id"] = d.id;
  o["name"] = d.name;
  o["description"] = d.description;
  o["data_source"] = d.data_source;
  if (with_texts) {
    if (d.data_csv) o["data"] = *d.data_csv;
    else o["data"] = nullptr;
    o["meta"] = d.meta_csv;
    boost::system::error_code ec;
    auto spec = boost::json::parse(d.spec_json, ec);
    o["spec"] = ec ? boost::json::value(nullptr) : spec;
  }
  o["created_by"] = d.created_by;
  o["created_at"] = d.created_at;
  o["updated_at"] = d.updated_at;
  return o;
}

Outcome<RegionIndexData> region_index_data(store::Database& db, const Actor& actor, int year) {
  if (auto p = may_read(actor)) return *p;
  const auto& kind = *domain::find_kind("region_statistics");
  auto conn = db.acquire();
  store::RecordStore records(*conn, kind);
  store::RecordQuery q;
  q.equals = {{"year", domain::Cell{std::int64_t{year}}}};
  q.page = {1, 100000};
  auto rows = records.list(q);
  if (rows.empty()) {
    return Problem::validation({{"year", "没有该年度的地区统计 / no region statistics for " + std::to_string(year)}});
  }
  std::vector<std::string> header = {"uCode", "uName"};
  std::vector<std::size_t> fields;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (is_numeric(kind.fields[i])) {
      fields.push_back(i);
      header.push_back(kind.fields[i].name);
    }
  }
  RegionIndexData out;
  io::append_csv_row(out.data_csv, header);
  const auto code = static_cast<std::size_t>(kind.field("region_code") - kind.fields.data());
  const auto name = static_cast<std::size_t>(kind.field("region_name") - kind.fields.data());
  for (const auto& r : rows) {
    std::vector<std::string> cells = {domain::format_cell(kind.fields[code], r.cells[code]),
                                      domain::format_cell(kind.fields[name], r.cells[name])};
    for (auto i : fields) cells.push_back(domain::format_cell(kind.fields[i], r.cells[i]));
    io::append_csv_row(out.data_csv, cells);
  }
  io::append_csv_row(out.meta_csv, std::vector<std::string>{"Level", "iCode", "iName", "Direction", "Weight", "Unit", "Parent", "Type"});
  for (auto i : fields) {
    const auto& f = kind.fields[i];
    io::append_csv_row(out.meta_csv, std::vector<std::string>{"1", f.name, f.zh + " " + f.en, "1", "1", f.unit, "Index", "Indicator"});
  }
  io::append_csv_row(out.meta_csv, std::vector<std::string>{"2", "Index", "Index", "1", "1", "", "", "Aggregate"});
  out.regions = rows.size();
  return out;
}

Outcome<std::vector<IndexDefinition>> IndexDefinitions::list(const Actor& actor) {
  if (auto p = may_read(actor)) return *p;
  auto conn = db_.acquire();
  std::vector<IndexDefinition> out;
  for (const auto& r : conn->query(std::string("SELECT ") + kColumns + " FROM index_definitions ORDER BY name")) {
    out.push_back(to_definition(r));
  }
  return out;
}

Outcome<IndexDefinition> IndexDefinitions::get(const Actor& actor, std::int64_t id) {
  if (auto p = may_read(actor)) return *p;
  auto conn = db_.acquire();
  auto row = conn->query_one(std::string("SELECT ") + kColumns + " FROM index_definitions WHERE id = $1", {id});
  if (!row) return Problem::not_found("No index definition " + std::to_string(id) + ".");
  return to_definition(*row);
}

Outcome<IndexDefinition> IndexDefinitions::save(const Actor& actor, std::optional<std::int64_t> id, IndexDefinition d) {
  if (auto p = may_write(actor)) return *p;
  std::vector<FieldError> errors;
  if (d.name.empty() || d.name.size() > 200) errors.push_back({"name", "must be 1–200 bytes"});
  if (d.data_source != "upload" && d.data_source != "region_statistics") {
    errors.push_back({"data_source", "must be upload or region_statistics"});
  }
  if (d.data_source == "upload" && (!d.data_csv || d.data_csv->empty())) errors.push_back({"data", "is required for uploaded data"});
  if (d.data_source == "region_statistics") d.data_csv.reset();
  if (!errors.empty()) return Problem::validation(std::move(errors));
  // A definition is saved only if it builds (on its own data, or the framework alone for registry data).
  if (d.data_source == "upload") {
    auto built = build_index(actor, {*d.data_csv, d.meta_csv, d.spec_json, false});
    if (!built) return built.problem();
  }
  const std::string now = domain::to_iso_utc(domain::now_epoch_seconds());
  auto conn = db_.acquire();
  std::optional<Problem> problem;
  try {
    store::in_transaction(*conn, [&] {
      const store::Value data = d.data_csv ? store::Value{*d.data_csv} : store::Value{std::monostate{}};
      if (id) {
        auto before = conn->query_one(std::string("SELECT ") + kColumns + " FROM index_definitions WHERE id = $1", {*id});
        if (!before) {
          problem = Problem::not_found("No index definition " + std::to_string(*id) + ".");
          return;
        }
        conn->execute(
            "UPDATE index_definitions SET name = $2, description = $3, data_source = $4, data_csv = $5, meta_csv = $6, "
            "spec_json = $7, updated_at = $8 WHERE id = $1",
            {*id, d.name, d.description, d.data_source, data, d.meta_csv, d.spec_json, now});
        d.id = *id;
        auto after = conn->query_one(std::string("SELECT ") + kColumns + " FROM index_definitions WHERE id = $1", {*id});
        d = to_definition(*after);
        append_audit(*conn, actor, "index_definition.update", "index_definition", std::to_string(d.id),
                     boost::json::value(definition_to_json(to_definition(*before), false)),
                     boost::json::value(definition_to_json(d, false)));
      } else {
        auto row = conn->query_one(
            "INSERT INTO index_definitions (name, description, data_source, data_csv, meta_csv, spec_json, created_by, "
            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            {d.name, d.description, d.data_source, data, d.meta_csv, d.spec_json, actor.username, now});
        auto after = conn->query_one(std::string("SELECT ") + kColumns + " FROM index_definitions WHERE id = $1",
                                     {row->integer(0)});
        d = to_definition(*after);
        append_audit(*conn, actor, "index_definition.create", "index_definition", std::to_string(d.id), std::nullopt,
                     boost::json::value(definition_to_json(d, false)));
      }
    });
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::unique_violation) throw;
    return Problem::validation({{"name", "is already taken"}});
  }
  if (problem) return *problem;
  return d;
}

Status IndexDefinitions::remove(const Actor& actor, std::int64_t id) {
  if (auto p = may_write(actor)) return *p;
  auto conn = db_.acquire();
  bool found = false;
  store::in_transaction(*conn, [&] {
    auto before = conn->query_one(std::string("SELECT ") + kColumns + " FROM index_definitions WHERE id = $1", {id});
    if (!before) return;
    found = true;
    conn->execute("DELETE FROM index_definitions WHERE id = $1", {id});
    append_audit(*conn, actor, "index_definition.delete", "index_definition", std::to_string(id),
                 boost::json::value(definition_to_json(to_definition(*before), false)), std::nullopt);
  });
  if (!found) return Problem::not_found("No index definition " + std::to_string(id) + ".");
  return done();
}

}  // namespace kc::app
