#include "app/registry_service.hpp"
#include "domain/decimal.hpp"
#include "domain/registry_kinds.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"

namespace kc::http {
namespace {

app::Outcome<const domain::KindDef*> kind_of(const Exchange& ex) {
  const auto* kind = domain::find_kind(ex.params.at("kind"));
  if (!kind) return app::Problem::not_found("No registry kind named " + ex.params.at("kind") + ".");
  return kind;
}

app::Outcome<std::int64_t> record_id(const Exchange& ex) {
  const std::string& text = ex.params.at("id");
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<std::int64_t>(id);
  } catch (const std::exception&) {
  }
  return app::Problem::not_found("No record with id " + text + ".");
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

boost::json::object kind_json(const domain::KindDef& k, app::Role role) {
  boost::json::array fields;
  for (const auto& f : k.fields) {
    boost::json::object o{{"name", f.name},       {"type", std::string(domain::to_string(f.type))},
                          {"zh", f.zh},           {"en", f.en},
                          {"required", f.required}, {"unit", f.unit},
                          {"searchable", f.searchable}, {"filterable", f.filterable}};
    if (f.type == domain::FieldType::text) o["max_length"] = f.max_length;
    if (f.type == domain::FieldType::integer) {
      o["min"] = f.min;
      o["max"] = f.max;
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
  const auto role_name = std::string(app::to_string(role));
  const bool writable = std::find(k.write_roles.begin(), k.write_roles.end(), role_name) != k.write_roles.end();
  return {{"name", k.name},      {"zh", k.zh},         {"en", k.en},
          {"fields", std::move(fields)}, {"natural_key", std::move(key)},
          {"title_field", k.title_field}, {"writable", writable}};
}

}  // namespace

void add_registry_routes(Router& router, Services& s) {
  router.add({beast_http::verb::get, "/api/v1/registry/kinds", Access::signed_in, {},
              "The registry kinds this user may read, with their fields", [](Exchange& ex) {
                boost::json::array kinds;
                for (const auto& k : domain::registry_kinds()) {
                  const auto role_name = std::string(app::to_string(ex.actor.role));
                  if (std::find(k.read_roles.begin(), k.read_roles.end(), role_name) == k.read_roles.end()) continue;
                  if (ex.actor.role == app::Role::enterprise && k.enterprise_scope.empty()) continue;
                  kinds.push_back(kind_json(k, ex.actor.role));
                }
                return json_response(ex.request, beast_http::status::ok, {{"kinds", std::move(kinds)}});
              }});
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}", Access::signed_in, {},
              "List records of a kind: q, sort, page, page_size and filters by field", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto page = read_page(ex);
                if (!page) return problem_response(ex.request, page.problem());
                app::RecordList request;
                request.page = page.value();
                for (const auto& [key, value] : ex.query) {
                  if (key == "q") request.q = value.substr(0, 200);
                  else if (key == "sort") request.sort = value;
                  else if (key != "page" && key != "page_size") request.filters[key] = value;
                }
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
              }});
  router.add({beast_http::verb::post, "/api/v1/registry/{kind}", Access::signed_in, {}, "Create a record",
              [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                auto values = field_values(body.value());
                if (!values) return problem_response(ex.request, values.problem());
                auto created = s.registry.create(ex.actor, *kind.value(), values.value());
                return respond(ex, created, [&](store::Record& r) {
                  return json_response(ex.request, beast_http::status::created, app::record_to_json(*kind.value(), r));
                });
              }});
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}/{id}", Access::signed_in, {}, "Read a record",
              [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = record_id(ex);
                if (!id) return problem_response(ex.request, id.problem());
                auto record = s.registry.get(ex.actor, *kind.value(), id.value());
                return respond(ex, record, [&](store::Record& r) {
                  return json_response(ex.request, beast_http::status::ok, app::record_to_json(*kind.value(), r));
                });
              }});
  router.add({beast_http::verb::patch, "/api/v1/registry/{kind}/{id}", Access::signed_in, {},
              "Change fields of a record", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = record_id(ex);
                if (!id) return problem_response(ex.request, id.problem());
                auto body = parse_json_object(ex.request.body());
                if (!body) return problem_response(ex.request, body.problem());
                auto values = field_values(body.value());
                if (!values) return problem_response(ex.request, values.problem());
                auto updated = s.registry.update(ex.actor, *kind.value(), id.value(), values.value());
                return respond(ex, updated, [&](store::Record& r) {
                  return json_response(ex.request, beast_http::status::ok, app::record_to_json(*kind.value(), r));
                });
              }});
  router.add({beast_http::verb::delete_, "/api/v1/registry/{kind}/{id}", Access::signed_in, {},
              "Delete a record nothing depends on", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = record_id(ex);
                if (!id) return problem_response(ex.request, id.problem());
                auto status = s.registry.remove(ex.actor, *kind.value(), id.value());
                if (!status) return problem_response(ex.request, status.problem());
                return no_content(ex.request);
              }});
  router.add({beast_http::verb::get, "/api/v1/registry/{kind}/{id}/history", Access::signed_in, {},
              "Field-level history of a record from the audit log", [&s](Exchange& ex) {
                auto kind = kind_of(ex);
                if (!kind) return problem_response(ex.request, kind.problem());
                auto id = record_id(ex);
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
}

}  // namespace kc::http
