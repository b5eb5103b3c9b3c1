#include "app/registry/registry_export.hpp"

#include <functional>
#include <map>

#include "app/audit/export_audit.hpp"
#include "domain/registry_kinds.hpp"
#include "io/csv.hpp"
#include "io/spreadsheet_text.hpp"
#include "io/xlsx_writer.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

using domain::FieldType;
constexpr int kBatch = 1000;

// Text of each cell as an import reads it back; references become natural keys. Free text is
// neutralised against formula injection (the importer restores it); the other types are formats
// the validators fixed (numbers, dates, codes), which cannot start a formula except as a number.
class CellWriter {
 public:
  CellWriter(store::Database& db, const domain::KindDef& kind) : db_(db), kind_(kind) {}

  std::string text(std::size_t i, const domain::Cell& cell) {
    const auto& f = kind_.fields[i];
    if (f.type == FieldType::text) return io::neutralise_formula(domain::format_cell(f, cell));
    const auto* id = std::get_if<std::int64_t>(&cell);
    if (f.type != FieldType::reference || !id) return domain::format_cell(f, cell);
    auto& cache = keys_[f.references];
    if (auto it = cache.find(*id); it != cache.end()) return it->second;
    const auto* target = domain::find_kind(f.references);
    std::string key = std::to_string(*id);
    if (target->natural_key.size() == 1) {
      auto conn = db_.acquire();
      if (auto r = store::RecordStore(*conn, *target).get(*id)) {
        for (std::size_t k = 0; k < target->fields.size(); ++k) {
          if (target->fields[k].name == target->natural_key.front()) key = domain::format_cell(target->fields[k], r->cells[k]);
        }
      }
    }
    return cache.emplace(*id, key).first->second;
  }

 private:
  store::Database& db_;
  const domain::KindDef& kind_;
  std::map<std::string, std::map<std::int64_t, std::string>> keys_;
};

// The list filter as the export's audit record shows it.
boost::json::object filter_json(const RecordList& filter) {
  boost::json::object o;
  if (!filter.q.empty()) o["q"] = filter.q;
  boost::json::object fields;
  for (const auto& [name, value] : filter.filters) fields[name] = value;
  if (!fields.empty()) o["fields"] = std::move(fields);
  if (!filter.ids.empty()) o["selected"] = filter.ids.size();
  return o;
}

// Calls `each` for every matching record, batch by batch in id order; counts them in `trace`.
Status for_each_record(store::Database& db, const Actor& actor, const domain::KindDef& kind, RecordList filter,
                       ExportTrace& trace, const std::function<void(const store::Record&)>& each) {
  RegistryService service(db);
  filter.sort.clear();
  filter.page = {1, kBatch};
  for (;;) {
    auto page = service.list(actor, kind, filter);
    if (!page) return page.problem();
    for (const auto& r : page->items) each(r);
    trace.rows += static_cast<std::int64_t>(page->items.size());
    if (static_cast<int>(page->items.size()) < kBatch) break;
    filter.after_id = page->items.back().id;
  }
  return done();
}

}  // namespace

Status export_records_csv(store::Database& db, const Actor& actor, const domain::KindDef& kind, RecordList filter,
                          std::ostream& out, domain::HeaderLanguage headers) {
  CellWriter cells(db, kind);
  std::vector<std::string> row;
  for (const auto& f : kind.fields) row.push_back(domain::header_of(f, headers));
  std::string line = "\xEF\xBB\xBF";  // BOM: spreadsheet programs then read Chinese correctly
  io::append_csv_row(line, row);
  out << line;
  ExportTrace trace{kind.name, "csv", filter_json(filter), 0};
  auto status = for_each_record(db, actor, kind, std::move(filter), trace, [&](const store::Record& r) {
    row.clear();
    for (std::size_t i = 0; i < kind.fields.size(); ++i) row.push_back(cells.text(i, r.cells[i]));
    line.clear();
    io::append_csv_row(line, row);
    out << line;
  });
  if (!status) return status;
  record_export(db, actor, trace);  // every row written: the export is recorded before it is handed out
  return done();
}

Status export_records_xlsx(store::Database& db, const Actor& actor, const domain::KindDef& kind, RecordList filter,
                           const std::filesystem::path& out, domain::HeaderLanguage headers) {
  std::vector<io::XlsxColumn> columns;
  for (const auto& f : kind.fields) {
    columns.push_back({domain::header_of(f, headers), f.type == FieldType::text ? 24.0 : 14.0});
  }
  auto writer = io::XlsxWriter::create(out, kind.name.substr(0, 31), columns);
  if (!writer) return Problem{500, "export_failed", "Export failed", writer.error().message, {}};
  CellWriter cells(db, kind);
  std::vector<io::XlsxCell> row;
  std::optional<Problem> failure;
  ExportTrace trace{kind.name, "xlsx", filter_json(filter), 0};
  auto status = for_each_record(db, actor, kind, std::move(filter), trace, [&](const store::Record& r) {
    if (failure) return;
    row.clear();
    for (std::size_t i = 0; i < kind.fields.size(); ++i) {
      const auto& f = kind.fields[i];
      const auto& cell = r.cells[i];
      if (std::holds_alternative<std::monostate>(cell)) row.emplace_back(std::monostate{});
      else if ((f.type == FieldType::integer || domain::is_scaled_decimal(f.type)) && std::holds_alternative<std::int64_t>(cell)) {
        const double scale = domain::is_scaled_decimal(f.type) ? 10000.0 : 1.0;
        row.emplace_back(static_cast<double>(std::get<std::int64_t>(cell)) / scale);
      } else if (f.type == FieldType::boolean) row.emplace_back(std::get<std::int64_t>(cell) != 0);
      else row.emplace_back(cells.text(i, cell));
    }
    if (auto s = writer->write_row(row); !s) failure = Problem{500, "export_failed", "Export failed", s.error().message, {}};
  });
  if (!status) return status;
  if (failure) return *failure;
  if (auto s = writer->close(); !s) return Problem{500, "export_failed", "Export failed", s.error().message, {}};
  record_export(db, actor, trace);  // the file is complete: recorded before it is handed out
  return done();
}

}  // namespace kc::app
