#include "rules/verdict.hpp"

namespace kc::rules {

const char* to_string(CondStatus s) {
  switch (s) {
    case CondStatus::pass: return "pass";
    case CondStatus::fail: return "fail";
    case CondStatus::unknown: return "unknown";
  }
  return "unknown";
}

const char* condition_unit(std::string_view code) {
  if (code == "E1") return "days";
  if (code == "E2" || code == "E4" || code == "E5" || code == "E6") return "share";
  if (code == "E7" || code == "M5") return "points";
  if (code == "E8" || code == "M4") return "count";
  if (code == "M2") return "people";
  return "none";  // E3, M1, M3: judged as yes or no
}

}  // namespace kc::rules
