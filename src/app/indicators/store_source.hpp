// What the indicator use cases share: the evaluator's source over the store for one region, and
// the catalogue in force (built-ins in their order, each replaced by its saved entry, then the
// added entries by code).
#pragma once

#include <string>
#include <vector>

#include "app/indicators/catalogue.hpp"
#include "app/indicators/evaluate.hpp"
#include "store/database.hpp"
#include "store/indicator_definition_repository.hpp"

namespace kc::app {

class StoreSource final : public IndicatorSource {
 public:
  // `prefix`: the digits every code of the region computed starts with (RegionCode::prefix()).
  StoreSource(store::Connection& conn, std::string prefix) : conn_(conn), prefix_(std::move(prefix)) {}

  std::vector<SourceRow> aggregate(const domain::formula::Aggregate& a, int year) override;
  std::vector<SourceRecord> records(const domain::formula::Aggregate& a, int year, std::size_t limit) override;
  std::vector<std::string> districts(int year) override;

 private:
  store::Connection& conn_;
  std::string prefix_;
};

std::vector<IndicatorDef> catalogue_in_force(store::Connection& conn);
// Looks codes up in `catalogue`, which must outlive the lookup.
IndicatorLookup lookup_in(const std::vector<IndicatorDef>& catalogue);

IndicatorMeasure measure_of(const std::string& text);
std::string measure_text(IndicatorMeasure m);
IndicatorDef def_of(const store::IndicatorDefinitionRow& r);

}  // namespace kc::app
