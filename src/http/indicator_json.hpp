// The indicators' JSON documents (spec indicators.md §2): the same bytes from the API and from
// `kechuang indicators compute|explain`, numbers written as people write them (1317.7, not 1.3177E3).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "app/indicators/indicator_service.hpp"
#include "app/indicators/targets.hpp"

namespace kc::http {

boost::json::object indicator_def_json(const app::IndicatorDef& d);
std::string indicator_catalogue_text(const std::vector<app::IndicatorDef>& catalogue);
std::string indicator_values_text(const app::IndicatorValues& v);
std::string indicator_series_text(const app::IndicatorSeriesSet& s);
std::string indicator_explanation_text(const app::IndicatorExplanation& e);
boost::json::object target_progress_json(const app::TargetProgress& p);
// The target a request body describes (code, region_code, year, kind, target, base_year, note).
app::Outcome<app::IndicatorTarget> target_from_json(const boost::json::object& body);
// The entry a request body describes, with field errors for what is missing or malformed.
app::Outcome<app::IndicatorDef> indicator_def_from_json(const std::string& code, const boost::json::object& body);

}  // namespace kc::http
