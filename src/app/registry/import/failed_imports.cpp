#include "app/registry/import/failed_imports.hpp"

#include <boost/json.hpp>

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "app/transaction.hpp"
#include "domain/timestamp.hpp"
#include "store/audit_repository.hpp"

namespace kc::app {
namespace {

constexpr std::size_t kErrorsKept = 5;
constexpr const char* kSuffix = ".import_failed";

std::string text_of(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t number_of(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : v && v->is_uint64() ? static_cast<std::int64_t>(v->as_uint64()) : 0;
}

FailedImport to_failed(const store::AuditRow& row) {
  FailedImport f{row.id, row.at, row.actor, row.entity, "", 0, 0, {}};
  if (!row.after_json) return f;
  auto parsed = boost::json::parse(*row.after_json);
  if (!parsed.is_object()) return f;
  const auto& o = parsed.as_object();
  f.source = text_of(o, "source");
  f.rows = number_of(o, "rows");
  f.error_count = number_of(o, "error_count");
  if (auto* errors = o.if_contains("errors"); errors && errors->is_array()) {
    for (const auto& e : errors->as_array()) {
      if (!e.is_object()) continue;
      const auto& eo = e.as_object();
      ImportError error{static_cast<std::size_t>(number_of(eo, "row")), text_of(eo, "column"), text_of(eo, "value"),
                        text_of(eo, "reason"), text_of(eo, "code"), {}};
      if (auto* params = eo.if_contains("params"); params && params->is_object()) {
        for (const auto& [name, value] : params->as_object()) {
          if (value.is_int64()) error.params.emplace_back(std::string(name), value.as_int64());
          else if (value.is_string()) error.params.emplace_back(std::string(name), std::string(value.as_string()));
        }
      }
      f.first_errors.push_back(std::move(error));
    }
  }
  return f;
}

}  // namespace

void record_failed_import(store::Database& db, const Actor& actor, const domain::KindDef& kind,
                          const ImportSummary& summary, const std::string& source, const std::string& sha256) {
  boost::json::array errors;
  for (std::size_t i = 0; i < summary.errors.size() && i < kErrorsKept; ++i) {
    const auto& e = summary.errors[i];
    // The code and params with the English reason, so the to-do shows the error in the reader's language.
    boost::json::object params;
    for (const auto& [name, value] : e.params) {
      if (const auto* n = std::get_if<std::int64_t>(&value)) params[name] = *n;
      else params[name] = std::get<std::string>(value);
    }
    errors.push_back({{"row", e.row}, {"column", e.column}, {"value", e.value}, {"reason", e.reason}, {"code", e.code},
                      {"params", std::move(params)}});
  }
  const boost::json::object info{{"source", source.empty() ? "upload" : source},
                                 {"format", summary.format},
                                 {"sha256", sha256},
                                 {"rows", summary.rows},
                                 {"error_count", summary.error_count},
                                 {"errors", std::move(errors)}};
  auto conn = db.acquire();
  Transaction transaction(*conn);
  append_audit(*conn, actor, kind.name + kSuffix, kind.name, "*", std::nullopt, boost::json::value(info));
  transaction.commit();
}

Outcome<std::vector<FailedImport>> recent_failed_imports(store::Database& db, const Actor& actor) {
  if (actor.role != Role::admin && actor.role != Role::staff) return Problem::forbidden({msg::staff_import_records});
  // An unscoped administrator oversees everyone's; anyone else sees the imports they ran, whose
  // rows (and errors) lie in their own scope.
  const bool everyone = actor.role == Role::admin && !actor.region;
  const std::string since = domain::to_iso_utc(domain::now_epoch_seconds() - kFailedImportDays * 86400LL);
  auto conn = db.acquire();
  std::vector<FailedImport> out;
  for (const auto& row : store::AuditRepository(*conn).recent_with_action_suffix(
           kSuffix, everyone ? std::string() : actor.username, since, kFailedImportsListed)) {
    out.push_back(to_failed(row));
  }
  return out;
}

}  // namespace kc::app
