#include "rules/gaps.hpp"

#include <algorithm>

#include "rules/text.hpp"

namespace kc::rules {
namespace {

using domain::Int128;

const Condition* find(const std::vector<Condition>& cs, std::string_view code) {
  for (const auto& c : cs)
    if (c.code == code) return &c;
  return nullptr;
}

bool failed(const std::vector<Condition>& cs, std::string_view code) {
  const Condition* c = find(cs, code);
  return c && c->status == CondStatus::fail;
}

// Smallest amount on the yuan grid strictly greater than `need`.
Decimal smallest_above(const Fraction& need) {
  const Int128 scaled = need.num() * Decimal::kUnitsPerOne;
  Int128 q = scaled / need.den();
  if (scaled % need.den() != 0 && scaled < 0) --q;  // floor
  return Decimal::from_units(static_cast<std::int64_t>(q + 1));
}

// Within a tenth above a size cap a firm may yet shrink under it, so the gap is worth stating;
// beyond that it is simply not a small or medium-sized enterprise.
bool far_beyond_size_caps(const SmeFigures& f, const SmePolicy& p) {
  const Fraction margin = Fraction::integer(11) / Fraction::integer(10);
  return (f.staff && f.staff->employees > p.max_employees * margin) ||
         (f.sales && *f.sales > p.max_sales * margin) ||
         (f.total_assets && *f.total_assets > p.max_total_assets * margin);
}

std::string years_text(const std::vector<int>& ys) {
  if (ys.empty()) return "-";
  if (ys.size() == 1) return std::to_string(ys.front());
  return std::to_string(ys.front()) + "–" + std::to_string(ys.back());
}

Gap gap(std::string code, std::string field, std::vector<int> years, std::string zh,
        std::string en) {
  Gap g;
  g.code = std::move(code);
  g.field = std::move(field);
  g.years = std::move(years);
  g.text = {std::move(zh), std::move(en)};
  return g;
}

Gap not_fixable(std::string code, std::string field, std::string zh, std::string en) {
  Gap g = gap(std::move(code), std::move(field), {}, std::move(zh), std::move(en));
  g.fixable = false;
  return g;
}

// Whole people needed so that (st + k) / emp ≥ t with the head count unchanged.
std::int64_t staff_needed(const StaffAverages& s, const Fraction& t) {
  const Fraction need = t * s.employees - s.st_staff;
  return need > Fraction{} ? need.ceil() : 0;
}

}  // namespace

std::vector<Gap> hte_gaps(const EnterpriseFacts& e, const HtePolicy& p, Date as_of,
                          const HteResult& r) {
  std::vector<Gap> out;
  const HteFigures& f = r.figures;
  const std::string ly = std::to_string(f.latest_year);
  if (failed(r.conditions, "E1")) {
    if (!e.resident) {
      out.push_back(not_fixable("E1", "resident", "非中国境内注册的居民企业,不能申请",
                                "Not a resident enterprise registered in mainland China; cannot apply"));
    } else {
      Gap g = gap("E1", "as_of", {}, "", "");
      g.date = e.registered_on.add_days(p.age_min_days);
      g.count = domain::days_between(as_of, *g.date);
      g.text = {"注册满" + std::to_string(p.age_min_days) + "天后方可申请:最早" + g.date->to_string() +
                    "(还需" + std::to_string(*g.count) + "天)",
                "Apply on or after " + g.date->to_string() + " (" + std::to_string(*g.count) +
                    " more days since registration needed)"};
      out.push_back(std::move(g));
    }
  }
  if (failed(r.conditions, "E2")) {
    const Condition* c = find(r.conditions, "E2");
    if (!c->value) {
      if (f.high_tech_revenue && f.high_tech_revenue->is_zero() && r.score.ip_quantity != 'E') {
        out.push_back(gap("E2", "high_tech_revenue", {f.latest_year},
                          ly + "年需有拥有核心知识产权的高新技术产品(服务)收入",
                          "Needs high-tech revenue in " + ly + " from products backed by own core IP"));
      } else {
        Gap g = gap("E2", "ip", {}, "需取得至少1件有效的Ⅰ类或Ⅱ类知识产权(商标除外)",
                    "Obtain at least 1 valid Class I or Class II IP item (trademarks do not count)");
        g.count = 1;
        out.push_back(std::move(g));
      }
    } else {
      const Fraction need = p.main_products_min_share * Fraction::of(*f.high_tech_revenue) -
                            Fraction::of(*f.ip_backed_revenue);
      Gap g = gap("E2", "ip_backed_revenue", {f.latest_year}, "", "");
      g.amount = smallest_above(need);
      g.text = {ly + "年拥有核心知识产权的产品(服务)收入需增加" + g.amount->to_string() +
                    "万元,使其超过高新技术产品(服务)收入的" + text::pct(p.main_products_min_share),
                "Revenue in " + ly + " from products backed by own core IP must rise by " +
                    g.amount->to_string() + " 万元 to exceed " +
                    text::pct(p.main_products_min_share) + " of high-tech revenue"};
      out.push_back(std::move(g));
    }
  }
  if (failed(r.conditions, "E4") && f.staff) {
    if (!(f.staff->employees > Fraction{})) {
      out.push_back(not_fixable("E4", "employees", ly + "年职工人数为0", "No employees in " + ly));
    } else {
      Gap g = gap("E4", "st_staff", {f.latest_year}, "", "");
      g.count = staff_needed(*f.staff, p.st_staff_min_ratio);
      g.text = {ly + "年科技人员年平均数需增加" + std::to_string(*g.count) + "人(职工总数不变)",
                std::to_string(*g.count) + " more S&T staff on annual average in " + ly +
                    " (same head count)"};
      out.push_back(std::move(g));
    }
  }
  if (failed(r.conditions, "E5") && f.rd_3y && f.sales_3y && f.rd_tier) {
    // Domestic internal R&D raises both the ratio and the domestic share.
    Fraction need = *f.rd_tier * *f.sales_3y - *f.rd_3y;
    const Fraction one = Fraction::integer(1);
    const Fraction need_dom =
        (p.rd_domestic_min_share * *f.rd_3y - *f.rd_domestic_3y) / (one - p.rd_domestic_min_share);
    need = domain::max(need, need_dom);
    const std::vector<int> window = f.window.years();
    const std::string ys = years_text(window);
    Gap g = gap("E5", "rd", window, "", "");
    g.amount = need.ceil_to_decimal();
    g.text = {ys + "年境内研发费用合计需增加" + g.amount->to_string() + "万元",
              "R&D spending in China over " + ys + " must rise by " + g.amount->to_string() +
                  " 万元"};
    out.push_back(std::move(g));
  }
  if (failed(r.conditions, "E6") && f.total_income && f.high_tech_revenue) {
    if (!(*f.total_income > Fraction{})) {
      out.push_back(not_fixable("E6", "gross_income", ly + "年总收入不为正", "Total income in " + ly + " is not positive"));
    } else {
      const Fraction need = p.high_tech_revenue_min_share * *f.total_income -
                            Fraction::of(*f.high_tech_revenue);
      Gap g = gap("E6", "high_tech_revenue", {f.latest_year}, "", "");
      g.amount = need.ceil_to_decimal();
      g.text = {ly + "年高新技术产品(服务)收入需增加" + g.amount->to_string() + "万元(总收入不变)",
                "High-tech revenue in " + ly + " must rise by " + g.amount->to_string() +
                    " 万元 (same total income)"};
      out.push_back(std::move(g));
    }
  }
  if (failed(r.conditions, "E7") && r.score.total) {
    Gap g = gap("E7", "expert_scores", {}, "", "");
    g.count = (p.score_pass_mark - *r.score.total).floor() + 1;
    g.text = {"创新能力评价得分需提高" + std::to_string(*g.count) + "分,以高于" +
                  text::num(p.score_pass_mark) + "分",
              "The innovation-capability score must rise by " + std::to_string(*g.count) +
                  " points to exceed " + text::num(p.score_pass_mark)};
    out.push_back(std::move(g));
  }
  if (failed(r.conditions, "E8") && f.last_incident) {
    Gap g = gap("E8", "as_of", {}, "", "");
    g.date = f.last_incident->add_days(p.incident_window_days + 1);
    g.text = {"最近一次重大事故或严重环境违法发生于" + f.last_incident->to_string() + ",最早" +
                  g.date->to_string() + "起申请",
              "The last major incident was on " + f.last_incident->to_string() +
                  "; apply on or after " + g.date->to_string()};
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<Gap> sme_gaps(const EnterpriseFacts& e, const SmePolicy& p, Date as_of,
                          const SmeResult& r) {
  std::vector<Gap> out;
  const SmeFigures& f = r.figures;
  const std::string dy = std::to_string(f.data_year);
  if (failed(r.conditions, "M1"))
    out.push_back(not_fixable("M1", "resident", "非中国境内注册的居民企业",
                              "Not a resident enterprise registered in mainland China"));
  if (failed(r.conditions, "M2") && far_beyond_size_caps(f, p)) {
    // Arithmetic ("employees must fall by 7,090") is no advice to a firm many times an SME's size:
    // one plain sentence, and no suggestions for the other conditions either.
    return {not_fixable(
        "M2", "size",
        dy + "年规模超出科技型中小企业标准（职工总数不超过" + std::to_string(p.max_employees.ceil()) +
            "人，销售收入不超过" + std::to_string(p.max_sales.ceil()) + "万元，资产总额不超过" +
            std::to_string(p.max_total_assets.ceil()) + "万元）一成以上，不是科技型中小企业的评价对象",
        "In " + dy + " the enterprise is more than 10 % beyond the S&T SME size limits (at most " +
            std::to_string(p.max_employees.ceil()) + " employees, sales at most " +
            std::to_string(p.max_sales.ceil()) + " 万元, total assets at most " +
            std::to_string(p.max_total_assets.ceil()) + " 万元): it is not a candidate for S&T SME evaluation")};
  }
  if (failed(r.conditions, "M2")) {
    if (f.staff && f.staff->employees > p.max_employees) {
      Gap g = gap("M2", "employees", {f.data_year}, "", "");
      g.count = -(f.staff->employees - p.max_employees).ceil();
      g.text = {dy + "年职工总数需减少" + std::to_string(-*g.count) + "人",
                "Employees in " + dy + " must fall by " + std::to_string(-*g.count)};
      out.push_back(std::move(g));
    }
    if (f.sales && *f.sales > p.max_sales) {
      Gap g = gap("M2", "sales_revenue", {f.data_year}, "", "");
      g.amount = Decimal::from_units(-(*f.sales - p.max_sales).ceil_to_decimal().units());
      g.text = {dy + "年销售收入超过上限" + (Decimal{} - *g.amount).to_string() + "万元",
                "Sales in " + dy + " exceed the cap by " + (Decimal{} - *g.amount).to_string() + " 万元"};
      out.push_back(std::move(g));
    }
    if (f.total_assets && *f.total_assets > p.max_total_assets) {
      Gap g = gap("M2", "total_assets", {f.data_year}, "", "");
      g.amount = Decimal::from_units(-(*f.total_assets - p.max_total_assets).ceil_to_decimal().units());
      g.text = {dy + "年资产总额超过上限" + (Decimal{} - *g.amount).to_string() + "万元",
                "Total assets in " + dy + " exceed the cap by " + (Decimal{} - *g.amount).to_string() + " 万元"};
      out.push_back(std::move(g));
    }
  }
  if (failed(r.conditions, "M3"))
    out.push_back(not_fixable("M3", "prohibited_industry", "产品属于国家禁止、限制或淘汰类",
                              "Products are in a prohibited, restricted or eliminated category"));
  if (failed(r.conditions, "M4")) {
    int last = 0;
    for (const auto& i : e.incidents)
      if (std::find(p.incident_kinds.begin(), p.incident_kinds.end(), i.kind) != p.incident_kinds.end() &&
          i.date.year() >= as_of.year() - p.incident_years_back && i.date <= as_of)
        last = std::max(last, i.date.year());
    if (last != 0) {
      Gap g = gap("M4", "incidents", {}, "", "");
      g.date = Date::from_ymd(last + p.incident_years_back + 1, 1, 1);
      g.text = {"事故或失信行为发生于" + std::to_string(last) + "年,最早" + g.date->to_string() + "起参加评价",
                "An incident happened in " + std::to_string(last) + "; apply on or after " +
                    g.date->to_string()};
      out.push_back(std::move(g));
    }
    if (e.abnormal_operation_list || e.serious_violation_list)
      out.push_back(not_fixable("M4", "lists", "需先移出经营异常名录或严重违法失信名单",
                                "Must first be removed from the abnormal-operation or serious-violation list"));
  }
  if (failed(r.conditions, "M5") && f.staff && f.staff->employees > Fraction{}) {
    int st_points = r.score.st_staff;
    Fraction st = f.staff->st_staff;
    if (st_points == 0 && !p.st_staff_bands.empty()) {
      const std::int64_t k = staff_needed(*f.staff, p.st_staff_bands.back().min);
      Gap g = gap("M5", "st_staff", {f.data_year}, "", "");
      g.count = k;
      g.text = {dy + "年科技人员需增加" + std::to_string(k) + "人(职工总数不变),使科技人员指标得分不为0",
                std::to_string(k) + " more S&T staff on annual average in " + dy +
                    " (same head count) so that the S&T staff score is not 0"};
      out.push_back(std::move(g));
      st = st + Fraction::integer(k);
      st_points = band_points(st / f.staff->employees, p.st_staff_bands);
    }
    const int total = st_points + r.score.rd + r.score.ip;
    const Fraction shortfall = p.pass_score - Fraction::integer(total);
    if (shortfall > Fraction{}) {
      const std::int64_t short_pts = shortfall.ceil();
      // Alternative 1: more S&T staff up to the band that closes the gap.
      for (auto it = p.st_staff_bands.rbegin(); it != p.st_staff_bands.rend(); ++it) {
        if (it->points - st_points < short_pts) continue;
        const Fraction need = it->min * f.staff->employees - st;
        Gap g = gap("M5", "st_staff", {f.data_year}, "", "");
        g.count = need.ceil();
        g.text = {"或:" + dy + "年科技人员再增加" + std::to_string(*g.count) + "人(职工总数不变),科技人员指标得" +
                      std::to_string(it->points) + "分",
                  "Or: " + std::to_string(*g.count) + " more S&T staff on annual average in " + dy +
                      " (same head count) for " + std::to_string(it->points) + " points"};
        out.push_back(std::move(g));
        break;
      }
      // Alternative 2: more R&D, by whichever option needs less.
      std::optional<Decimal> best;
      for (const auto& [bands, base] : {std::pair{&p.rd_sales_bands, f.sales},
                                        std::pair{&p.rd_cost_bands, f.total_cost_expense}}) {
        if (!base || !(*base > Fraction{})) continue;
        for (auto it = bands->rbegin(); it != bands->rend(); ++it) {
          if (it->points - r.score.rd < short_pts) continue;
          const Fraction need = it->min * *base - f.rd.value_or(Fraction{});
          const Decimal amount = need.ceil_to_decimal();
          if (!best || amount < *best) best = amount;
          break;
        }
      }
      if (best) {
        Gap g = gap("M5", "rd", {f.data_year}, "", "");
        g.amount = *best;
        g.text = {"或:" + dy + "年研发费用增加" + best->to_string() + "万元",
                  "Or: R&D spending in " + dy + " must rise by " + best->to_string() + " 万元"};
        out.push_back(std::move(g));
      }
      // Alternative 3: more IP (a Class I item, or enough Class II items).
      if (r.score.ip < p.ip_class_one_points && p.ip_class_one_points - r.score.ip >= short_pts) {
        std::optional<int> class_two;
        for (auto it = p.ip_class_two_bands.rbegin(); it != p.ip_class_two_bands.rend(); ++it)
          if (f.class_one == 0 && it->points - r.score.ip >= short_pts) {
            class_two = it->min - f.class_two;
            break;
          }
        Gap g = gap("M5", "ip", {}, "", "");
        g.count = class_two ? *class_two : 1;
        g.text = class_two
                     ? Bilingual{"或:再取得" + std::to_string(*class_two) + "件Ⅱ类知识产权(或1件Ⅰ类)",
                                 "Or: " + std::to_string(*class_two) +
                                     " more Class II IP items (or 1 Class I item)"}
                     : Bilingual{"或:取得1件Ⅰ类知识产权", "Or: 1 Class I IP item"};
        out.push_back(std::move(g));
      }
    }
  }
  return out;
}

}  // namespace kc::rules
