// scheme.grades and scheme.vetoes (spec/assessment.md §1, §5, §9), refused with the grade or
// veto named.
#include <set>

#include "assess/json_fields.hpp"

namespace kc::assess::parsing {

std::vector<Grade> parse_grades(const json::object& s) {
  std::vector<Grade> out;
  const auto* v = s.if_contains("grades");
  if (!v || v->is_null()) return out;
  std::set<std::string> names;
  for (const auto& g : as_array(*v, "scheme.grades")) {
    const auto& o = as_object(g, "scheme.grades[]");
    const auto* name = o.if_contains("grade");
    if (!name) refuse("grades", "scheme.grades[]: a grade without a name");
    Grade grade{as_string(*name, "scheme.grades[].grade"),
                optional_number(o, "min", "grade " + std::string(name->get_string()))};
    if (!names.insert(grade.grade).second) refuse("grades", "grade " + grade.grade + " repeats");
    if (!out.empty() && !out.back().min)
      refuse("grades", "grade " + grade.grade + ": only the last grade may have min null");
    if (!out.empty() && grade.min && !(*grade.min < *out.back().min))
      refuse("grades", "grade " + grade.grade + ": grades must be in strictly decreasing min");
    out.push_back(std::move(grade));
  }
  if (!out.empty() && out.back().min)
    refuse("grades", "scheme.grades: the last grade must have min null");
  return out;
}

namespace {

VetoTest parse_test(const std::string& t, const std::string& where) {
  if (t == "falls") return VetoTest::falls;
  if (t == "growth_below") return VetoTest::growth_below;
  if (t == "below_target") return VetoTest::below_target;
  if (t == "below") return VetoTest::below;
  refuse("veto", where + ": unknown test \"" + t + "\"");
}

}  // namespace

std::vector<Veto> parse_vetoes(const json::object& s, const Scheme& scheme) {
  std::vector<Veto> out;
  const auto* v = s.if_contains("vetoes");
  if (!v || v->is_null()) return out;
  std::set<std::string> scored, codes;
  for (const auto& n : scheme.nodes)
    if (n.is_indicator) scored.insert(n.indicator);
  for (const auto& item : as_array(*v, "scheme.vetoes")) {
    const auto& o = as_object(item, "scheme.vetoes[]");
    const auto* code = o.if_contains("code");
    if (!code) refuse("veto", "scheme.vetoes[]: a veto without a code");
    Veto veto{as_string(*code, "scheme.vetoes[].code"), {}, std::nullopt};
    const std::string where = "veto " + veto.code;
    if (!codes.insert(veto.code).second) refuse("veto", where + " repeats");
    const auto* all = o.if_contains("all");
    if (!all) refuse("veto", where + ": all is required");
    for (const auto& c : as_array(*all, where + ".all")) {
      const auto& co = as_object(c, where + ".all[]");
      const auto* ind = co.if_contains("indicator");
      const auto* test = co.if_contains("test");
      if (!ind || !test) refuse("veto", where + ": a condition needs indicator and test");
      Condition cond{as_string(*ind, where + ".all[].indicator"),
                     parse_test(as_string(*test, where + ".all[].test"), where), 0};
      if (!scored.contains(cond.indicator))
        refuse("veto", where + ": unknown indicator " + cond.indicator);
      if (cond.test == VetoTest::growth_below || cond.test == VetoTest::below) {
        const auto value = optional_number(co, "value", where);
        if (!value) refuse("veto", where + ": test needs a value");
        cond.value = *value;
      }
      veto.all.push_back(std::move(cond));
    }
    if (const auto* g = o.if_contains("max_grade"); g && !g->is_null()) {
      const std::string name = as_string(*g, where + ".max_grade");
      for (std::size_t i = 0; i < scheme.grades.size(); ++i)
        if (scheme.grades[i].grade == name) veto.max_grade = i;
      if (!veto.max_grade) refuse("veto", where + ": max_grade " + name + " is not a grade of the scheme");
    }
    out.push_back(std::move(veto));
  }
  return out;
}

}  // namespace kc::assess::parsing
