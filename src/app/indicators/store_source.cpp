#include "app/indicators/store_source.hpp"

#include <map>

#include "store/indicator_queries.hpp"

namespace kc::app {

std::vector<SourceRow> StoreSource::aggregate(const domain::formula::Aggregate& a, int year) {
  std::vector<SourceRow> out;
  for (auto& r : store::aggregate_by_district(conn_, a, prefix_, year)) {
    out.push_back({std::move(r.district), r.value, r.records, std::move(r.updated_at)});
  }
  return out;
}

std::vector<SourceRecord> StoreSource::records(const domain::formula::Aggregate& a, int year, std::size_t limit) {
  std::vector<SourceRecord> out;
  for (auto& r : store::aggregate_records(conn_, a, prefix_, year, limit)) {
    out.push_back({r.id, std::move(r.district), std::move(r.label), r.value, std::move(r.updated_at)});
  }
  return out;
}

// The city's own code (ending in 00) is not one of its districts.
std::vector<std::string> StoreSource::districts(int year) {
  auto all = store::districts_with_data(conn_, prefix_, year);
  std::erase_if(all, [](const std::string& c) { return c.substr(4) == "00"; });
  return all;
}

IndicatorMeasure measure_of(const std::string& text) {
  if (text == "amount") return IndicatorMeasure::amount;
  if (text == "ratio") return IndicatorMeasure::ratio;
  return IndicatorMeasure::count;
}

std::string measure_text(IndicatorMeasure m) {
  switch (m) {
    case IndicatorMeasure::amount: return "amount";
    case IndicatorMeasure::ratio: return "ratio";
    case IndicatorMeasure::count: break;
  }
  return "count";
}

IndicatorDef def_of(const store::IndicatorDefinitionRow& r) {
  IndicatorDef d;
  d.code = r.code;
  d.zh = r.name_zh;
  d.en = r.name_en;
  d.unit = r.unit;
  d.direction = r.direction;
  d.measure = measure_of(r.measure);
  d.formula = r.formula;
  d.basis_zh = r.basis_zh;
  d.basis_en = r.basis_en;
  d.builtin = find_builtin_indicator(r.code) != nullptr;
  d.updated_at = r.updated_at;
  d.updated_by = r.updated_by;
  return d;
}

std::vector<IndicatorDef> catalogue_in_force(store::Connection& conn) {
  std::map<std::string, IndicatorDef> saved;
  for (const auto& r : store::IndicatorDefinitionRepository(conn).list()) saved.emplace(r.code, def_of(r));
  std::vector<IndicatorDef> out;
  for (const auto& b : builtin_indicators()) {
    auto it = saved.find(b.code);
    if (it == saved.end()) {
      out.push_back(b);
    } else {
      out.push_back(std::move(it->second));
      saved.erase(it);
    }
  }
  for (auto& [code, d] : saved) out.push_back(std::move(d));
  return out;
}


IndicatorLookup lookup_in(const std::vector<IndicatorDef>& catalogue) {
  return [&catalogue](const std::string& code) -> const IndicatorDef* {
    for (const auto& d : catalogue) {
      if (d.code == code) return &d;
    }
    return nullptr;
  };
}

}  // namespace kc::app
