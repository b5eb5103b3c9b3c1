#include "app/registry/import/registry_import.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "app/audit/audit_log.hpp"
#include "app/registry/import/failed_imports.hpp"
#include "app/limit_problem.hpp"
#include "app/registry/import/registry_import_source.hpp"
#include "app/registry/district_scope.hpp"
#include "app/registry/import/registry_table.hpp"
#include "app/registry/kind_access.hpp"
#include "app/registry/record_validation.hpp"
#include "app/registry/registry_service.hpp"
#include "app/transaction.hpp"
#include "domain/field_headers.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "io/excel_dates.hpp"
#include "io/import_keys.hpp"
#include "io/spreadsheet_text.hpp"
#include "store/bulk_write.hpp"
#include "store/import_lock.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

using domain::FieldType;
namespace fmsg = domain::fmsg;
constexpr std::size_t kMaxListedErrors = 1000;

// Reads every stored record's id and natural key, a page at a time, paced by the work it saves:
// each query the caller makes one by one earns kRowsPerQuery rows of scanning. A page of a key
// scan costs a small fraction of a query (on PostgreSQL, where each query is a round trip, about
// 1/100), so once the file has proven large against the table the whole table has been read, for
// about as much work again as the queries alone — without knowing the table's size, which neither
// dialect tells cheaply (ids have gaps). Imports of fewer than kPage / kRowsPerQuery rows never
// scan.
class PacedKeyScan {
 public:
  static constexpr std::size_t kPage = 10'000;
  static constexpr std::size_t kRowsPerQuery = 50;

  explicit PacedKeyScan(store::RecordStore& store) : store_(store) {}
  bool done() const { return done_; }
  // Counts one query; reads the pages it paid for, calling visit(id, keys) for each record.
  template <class Visit>
  void paid_one_query(Visit&& visit) {
    credit_ += kRowsPerQuery;
    while (!done_ && credit_ >= kPage) {
      credit_ -= kPage;
      std::size_t rows = 0;
      const auto last =
          store_.scan_natural_keys(after_, kPage, [&](std::int64_t id, const store::Record& keys) {
            ++rows;
            visit(id, keys);
          });
      if (rows < kPage)
        done_ = true;
      else
        after_ = last;
    }
  }

 private:
  store::RecordStore& store_;
  std::int64_t after_ = 0;
  std::size_t credit_ = 0;
  bool done_ = false;
};

std::vector<std::size_t> key_fields_of(const domain::KindDef& kind) {
  std::vector<std::size_t> out;
  for (const auto& name : kind.natural_key) {
    for (std::size_t i = 0; i < kind.fields.size(); ++i) {
      if (kind.fields[i].name == name) out.push_back(i);
    }
  }
  return out;
}

// Resolves reference cells written as a record id or as the referenced kind's natural key (a
// credit code for enterprises), caching each distinct text. Distinct texts are looked up one query
// each while a paced scan reads the referenced table; once it is read, no more queries. For an
// importer scoped to a region, a record outside it is no such record (and is not cached).
class ReferenceResolver {
 public:
  ReferenceResolver(store::Connection& conn, std::string district_prefix)
      : conn_(conn), district_prefix_(std::move(district_prefix)) {}

  // Starts loading the cache slot `text` will be looked up in (see the import's row groups).
  [[gnu::always_inline]] void prefetch(const domain::FieldDef& f, const std::string& text) {
    target(f.references).cache.prefetch(io::hash_key(text));
  }

  std::optional<std::int64_t> resolve(const domain::FieldDef& f, const std::string& text,
                                      std::optional<domain::Error>& why) {
    auto& t = target(f.references);
    const std::uint64_t hash = io::hash_key(text);
    if (const auto* id = t.cache.find(text, hash)) return *id;
    auto id = lookup(t, text, why);
    if (id && !district_prefix_.empty() && !t.store.exists_in(*id, district_prefix_)) id.reset();
    if (!id) {
      if (!why) {
        why = domain::refusal(fmsg::row_no_such_reference, {{"kind_zh", t.kind->zh}, {"kind_en", t.kind->en}});
      }
      return std::nullopt;
    }
    t.cache.insert(text, hash, *id);
    return id;
  }

 private:
  struct Target {
    Target(store::Connection& conn, const domain::KindDef& k)
        : kind(&k), store(conn, k), key_fields(key_fields_of(k)), scan(store) {}
    const domain::KindDef* kind;
    store::RecordStore store;
    std::vector<std::size_t> key_fields;
    io::KeyTable<std::int64_t> cache;  // cell text as written → id
    PacedKeyScan scan;
    std::vector<std::int64_t> ids;  // read by the scan: every id, ascending (the scan's order)
    io::KeyTable<std::int64_t> keys;    // read by the scan: encoded natural key → id
  };

  Target& target(const std::string& kind_name) {
    if (&kind_name == last_name_) return *last_;  // the same field as the call before, usually
    auto& t = targets_[kind_name];
    if (!t) t = std::make_unique<Target>(conn_, *domain::find_kind(kind_name));
    last_name_ = &kind_name;
    last_ = t.get();
    return *t;
  }

  void scan(Target& t) {
    std::string key;
    t.scan.paid_one_query([&](std::int64_t id, const store::Record& r) {
      t.ids.push_back(id);
      if (t.key_fields.size() == 1) {
        key.clear();
        io::encode_key(key, r.cells, t.key_fields);
        t.keys.insert(key, io::hash_key(key), id);
      }
    });
  }

  std::optional<std::int64_t> lookup(Target& t, const std::string& text, std::optional<domain::Error>& why) {
    const bool loaded = t.scan.done();
    if (!loaded) scan(t);
    // A short number is a record id; anything else (an 18-digit credit code may be all digits)
    // is the referenced kind's natural key.
    const bool id_like =
        !text.empty() && text.size() <= 15 && std::all_of(text.begin(), text.end(), ::isdigit);
    if (id_like) {
      const std::int64_t id = std::stoll(text);
      if (loaded ? std::binary_search(t.ids.begin(), t.ids.end(), id) : t.store.exists(id))
        return id;
    }
    if (t.key_fields.size() != 1) return std::nullopt;
    const auto& key_field = t.kind->fields[t.key_fields.front()];
    auto key = domain::parse_cell(key_field, text);
    if (!key) {
      why = key.error();
      return std::nullopt;
    }
    store::Record probe;
    probe.cells.resize(t.kind->fields.size());
    probe.cells[t.key_fields.front()] = key.value();
    if (!loaded) return t.store.id_by_natural_key(probe);
    std::string encoded;
    io::encode_key(encoded, probe.cells, t.key_fields);
    if (const auto* id = t.keys.find(encoded, io::hash_key(encoded))) return *id;
    return std::nullopt;
  }

  store::Connection& conn_;
  std::string district_prefix_;
  std::map<std::string, std::unique_ptr<Target>> targets_;
  const std::string* last_name_ = nullptr;
  Target* last_ = nullptr;
};

// Finds the stored record with a row's natural key: one query per row while a paced scan reads
// the hashes of every stored key; once it is read, rows whose key is certainly new (the bulk of a
// large import) need no query at all.
class StoredKeys {
 public:
  StoredKeys(store::RecordStore& records, const std::vector<std::size_t>& key_fields)
      : records_(records), key_fields_(key_fields), scan_(records) {}

  [[gnu::always_inline]] void prefetch(std::uint64_t hash) const {
    if (scan_.done()) filter_.prefetch(hash);
  }

  std::optional<store::Record> find(const store::Record& record, std::uint64_t hash) {
    if (scan_.done()) {
      if (!filter_.may_contain(hash)) return std::nullopt;
    } else {
      // Records this import wrote may be read too: harmless, their keys are in FileKeys, which
      // is asked first.
      scan_.paid_one_query([&](std::int64_t, const store::Record& r) {
        key_.clear();
        io::encode_key(key_, r.cells, key_fields_);
        filter_.add(io::hash_key(key_));
      });
    }
    return records_.find_by_natural_key(record);
  }

 private:
  store::RecordStore& records_;
  const std::vector<std::size_t>& key_fields_;
  PacedKeyScan scan_;
  io::StoredKeyFilter filter_;
  std::string key_;
};

struct Column {
  const domain::FieldDef* field;
  std::size_t field_index;
};

Problem unreadable(const domain::Error& error) {
  // A size limit keeps its own code and figures (too_many_cells, …) for the front end.
  if (auto p = limit_problem(error, "file")) return *p;
  return Problem{422, "import_unreadable", "File not accepted", error.message, {}};
}

// One pass over the rows: each is parsed once, checked, and (when committing) written at once —
// new records in multi-row batches — inside one write transaction. The first row error stops the
// writing but not the checking, so every error is still listed; then the transaction is rolled
// back, which is what makes the import all-or-nothing. A dry run reads in a read transaction.
Outcome<ImportSummary> run_import(store::Database& db, const Actor& actor,
                                  const domain::KindDef& kind, ImportSource& source,
                                  const ImportOptions& options) {
  ImportSummary summary;
  summary.format = source.format();
  std::size_t list_room = kMaxListedErrors;  // errors are listed while there are fewer than this
  auto add_error = [&](std::size_t row, std::string column, std::string value, domain::Error why) {
    ++summary.error_count;
    if (summary.errors.size() < list_room) {
      if (value.size() > 200) value.resize(200);
      summary.errors.push_back(
          {row, std::move(column), std::move(value), std::move(why.message), std::move(why.code), std::move(why.params)});
    }
  };
  const auto refusal = [](const domain::FieldMessageDef& def, domain::ErrorParams params = {}) {
    return domain::refusal(def, std::move(params));
  };
  std::vector<std::string> cells;

  // Header → fields; every required field needs a column.
  std::vector<std::optional<Column>> columns;
  std::set<std::string> seen;
  for (const auto& h : source.header()) {
    const auto* f = field_for_header(kind, h);
    if (!f) {
      if (const auto* other = field_in_another_unit(kind, h)) {
        const std::string en_unit(domain::unit_in_english(other->unit));
        add_error(1, h, h,
                  other->unit.empty()
                      ? refusal(fmsg::column_no_unit)
                      : refusal(fmsg::column_unit,
                                {{"unit_zh", other->unit}, {"unit_en", en_unit.empty() ? other->unit : en_unit}}));
      } else if (!h.empty()) {
        add_error(1, h, h, refusal(fmsg::column_unknown, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}));
      }
      columns.emplace_back();
      continue;
    }
    if (!seen.insert(f->name).second) add_error(1, h, h, refusal(fmsg::column_duplicate));
    columns.push_back(Column{f, static_cast<std::size_t>(f - kind.fields.data())});
  }
  for (const auto& f : kind.fields) {
    const bool key = std::find(kind.natural_key.begin(), kind.natural_key.end(), f.name) !=
                     kind.natural_key.end();
    if (f.required && !seen.contains(f.name) && (key || !options.update)) {
      add_error(1, f.name, "", refusal(fmsg::column_missing));
    }
  }
  if (summary.error_count > 0) {
    // Still read to the end: the summary counts the rows, and a damaged file is refused whole.
    for (;;) {
      auto more = source.next(cells);
      if (!more) return unreadable(more.error());
      if (!more.value()) break;
    }
    summary.rows = source.rows();
    return summary;
  }

  auto conn = db.acquire();
  ReferenceResolver references(*conn, actor.district_prefix());
  store::RecordStore records(*conn, kind);
  const auto key_fields = key_fields_of(kind);
  StoredKeys stored(records, key_fields);
  io::FileKeys keys_in_file;
  const bool committing = !options.dry_run;
  // Set before the transaction begins and restored after it ends (declared first).
  std::optional<store::BulkWriteSettings> bulk_settings;
  if (committing) bulk_settings.emplace(*conn);
  // Rolled back unless committed below: nothing of a refused import remains. A dry run reads in
  // one read transaction, not one per lookup.
  Transaction transaction(*conn, committing ? Transaction::Kind::write : Transaction::Kind::read);
  // While it holds the write lock, the import is registered (committed on another connection),
  // so a writer it locks out and /health can say which import it is and how far it has got.
  // Declared after `transaction`, so it is removed before the rollback's WAL checkpoint runs.
  std::optional<store::ImportRunRecord> run;
  if (committing) {
    // The import waits for the lock of any row a web writer holds; web writers give up after
    // kPostgresLockTimeoutMs and are told about this import.
    store::wait_for_row_locks(*conn);
    run.emplace(db, kind.name, options.source.empty() ? "upload" : options.source,
                options.started_by.empty() ? actor.username : options.started_by);
  }
  using Clock = std::chrono::steady_clock;
  auto last_report = Clock::now();
  std::size_t last_reported_rows = 0;
  auto report_progress = [&] {
    const std::size_t rows = source.rows();
    if (run) run->set_rows(rows);
    if (!options.on_progress) return;
    const auto now = Clock::now();
    if (rows - last_reported_rows >= options.progress_rows ||
        now - last_report >= std::chrono::seconds(options.progress_seconds)) {
      last_report = now;
      last_reported_rows = rows;
      options.on_progress(rows);
    }
  };
  std::optional<store::RecordAppender> appender;
  if (committing) {
    // A new record has NULL in every field the file has no column for: only the file's are written.
    std::vector<std::size_t> written;
    for (const auto& c : columns) {
      if (c) written.push_back(c->field_index);
    }
    // …and the district, which the import may fill in (fill_district) when the file leaves it out.
    const std::size_t district = kind.index_of(kind.region_scope);
    const auto* district_field = kind.field(kind.region_scope);
    if (district_field && district_field->type == FieldType::region_code &&
        std::find(written.begin(), written.end(), district) == written.end()) {
      written.push_back(district);
    }
    appender.emplace(*conn, kind, std::move(written));
  }
  auto writing = [&] { return committing && summary.error_count == 0; };

  // Rows go through in small groups and three steps — read; parse and hash the key; check and
  // write — so that each row's lookups in the big hash tables (reference cache, keys in the file,
  // stored keys: a likely cache miss each) are prefetched while the group's other rows are worked
  // on. Errors are still listed in row order: see the sort at the end of a group.
  struct Entry {
    std::vector<std::string> cells;
    std::size_t row = 0;
    store::Record record;
    std::string key;
    std::uint64_t hash = 0;
    bool ok = false;
  };
  constexpr std::size_t kGroup = 16;
  std::vector<Entry> group(kGroup);
  for (auto& e : group) e.record.cells.resize(kind.fields.size());
  std::vector<std::size_t> reference_columns;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c] && columns[c]->field->type == FieldType::reference)
      reference_columns.push_back(c);
  }

  // Parses a row into its record; reports its errors and returns false when it has any.
  auto parse_row = [&](Entry& e) {
    auto& record = e.record;
    const auto& cells = e.cells;
    record.id = 0;
    std::fill(record.cells.begin(), record.cells.end(), domain::Cell{});
    bool ok = true;
    auto fail = [&](std::string column, std::string value, domain::Error why) {
      ok = false;
      add_error(e.row, std::move(column), std::move(value), std::move(why));
    };
    if (cells.size() > columns.size()) fail("", "", refusal(fmsg::row_extra_cells));
    for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
      if (!columns[c]) continue;
      const auto& f = *columns[c]->field;
      const std::string* text = &cells[c];
      std::string date;
      if (source.from_xlsx() && f.type == FieldType::date) {
        if (auto d = io::excel_serial_to_date(*text)) {
          date = std::move(*d);
          text = &date;
        }
      }
      if (f.type == FieldType::reference && !text->empty()) {
        std::optional<domain::Error> why;
        auto id = references.resolve(f, *text, why);
        if (!id)
          fail(f.name, *text, std::move(*why));
        else
          record.cells[columns[c]->field_index] = *id;
        continue;
      }
      // Free text comes back from an export with its formula guard (io/spreadsheet_text.hpp).
      auto cell = domain::parse_cell(f, f.type == FieldType::text ? io::restore_formula(*text) : *text);
      if (!cell)
        fail(f.name, *text, cell.error());
      else
        record.cells[columns[c]->field_index] = std::move(cell.value());
    }
    return ok;
  };
  // Required values and totals are checked on the record as it will be stored (after overlaying an existing
  // one), so an update file may leave out columns it does not change.
  // …and so is the district: filled from the enterprise or a district importer's scope, and
  // inside the importer's scope.
  auto has_required = [&](Entry& e) {
    fill_district(*conn, actor, kind, e.record);
    auto errors = check_complete(kind, e.record);
    if (errors.empty()) errors = check_district(actor, kind, e.record);
    for (const auto& err : errors) add_error(e.row, err.field, "", {err.code, err.message, err.params});
    return errors.empty();
  };
  // An existing record keeps the values of columns the file does not have.
  auto overlay = [&](const store::Record& existing, store::Record& record) {
    std::vector<domain::Cell> merged = existing.cells;
    for (const auto& c : columns) {
      if (c) merged[c->field_index] = std::move(record.cells[c->field_index]);
    }
    record.cells = std::move(merged);
    record.id = existing.id;
  };
  // Decides what a parsed row does and, while the import is still clean, does it.
  auto check_and_write = [&](Entry& e) {
    const std::size_t row = e.row;
    auto& record = e.record;
    if (kind.natural_key.empty()) {
      if (!has_required(e)) return;
      ++summary.created;
      if (writing()) appender->add(record);
      return;
    }
    if (const std::size_t first = keys_in_file.insert(e.key, e.hash, row); first != 0) {
      add_error(row, kind.natural_key.front(), "",
                refusal(fmsg::row_duplicate, {{"row", static_cast<std::int64_t>(first)}}));
      return;
    }
    auto existing = stored.find(record, e.hash);
    if (!existing) {
      if (!has_required(e)) return;
      ++summary.created;
      if (writing()) appender->add(record);
      return;
    }
    if (!in_actor_scope(records, actor, existing->id)) {
      add_error(row, kind.natural_key.front(), "", refusal(fmsg::row_other_district));
      return;
    }
    overlay(*existing, record);
    if (!has_required(e)) return;
    if (existing->cells == record.cells) {
      ++summary.unchanged;
      return;
    }
    if (!options.update) {
      add_error(row, kind.natural_key.front(), "", refusal(fmsg::row_record_differs, {{"id", existing->id}}));
      return;
    }
    ++summary.updated;
    if (!writing()) return;
    // Deleted since it was found (possible on PostgreSQL): a row error, so nothing is written.
    if (!records.update(record)) {
      add_error(row, kind.natural_key.front(), "", refusal(fmsg::row_record_deleted, {{"id", existing->id}}));
      return;
    }
    // Updates keep their field-level history; creations are summarised below.
    append_audit(*conn, actor, kind.name + ".update", kind.name, std::to_string(existing->id),
                 boost::json::value(record_to_json(kind, *existing)),
                 boost::json::value(record_to_json(kind, *records.get(existing->id))));
  };

  for (bool at_end = false; !at_end;) {
    std::size_t n = 0;
    for (; n < kGroup; ++n) {
      auto more = source.next(group[n].cells);
      if (!more) return unreadable(more.error());  // the transaction is rolled back
      if (!more.value()) {
        at_end = true;
        break;
      }
      group[n].row = source.row_number();
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (auto c : reference_columns) {
        if (c < group[i].cells.size()) references.prefetch(*columns[c]->field, group[i].cells[c]);
      }
    }
    // The group's errors are listed even past the limit, put in row order, then cut to it.
    const std::size_t first_error = summary.errors.size();
    if (first_error < kMaxListedErrors) list_room = SIZE_MAX;
    for (std::size_t i = 0; i < n; ++i) {
      auto& e = group[i];
      e.ok = parse_row(e);
      if (!e.ok || kind.natural_key.empty()) continue;
      e.key.clear();
      io::encode_key(e.key, e.record.cells, key_fields);
      e.hash = io::hash_key(e.key);
      keys_in_file.prefetch(e.hash);
      stored.prefetch(e.hash);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (group[i].ok) check_and_write(group[i]);
    }
    if (summary.errors.size() > first_error) {
      std::stable_sort(summary.errors.begin() + static_cast<std::ptrdiff_t>(first_error),
                       summary.errors.end(),
                       [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
      if (summary.errors.size() > kMaxListedErrors) summary.errors.resize(kMaxListedErrors);
    }
    list_room = kMaxListedErrors;
    report_progress();
  }
  summary.rows = source.rows();
  if (summary.error_count > 0 || options.dry_run) {
    if (summary.error_count > 0) summary.created = summary.updated = summary.unchanged = 0;
    return summary;  // rolled back: nothing was written
  }
  appender->flush();
  boost::json::object info{{"format", summary.format},       {"rows", summary.rows},
                           {"created", summary.created},     {"updated", summary.updated},
                           {"unchanged", summary.unchanged}, {"sha256", source.sha256()}};
  append_audit(*conn, actor, kind.name + ".import", kind.name, "*", std::nullopt,
               boost::json::value(info));
  transaction.commit();
  run.reset();
  summary.committed = true;
  // A large import changes the data's shape; refresh the planner's statistics for this table.
  if (summary.created + summary.updated >= 1000) store::refresh_statistics(*conn, kind.table);
  return summary;
}

// run_import, and the audit record of an import whose rows had errors (app/registry/import/
// failed_imports.hpp): nothing of it was written, so the attempt is recorded instead.
Outcome<ImportSummary> run_and_record(store::Database& db, const Actor& actor, const domain::KindDef& kind,
                                      ImportSource& source, const ImportOptions& options) {
  auto result = run_import(db, actor, kind, source, options);
  if (result && !options.dry_run && result->error_count > 0) {
    record_failed_import(db, actor, kind, result.value(), options.source, source.sha256());
  }
  return result;
}

}  // namespace

Outcome<ImportSummary> import_records(store::Database& db, const Actor& actor,
                                      const domain::KindDef& kind, std::string_view bytes,
                                      const ImportOptions& options) {
  if (auto p = may_import(actor, kind)) return *p;
  auto source = ImportSource::from_bytes(bytes, options.max_bytes, options.max_rows);
  if (!source) return unreadable(source.error());
  return run_and_record(db, actor, kind, source.value(), options);
}

Outcome<ImportSummary> import_records_file(store::Database& db, const Actor& actor,
                                           const domain::KindDef& kind, const std::string& path,
                                           const ImportOptions& options) {
  if (auto p = may_import(actor, kind)) return *p;
  auto source = ImportSource::from_file(path, options.max_bytes, options.max_rows);
  if (!source) return unreadable(source.error());
  if (options.source.empty()) {
    ImportOptions named = options;
    named.source = std::filesystem::path(path).filename().string();
    return run_and_record(db, actor, kind, source.value(), named);
  }
  return run_and_record(db, actor, kind, source.value(), options);
}

}  // namespace kc::app
