#include "rules/hte.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "rules/growth.hpp"
#include "rules/ip_count.hpp"
#include "rules/rd_expenses.hpp"
#include "rules/text.hpp"

namespace kc::rules {
namespace {

using text::num;
using text::pct;

const char* yes_zh(bool b) { return b ? "是" : "否"; }
const char* yes_en(bool b) { return b ? "yes" : "no"; }

// Builds one condition; the texts are only assembled when explanations are wanted.
struct CondBuilder {
  const EvalOptions& opt;
  const HtePolicy& p;

  template <class Zh, class En>
  Condition make(const char* code, CondStatus st, std::optional<Fraction> value,
                 std::optional<Fraction> threshold, bool guide, const char* art_zh,
                 const char* art_en, Zh zh, En en) const {
    Condition c{code, st, value, threshold, {}};
    if (opt.explain) {
      const Bilingual& doc = guide ? p.guide : p.measures;
      c.detail.zh = zh() + "。依据:" + doc.zh + art_zh;
      c.detail.en = en() + ". Source: " + doc.en + ", " + art_en;
    }
    return c;
  }
};

std::string years_text(const YearRange& ys) {
  if (ys.empty()) return "-";
  if (ys.size() == 1) return std::to_string(ys.first);
  return std::to_string(ys.first) + "–" + std::to_string(ys.last);
}

Condition age(const CondBuilder& b, const EnterpriseFacts& e, Date as_of) {
  const int days = domain::days_between(e.registered_on, as_of);
  const bool ok = days >= b.p.age_min_days && e.resident;
  return b.make("E1", ok ? CondStatus::pass : CondStatus::fail, Fraction::integer(days),
                Fraction::integer(b.p.age_min_days), false,
                "第二条、第十一条第(一)项", "arts. 2 and 11(1)",
                [&] {
                  return "注册成立至申请日" + std::to_string(days) + "天(要求不少于" +
                         std::to_string(b.p.age_min_days) + "天);中国境内注册的居民企业:" +
                         yes_zh(e.resident);
                },
                [&] {
                  return "Registered " + std::to_string(days) +
                         " days before the application date (at least " +
                         std::to_string(b.p.age_min_days) +
                         " required); resident enterprise registered in mainland China: " +
                         yes_en(e.resident);
                });
}

Condition ip_ownership(const CondBuilder& b, const IpCount& ipc, HteFigures& f) {
  const int owned = ipc.class_one + ipc.class_two;
  std::optional<Fraction> share;
  CondStatus st;
  if (owned == 0) {
    st = CondStatus::fail;
  } else if (!f.ip_backed_revenue || !f.high_tech_revenue) {
    st = CondStatus::unknown;
  } else if (f.high_tech_revenue->is_zero()) {
    st = CondStatus::fail;  // no high-tech revenue: no main products at all
  } else {
    share = Fraction(f.ip_backed_revenue->units(), f.high_tech_revenue->units());
    st = *share > b.p.main_products_min_share ? CondStatus::pass : CondStatus::fail;
  }
  return b.make(
      "E2", st, share, b.p.main_products_min_share, true,
      "三(二)、三(四)", "sections III(2) and III(4)",
      [&] {
        std::string s = "拥有有效知识产权Ⅰ类" + std::to_string(ipc.class_one) + "件、Ⅱ类" +
                        std::to_string(ipc.class_two) + "件";
        if (share)
          s += ";拥有核心知识产权的主要产品(服务)收入占高新技术产品(服务)收入" + pct(*share) +
               "(要求超过" + pct(b.p.main_products_min_share) + ")";
        else if (owned > 0 && st == CondStatus::unknown)
          s += ";未提供拥有核心知识产权的产品收入(ip_backed_revenue),需人工复核";
        return s;
      },
      [&] {
        std::string s = "Owns " + std::to_string(ipc.class_one) + " valid Class I and " +
                        std::to_string(ipc.class_two) + " Class II IP items";
        if (share)
          s += "; revenue of main products backed by own core IP is " + pct(*share) +
               " of high-tech revenue (must exceed " + pct(b.p.main_products_min_share) + ")";
        else if (owned > 0 && st == CondStatus::unknown)
          s += "; ip_backed_revenue not given, needs review";
        return s;
      });
}

Condition tech_field(const CondBuilder& b, const EnterpriseFacts& e) {
  const bool judged = e.tech_field.has_value();
  return b.make(
      "E3", judged ? CondStatus::pass : CondStatus::unknown,
      judged ? std::optional<Fraction>(Fraction::integer(*e.tech_field)) : std::nullopt,
      std::nullopt, false,
      "第十一条第(三)项及附件", "art. 11(3) and annex",
      [&] {
        return judged ? "核心技术属于《国家重点支持的高新技术领域》第" +
                            std::to_string(*e.tech_field) + "领域(专家判定)"
                      : std::string("技术领域尚未经专家判定");
      },
      [&] {
        return judged ? "Core technology judged to be in field " + std::to_string(*e.tech_field) +
                            " of the State-supported high-tech fields"
                      : std::string("Technology field not yet judged by experts");
      });
}

Condition st_staff(const CondBuilder& b, HteFigures& f) {
  CondStatus st = CondStatus::unknown;
  std::optional<Fraction> ratio;
  if (f.staff) {
    if (f.staff->employees.is_zero() || f.staff->employees.is_negative()) {
      st = CondStatus::fail;
    } else {
      ratio = f.staff->st_staff / f.staff->employees;
      st = *ratio >= b.p.st_staff_min_ratio ? CondStatus::pass : CondStatus::fail;
    }
  }
  const std::string y = std::to_string(f.latest_year);
  return b.make(
      "E4", st, ratio, b.p.st_staff_min_ratio, true, "三(五)", "section III(5)",
      [&] {
        if (!f.staff) return y + "年缺少职工人数或科技人员数";
        return y + "年科技人员年平均数" + num(f.staff->st_staff) + "人,职工年平均数" +
               num(f.staff->employees) + "人,占比" + (ratio ? pct(*ratio) : std::string("-")) +
               "(要求不低于" + pct(b.p.st_staff_min_ratio) + ")";
      },
      [&] {
        if (!f.staff) return "No employee or S&T staff figures for " + y;
        return "S&T staff " + num(f.staff->st_staff) + " of " + num(f.staff->employees) +
               " employees on annual average in " + y + ", " +
               (ratio ? pct(*ratio) : std::string("-")) + " (at least " +
               pct(b.p.st_staff_min_ratio) + " required)";
      });
}

Condition rd_intensity(const CondBuilder& b, const EnterpriseFacts& e, HteFigures& f) {
  const std::string ys = years_text(f.window);
  bool missing = f.window.empty();
  Fraction rd, dom, sales;
  for (int y = f.window.first; y <= f.window.last; ++y) {
    const YearFacts* yf = e.year(y);
    const auto c = yf ? collect_rd(*yf, b.p.rd_collection) : std::nullopt;
    if (!c || !yf->sales_revenue) {
      missing = true;
      continue;
    }
    rd = rd + c->total;
    dom = dom + c->domestic;
    sales = sales + Fraction::of(*yf->sales_revenue);
  }
  const YearFacts* latest = e.year(f.latest_year);
  std::optional<Fraction> tier;
  if (latest && latest->sales_revenue) {
    const Fraction s = Fraction::of(*latest->sales_revenue);
    for (const auto& t : b.p.rd_tiers)
      if (!t.sales_max || s <= *t.sales_max) {
        tier = t.min_ratio;
        break;
      }
  }
  CondStatus st = CondStatus::unknown;
  std::optional<Fraction> ratio, dom_share;
  if (!missing && tier) {
    f.rd_3y = rd;
    f.rd_domestic_3y = dom;
    f.sales_3y = sales;
    f.rd_tier = tier;
    if (sales.is_zero() || rd.is_zero()) {
      st = CondStatus::fail;
    } else {
      ratio = rd / sales;
      dom_share = dom / rd;
      st = (*ratio >= *tier && *dom_share >= b.p.rd_domestic_min_share) ? CondStatus::pass
                                                                         : CondStatus::fail;
    }
  } else if (f.window.empty()) {
    st = CondStatus::fail;  // not a single completed fiscal year
  }
  return b.make(
      "E5", st, ratio, tier, false,
      "第十一条第(五)项;《工作指引》三(六)", "art. 11(5); Work Guidelines section III(6)",
      [&] {
        if (f.window.empty()) return std::string("申请前无完整会计年度");
        if (st == CondStatus::unknown) return ys + "年研发费用或销售收入数据不全";
        std::string s = ys + "年研发费用合计" + num(rd) + "万元,销售收入合计" + num(sales) +
                        "万元,比例" + (ratio ? pct(*ratio) : std::string("-")) + "(最近一年销售收入" +
                        latest->sales_revenue->to_string() + "万元,要求不低于" + pct(*tier) + ")";
        if (dom_share)
          s += ";境内研发费用占比" + pct(*dom_share) + "(要求不低于" +
               pct(b.p.rd_domestic_min_share) + ")";
        return s;
      },
      [&] {
        if (f.window.empty()) return std::string("No completed fiscal year before the application");
        if (st == CondStatus::unknown) return "R&D or sales figures incomplete for " + ys;
        std::string s = "R&D over " + ys + " totals " + num(rd) + " 万元 against sales of " +
                        num(sales) + " 万元, " + (ratio ? pct(*ratio) : std::string("-")) +
                        " (latest-year sales " + latest->sales_revenue->to_string() +
                        " 万元 require at least " + pct(*tier) + ")";
        if (dom_share)
          s += "; R&D in China is " + pct(*dom_share) + " of it (at least " +
               pct(b.p.rd_domestic_min_share) + " required)";
        return s;
      });
}

Condition high_tech_revenue(const CondBuilder& b, HteFigures& f, const YearFacts* latest) {
  CondStatus st = CondStatus::unknown;
  std::optional<Fraction> share;
  if (latest && latest->gross_income && latest->non_taxable_income && f.high_tech_revenue) {
    const Fraction ti = Fraction::of(*latest->gross_income - *latest->non_taxable_income);
    f.total_income = ti;
    if (ti <= Fraction{}) {
      st = CondStatus::fail;
    } else {
      share = Fraction::of(*f.high_tech_revenue) / ti;
      st = *share >= b.p.high_tech_revenue_min_share ? CondStatus::pass : CondStatus::fail;
    }
  }
  const std::string y = std::to_string(f.latest_year);
  return b.make(
      "E6", st, share, b.p.high_tech_revenue_min_share, false, "第十一条第(六)项;《工作指引》三(四)",
      "art. 11(6); Work Guidelines section III(4)",
      [&] {
        if (!f.total_income) return y + "年高新技术产品(服务)收入或总收入数据不全";
        return y + "年高新技术产品(服务)收入" + f.high_tech_revenue->to_string() + "万元,总收入" +
               num(*f.total_income) + "万元,占比" + (share ? pct(*share) : std::string("-")) +
               "(要求不低于" + pct(b.p.high_tech_revenue_min_share) + ")";
      },
      [&] {
        if (!f.total_income) return "High-tech revenue or total income missing for " + y;
        return "High-tech revenue " + f.high_tech_revenue->to_string() + " 万元 of total income " +
               num(*f.total_income) + " 万元 in " + y + ", " +
               (share ? pct(*share) : std::string("-")) + " (at least " +
               pct(b.p.high_tech_revenue_min_share) + " required)";
      });
}

std::optional<Fraction> score_total(const EnterpriseFacts& e, const HtePolicy& p) {
  if (e.expert_scores) {
    const ExpertScores& s = *e.expert_scores;
    const Fraction ip = domain::min(
        p.ip_score_cap, Fraction::of(s.ip_advancement + s.ip_core_support + s.ip_quantity +
                                     s.ip_acquisition + s.ip_standards_bonus));
    return ip + Fraction::of(s.transfer + s.rd_management + s.growth_net_assets + s.growth_sales);
  }
  if (!e.panel_totals.empty()) {
    Decimal sum;
    for (Decimal d : e.panel_totals) sum += d;
    return Fraction::of(sum) / Fraction(static_cast<domain::Int128>(e.panel_totals.size()), 1);
  }
  return std::nullopt;
}

Condition innovation(const CondBuilder& b, const HteScore& sc, bool growth_blocked) {
  CondStatus st = CondStatus::unknown;
  if (sc.total && !growth_blocked)
    st = *sc.total > b.p.score_pass_mark ? CondStatus::pass : CondStatus::fail;
  return b.make(
      "E7", st, sc.total, b.p.score_pass_mark, true, "三(七)", "section III(7)",
      [&] {
        std::string s = sc.total ? "创新能力评价得分" + num(*sc.total) + "分(要求高于" +
                                       num(b.p.score_pass_mark) + "分)"
                                 : std::string("尚无专家评分");
        if (growth_blocked) s += ";成长性指标基数为负或数据缺失,需人工复核";
        return s;
      },
      [&] {
        std::string s = sc.total ? "Innovation-capability score " + num(*sc.total) +
                                       " (must be above " + num(b.p.score_pass_mark) + ")"
                                 : std::string("No expert score yet");
        if (growth_blocked) s += "; a growth base is negative or missing, needs review";
        return s;
      });
}

Condition incidents(const CondBuilder& b, const EnterpriseFacts& e, Date as_of, HteFigures& f) {
  const Date from = as_of.add_days(-b.p.incident_window_days);
  int n = 0;
  for (const auto& i : e.incidents) {
    if (i.date < from || i.date > as_of) continue;
    if (std::find(b.p.incident_kinds.begin(), b.p.incident_kinds.end(), i.kind) ==
        b.p.incident_kinds.end())
      continue;
    ++n;
    if (!f.last_incident || *f.last_incident < i.date) f.last_incident = i.date;
  }
  return b.make(
      "E8", n == 0 ? CondStatus::pass : CondStatus::fail, Fraction::integer(n),
      Fraction::integer(0), false, "第十一条第(八)项",
      "art. 11(8)",
      [&] {
        return "申请前一年内(" + from.to_string() + "至" + as_of.to_string() +
               ")重大安全、重大质量事故或严重环境违法行为" + std::to_string(n) + "起";
      },
      [&] {
        return std::to_string(n) +
               " major safety or quality accidents or serious environmental violations between " +
               from.to_string() + " and " + as_of.to_string();
      });
}

char ip_quantity_band(const IpCount& c, const HtePolicy& p) {
  if (c.class_one >= 1) return 'A';
  const auto& b = p.ip_quantity_class_two_bands;
  if (c.class_two >= b[0]) return 'B';
  if (c.class_two >= b[1]) return 'C';
  if (c.class_two >= b[2]) return 'D';
  return 'E';
}

}  // namespace

const char* to_string(HteVerdict v) {
  switch (v) {
    case HteVerdict::recognised: return "recognised";
    case HteVerdict::not_recognised: return "not_recognised";
    case HteVerdict::needs_review: return "needs_review";
  }
  return "needs_review";
}

HteResult evaluate_hte(const EnterpriseFacts& e, const HtePolicy& p, Date as_of,
                       const EvalOptions& options) {
  HteResult r;
  evaluate_hte(e, p, as_of, r, options);
  return r;
}

void evaluate_hte(const EnterpriseFacts& e, const HtePolicy& p, Date as_of, HteResult& r,
                  const EvalOptions& options) {
  r.id = e.id;
  r.failed.clear();
  r.conditions.clear();
  r.score = {};
  r.figures = {};
  HteFigures& f = r.figures;
  const int app_year = as_of.year();
  f.latest_year = app_year - 1;
  const int reg_year = e.registered_on.year();
  f.window = {std::max(app_year - p.rd_window_years, reg_year), app_year - 1};
  const YearFacts* latest = e.year(f.latest_year);
  if (latest) {
    f.staff = staff_averages(*latest);
    f.high_tech_revenue = latest->high_tech_revenue;
    f.ip_backed_revenue = latest->ip_backed_revenue;
  }
  const IpCount ipc = count_ip(e.ip, as_of, p.ip_class_one, p.ip_class_two, p.ip_class_two_single_use);

  // Score bands (informative for the panel; growth edge cases also decide E7's status).
  r.score.ip_quantity = ip_quantity_band(ipc, p);
  int transfers = 0;
  // The window is short (three years in 2016); fixed arrays keep batch runs off the heap.
  constexpr std::size_t kMaxWindow = 16;
  std::array<std::optional<Decimal>, kMaxWindow> na, sales;
  std::size_t n = 0;
  for (int y = f.window.first; y <= f.window.last; ++y) {
    const YearFacts* yf = e.year(y);
    if (yf && yf->transfers) transfers += *yf->transfers;
    if (n == kMaxWindow) continue;
    na[n] = yf ? yf->net_assets : std::nullopt;
    sales[n++] = yf ? yf->sales_revenue : std::nullopt;
  }
  f.transfer_average = f.window.empty()
                           ? Fraction{}
                           : Fraction(transfers, static_cast<domain::Int128>(f.window.size()));
  r.score.transfer = 'F';
  for (std::size_t i = 0; i < p.transfer_bands.size(); ++i)
    if (f.transfer_average >= p.transfer_bands[i]) {
      r.score.transfer = static_cast<char>('A' + i);
      break;
    }
  const GrowthResult g_na = growth_band(std::span(na.data(), n), p.growth_bands);
  const GrowthResult g_s = growth_band(std::span(sales.data(), n), p.growth_bands);
  r.score.growth_net_assets = g_na.band;
  r.score.growth_sales = g_s.band;
  r.score.total = score_total(e, p);
  const bool growth_blocked = !g_na.band || !g_s.band;

  const CondBuilder b{options, p};
  r.conditions.reserve(8);
  r.conditions.push_back(age(b, e, as_of));
  r.conditions.push_back(ip_ownership(b, ipc, f));
  r.conditions.push_back(tech_field(b, e));
  r.conditions.push_back(st_staff(b, f));
  r.conditions.push_back(rd_intensity(b, e, f));
  r.conditions.push_back(high_tech_revenue(b, f, latest));
  r.conditions.push_back(innovation(b, r.score, growth_blocked));
  r.conditions.push_back(incidents(b, e, as_of, f));

  bool unknown = false;
  for (const auto& c : r.conditions) {
    if (c.status == CondStatus::fail) r.failed.emplace_back(c.code);
    if (c.status == CondStatus::unknown) unknown = true;
  }
  r.verdict = !r.failed.empty() ? HteVerdict::not_recognised
                                : (unknown ? HteVerdict::needs_review : HteVerdict::recognised);
}

}  // namespace kc::rules
