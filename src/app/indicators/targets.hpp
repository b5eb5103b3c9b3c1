// Targets of indicators ("double the patents by 2014", "R&D at 2.8 % of GDP in 2015"): for a region
// and a year, a value, a growth in percent on a base year, or a multiple of a base year's value,
// with their progress: the value aimed at, where the latest year with data stands, a straight-line
// projection to the target year, and a status. Bureau users read the targets inside their scope;
// administrators and staff set them for regions inside it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

enum class TargetKind { value, growth, multiple };

struct IndicatorTarget {
  std::int64_t id = 0;
  std::string code;
  std::string region_code;  // a district, city (330200) or province code
  int year = 0;
  TargetKind kind = TargetKind::value;
  std::string target;           // exact decimal: the value; the growth in %; the multiple
  std::optional<int> base_year;  // growth: default the year before; multiple: required
  std::string note;
  std::string updated_by, updated_at;
};

// on_track: the projection reaches the target; achieved: the value already does; missed: the
// target year has data and does not; unknown: a value it needs is missing.
enum class TargetStatus { achieved, on_track, behind, missed, unknown };

struct TargetProgress {
  IndicatorTarget target;
  std::optional<int> as_of;                   // the latest year up to the target's with data
  std::optional<std::string> target_value;    // what the target amounts to, as the indicator's value
  std::optional<std::string> base_value;      // the base year's value
  std::optional<std::string> current_value;   // the value in `as_of`
  std::optional<std::string> projected_value;  // the straight line through base and as_of, at the target year
  std::optional<std::string> progress;        // percent of the way from the base value to the target
  TargetStatus status = TargetStatus::unknown;
};

struct TargetQuery {
  std::optional<std::string> region;  // inside the actor's scope; default: the whole scope
  std::optional<int> year;
  std::optional<std::string> code;
};

Outcome<std::vector<TargetProgress>> list_targets(store::Database& db, const Actor& actor, const TargetQuery& query);
// Sets the target of its code, region and year (replacing one there); audited.
Outcome<TargetProgress> save_target(store::Database& db, const Actor& actor, IndicatorTarget target);
Status delete_target(store::Database& db, const Actor& actor, std::int64_t id);

std::string_view to_string(TargetKind kind);
std::optional<TargetKind> target_kind(std::string_view text);
std::string_view to_string(TargetStatus status);

}  // namespace kc::app
