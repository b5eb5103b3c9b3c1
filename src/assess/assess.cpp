#include "assess/assess.hpp"

#include <boost/json.hpp>

#include "assess/evaluate.hpp"
#include "json/json_text.hpp"
#include "assess/next_rank.hpp"
#include "assess/parse.hpp"
#include "assess/rounding.hpp"
#include "assess/standing.hpp"

namespace kc::assess {

Output assess(const Input& input) {
  const Scheme& scheme = input.scheme;
  Output out{scheme.code, {}};
  std::vector<std::optional<std::int64_t>> rounded;
  for (const auto& unit : input.units) {
    auto ev = evaluate_unit(scheme, unit);
    out.units.push_back(UnitResult{unit.code, ev.total, std::nullopt, std::nullopt, {},
                                   std::move(ev.missing), std::move(ev.value),
                                   std::move(ev.score), std::nullopt});
    rounded.push_back(ev.total ? std::optional(micro_units(*ev.total)) : std::nullopt);
  }
  const auto ranks = competition_ranks(rounded);
  for (std::size_t u = 0; u < input.units.size(); ++u) {
    auto& r = out.units[u];
    r.rank = ranks[u];
    auto grade = grade_of(scheme, rounded[u]);
    for (const auto& veto : scheme.vetoes) {
      if (!veto_applies(scheme, veto, input.units[u])) continue;
      r.vetoes.push_back(veto.code);
      // A veto only lowers a grade to its max_grade (later in the list is worse); never raises.
      if (grade && veto.max_grade && *grade < *veto.max_grade) grade = veto.max_grade;
    }
    if (grade) r.grade = scheme.grades[*grade].grade;
    if (!input.next_rank || !r.rank || *r.rank == 1) continue;
    // T: the smallest rounded total above this unit's.
    std::optional<std::int64_t> t;
    for (const auto& other : rounded)
      if (other && *other > *rounded[u] && (!t || *other < *t)) t = other;
    std::vector<std::optional<double>> moves(scheme.nodes.size());
    for (std::size_t i = 0; i < scheme.nodes.size(); ++i)
      if (scheme.nodes[i].is_indicator) moves[i] = next_rank_value(scheme, input.units[u], i, *t);
    r.next_rank = std::move(moves);
  }
  return out;
}

namespace {

boost::json::value number_or_null(std::optional<double> v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

}  // namespace

std::string to_json(const Scheme& scheme, const Output& output) {
  boost::json::array units;
  for (const auto& r : output.units) {
    boost::json::object nodes;
    for (std::size_t i = 0; i < scheme.nodes.size(); ++i) {
      boost::json::object n;
      if (scheme.nodes[i].is_indicator) n["value"] = number_or_null(r.value[i]);
      n["score"] = number_or_null(r.score[i]);
      nodes[scheme.nodes[i].code] = std::move(n);
    }
    boost::json::object u{
        {"code", r.code},
        {"total", number_or_null(r.total)},
        {"rank", r.rank ? boost::json::value(*r.rank) : boost::json::value(nullptr)},
        {"grade", r.grade ? boost::json::value(*r.grade) : boost::json::value(nullptr)},
        {"vetoes", strings(r.vetoes)},
        {"missing", strings(r.missing)},
        {"nodes", std::move(nodes)}};
    if (r.next_rank) {
      boost::json::object moves;
      for (std::size_t i = 0; i < scheme.nodes.size(); ++i)
        if (scheme.nodes[i].is_indicator) moves[scheme.nodes[i].code] = number_or_null((*r.next_rank)[i]);
      u["next_rank"] = std::move(moves);
    }
    units.emplace_back(std::move(u));
  }
  return json::to_text(boost::json::object{{"scheme", output.scheme}, {"units", std::move(units)}});
}

domain::Result<std::string> assess_document(std::string_view input_json) {
  auto input = parse_input(input_json);
  if (!input) return input.error();
  return to_json(input->scheme, assess(input.value()));
}

}  // namespace kc::assess
