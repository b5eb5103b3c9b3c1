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

}  // namespace kc::rules
