// Indicators for a region and a year, computed from the registry through the catalogue in force
// (saved entries over the built-ins), with the records behind each value: what the CLI's
// `indicators compute|explain`, the API and the web all answer with. Bureau users only; a region
// outside the actor's scope is refused, and without one the actor's own region (or, for users of
// the whole installation, its home district) is computed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/indicators/catalogue.hpp"
#include "app/indicators/evaluate.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

struct IndicatorRequest {
  int year = 0;
  std::optional<std::string> region;  // a GB/T 2260 code: a district, a city (330200), a province
  std::vector<std::string> codes;     // empty: the whole catalogue
};

struct IndicatorValue {
  IndicatorDef def;
  std::optional<std::string> value;  // exact decimal text, at most 4 decimals ("1317.7", "72")
  std::int64_t records = 0;
  std::string updated_at;  // the latest change among the records read; empty when none
};

struct IndicatorValues {
  int year = 0;
  std::string region;
  std::vector<IndicatorValue> values;
};

struct IndicatorExplanation {
  IndicatorValue value;
  int year = 0;
  std::string region;
  Provenance provenance;
};

// One year of an indicator's series: its value, the change on the year before and the growth (the
// change as a percentage of the year before); null where a value is unknown or the base is 0.
struct SeriesPoint {
  int year = 0;
  std::optional<std::string> value, change, growth;
};

struct IndicatorSeries {
  IndicatorDef def;
  std::vector<SeriesPoint> points;  // from the first year to the last
};

struct IndicatorSeriesSet {
  std::string region;
  int from = 0, to = 0;
  std::vector<IndicatorSeries> series;
};

struct SeriesRequest {
  int from = 0, to = 0;  // at most kMaxSeriesYears years
  std::optional<std::string> region;
  std::vector<std::string> codes;
};
inline constexpr int kMaxSeriesYears = 30;

// The setting naming the district computed when neither the request nor the actor's scope does.
inline constexpr const char* kHomeRegionSetting = "home_region";
// At most this many records per group of an explanation; the explanation says when it was cut.
inline constexpr std::size_t kExplainRecordLimit = 50'000;

// The catalogue in force, by the built-ins' order and then the added entries by code.
Outcome<std::vector<IndicatorDef>> indicator_catalogue(store::Database& db, const Actor& actor);
Outcome<IndicatorValues> compute_indicators(store::Database& db, const Actor& actor, const IndicatorRequest& request);
// `request.codes` names exactly one indicator.
Outcome<IndicatorExplanation> explain_indicator(store::Database& db, const Actor& actor, const IndicatorRequest& request);
// Every indicator's values over the years, with year-on-year change and growth. Years with
// nothing recorded have null values (a series is not refused for a gap).
Outcome<IndicatorSeriesSet> indicator_series(store::Database& db, const Actor& actor, const SeriesRequest& request);
// Saves a catalogue entry (administrators of the whole installation): its formula is checked
// first (the error says where), audited with the entry before and after.
Outcome<IndicatorDef> save_indicator(store::Database& db, const Actor& actor, IndicatorDef def);
// Removes a saved entry: a built-in reverts to its shipped definition, an added one is gone.
Status reset_indicator(store::Database& db, const Actor& actor, const std::string& code);

// The installation's home district (a 6-digit code), for `kechuang demo` and operators.
Status set_home_region(store::Database& db, const Actor& actor, const std::string& code);

}  // namespace kc::app
