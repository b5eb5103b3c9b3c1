#include "app/registry_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/audit_log.hpp"
#include "app/crypto.hpp"
#include "app/registry_service.hpp"
#include "app/registry_table.hpp"
#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

using domain::FieldType;
constexpr std::size_t kMaxListedErrors = 1000;

// Resolves reference cells written as a record id or as the referenced kind's natural key (a
// credit code for enterprises), caching each distinct key.
class ReferenceResolver {
 public:
  explicit ReferenceResolver(store::Connection& conn) : conn_(conn) {}

  std::optional<std::int64_t> resolve(const domain::FieldDef& f, const std::string& text, std::string& why) {
    auto& cache = cache_[f.references];
    if (auto it = cache.find(text); it != cache.end()) return it->second;
    const auto* target = domain::find_kind(f.references);
    std::optional<std::int64_t> id;
    // A short number is a record id; anything else (an 18-digit credit code may be all digits)
    // is the referenced kind's natural key.
    const bool id_like = !text.empty() && text.size() <= 15 && std::all_of(text.begin(), text.end(), ::isdigit);
    if (id_like && store::RecordStore(conn_, *target).get(std::stoll(text))) {
      id = std::stoll(text);
    } else if (target->natural_key.size() == 1) {
      const auto* key_field = target->field(target->natural_key.front());
      auto key = domain::parse_cell(*key_field, text);
      if (!key) {
        why = key.error().message;
        return std::nullopt;
      }
      store::Record probe;
      probe.cells.resize(target->fields.size());
      for (std::size_t i = 0; i < target->fields.size(); ++i) {
        if (target->fields[i].name == key_field->name) probe.cells[i] = key.value();
      }
      if (auto found = store::RecordStore(conn_, *target).find_by_natural_key(probe)) id = found->id;
    }
    if (!id) {
      why = "没有这个" + target->zh + " / no such " + target->en + " record";
      return std::nullopt;
    }
    cache.emplace(text, *id);
    return id;
  }

 private:
  store::Connection& conn_;
  std::map<std::string, std::map<std::string, std::int64_t>> cache_;
};

struct Column {
  const domain::FieldDef* field;
  std::size_t field_index;
};

// What pass one decided for a row, so pass two writes without validating again.
struct Planned {
  std::size_t row_index;
  std::int64_t existing_id;  // 0 for a new record
};

std::string key_of(const domain::KindDef& kind, const store::Record& r) {
  std::string key;
  for (const auto& name : kind.natural_key) {
    for (std::size_t i = 0; i < kind.fields.size(); ++i) {
      if (kind.fields[i].name == name) key += domain::format_cell(kind.fields[i], r.cells[i]) + '\x1f';
    }
  }
  return key;
}

}  // namespace

Outcome<ImportSummary> import_records(store::Database& db, const Actor& actor, const domain::KindDef& kind,
                                      std::string_view bytes, const ImportOptions& options) {
  if (std::find(kind.write_roles.begin(), kind.write_roles.end(), to_string(actor.role)) == kind.write_roles.end()) {
    return Problem::forbidden("Your role may not import " + kind.en + ".");
  }
  auto table = read_text_table(bytes, options.max_bytes, options.max_rows);
  if (!table) {
    return Problem{422, "import_unreadable", "File not accepted", table.error().message, {}};
  }
  ImportSummary summary;
  summary.format = table->format;
  summary.rows = table->rows.size();
  auto add_error = [&](std::size_t row, std::string column, std::string value, std::string reason) {
    ++summary.error_count;
    if (summary.errors.size() < kMaxListedErrors) {
      summary.errors.push_back({row, std::move(column), value.substr(0, 200), std::move(reason)});
    }
  };

  // Header → fields; every required field needs a column.
  std::vector<std::optional<Column>> columns;
  std::set<std::string> seen;
  for (const auto& h : table->header) {
    const auto* f = field_for_header(kind, h);
    if (!f) {
      if (!h.empty()) add_error(1, h, h, "未知列 / unknown column for " + kind.en);
      columns.emplace_back();
      continue;
    }
    if (!seen.insert(f->name).second) add_error(1, h, h, "重复的列 / duplicate column");
    columns.push_back(Column{f, static_cast<std::size_t>(f - kind.fields.data())});
  }
  for (const auto& f : kind.fields) {
    const bool key = std::find(kind.natural_key.begin(), kind.natural_key.end(), f.name) != kind.natural_key.end();
    if (f.required && !seen.contains(f.name) && (key || !options.update)) {
      add_error(1, f.name, "", "缺少必填列 / required column missing");
    }
  }
  if (summary.error_count > 0) return summary;

  auto conn = db.acquire();
  ReferenceResolver references(*conn);
  store::RecordStore records(*conn, kind);

  // Parses one row into a record; reports its errors and returns false when it has any.
  auto parse_row = [&](std::size_t r, store::Record& record, bool report) {
    const auto& cells = table->rows[r];
    const std::size_t row_number = r + 2;
    record = store::Record{};
    record.cells.resize(kind.fields.size());
    bool ok = true;
    auto fail = [&](std::string column, std::string value, std::string reason) {
      ok = false;
      if (report) add_error(row_number, std::move(column), std::move(value), std::move(reason));
    };
    if (cells.size() > columns.size()) fail("", "", "比表头多出单元格 / more cells than header columns");
    for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
      if (!columns[c]) continue;
      const auto& f = *columns[c]->field;
      std::string text = cells[c];
      if (table->from_xlsx && f.type == FieldType::date) {
        if (auto date = excel_serial_to_date(text)) text = *date;
      }
      if (f.type == FieldType::reference && !text.empty()) {
        std::string why;
        auto id = references.resolve(f, text, why);
        if (!id) fail(f.name, text, why);
        else record.cells[columns[c]->field_index] = *id;
        continue;
      }
      auto cell = domain::parse_cell(f, text);
      if (!cell) fail(f.name, text, cell.error().message);
      else record.cells[columns[c]->field_index] = cell.value();
    }
    return ok;
  };
  // Required values are checked on the record as it will be stored (after overlaying an existing
  // one), so an update file may leave out columns it does not change.
  auto has_required = [&](std::size_t r, const store::Record& record) {
    bool ok = true;
    for (std::size_t i = 0; i < kind.fields.size(); ++i) {
      if (kind.fields[i].required && std::holds_alternative<std::monostate>(record.cells[i])) {
        add_error(r + 2, kind.fields[i].name, "", "必填 / is required");
        ok = false;
      }
    }
    return ok;
  };
  // An existing record keeps the values of columns the file does not have.
  auto overlay = [&](const store::Record& existing, store::Record& record) {
    std::vector<domain::Cell> merged = existing.cells;
    for (const auto& c : columns) {
      if (c) merged[c->field_index] = record.cells[c->field_index];
    }
    record.cells = std::move(merged);
    record.id = existing.id;
  };

  // Pass one: validate every row and decide what it will do. One read transaction, so the
  // lookups do not each begin and end their own.
  std::vector<Planned> plan;
  plan.reserve(table->rows.size());
  std::map<std::string, std::size_t> keys_in_file;
  store::Record record;
  conn->exec_script("BEGIN");
  struct EndRead {
    store::Connection& c;
    ~EndRead() { try { c.exec_script("COMMIT"); } catch (...) {} }
  };
  std::optional<EndRead> end_read(std::in_place, *conn);
  for (std::size_t r = 0; r < table->rows.size(); ++r) {
    if (!parse_row(r, record, true)) continue;
    if (kind.natural_key.empty()) {
      if (has_required(r, record)) plan.push_back({r, 0});
      continue;
    }
    const std::string key = key_of(kind, record);
    if (auto [it, fresh] = keys_in_file.emplace(key, r + 2); !fresh) {
      add_error(r + 2, kind.natural_key.front(), "",
                "与第 " + std::to_string(it->second) + " 行重复 / duplicates row " + std::to_string(it->second));
      continue;
    }
    auto existing = records.find_by_natural_key(record);
    if (!existing) {
      if (!has_required(r, record)) continue;
      plan.push_back({r, 0});
      ++summary.created;
      continue;
    }
    overlay(*existing, record);
    if (!has_required(r, record)) continue;
    if (existing->cells == record.cells) {
      ++summary.unchanged;
      continue;
    }
    if (!options.update) {
      add_error(r + 2, kind.natural_key.front(), "",
                "记录已存在且内容不同（编号 " + std::to_string(existing->id) + "），如需更新请使用更新模式 / "
                "a different record with this key exists (id " + std::to_string(existing->id) +
                    "); import in update mode to change it");
      continue;
    }
    plan.push_back({r, existing->id});
    ++summary.updated;
  }
  end_read.reset();
  if (kind.natural_key.empty()) summary.created = plan.size();
  if (summary.error_count > 0 || options.dry_run) {
    if (summary.error_count > 0) summary.created = summary.updated = summary.unchanged = 0;
    return summary;
  }

  // Pass two: write everything in one transaction.
  store::in_transaction(*conn, [&] {
    for (const auto& p : plan) {
      parse_row(p.row_index, record, false);
      if (p.existing_id == 0) {
        records.append(record);
        continue;
      }
      auto before = records.get(p.existing_id);
      overlay(*before, record);
      records.update(record);
      // Updates keep their field-level history; creations are summarised below.
      append_audit(*conn, actor, kind.name + ".update", kind.name, std::to_string(p.existing_id),
                   boost::json::value(record_to_json(kind, *before)),
                   boost::json::value(record_to_json(kind, *records.get(p.existing_id))));
    }
    boost::json::object info{{"format", summary.format},     {"rows", summary.rows},
                             {"created", summary.created},   {"updated", summary.updated},
                             {"unchanged", summary.unchanged}, {"sha256", sha256_hex(bytes)}};
    append_audit(*conn, actor, kind.name + ".import", kind.name, "*", std::nullopt, boost::json::value(info));
  });
  summary.committed = true;
  // A large import changes the data's shape; refresh the planner's statistics for this table.
  if (plan.size() >= 1000) conn->exec_script("ANALYZE " + kind.table);
  return summary;
}

}  // namespace kc::app
