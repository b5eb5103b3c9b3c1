#include "rules/sme.hpp"

#include <algorithm>

#include "rules/ip_count.hpp"
#include "rules/rd_expenses.hpp"
#include "rules/text.hpp"

namespace kc::rules {
namespace {

using text::num;
using text::pct;

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

struct Builder {
  const EvalOptions& opt;
  const SmePolicy& p;

  template <class Zh, class En>
  Condition make(const char* code, CondStatus st, std::optional<Fraction> value,
                 std::optional<Fraction> threshold, const char* art_zh, const char* art_en, Zh zh,
                 En en) const {
    Condition c{code, st, value, threshold, {}};
    if (opt.explain) {
      c.detail.zh = zh() + "。依据:" + p.measures.zh + art_zh;
      c.detail.en = en() + ". Source: " + p.measures.en + ", " + art_en;
    }
    return c;
  }
};

std::optional<SmeRoute> direct_route(const EnterpriseFacts& e, const SmePolicy& p, Date as_of) {
  if (e.hte_certificate_issued_on && *e.hte_certificate_issued_on <= as_of &&
      as_of < e.hte_certificate_issued_on->add_years(p.hte_certificate_valid_years))
    return SmeRoute::direct_hte;
  for (const auto& a : e.awards)
    if (contains(p.award_levels, a.level) && a.year >= as_of.year() - p.award_window_years &&
        a.year <= as_of.year() && a.organisation_rank >= 1 && a.organisation_rank <= p.award_max_rank)
      return SmeRoute::direct_award;
  for (const auto& i : e.rd_institutions)
    if (contains(p.institution_levels, i.level) && contains(p.institution_kinds, i.kind))
      return SmeRoute::direct_institution;
  const Date from = as_of.add_years(-p.standard_window_years);
  for (const auto& s : e.standards)
    if (contains(p.standard_levels, s.level) && s.issued_on >= from && s.issued_on <= as_of &&
        s.drafting_rank >= 1 && s.drafting_rank <= p.standard_max_rank)
      return SmeRoute::direct_standard;
  return std::nullopt;
}

}  // namespace

const char* to_string(SmeVerdict v) {
  switch (v) {
    case SmeVerdict::qualified: return "qualified";
    case SmeVerdict::not_qualified: return "not_qualified";
    case SmeVerdict::needs_review: return "needs_review";
  }
  return "needs_review";
}

const char* to_string(SmeRoute r) {
  switch (r) {
    case SmeRoute::score: return "score";
    case SmeRoute::direct_hte: return "direct_hte";
    case SmeRoute::direct_award: return "direct_award";
    case SmeRoute::direct_institution: return "direct_institution";
    case SmeRoute::direct_standard: return "direct_standard";
  }
  return "score";
}

int band_points(const Fraction& ratio, const std::vector<PointsBand>& bands) {
  for (const auto& b : bands)
    if (ratio >= b.min) return b.points;
  return 0;
}

SmeResult evaluate_sme(const EnterpriseFacts& e, const SmePolicy& p, Date as_of,
                       const EvalOptions& options) {
  SmeResult r;
  evaluate_sme(e, p, as_of, r, options);
  return r;
}

void evaluate_sme(const EnterpriseFacts& e, const SmePolicy& p, Date as_of, SmeResult& r,
                  const EvalOptions& options) {
  r.id = e.id;
  r.route.reset();
  r.failed.clear();
  r.conditions.clear();
  r.score = {};
  r.figures = {};
  SmeFigures& f = r.figures;
  f.data_year = as_of.year() - p.data_year_offset;
  const std::string dy = std::to_string(f.data_year);
  const YearFacts* yf = e.year(f.data_year);
  if (yf) {
    f.staff = staff_averages(*yf);
    if (const auto rd = collect_rd(*yf, p.rd_collection)) f.rd = rd->total;
    if (yf->sales_revenue) f.sales = Fraction::of(*yf->sales_revenue);
    if (yf->total_cost_expense) f.total_cost_expense = Fraction::of(*yf->total_cost_expense);
    if (yf->total_assets) f.total_assets = Fraction::of(*yf->total_assets);
  }
  const IpCount ipc = count_ip(e.ip, as_of, p.ip_class_one, p.ip_class_two, false);
  f.class_one = ipc.class_one;
  f.class_two = ipc.class_two;

  // Score (§2.2). Missing figures score 0 for their item; M5 then says "unknown".
  SmeScore& s = r.score;
  std::optional<Fraction> st_ratio;
  if (f.staff && f.staff->employees > Fraction{}) {
    st_ratio = f.staff->st_staff / f.staff->employees;
    s.st_staff = band_points(*st_ratio, p.st_staff_bands);
  }
  if (f.rd && f.sales && *f.sales > Fraction{})
    s.rd_option1 = band_points(*f.rd / *f.sales, p.rd_sales_bands);
  if (f.rd && f.total_cost_expense && *f.total_cost_expense > Fraction{})
    s.rd_option2 = band_points(*f.rd / *f.total_cost_expense, p.rd_cost_bands);
  s.rd_option = s.rd_option2 > s.rd_option1 ? 2 : 1;  // a tie reports option 1
  s.rd = std::max(s.rd_option1, s.rd_option2);
  if (ipc.class_one > 0) {
    s.ip = p.ip_class_one_points;
  } else {
    for (const auto& b : p.ip_class_two_bands)
      if (ipc.class_two >= b.min) {
        s.ip = b.points;
        break;
      }
  }
  s.total = s.st_staff + s.rd + s.ip;

  const Builder b{options, p};
  auto& cs = r.conditions;
  cs.reserve(5);
  cs.push_back(b.make(
      "M1", e.resident ? CondStatus::pass : CondStatus::fail, std::nullopt, std::nullopt,
      "第六条第(一)项", "art. 6(1)",
      [&] { return std::string("在中国境内(不含港、澳、台地区)注册的居民企业:") + (e.resident ? "是" : "否"); },
      [&] { return std::string("Resident enterprise registered in mainland China: ") + (e.resident ? "yes" : "no"); }));

  CondStatus m2 = CondStatus::unknown;
  if (f.staff && f.sales && f.total_assets)
    m2 = (f.staff->employees <= p.max_employees && *f.sales <= p.max_sales &&
          *f.total_assets <= p.max_total_assets)
             ? CondStatus::pass
             : CondStatus::fail;
  cs.push_back(b.make(
      "M2", m2, f.staff ? std::optional<Fraction>(f.staff->employees) : std::nullopt,
      p.max_employees, "第六条第(二)项", "art. 6(2)",
      [&] {
        if (m2 == CondStatus::unknown) return dy + "年职工总数、销售收入或资产总额数据不全";
        return dy + "年职工总数" + num(f.staff->employees) + "人(不超过" + num(p.max_employees) +
               "人)、销售收入" + num(*f.sales) + "万元(不超过" + num(p.max_sales) +
               "万元)、资产总额" + num(*f.total_assets) + "万元(不超过" +
               num(p.max_total_assets) + "万元)";
      },
      [&] {
        if (m2 == CondStatus::unknown) return "Employees, sales or total assets missing for " + dy;
        return "In " + dy + ": " + num(f.staff->employees) + " employees (at most " +
               num(p.max_employees) + "), sales " + num(*f.sales) + " 万元 (at most " +
               num(p.max_sales) + "), total assets " + num(*f.total_assets) + " 万元 (at most " +
               num(p.max_total_assets) + ")";
      }));

  cs.push_back(b.make(
      "M3", e.prohibited_industry ? CondStatus::fail : CondStatus::pass, std::nullopt,
      std::nullopt, "第六条第(三)项", "art. 6(3)",
      [&] { return std::string("产品和服务属于国家禁止、限制和淘汰类:") + (e.prohibited_industry ? "是" : "否"); },
      [&] { return std::string("Products or services in a prohibited, restricted or eliminated category: ") + (e.prohibited_industry ? "yes" : "no"); }));

  int incidents = 0;
  for (const auto& i : e.incidents)
    if (contains(p.incident_kinds, i.kind) && i.date.year() >= as_of.year() - p.incident_years_back &&
        i.date <= as_of)
      ++incidents;
  const bool m4_ok = incidents == 0 && !e.abnormal_operation_list && !e.serious_violation_list;
  cs.push_back(b.make(
      "M4", m4_ok ? CondStatus::pass : CondStatus::fail, Fraction::integer(incidents),
      Fraction::integer(0), "第六条第(四)项",
      "art. 6(4)",
      [&] {
        return std::to_string(as_of.year() - p.incident_years_back) + "年以来重大安全、质量事故、严重环境违法或科研严重失信行为" +
               std::to_string(incidents) + "起;列入经营异常名录:" +
               (e.abnormal_operation_list ? "是" : "否") + ";列入严重违法失信企业名单:" +
               (e.serious_violation_list ? "是" : "否");
      },
      [&] {
        return std::to_string(incidents) +
               " major accidents, serious environmental violations or serious research misconduct since " +
               std::to_string(as_of.year() - p.incident_years_back) +
               "; on the abnormal-operation list: " + (e.abnormal_operation_list ? "yes" : "no") +
               "; on the serious-violation list: " + (e.serious_violation_list ? "yes" : "no");
      }));

  CondStatus m5 = CondStatus::unknown;
  const bool score_ok = Fraction::integer(s.total) >= p.pass_score && s.st_staff != 0;
  if (yf) m5 = score_ok ? CondStatus::pass : CondStatus::fail;
  // Missing data can only lower the score; a failing score on incomplete data is still unknown.
  if (yf && !score_ok && (!f.staff || !f.rd)) m5 = CondStatus::unknown;
  cs.push_back(b.make(
      "M5", m5, Fraction::integer(s.total), p.pass_score, "第七条", "art. 7",
      [&] {
        return "评价得分" + std::to_string(s.total) + "分(科技人员" + std::to_string(s.st_staff) +
               "分" + (st_ratio ? "、占比" + pct(*st_ratio) : std::string()) + ",研发投入" +
               std::to_string(s.rd) + "分(方式" + std::to_string(s.rd_option) + "),科技成果" +
               std::to_string(s.ip) + "分);要求不低于" + num(p.pass_score) +
               "分且科技人员指标不为0分";
      },
      [&] {
        return "Score " + std::to_string(s.total) + " (S&T staff " + std::to_string(s.st_staff) +
               (st_ratio ? " at " + pct(*st_ratio) : std::string()) + ", R&D " +
               std::to_string(s.rd) + " by option " + std::to_string(s.rd_option) + ", IP " +
               std::to_string(s.ip) + "); at least " + num(p.pass_score) +
               " and a non-zero S&T staff score required";
      }));

  f.direct_route = direct_route(e, p, as_of);
  bool m14_fail = false, m14_unknown = false;
  for (int i = 0; i < 4; ++i) {
    m14_fail |= cs[i].status == CondStatus::fail;
    m14_unknown |= cs[i].status == CondStatus::unknown;
  }
  for (const auto& c : cs)
    if (c.status == CondStatus::fail) r.failed.emplace_back(c.code);
  if (m14_fail) {
    r.verdict = SmeVerdict::not_qualified;
  } else if (f.direct_route) {
    if (m14_unknown) {
      r.verdict = SmeVerdict::needs_review;
    } else {
      r.verdict = SmeVerdict::qualified;
      r.route = f.direct_route;
    }
    r.failed.clear();  // a direct route does not need the score
  } else if (m5 == CondStatus::fail) {
    r.verdict = SmeVerdict::not_qualified;
  } else if (m14_unknown || m5 == CondStatus::unknown) {
    r.verdict = SmeVerdict::needs_review;
  } else {
    r.verdict = SmeVerdict::qualified;
    r.route = SmeRoute::score;
  }
}

}  // namespace kc::rules
