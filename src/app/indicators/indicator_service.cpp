#include "app/indicators/indicator_service.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "app/audit/audit_log.hpp"
#include "app/indicators/store_source.hpp"
#include "app/messages.hpp"
#include "app/transaction.hpp"
#include "domain/field_messages.hpp"
#include "domain/formula/check.hpp"
#include "domain/region_code.hpp"
#include "domain/timestamp.hpp"
#include "store/indicator_definition_repository.hpp"
#include "store/indicator_queries.hpp"

namespace kc::app {
namespace {

constexpr int kValueDecimals = 4;

std::optional<Problem> bureau_only(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  return std::nullopt;
}

std::optional<Problem> year_problem(int year) {
  if (year < 1949 || year > 2100) {
    return Problem::validation({field_error("year", domain::fmsg::year_range, {{"min", 1949}, {"max", 2100}})});
  }
  return std::nullopt;
}

// The region computed: the request's (inside the actor's scope), else the actor's own region (a
// district, or a city or province as the sum of its districts), else the installation's home district.
Outcome<domain::RegionCode> region_of(store::Connection& conn, const Actor& actor, const IndicatorRequest& req) {
  std::optional<std::string> text = req.region;
  if (!text && actor.region) text = actor.region->text();  // a city user's city, as the sum of its districts
  if (!text) text = store::installation_setting(conn, kHomeRegionSetting);
  if (!text) {
    return Problem::validation({field_error("region", domain::fmsg::indicator_region_needed)});
  }
  auto code = domain::RegionCode::parse(*text);
  if (!code) return Problem::validation({field_error("region", code.error())});
  if (actor.region && !actor.region->contains(code.value())) {
    return Problem::forbidden({msg::region_outside_scope, {{"region", code.value().text()}}});
  }
  return code.value();
}

struct Prepared {
  domain::RegionCode region;
  std::vector<IndicatorDef> catalogue;
  std::vector<const IndicatorDef*> chosen;
};

Outcome<Prepared> prepare(store::Connection& conn, const Actor& actor, const IndicatorRequest& req) {
  if (auto p = bureau_only(actor)) return *p;
  if (auto p = year_problem(req.year)) return *p;
  auto region = region_of(conn, actor, req);
  if (!region) return region.problem();
  Prepared out{region.value(), catalogue_in_force(conn), {}};
  if (!store::region_has_year(conn, std::string(out.region.prefix()), req.year)) {
    return Problem::not_found({msg::indicator_no_data, {{"region", out.region.text()}, {"year", std::int64_t{req.year}}}});
  }
  for (const auto& code : req.codes) {
    auto it = std::find_if(out.catalogue.begin(), out.catalogue.end(), [&](const IndicatorDef& d) { return d.code == code; });
    if (it == out.catalogue.end()) return Problem::not_found({msg::indicator_unknown, {{"code", code}}});
  }
  for (const auto& d : out.catalogue) {
    if (req.codes.empty() || std::find(req.codes.begin(), req.codes.end(), d.code) != req.codes.end()) {
      out.chosen.push_back(&d);
    }
  }
  return out;
}

// A formula that does not evaluate is the catalogue's fault, not the request's: 422 naming it.
Problem formula_problem(const IndicatorDef& def, const domain::Error& e) {
  return Problem::validation({field_error("formula", e)}, "indicator " + def.code);
}

IndicatorValue stated(const IndicatorDef& def, const Evaluated& v) {
  IndicatorValue out{def, std::nullopt, v.records, v.updated_at};
  if (v.value) out.value = decimal_text(*v.value, kValueDecimals);
  return out;
}

std::optional<Problem> catalogue_admin(const Actor& actor) {
  if (actor.role != Role::admin || actor.region) return Problem::forbidden({msg::indicator_catalogue_admins});
  return std::nullopt;
}

boost::json::value def_json(const IndicatorDef& d) {
  return {{"code", d.code}, {"zh", d.zh},       {"en", d.en},             {"unit", d.unit},
          {"direction", d.direction}, {"measure", measure_text(d.measure)}, {"formula", d.formula},
          {"basis_zh", d.basis_zh},   {"basis_en", d.basis_en}};
}

}  // namespace

Outcome<std::vector<IndicatorDef>> indicator_catalogue(store::Database& db, const Actor& actor) {
  if (auto p = bureau_only(actor)) return *p;
  auto conn = db.acquire();
  return catalogue_in_force(*conn);
}

Outcome<IndicatorValues> compute_indicators(store::Database& db, const Actor& actor, const IndicatorRequest& req) {
  auto conn = db.acquire();
  Transaction read(*conn, Transaction::Kind::read);  // one view of the registry for every value
  auto prepared = prepare(*conn, actor, req);
  if (!prepared) return prepared.problem();
  auto& p = prepared.value();
  StoreSource source(*conn, std::string(p.region.prefix()));
  IndicatorEvaluator evaluator(source, lookup_in(p.catalogue), p.region.level() == domain::RegionLevel::county);
  IndicatorValues out{req.year, p.region.text(), {}};
  for (const IndicatorDef* def : p.chosen) {
    auto v = evaluator.value(*def, req.year);
    if (!v) return formula_problem(*def, v.error());
    out.values.push_back(stated(*def, v.value()));
  }
  return out;
}

Outcome<IndicatorSeriesSet> indicator_series(store::Database& db, const Actor& actor, const SeriesRequest& req) {
  if (auto p = bureau_only(actor)) return *p;
  if (auto p = year_problem(req.from)) return *p;
  if (auto p = year_problem(req.to)) return *p;
  if (req.to < req.from || req.to - req.from >= kMaxSeriesYears) {
    return Problem::validation({field_error("to", domain::fmsg::series_span, {{"max", kMaxSeriesYears - 1}})});
  }
  auto conn = db.acquire();
  Transaction read(*conn, Transaction::Kind::read);
  // The catalogue and the codes as for one year's values, without asking for data in any one year.
  auto region = region_of(*conn, actor, {req.from, req.region, req.codes});
  if (!region) return region.problem();
  const auto catalogue = catalogue_in_force(*conn);
  std::vector<const IndicatorDef*> chosen;
  for (const auto& code : req.codes) {
    if (!lookup_in(catalogue)(code)) return Problem::not_found({msg::indicator_unknown, {{"code", code}}});
  }
  for (const auto& d : catalogue) {
    if (req.codes.empty() || std::find(req.codes.begin(), req.codes.end(), d.code) != req.codes.end()) chosen.push_back(&d);
  }
  const std::string prefix(region.value().prefix());
  StoreSource source(*conn, prefix);
  IndicatorEvaluator evaluator(source, lookup_in(catalogue), region.value().level() == domain::RegionLevel::county);
  std::vector<bool> has_data;
  for (int y = req.from; y <= req.to; ++y) has_data.push_back(store::region_has_year(*conn, prefix, y));
  IndicatorSeriesSet out{region.value().text(), req.from, req.to, {}};
  for (const IndicatorDef* def : chosen) {
    IndicatorSeries series{*def, {}};
    std::optional<domain::Fraction> previous;
    for (int y = req.from; y <= req.to; ++y) {
      SeriesPoint point{y, std::nullopt, std::nullopt, std::nullopt};
      std::optional<domain::Fraction> value;
      if (has_data[static_cast<std::size_t>(y - req.from)]) {
        auto v = evaluator.value(*def, y);
        if (!v) return formula_problem(*def, v.error());
        value = v.value().value;
      }
      if (value) point.value = decimal_text(*value, kValueDecimals);
      if (value && previous) {
        const domain::Fraction change = *value - *previous;
        point.change = decimal_text(change, kValueDecimals);
        if (!previous->is_zero()) point.growth = decimal_text(change / *previous * domain::Fraction::integer(100), kValueDecimals);
      }
      previous = value;
      series.points.push_back(std::move(point));
    }
    out.series.push_back(std::move(series));
  }
  return out;
}

Outcome<IndicatorExplanation> explain_indicator(store::Database& db, const Actor& actor, const IndicatorRequest& req) {
  if (req.codes.size() != 1) return Problem::validation({field_error("code", domain::fmsg::indicator_one_code)});
  auto conn = db.acquire();
  Transaction read(*conn, Transaction::Kind::read);
  auto prepared = prepare(*conn, actor, req);
  if (!prepared) return prepared.problem();
  auto& p = prepared.value();
  const IndicatorDef& def = *p.chosen.front();
  StoreSource source(*conn, std::string(p.region.prefix()));
  IndicatorEvaluator evaluator(source, lookup_in(p.catalogue), p.region.level() == domain::RegionLevel::county);
  auto v = evaluator.value(def, req.year);
  if (!v) return formula_problem(def, v.error());
  auto provenance = evaluator.explain(def, req.year, kExplainRecordLimit);
  if (!provenance) return formula_problem(def, provenance.error());
  return IndicatorExplanation{stated(def, v.value()), req.year, p.region.text(), std::move(provenance.value())};
}

Outcome<IndicatorDef> save_indicator(store::Database& db, const Actor& actor, IndicatorDef def) {
  if (auto p = catalogue_admin(actor)) return *p;
  std::vector<FieldError> errors;
  auto is_code = [](const std::string& c) {
    return !c.empty() && c.size() <= 64 && std::islower(static_cast<unsigned char>(c[0])) &&
           std::all_of(c.begin(), c.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_'; });
  };
  // The words of the API's own paths under /indicators/ cannot name an entry.
  const bool reserved = def.code == "values" || def.code == "series" || def.code == "targets";
  if (!is_code(def.code) || reserved) errors.push_back(field_error("code", domain::fmsg::indicator_code));
  if (def.zh.empty()) errors.push_back(field_error("zh", domain::fmsg::required));
  if (def.zh.size() > 200) errors.push_back(field_error("zh", domain::fmsg::too_long, {{"max", 200}}));
  if (def.en.empty()) errors.push_back(field_error("en", domain::fmsg::required));
  if (def.en.size() > 200) errors.push_back(field_error("en", domain::fmsg::too_long, {{"max", 200}}));
  if (def.unit.size() > 20) errors.push_back(field_error("unit", domain::fmsg::too_long, {{"max", 20}}));
  if (def.direction != 1 && def.direction != -1) errors.push_back(field_error("direction", domain::fmsg::indicator_direction));
  if (def.basis_zh.size() > 2000) errors.push_back(field_error("basis_zh", domain::fmsg::too_long, {{"max", 2000}}));
  if (def.basis_en.size() > 2000) errors.push_back(field_error("basis_en", domain::fmsg::too_long, {{"max", 2000}}));
  auto conn = db.acquire();
  std::optional<boost::json::value> before;
  auto saved = in_transaction_unless_problem(*conn, [&]() -> Outcome<IndicatorDef> {
    auto catalogue = catalogue_in_force(*conn);
    auto parsed = domain::formula::parse(def.formula);
    if (!parsed) {
      errors.push_back(field_error("formula", parsed.error()));
    } else {
      auto known = [&](std::string_view code) {
        return code == def.code || std::any_of(catalogue.begin(), catalogue.end(), [&](const IndicatorDef& d) { return d.code == code; });
      };
      if (auto st = domain::formula::check(parsed.value(), known); !st) errors.push_back(field_error("formula", st.error()));
    }
    if (!errors.empty()) return Problem::validation(std::move(errors));
    // The new entry in place, then the catalogue evaluated once to find a circle it closes.
    auto old = std::find_if(catalogue.begin(), catalogue.end(), [&](const IndicatorDef& d) { return d.code == def.code; });
    if (old != catalogue.end()) {
      before = def_json(*old);
      *old = def;
    } else {
      catalogue.push_back(def);
    }
    std::vector<std::string> seen;
    std::function<bool(const std::string&, int)> circular = [&](const std::string& code, int depth) {
      if (depth > 16 || std::find(seen.begin(), seen.end(), code) != seen.end()) return true;
      const IndicatorDef* d = lookup_in(catalogue)(code);
      auto e = d ? domain::formula::parse(d->formula) : domain::Result<domain::formula::Expr>(domain::formula::Expr{});
      if (!e) return false;
      std::vector<std::string> refs;
      domain::formula::collect_indicators(e.value(), refs);
      seen.push_back(code);
      for (const auto& r : refs) {
        if (circular(r, depth + 1)) return true;
      }
      seen.pop_back();
      return false;
    };
    if (circular(def.code, 0)) return Problem::validation({field_error("formula", domain::fmsg::indicator_cycle)});
    store::IndicatorDefinitionRow row{def.code, def.zh, def.en, def.unit, def.direction, measure_text(def.measure), def.formula,
                                      def.basis_zh, def.basis_en, actor.username,
                                      domain::to_iso_utc(domain::now_epoch_seconds())};
    store::IndicatorDefinitionRepository(*conn).save(row);
    append_audit(*conn, actor, before ? "indicator.update" : "indicator.create", "indicator", def.code, before, def_json(def));
    return def_of(row);
  });
  return saved;
}

Status reset_indicator(store::Database& db, const Actor& actor, const std::string& code) {
  if (auto p = catalogue_admin(actor)) return *p;
  auto conn = db.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Status {
    store::IndicatorDefinitionRepository repo(*conn);
    auto row = repo.find(code);
    if (!row || !repo.remove(code)) return Problem::not_found({msg::indicator_unknown, {{"code", code}}});
    append_audit(*conn, actor, "indicator.reset", "indicator", code, def_json(def_of(*row)), std::nullopt);
    return done();
  });
}

Status set_home_region(store::Database& db, const Actor& actor, const std::string& text) {
  if (auto p = catalogue_admin(actor)) return *p;
  auto code = domain::RegionCode::parse(text);
  if (!code) return Problem::validation({field_error("region", code.error())});
  if (code.value().level() != domain::RegionLevel::county) {
    return Problem::validation({field_error("region", domain::fmsg::indicator_home_district)});
  }
  auto conn = db.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Status {
    const auto before = store::installation_setting(*conn, kHomeRegionSetting);
    store::set_installation_setting(*conn, kHomeRegionSetting, code.value().text(), domain::to_iso_utc(domain::now_epoch_seconds()));
    append_audit(*conn, actor, "setting.update", "setting", kHomeRegionSetting,
                 before ? std::optional<boost::json::value>(boost::json::string(*before)) : std::nullopt,
                 boost::json::value(boost::json::string(code.value().text())));
    return done();
  });
}

}  // namespace kc::app
