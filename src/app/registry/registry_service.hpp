// Use cases over every registry kind: list, read, create, update, delete and field-level history,
// with role checks from the kind's declaration, enterprise data scope, validation that names the
// field and the reason, and an audit record for every change.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "domain/registry_kind.hpp"
#include "store/database.hpp"
#include "store/record_store.hpp"

namespace kc::app {

struct RecordList {
  std::string q;
  std::map<std::string, std::string> filters;  // field → text form of the value
  std::string sort;                            // field name, "-field" for descending
  store::Page page;
  std::int64_t after_id = 0;                   // keyset paging (exports)
  std::vector<std::int64_t> ids;               // only these records (selected rows); at most kMaxSelectedIds
};

// The most rows one request may name (a batch export of the rows selected on a list).
inline constexpr std::size_t kMaxSelectedIds = 1000;

struct RecordPage {
  std::vector<store::Record> items;
  std::int64_t total = 0;
};

// Field name → text form of the new value; an empty text clears the field.
using FieldValues = std::map<std::string, std::string>;

struct FieldChange {
  std::string field;
  boost::json::value before;
  boost::json::value after;
};

struct HistoryEntry {
  std::int64_t audit_id = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::vector<FieldChange> changes;
};

class RegistryService {
 public:
  explicit RegistryService(store::Database& db) : db_(db) {}

  Outcome<RecordPage> list(const Actor& actor, const domain::KindDef& kind, const RecordList& request);
  Outcome<store::Record> get(const Actor& actor, const domain::KindDef& kind, std::int64_t id);
  Outcome<store::Record> create(const Actor& actor, const domain::KindDef& kind, const FieldValues& values);
  Outcome<store::Record> update(const Actor& actor, const domain::KindDef& kind, std::int64_t id,
                                const FieldValues& values);
  Status remove(const Actor& actor, const domain::KindDef& kind, std::int64_t id);
  // create and update inside a transaction the caller holds on `conn` (approving a submission
  // claims it and writes its record in one transaction). A problem leaves the caller to roll back.
  Outcome<store::Record> create_in(store::Connection& conn, const Actor& actor, const domain::KindDef& kind,
                                   const FieldValues& values);
  Outcome<store::Record> update_in(store::Connection& conn, const Actor& actor, const domain::KindDef& kind,
                                   std::int64_t id, const FieldValues& values);
  Outcome<std::vector<HistoryEntry>> history(const Actor& actor, const domain::KindDef& kind, std::int64_t id);

 private:
  store::Database& db_;
};

// The JSON form of a record: typed values (amounts as exact decimal strings in 万元).
boost::json::object record_to_json(const domain::KindDef& kind, const store::Record& record);

}  // namespace kc::app
