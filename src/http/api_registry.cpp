#include <charconv>
#include <sstream>

#include "app/messages.hpp"
#include "app/registry/import/failed_imports.hpp"
#include "app/registry/import/registry_import.hpp"
#include "app/registry/kind_access.hpp"
#include "app/registry/registry_export.hpp"
#include "app/registry/registry_service.hpp"
#include "app/registry/submission_service.hpp"
#include "domain/decimal.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/scratch_file.hpp"
#include "http/xlsx_download.hpp"
#include "io/registry_template.hpp"

namespace kc::http {
namespace {

app::Outcome<const domain::KindDef*> kind_of(const Exchange& ex) {
  const auto* kind = domain::find_kind(ex.params.at("kind"));
  if (!kind) return app::Problem::not_found({app::msg::no_kind, {{"kind", ex.params.at("kind")}}});
  return kind;
}

// JSON values to the text form the declarations parse; numbers keep their exact spelling.
app::Outcome<app::FieldValues> field_values(const boost::json::object& body) {
  app::FieldValues values;
  std::vector<app::FieldError> errors;
  for (const auto& kv : body) {
    const std::string name(kv.key());
    const auto& v = kv.value();
    if (v.is_null()) values[name] = "";
    else if (v.is_string()) values[name] = std::string(v.as_string());
    else if (v.is_int64()) values[name] = std::to_string(v.as_int64());
    else if (v.is_uint64()) values[name] = std::to_string(v.as_uint64());
    else if (v.is_bool()) values[name] = v.as_bool() ? "true" : "false";
    else if (v.is_double()) {
      auto d = domain::Decimal::from_double(v.as_double());
      if (!d) errors.push_back({name, "must be a number with at most 4 decimals"});
      else values[name] = d->to_string();
    } else {
      errors.push_back({name, "must be a single value"});
    }
  }
  if (!errors.empty()) return app::Problem::validation(std::move(errors));
  return values;
}

boost::json::object kind_json(const domain::KindDef& k, const app::Actor& actor) {
  boost::json::array fields;
  for (const auto& f : k.fields) {
    boost::json::object o{{"name", f.name},       {"type", std::string(domain::to_string(f.type))},
                          {"zh", f.zh},           {"en", f.en},
                          {"required", f.required}, {"unit", f.unit},
                          {"searchable", f.searchable}, {"filterable", f.filterable}};
    if (f.type == domain::FieldType::text) {
      o["max_length"] = f.max_length;
      o["multiline"] = f.multiline();
    }
    if (f.type == domain::FieldType::integer || f.type == domain::FieldType::decimal) {
      o["min"] = f.min;
      o["max"] = f.max;
      if (f.calendar_year) o["calendar_year"] = true;
    }
    if (f.type == domain::FieldType::reference) o["references"] = f.references;
    if (!f.choices.empty()) {
      boost::json::array choices;
      for (const auto& c : f.choices) choices.push_back({{"value", c.value}, {"zh", c.zh}, {"en", c.en}});
      o["choices"] = std::move(choices);
    }
    fields.push_back(std::move(o));
  }
  boost::json::array key;
  for (const auto& n : k.natural_key) key.push_back(boost::json::value(n));
  const bool writable = app::can_write(actor, k);
  boost::json::object kind{{"name", k.name},      {"zh", k.zh},         {"en", k.en},
                           {"fields", std::move(fields)}, {"natural_key", std::move(key)},
                           {"title_field", k.title_field}, {"writable", writable},
                           {"region_scope", k.region_scope}};
  if (!k.sums.empty()) {  // totals the server fills in from their parts, or checks against them
    boost::json::array sums;
    for (const auto& sum : k.sums) {
      boost::json::array parts;
      for (const auto& p : sum.parts) parts.push_back(boost::json::value(p));
      sums.push_back({{"total", sum.total}, {"parts", std::move(parts)}});
    }
    kind["sums"] = std::move(sums);
  }
  // What this role may file for staff confirmation (SubmissionService::submit's rules): edits of
  // its own records, and new ones except enterprises themselves, which the bureau registers.
  if (app::needs_confirmation(actor, k)) {
    kind["submit"] = {{"create", k.enterprise_scope != "id"}, {"edit", true}};
  }
  return kind;
}


app::RecordList list_request(const Exchange& ex, std::initializer_list<const char*> reserved) {
  app::RecordList request;
  for (const auto& [key, value] : ex.query) {
    if (key == "q") request.q = value.substr(0, 200);
    else if (key == "sort") request.sort = value;
    else if (std::find_if(reserved.begin(), reserved.end(), [&](const char* r) { return key == r; }) == reserved.end()) {
      request.filters[key] = value;
    }
  }
  return request;
}

// `ids=3,5,8`: the rows a user selected (at most app::kMaxSelectedIds); absent: no such filter.
app::Outcome<std::vector<std::int64_t>> selected_ids(const Exchange& ex) {
  std::vector<std::int64_t> ids;
  const auto it = ex.query.find("ids");
  if (it == ex.query.end()) return ids;
  const std::string& text = it->second;
  if (text.size() > app::kMaxSelectedIds * 21) {
    return app::Problem::validation({app::field_error(
        "ids", domain::fmsg::list_too_many_ids, {{"max", static_cast<std::int64_t>(app::kMaxSelectedIds)}})});
  }
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    const std::string item = text.substr(at, comma - at);
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), id);
    if (item.empty() || ec != std::errc{} || end != item.data() + item.size() || id <= 0) {
      return app::Problem::validation({app::field_error("ids", domain::fmsg::list_bad_ids)});
    }
    ids.push_back(id);
    at = comma + 1;
  }
  return ids;
}

boost::json::object summary_json(const app::ImportSummary& s) {
  boost::json::array errors;
  for (const auto& e : s.errors) {
    boost::json::object error{{"row", e.row}, {"column", e.column}, {"value", e.value}, {"reason", e.reason}};
    if (!e.code.empty()) {
      error["code"] = e.code;
      error["params"] = params_json(e.params);
    }
    errors.push_back(std::move(error));
  }
  return {{"format", s.format},       {"rows", s.rows},           {"created", s.created},
          {"updated", s.updated},     {"unchanged", s.unchanged}, {"error_count", s.error_count},
          {"errors", std::move(errors)}, {"committed", s.committed}};
}

// The header row of an export or template: `headers=names` (default, what scripts read),
// `zh` or `en` (labels with units, what a clerk reads; the web sends its language).
app::Outcome<domain::HeaderLanguage> header_language(const Exchange& ex) {
  if (auto h = domain::parse_header_language(ex.query_value("headers", "names"))) return *h;
  return app::Problem::validation({app::field_error("headers", domain::fmsg::list_header_language)});
}

app::Outcome<app::ImportSummary> run_import(Services& s, Exchange& ex, const domain::KindDef& kind, bool dry_run) {
  app::ImportOptions options;
  options.dry_run = dry_run || ex.query_value("dry_run") == "true";
  options.update = ex.query_value("update") == "true";
  // The uploaded file's name (the web sends it), shown by /health and in a failed import's record.
  std::string file = ex.query_value("file");
  if (file.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(file[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    file.resize(cut);
  }
  options.source = file;
  return app::import_records(s.db, ex.actor, kind, ex.request.body(), options);
}

}  // namespace

void add_registry_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/registry/kinds", Access::signed_in, {},
              "The registry kinds this user may read, with their fields", [](Exchange& ex) {
                boost::json::array kinds;
                for (const auto& k : domain::registry_kinds()) {
                  if (!app::can_read(ex.actor, k)) continue;
                  if (ex.actor.role == app::Role::enterprise && k.enterprise_scope.empty()) continue;
                  kinds.push_back(kind_json(k, ex.actor));
                }
                return json_response(ex.request, beast_http::status::ok, {{"kinds", std::move(kinds)}});
              }}).revalidate();
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}", Access::signed_in, {},
              "List records of a kind: q, sort, page, page_size and filters by field", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                app::RecordList request = list_request(ex, {"page", "page_size"});
                request.page = page.value();
                auto result = s.registry.list(ex.actor, *kind.value(), request);
                return respond(ex, result, [&](app::RecordPage& p) {
                  boost::json::array items;
                  for (const auto& r : p.items) items.push_back(app::record_to_json(*kind.value(), r));
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"items", std::move(items)},
                                        {"total", p.total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
                });
              }}).revalidate();
  router.add({beast_http::verb::post, "/api/v1/registry/{kind}", Access::signed_in, {}, "Create a record",
              [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                auto values = field_values(body.value());
                if (!values) return problem_response(ex.request, values.problem());
                if (app::needs_confirmation(ex.actor, *kind.value())) {
                  auto filed = s.submissions.submit(ex.actor, *kind.value(), std::nullopt, values.value());
                  return respond(ex, filed, [&](app::Submission& sub) {
                    return json_response(ex.request, beast_http::status::accepted,
                                         {{"submission", app::submission_to_json(sub)}});
                  });
                }
                auto created = s.registry.create(ex.actor, *kind.value(), values.value());
                return respond(ex, created, [&](store::Record& r) {
                  return json_response(ex.request, beast_http::status::created, app::record_to_json(*kind.value(), r));
                });
              }});
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}/export", Access::signed_in, {},
              "Export the records matching a list filter (format=csv|xlsx, headers=names|zh|en)", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                const std::string format = ex.query_value("format", "xlsx");
                auto headers = header_language(ex);
                if (!headers) return problem_response(ex.request, headers.problem());
                auto request = list_request(ex, {"format", "headers", "page", "page_size", "ids"});
                auto ids = selected_ids(ex);
                if (!ids) return problem_response(ex.request, ids.problem());
                request.ids = std::move(ids.value());
                const std::string name = kind.value()->name + "." + format;
                if (format == "csv") {
                  std::ostringstream out;
                  auto status = app::export_records_csv(s.db, ex.actor, *kind.value(), request, out, headers.value());
                  if (!status) return problem_response(ex.request, status.problem());
                  return download(ex.request, out.str(), "text/csv; charset=utf-8", name);
                }
                if (format != "xlsx") {
                  return problem_response(ex.request, app::Problem::validation({app::field_error(
                                                          "format", domain::fmsg::not_choice, {{"allowed", "csv, xlsx"}})}));
                }
                ScratchFile file;
                auto status = app::export_records_xlsx(s.db, ex.actor, *kind.value(), request, file.path(), headers.value());
                if (!status) return problem_response(ex.request, status.problem());
                return download(ex.request, file.read(), kXlsxType, name);
              }}).heavy();
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}/template", Access::signed_in, {},
              "The XLSX import template of a kind (headers=names|zh|en)", [](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                if (auto p = app::may_import(ex.actor, *kind.value())) return problem_response(ex.request, *p);
                auto headers = header_language(ex);
                if (!headers) return problem_response(ex.request, headers.problem());
                return xlsx_download(ex.request, kind.value()->name + "-template.xlsx",
                                     [&](const std::filesystem::path& path) {
                                       return io::write_registry_template(*kind.value(), path, headers.value());
                                     });
              }});
  router.add({beast_http::verb::post, "/api/v1/registry/{kind}/import", Access::signed_in, {},
              "Import a CSV or XLSX file sent as the body (dry_run=true, update=true)", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto result = run_import(s, ex, *kind.value(), false);
                return respond(ex, result, [&](app::ImportSummary& summary) {
                  return json_response(ex.request, beast_http::status::ok, summary_json(summary));
                });
              }}).heavy().large_body();
  router.add({beast_http::verb::post, "/api/v1/registry/{kind}/import/errors", Access::signed_in, {},
              "Check a file (nothing is written) and download its row errors as XLSX", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto result = run_import(s, ex, *kind.value(), true);
                if (!result) return problem_response(ex.request, result.problem());
                return xlsx_table(ex.request, kind.value()->name + "-errors.xlsx", "errors",
                                  {{"row", 8}, {"column", 20}, {"value", 30}, {"reason", 60}},
                                  [&](io::XlsxWriter& writer) -> domain::Status {
                                    for (const auto& e : result->errors) {
                                      auto st = writer.write_row({static_cast<double>(e.row), e.column, e.value, e.reason});
                                      if (!st) return st;
                                    }
                                    return domain::ok();
                                  });
              }}).heavy().large_body();
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}/{id}", Access::signed_in, {}, "Read a record",
              [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = path_id(ex, "id", app::msg::no_such_id);
                if (!id) return problem_response(ex.request, id.problem());
                auto record = s.registry.get(ex.actor, *kind.value(), id.value());
                return respond(ex, record, [&](store::Record& r) {
                  return json_response(ex.request, beast_http::status::ok, app::record_to_json(*kind.value(), r));
                });
              }}).revalidate();
  router.add({beast_http::verb::patch, "/api/v1/registry/{kind}/{id}", Access::signed_in, {},
              "Change fields of a record", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = path_id(ex, "id", app::msg::no_such_id);
                if (!id) return problem_response(ex.request, id.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                auto values = field_values(body.value());
                if (!values) return problem_response(ex.request, values.problem());
                if (app::needs_confirmation(ex.actor, *kind.value())) {
                  auto filed = s.submissions.submit(ex.actor, *kind.value(), id.value(), values.value());
                  return respond(ex, filed, [&](app::Submission& sub) {
                    return json_response(ex.request, beast_http::status::accepted,
                                         {{"submission", app::submission_to_json(sub)}});
                  });
                }
                auto updated = s.registry.update(ex.actor, *kind.value(), id.value(), values.value());
                return respond(ex, updated, [&](store::Record& r) {
                  return json_response(ex.request, beast_http::status::ok, app::record_to_json(*kind.value(), r));
                });
              }});
  router.add({beast_http::verb::delete_, "/api/v1/registry/{kind}/{id}", Access::signed_in, {},
              "Delete a record nothing depends on", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = path_id(ex, "id", app::msg::no_such_id);
                if (!id) return problem_response(ex.request, id.problem());
                auto status = s.registry.remove(ex.actor, *kind.value(), id.value());
                if (!status) return problem_response(ex.request, status.problem());
                return no_content(ex.request);
              }});
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}/{id}/history", Access::signed_in, {},
              "Field-level history of a record from the audit log", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = path_id(ex, "id", app::msg::no_such_id);
                if (!id) return problem_response(ex.request, id.problem());
                auto history = s.registry.history(ex.actor, *kind.value(), id.value());
                return respond(ex, history, [&](std::vector<app::HistoryEntry>& entries) {
                  boost::json::array items;
                  for (const auto& h : entries) {
                    boost::json::array changes;
                    for (const auto& c : h.changes) {
                      changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
                    }
                    items.push_back({{"audit_id", h.audit_id}, {"at", h.at}, {"actor", h.actor},
                                     {"action", h.action}, {"changes", std::move(changes)}});
                  }
                  return json_response(ex.request, beast_http::status::ok, {{"items", std::move(items)}});
                });
              }});
  // The staff home page's 待办: the recent imports that failed (app/registry/import/failed_imports.hpp).
  router.add({beast_http::verb::get, "/api/v1/imports/failed", Access::roles, {app::Role::admin, app::Role::staff},
              "Imports that failed in the last 30 days: the user's own (an unscoped administrator's: everyone's)",
              [&s](Exchange& ex) {
                auto result = app::recent_failed_imports(s.db, ex.actor);
                return respond(ex, result, [&](std::vector<app::FailedImport>& items) {
                  boost::json::array out;
                  for (const auto& f : items) {
                    const auto* kind = domain::find_kind(f.kind);
                    boost::json::array errors;
                    for (const auto& e : f.first_errors) {
                      errors.push_back({{"row", e.row}, {"column", e.column}, {"value", e.value}, {"reason", e.reason},
                                        {"code", e.code}, {"params", params_json(e.params)}});
                    }
                    out.push_back({{"audit_id", f.audit_id},
                                   {"at", f.at},
                                   {"actor", f.actor},
                                   {"kind", f.kind},
                                   {"zh", kind ? kind->zh : f.kind},
                                   {"en", kind ? kind->en : f.kind},
                                   {"source", f.source},
                                   {"rows", f.rows},
                                   {"error_count", f.error_count},
                                   {"errors", std::move(errors)}});
                  }
                  return json_response(ex.request, beast_http::status::ok,
                                       {{"items", std::move(out)}, {"days", app::kFailedImportDays}});
                });
              }});
}

}  // namespace kc::http
