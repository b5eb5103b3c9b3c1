#include "app/indicators/targets.hpp"

#include <algorithm>

#include "app/audit/audit_log.hpp"
#include "app/indicators/store_source.hpp"
#include "app/messages.hpp"
#include "app/transaction.hpp"
#include "domain/field_messages.hpp"
#include "domain/region_code.hpp"
#include "domain/timestamp.hpp"
#include "store/indicator_queries.hpp"
#include "store/indicator_target_repository.hpp"

namespace kc::app {
namespace {

using domain::Fraction;

constexpr int kDecimals = 4;
constexpr int kLookBackYears = 30;  // how far before the target year the latest data is looked for

IndicatorTarget target_of(const store::IndicatorTargetRow& r) {
  return {r.id, r.code, r.region_code, r.year, target_kind(r.kind).value_or(TargetKind::value), r.target,
          r.base_year, r.note, r.updated_by, r.updated_at};
}

std::optional<std::string> text(const std::optional<Fraction>& f) {
  if (!f) return std::nullopt;
  return decimal_text(*f, kDecimals);
}

std::optional<Fraction> value_at(IndicatorEvaluator& ev, const IndicatorDef& def, std::optional<int> year) {
  if (!year) return std::nullopt;
  auto v = ev.value(def, *year);
  return v ? v.value().value : std::nullopt;  // a formula in error leaves the target unknown
}

TargetProgress evaluate(store::Connection& conn, const std::vector<IndicatorDef>& catalogue, IndicatorTarget t) {
  TargetProgress p{std::move(t), std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                   TargetStatus::unknown};
  const IndicatorTarget& target = p.target;
  const IndicatorDef* def = lookup_in(catalogue)(target.code);
  auto region = domain::RegionCode::parse(target.region_code);
  if (!def || !region) return p;
  const std::string prefix(region.value().prefix());
  StoreSource source(conn, prefix);
  IndicatorEvaluator ev(source, lookup_in(catalogue), region.value().level() == domain::RegionLevel::county);
  for (int y = target.year; y > target.year - kLookBackYears; --y) {
    if (store::region_has_year(conn, prefix, y)) {
      p.as_of = y;
      break;
    }
  }
  std::optional<int> base_year = target.base_year;
  if (!base_year && target.kind == TargetKind::growth) base_year = target.year - 1;
  const auto base = value_at(ev, *def, base_year);
  const auto current = value_at(ev, *def, p.as_of);
  const auto amount = Fraction::parse(target.target);
  std::optional<Fraction> aimed;
  if (amount) {
    if (target.kind == TargetKind::value) aimed = *amount;
    else if (base && target.kind == TargetKind::growth) aimed = *base * (Fraction::integer(1) + *amount / Fraction::integer(100));
    else if (base) aimed = *base * *amount;
  }
  std::optional<Fraction> projected;
  if (current && p.as_of == target.year) {
    projected = current;
  } else if (current && base && base_year && *base_year < *p.as_of) {
    const Fraction slope = (*current - *base) / Fraction::integer(*p.as_of - *base_year);
    projected = *current + slope * Fraction::integer(target.year - *p.as_of);
  }
  std::optional<Fraction> progress;
  if (aimed && current) {
    if (base && !(*aimed == *base)) progress = (*current - *base) / (*aimed - *base) * Fraction::integer(100);
    else if (!base && !aimed->is_zero()) progress = *current / *aimed * Fraction::integer(100);
  }
  p.target_value = text(aimed);
  p.base_value = text(base);
  p.current_value = text(current);
  p.projected_value = text(projected);
  p.progress = text(progress);
  const auto reaches = [&](const Fraction& x) { return def->direction >= 0 ? !(x < *aimed) : !(*aimed < x); };
  if (!aimed || !current) p.status = TargetStatus::unknown;
  else if (reaches(*current)) p.status = TargetStatus::achieved;
  else if (p.as_of == target.year) p.status = TargetStatus::missed;
  else if (projected) p.status = reaches(*projected) ? TargetStatus::on_track : TargetStatus::behind;
  return p;
}

std::optional<Problem> bureau_only(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  return std::nullopt;
}

boost::json::value target_json(const IndicatorTarget& t) {
  boost::json::object o{{"code", t.code}, {"region_code", t.region_code}, {"year", t.year},
                        {"kind", to_string(t.kind)}, {"target", t.target}, {"note", t.note}};
  o["base_year"] = t.base_year ? boost::json::value(*t.base_year) : boost::json::value(nullptr);
  return o;
}

}  // namespace

std::string_view to_string(TargetKind kind) {
  switch (kind) {
    case TargetKind::growth: return "growth";
    case TargetKind::multiple: return "multiple";
    case TargetKind::value: break;
  }
  return "value";
}

std::optional<TargetKind> target_kind(std::string_view text) {
  if (text == "value") return TargetKind::value;
  if (text == "growth") return TargetKind::growth;
  if (text == "multiple") return TargetKind::multiple;
  return std::nullopt;
}

std::string_view to_string(TargetStatus status) {
  switch (status) {
    case TargetStatus::achieved: return "achieved";
    case TargetStatus::on_track: return "on_track";
    case TargetStatus::behind: return "behind";
    case TargetStatus::missed: return "missed";
    case TargetStatus::unknown: break;
  }
  return "unknown";
}

Outcome<std::vector<TargetProgress>> list_targets(store::Database& db, const Actor& actor, const TargetQuery& q) {
  if (auto p = bureau_only(actor)) return *p;
  store::TargetFilter filter{actor.district_prefix(), q.year, q.code};
  if (q.region) {
    auto code = domain::RegionCode::parse(*q.region);
    if (!code) return Problem::validation({{"region", code.error().message}});
    if (actor.region && !actor.region->contains(code.value())) {
      return Problem::forbidden({msg::region_outside_scope, {{"region", code.value().text()}}});
    }
    filter.region_prefix = std::string(code.value().prefix());
  }
  auto conn = db.acquire();
  Transaction read(*conn, Transaction::Kind::read);
  const auto catalogue = catalogue_in_force(*conn);
  std::vector<TargetProgress> out;
  for (const auto& row : store::IndicatorTargetRepository(*conn).list(filter)) {
    out.push_back(evaluate(*conn, catalogue, target_of(row)));
  }
  return out;
}

Outcome<TargetProgress> save_target(store::Database& db, const Actor& actor, IndicatorTarget t) {
  if (actor.role != Role::admin && actor.role != Role::staff) return Problem::forbidden({msg::staff_set_targets});
  std::vector<FieldError> errors;
  auto region = domain::RegionCode::parse(t.region_code);
  if (!region) errors.push_back(field_error("region_code", region.error()));
  if (t.year < 1949 || t.year > 2100) errors.push_back(field_error("year", domain::fmsg::year_range, {{"min", 1949}, {"max", 2100}}));
  const auto amount = domain::Fraction::parse(t.target);
  if (!amount || t.target.size() > 30) errors.push_back(field_error("target", domain::fmsg::not_number));
  if (t.kind == TargetKind::multiple && !t.base_year) {
    errors.push_back(field_error("base_year", domain::fmsg::target_base_year_needed));
  }
  if (t.base_year && (*t.base_year < 1949 || *t.base_year >= t.year)) {
    errors.push_back(field_error("base_year", domain::fmsg::target_base_year_before));
  }
  if (t.note.size() > 2000) errors.push_back(field_error("note", domain::fmsg::too_long, {{"max", 2000}}));
  if (!errors.empty()) return Problem::validation(std::move(errors));
  if (actor.region && !actor.region->contains(region.value())) {
    return Problem::forbidden({msg::region_outside_scope, {{"region", region.value().text()}}});
  }
  t.region_code = region.value().text();
  t.updated_by = actor.username;
  t.updated_at = domain::to_iso_utc(domain::now_epoch_seconds());
  auto conn = db.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Outcome<TargetProgress> {
    const auto catalogue = catalogue_in_force(*conn);
    if (!lookup_in(catalogue)(t.code)) return Problem::not_found({msg::indicator_unknown, {{"code", t.code}}});
    store::IndicatorTargetRepository repo(*conn);
    const auto existing = repo.list({t.region_code, t.year, t.code});
    std::optional<boost::json::value> before;
    for (const auto& row : existing) {
      if (row.region_code == t.region_code) before = target_json(target_of(row));
    }
    t.id = repo.save({0, t.code, t.region_code, t.year, std::string(to_string(t.kind)), t.target, t.base_year, t.note,
                      t.updated_by, t.updated_at});
    append_audit(*conn, actor, before ? "indicator_target.update" : "indicator_target.create", "indicator_target",
                 std::to_string(t.id), before, target_json(t));
    return evaluate(*conn, catalogue, t);
  });
}

Status delete_target(store::Database& db, const Actor& actor, std::int64_t id) {
  if (actor.role != Role::admin && actor.role != Role::staff) return Problem::forbidden({msg::staff_set_targets});
  auto conn = db.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Status {
    store::IndicatorTargetRepository repo(*conn);
    auto row = repo.find(id);
    // A target outside the scope is answered as missing: its existence is not revealed.
    if (!row || !actor.may_see_district(row->region_code) || !repo.remove(id)) {
      return Problem::not_found({msg::no_indicator_target, {{"id", id}}});
    }
    append_audit(*conn, actor, "indicator_target.delete", "indicator_target", std::to_string(id),
                 target_json(target_of(*row)), std::nullopt);
    return done();
  });
}

}  // namespace kc::app
