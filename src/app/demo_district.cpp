#include "app/demo_district.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>

#include "app/demo_support.hpp"
#include "domain/credit_code.hpp"
#include "domain/decimal.hpp"
#include "domain/patent_number.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {
namespace {

using demo::cell;
using demo::cell_bool;
using demo::Random;
using demo::Words;
using demo::Writer;
using demo::ymd;
using domain::Date;
using domain::Int128;
using T = DemoTargets;

__extension__ typedef __int128 Wide;

constexpr int kFirstYear = 2009;
constexpr int kLastYear = 2014;
constexpr int kYears = kLastYear - kFirstYear + 1;
constexpr std::int64_t kWan = T::kWan;
const std::string kDistrict = kDemoDistrictCode;

int year_index(int year) { return year - kFirstYear; }

// The trend around the report's two R&D/GDP points (万元); 2011 and 2013 are the report's.
constexpr std::array<std::int64_t, kYears> kRdByYear = {
    48'000 * kWan, 58'500 * kWan, T::kRd2011, 80'600 * kWan, T::kRd2013, 104'500 * kWan};
constexpr std::array<std::int64_t, kYears> kGdpByYear = {2'350'000 * kWan, 2'680'000 * kWan,
                                                         T::kGdp2011,      3'210'000 * kWan,
                                                         T::kGdp2013,      3'630'000 * kWan};

// Enterprise roles by position in a seeded shuffle of all enterprises: the first positions are
// the above-size industrial enterprises (those with R&D institutions first), then above-size
// service firms, the start-up park's residents, and small firms.
constexpr std::int64_t kIndustrialEnd = T::kAboveSizeIndustrial;  // [0, 600)
constexpr std::int64_t kServiceEnd = kIndustrialEnd + 160;        // [600, 760)
constexpr std::int64_t kPark2013End = kServiceEnd + T::kParkEnterprises;
constexpr std::int64_t kPark2014End = kPark2013End + 5;
constexpr std::int64_t kCoreEnd = 2'400;  // positions whose details later kinds refer to

enum class Role { industrial, service, park2013, park2014, small };

Role role_of(std::int64_t pos) {
  if (pos < kIndustrialEnd) return Role::industrial;
  if (pos < kServiceEnd) return Role::service;
  if (pos < kPark2013End) return Role::park2013;
  if (pos < kPark2014End) return Role::park2014;
  return Role::small;
}

constexpr std::array<std::string_view, 20> kIndustrialCodes = {
    "C2614", "C2641", "C2929", "C3311", "C3399", "C3419", "C3442", "C3511", "C3581", "C3812",
    "C3825", "C3874", "C3921", "C3969", "C4011", "C2710", "C1713", "C1819", "C2319", "C3831"};
constexpr std::array<std::string_view, 20> kIndustrialWords = {
    "化工",     "涂料",     "塑料", "金属制品", "五金", "机械",     "轴承",
    "冶金设备", "医疗器械", "电机", "照明电器", "电气", "通信设备", "电子",
    "仪器仪表", "制药",     "纺织", "服饰",     "印刷", "电线电缆"};
constexpr std::array<std::string_view, 7> kServiceCodes = {"I6513", "I6520", "M7320", "M7491",
                                                           "M7520", "F5174", "L7212"};
constexpr std::array<std::string_view, 7> kServiceWords = {
    "软件", "信息技术", "工程技术", "检测", "科技服务", "贸易", "科技咨询"};

// What an enterprise is, drawn from its own random stream, so that passes over the enterprises
// (weights first, then records) see the same enterprise without keeping it in memory.
struct Profile {
  Role role = Role::small;
  bool industrial = false;
  bool above_size = false;
  bool performer = false;  // does R&D
  Date registered;
  int rd_from = kFirstYear;
  double revenue = 0;  // 万元 at 2013 level
  double growth = 0;
  std::array<double, kYears> noise{};
  double intensity = 0;  // R&D weight per 万元 of revenue
  double employees = 0;
  double st_share = 0;
  double export_share = 0;
  std::int64_t capital = 0;  // yuan
  int industry = 0;
  bool tech = false;  // in a high-tech field

  bool active(int year) const { return year >= registered.year(); }
  double revenue_in(int year) const {
    double r = revenue * std::pow(1 + growth, year - T::kReportYear) *
               noise[static_cast<std::size_t>(year_index(year))];
    if (year == registered.year())
      r *= (366.0 - (registered.days_since_epoch() - ymd(year, 1, 1).days_since_epoch())) / 366.0;
    return std::max(r, 5.0);
  }
  std::int64_t rd_weight(int year) const {
    if (!performer || !active(year) || year < rd_from) return 0;
    return std::max<std::int64_t>(1, std::llround(revenue_in(year) * intensity * 100));
  }
};

Profile make_profile(Random& r, std::int64_t pos, const std::vector<std::int64_t>& park_capital) {
  Profile p;
  p.role = role_of(pos);
  switch (p.role) {
    case Role::industrial:
      p.industrial = p.above_size = p.performer = true;
      p.registered = r.day_in(static_cast<int>(r.between(1990, 2008)));
      p.revenue = pos == 0 ? 300'000 : r.log_uniform(2'000, 40'000);
      p.intensity = r.uniform(0.008, 0.04);
      p.employees = p.revenue / r.uniform(30, 80) + 20;
      p.industry = static_cast<int>(r.between(0, kIndustrialCodes.size() - 1));
      p.capital = std::llround(r.log_uniform(500, 30'000)) * kWan;
      p.tech = r.chance(0.45);
      p.rd_from = kFirstYear;
      break;
    case Role::service:
      p.above_size = true;
      p.performer = r.chance(0.5);
      p.registered = r.day_in(static_cast<int>(r.between(1995, 2010)));
      p.revenue = r.log_uniform(1'000, 20'000);
      p.intensity = r.uniform(0.01, 0.08);
      p.employees = p.revenue / r.uniform(20, 60) + 10;
      p.industry = static_cast<int>(r.between(0, kServiceCodes.size() - 1));
      p.capital = std::llround(r.log_uniform(100, 10'000)) * kWan;
      p.tech = r.chance(0.5);
      break;
    case Role::park2013:
    case Role::park2014:
      p.industrial = r.chance(0.5);
      p.performer = p.tech = true;
      p.registered = p.role == Role::park2013
                         ? r.day_in(static_cast<int>(r.between(2012, 2013)), 1, 300)
                         : r.day_in(2014, 1, 300);
      p.revenue = r.log_uniform(50, 2'000);
      p.intensity = r.uniform(0.05, 0.2);
      p.employees = r.uniform(8, 60);
      p.industry = static_cast<int>(
          r.between(0, (p.industrial ? kIndustrialCodes.size() : kServiceCodes.size()) - 1));
      p.capital = p.role == Role::park2013
                      ? park_capital.at(static_cast<std::size_t>(pos - kServiceEnd))
                      : std::llround(r.uniform(200, 1'000)) * kWan;
      break;
    case Role::small: {
      p.industrial = r.chance(0.55);
      p.performer = r.chance(pos < kCoreEnd ? 0.35 : 0.15);
      // More firms registered in later years.
      const int year = static_cast<int>(1998 + std::floor(17 * std::sqrt(r.unit())));
      p.registered = r.day_in(std::min(year, kLastYear));
      p.revenue = r.log_uniform(30, 3'000);
      p.intensity = r.uniform(0.02, 0.15);
      p.employees = r.log_uniform(5, 120);
      p.industry = static_cast<int>(
          r.between(0, (p.industrial ? kIndustrialCodes.size() : kServiceCodes.size()) - 1));
      p.capital = std::llround(r.log_uniform(10, 1'000)) * kWan;
      p.tech = r.chance(0.3);
      break;
    }
  }
  p.rd_from =
      p.role == Role::industrial ? kFirstYear : static_cast<int>(r.between(kFirstYear, kLastYear));
  if (p.role == Role::park2013 || p.role == Role::park2014) p.rd_from = p.registered.year();
  p.growth = r.uniform(-0.02, 0.18);
  for (auto& n : p.noise) n = r.uniform(0.92, 1.08);
  p.st_share = r.uniform(p.performer ? 0.1 : 0.02, p.performer ? 0.35 : 0.1);
  p.export_share = r.chance(0.4) ? r.uniform(0.05, 0.6) : 0;
  return p;
}

// What later kinds need to know about the enterprises at the first positions.
struct CoreFirm {
  std::int64_t id = 0;
  std::string name;
  Date registered;
  bool performer = false;
  bool tech = false;
};

struct Context {
  Context(store::Connection& c, Random& r) : conn(c), random(r) {}
  store::Connection& conn;
  Random& random;
  std::int64_t enterprises = 0;
  std::vector<CoreFirm> core;  // by position
  std::map<std::string, std::int64_t> written;
  std::map<std::string, std::int64_t> platform;  // short key → id
  // Per platform id and year: what platform_years reports, counted from the records.
  struct PlatformYear {
    std::int64_t seed_fund = 0, cooperation = 0, deal_value = 0;
    std::set<std::int64_t> partners;
  };
  std::map<std::pair<std::int64_t, int>, PlatformYear> platform_years;

  const CoreFirm& firm(std::int64_t pos) const { return core.at(static_cast<std::size_t>(pos)); }
  std::int64_t core_size() const { return static_cast<std::int64_t>(core.size()); }
  // A random core firm's position in [from, to), registered by `by`; falls back to `from`.
  std::int64_t pos_in(std::int64_t from, std::int64_t to, Date by, bool performer_only = false) {
    to = std::min(to, core_size());
    for (int tries = 0; tries < 50; ++tries) {
      const auto pos = random.between(from, to - 1);
      const auto& f = firm(pos);
      if (f.registered <= by && (!performer_only || f.performer)) return pos;
    }
    return from;
  }
  std::int64_t firm_in(std::int64_t from, std::int64_t to, Date by, bool performer_only = false) {
    return firm(pos_in(from, to, by, performer_only)).id;
  }
  void count(const Writer& w) { written[w.kind().name] = w.written(); }
};

std::string credit_code(std::int64_t index, std::uint64_t seed) {
  // Organisation-code bodies walk a bijection of [0, 10^8) so every enterprise gets its own.
  const auto offset =
      static_cast<std::int64_t>(demo::stream_seed(seed, ~std::uint64_t{0}) % 100'000'000);
  const std::int64_t body = (offset + (index + 1) * 7'919) % 100'000'000;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%08lld", static_cast<long long>(body));
  buf[8] = 0;
  std::string first17 = "91" + kDistrict + buf;
  first17 += domain::CreditCode::compute_org_check_char(buf);
  return first17 + domain::CreditCode::compute_check_char(first17);
}

std::int64_t yuan(double wan) { return std::llround(wan * kWan); }
std::int64_t part(std::int64_t v, double share) {
  return static_cast<std::int64_t>(static_cast<double>(v) * share);
}

// Enterprises and their yearly figures. Each year's R&D over all enterprises adds up to that
// year's target exactly: weights from the profiles, floor of the proportional share, and what
// flooring leaves to the largest R&D performer (position 0).
void write_enterprises(Context& ctx, const DemoOptions& options) {
  const std::int64_t n = options.enterprises;
  std::vector<std::int32_t> order(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i)
    order[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i);
  ctx.random.shuffle(order);
  std::vector<std::int32_t> pos_of(order.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    pos_of[static_cast<std::size_t>(order[k])] = static_cast<std::int32_t>(k);
  const auto park_capital =
      demo::split_exact(ctx.random, T::kParkCapital, T::kParkEnterprises, 2.0, kWan);

  auto profile_of = [&](std::int64_t i, Random& r) {
    return make_profile(r, pos_of[static_cast<std::size_t>(i)], park_capital);
  };
  std::array<std::int64_t, kYears> weights{};
  for (std::int64_t i = 0; i < n; ++i) {
    Random r(demo::stream_seed(options.seed, static_cast<std::uint64_t>(i)));
    const Profile p = profile_of(i, r);
    for (int y = kFirstYear; y <= kLastYear; ++y)
      weights[static_cast<std::size_t>(year_index(y))] += p.rd_weight(y);
  }
  auto share = [&](std::int64_t w, int y) {
    const auto k = static_cast<std::size_t>(year_index(y));
    return static_cast<std::int64_t>(static_cast<Wide>(kRdByYear[k]) * w / weights[k]);
  };
  std::array<std::int64_t, kYears> floored{};
  for (std::int64_t i = 0; i < n; ++i) {
    Random r(demo::stream_seed(options.seed, static_cast<std::uint64_t>(i)));
    const Profile p = profile_of(i, r);
    for (int y = kFirstYear; y <= kLastYear; ++y)
      floored[static_cast<std::size_t>(year_index(y))] += share(p.rd_weight(y), y);
  }

  Writer firms(ctx.conn, "enterprises");
  Writer years(ctx.conn, "enterprise_years");
  const auto col = [](const Writer& w, std::string_view f) { return w.column(f); };
  const std::size_t e_code = col(firms, "credit_code"), e_name = col(firms, "name"),
                    e_region = col(firms, "region_code"), e_town = col(firms, "town"),
                    e_industry = col(firms, "industry_code"),
                    e_registered = col(firms, "registered_on"),
                    e_capital = col(firms, "registered_capital"), e_address = col(firms, "address"),
                    e_contact = col(firms, "contact_person"), e_phone = col(firms, "contact_phone"),
                    e_above = col(firms, "above_size"), e_tech = col(firms, "tech_field"),
                    e_tags = col(firms, "tags");
  const auto& tech_choices = firms.kind().fields[e_tech].choices;
  const std::size_t y_ent = col(years, "enterprise_id"), y_year = col(years, "year"),
                    y_sales = col(years, "sales_revenue"), y_gross = col(years, "gross_income"),
                    y_nontax = col(years, "non_taxable_income"),
                    y_ht = col(years, "high_tech_revenue"), y_ip = col(years, "ip_backed_revenue"),
                    y_total = col(years, "rd_total"), y_cost = col(years, "total_cost_expense"),
                    y_net = col(years, "net_assets"), y_assets = col(years, "total_assets"),
                    y_emp = col(years, "employees"), y_st = col(years, "st_staff"),
                    y_transfers = col(years, "transfers"),
                    y_output = col(years, "industrial_output"), y_va = col(years, "value_added"),
                    y_exports = col(years, "exports");
  // R&D categories and their shares of the total; "other" takes what is left.
  const std::array<std::pair<std::size_t, std::pair<double, double>>, 8> categories = {{
      {col(years, "rd_personnel"), {0.38, 0.55}},
      {col(years, "rd_direct_inputs"), {0.22, 0.35}},
      {col(years, "rd_depreciation"), {0.04, 0.10}},
      {col(years, "rd_amortisation"), {0.0, 0.03}},
      {col(years, "rd_design"), {0.0, 0.04}},
      {col(years, "rd_trials"), {0.0, 0.01}},
      {col(years, "rd_commissioned_domestic"), {0.0, 0.06}},
      {col(years, "rd_commissioned_foreign"), {0.0, 0.01}},
  }};
  const std::size_t y_other = col(years, "rd_other");

  ctx.core.resize(static_cast<std::size_t>(std::min(n, kCoreEnd)));
  for (std::int64_t start = 0; start < n; start += options.batch) {
    store::in_transaction(ctx.conn, [&] {
      for (std::int64_t i = start; i < std::min(n, start + options.batch); ++i) {
        Random r(demo::stream_seed(options.seed, static_cast<std::uint64_t>(i)));
        const Profile p = profile_of(i, r);
        const std::int64_t pos = pos_of[static_cast<std::size_t>(i)];
        const std::string_view word = p.industrial
                                          ? kIndustrialWords[static_cast<std::size_t>(p.industry)]
                                          : kServiceWords[static_cast<std::size_t>(p.industry)];
        const std::string name = "宁波" + std::string(r.pick(Words::firm_prefixes())) +
                                 std::string(word) + (p.tech ? "科技" : "") + "有限公司";
        const std::string_view town = r.pick(Words::towns());
        store::Record e = firms.blank();
        e.cells[e_code] = cell(credit_code(i, options.seed));
        e.cells[e_name] = cell(name);
        e.cells[e_region] = cell(kDistrict);
        e.cells[e_town] = cell(std::string(town));
        e.cells[e_industry] =
            cell(std::string(p.industrial ? kIndustrialCodes[static_cast<std::size_t>(p.industry)]
                                          : kServiceCodes[static_cast<std::size_t>(p.industry)]));
        e.cells[e_registered] = cell(p.registered);
        e.cells[e_capital] = cell(p.capital);
        e.cells[e_address] =
            cell("宁波市江北区" + std::string(town) + std::string(r.pick(Words::roads())) +
                 std::to_string(r.between(1, 999)) + "号");
        e.cells[e_contact] = cell(demo::person_name(r));
        e.cells[e_phone] = cell("0574-8" + std::to_string(r.between(1'000'000, 9'999'999)));
        e.cells[e_above] = cell_bool(p.above_size);
        if (p.tech)
          e.cells[e_tech] = cell(
              tech_choices[static_cast<std::size_t>(r.between(0, tech_choices.size() - 1))].value);
        if (p.role == Role::park2013 || p.role == Role::park2014)
          e.cells[e_tags] = cell("新材料创业园");
        const std::int64_t id = firms.insert(e);
        if (pos < kCoreEnd)
          ctx.core[static_cast<std::size_t>(pos)] = {id, name, p.registered, p.performer, p.tech};

        for (int y = std::max(kFirstYear, p.registered.year()); y <= kLastYear; ++y) {
          const auto k = static_cast<std::size_t>(year_index(y));
          std::int64_t rd = share(p.rd_weight(y), y);
          if (pos == 0) rd += kRdByYear[k] - floored[k];
          const std::int64_t sales = yuan(p.revenue_in(y));
          const std::int64_t gross = part(sales, r.uniform(1.01, 1.06));
          store::Record yr = years.blank();
          yr.cells[y_ent] = cell(id);
          yr.cells[y_year] = cell(std::int64_t{y});
          yr.cells[y_sales] = cell(sales);
          yr.cells[y_gross] = cell(gross);
          yr.cells[y_nontax] = cell(part(gross, r.uniform(0, 0.005)));
          const std::int64_t high_tech =
              part(sales, p.tech ? r.uniform(0.5, 0.85) : r.uniform(0, 0.3));
          yr.cells[y_ht] = cell(high_tech);
          yr.cells[y_ip] = cell(part(high_tech, r.uniform(0.6, 1.0)));
          if (rd > 0) {
            std::int64_t rest = rd;
            for (const auto& [column, range] : categories) {
              const std::int64_t v = std::min(rest, part(rd, r.uniform(range.first, range.second)));
              yr.cells[column] = cell(v);
              rest -= v;
            }
            yr.cells[y_other] = cell(rest);
            yr.cells[y_total] = cell(rd);
          }
          yr.cells[y_cost] = cell(std::max(part(gross, r.uniform(0.85, 0.97)), rd + sales / 2));
          const std::int64_t assets = part(sales, r.uniform(0.8, 1.6));
          yr.cells[y_assets] = cell(assets);
          yr.cells[y_net] = cell(part(assets, r.uniform(0.3, 0.6)));
          const auto staff = std::max<std::int64_t>(
              3, std::llround(p.employees * std::pow(1 + p.growth / 2, y - T::kReportYear) *
                              r.uniform(0.95, 1.05)));
          yr.cells[y_emp] = cell(staff);
          yr.cells[y_st] =
              cell(std::max<std::int64_t>(rd > 0 ? 1 : 0, std::llround(staff * p.st_share)));
          yr.cells[y_transfers] = cell(rd > 0 ? r.between(0, 6) : std::int64_t{0});
          if (p.industrial) {
            const std::int64_t output = part(sales, r.uniform(0.95, 1.1));
            yr.cells[y_output] = cell(output);
            yr.cells[y_va] = cell(part(output, r.uniform(0.18, 0.3)));
            yr.cells[y_exports] = cell(part(output, p.export_share));
          }
          years.insert(yr);
        }
      }
    });
  }
  ctx.count(firms);
  ctx.count(years);
}

void write_region_statistics(Context& ctx) {
  Writer w(ctx.conn, "region_statistics");
  struct Peer {
    const char* code;
    const char* name;
    double gdp2013;  // 万元
    double rd_ratio;
  };
  constexpr std::array<Peer, 14> peers = {{
      {"330203", "海曙区", 7'900'000, 0.016},
      {"330204", "江东区", 6'100'000, 0.014},
      {"330206", "北仑区", 11'500'000, 0.026},
      {"330211", "镇海区", 8'200'000, 0.029},
      {"330212", "鄞州区", 13'800'000, 0.024},
      {"330102", "上城区", 8'400'000, 0.012},
      {"330103", "下城区", 7'600'000, 0.013},
      {"330104", "江干区", 6'300'000, 0.015},
      {"330105", "拱墅区", 3'600'000, 0.018},
      {"330106", "西湖区", 7'300'000, 0.034},
      {"330108", "滨江区", 6'400'000, 0.061},
      {"330109", "萧山区", 17'300'000, 0.025},
      {"330110", "余杭区", 9'800'000, 0.028},
      {"330302", "鹿城区", 6'700'000, 0.011},
  }};
  store::in_transaction(ctx.conn, [&] {
    double population = 368'000;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const std::int64_t gdp = kGdpByYear[static_cast<std::size_t>(year_index(y))];
      const std::int64_t fiscal = part(gdp, ctx.random.uniform(0.075, 0.085));
      const std::int64_t industry = part(gdp, ctx.random.uniform(0.6, 0.63));
      population *= ctx.random.uniform(1.004, 1.012);
      // The district's R&D expenditure is not stored: it is the sum of its enterprises' R&D.
      w.row()
          .set("region_code", cell(kDistrict))
          .set("region_name", cell("江北区（演示）"))
          .set("year", cell(std::int64_t{y}))
          .set("gdp", cell(gdp))
          .set("resident_population", cell(std::llround(population)))
          .set("registered_population", cell(std::llround(population * 0.64)))
          .set("fiscal_expenditure", cell(fiscal))
          .set("fiscal_st_expenditure", cell(part(fiscal, ctx.random.uniform(0.03, 0.045))))
          .set("industrial_value_added", cell(industry))
          .set("high_tech_value_added", cell(part(industry, ctx.random.uniform(0.3, 0.4))))
          .insert();
    }
    for (const auto& peer : peers) {
      const double growth = ctx.random.uniform(0.07, 0.11);
      double population = peer.gdp2013 / ctx.random.uniform(8, 15);
      for (int y = kFirstYear; y <= kLastYear; ++y) {
        const double gdp_wan = peer.gdp2013 * std::pow(1 + growth, y - T::kReportYear) *
                               ctx.random.uniform(0.98, 1.02);
        const std::int64_t gdp = yuan(std::round(gdp_wan));
        const std::int64_t fiscal = part(gdp, ctx.random.uniform(0.07, 0.1));
        const std::int64_t industry = part(gdp, ctx.random.uniform(0.2, 0.55));
        const double ratio =
            peer.rd_ratio * (1 + 0.06 * (y - T::kReportYear)) * ctx.random.uniform(0.95, 1.05);
        population *= ctx.random.uniform(1.003, 1.012);
        w.row()
            .set("region_code", cell(peer.code))
            .set("region_name", cell(peer.name))
            .set("year", cell(std::int64_t{y}))
            .set("gdp", cell(gdp))
            .set("resident_population", cell(std::llround(population)))
            .set("registered_population",
                 cell(std::llround(population * ctx.random.uniform(0.6, 0.9))))
            .set("fiscal_expenditure", cell(fiscal))
            .set("fiscal_st_expenditure", cell(part(fiscal, ctx.random.uniform(0.02, 0.06))))
            .set("rd_expenditure", cell(part(gdp, ratio)))
            .set("industrial_value_added", cell(industry))
            .set("high_tech_value_added", cell(part(industry, ctx.random.uniform(0.2, 0.6))))
            .insert();
      }
    }
  });
  ctx.count(w);
}

// R&D institutions: the report's centres by level and year, and the share of above-size
// industrial enterprises with one (positions [0, 126) of the 600 have one by 2013).
void write_rd_institutions(Context& ctx) {
  Writer w(ctx.conn, "rd_institutions");
  struct Band {
    std::int64_t from, to;  // positions
    const char* kind;       // "" alternates engineering/technology centres
    const char* level;
    int first_year, last_year;
  };
  const std::int64_t national = 3, provincial = 14;
  const std::int64_t municipal_old =
      T::kCentresMunicipalPlus - national - provincial - T::kCentresNewMunicipal2013;
  const std::int64_t district = T::kCentresDistrictPlus - T::kCentresMunicipalPlus;
  std::int64_t p = 0;
  std::vector<Band> bands;
  auto band = [&](std::int64_t count, const char* kind, const char* level, int from, int to) {
    bands.push_back({p, p + count, kind, level, from, to});
    p += count;
  };
  band(national, "technology_centre", "national", 2005, 2011);
  band(provincial, "", "provincial", 2004, 2012);
  band(municipal_old, "", "municipal", 2003, 2012);
  band(T::kCentresNewMunicipal2013, "", "municipal", 2013, 2013);
  band(district, "", "district", 2008, 2013);
  band(T::kWithRdInstitution - p, "design_centre", "district", 2009, 2013);  // not centres
  band(9, "", "municipal", 2014, 2014);                                      // 2014's new ones
  band(12, "", "district", 2014, 2014);
  const std::map<std::string, std::string> level_zh = {
      {"national", "国家级"}, {"provincial", "省级"}, {"municipal", "市级"}, {"district", "区级"}};
  const std::map<std::string, std::string> kind_zh = {
      {"engineering_centre", "企业工程技术研究中心"},
      {"technology_centre", "企业技术中心"},
      {"key_lab", "重点实验室"},
      {"design_centre", "工业设计中心"}};
  auto add = [&](std::int64_t pos, const std::string& kind, const std::string& level, int year) {
    const auto& firm = ctx.firm(pos);
    year = std::max(year, firm.registered.year() + 1);
    w.row()
        .set("name", cell(firm.name + level_zh.at(level) + kind_zh.at(kind)))
        .set("kind", cell(kind))
        .set("level", cell(level))
        .set("recognised_year", cell(std::int64_t{year}))
        .set("enterprise_id", cell(firm.id))
        .insert();
  };
  store::in_transaction(ctx.conn, [&] {
    for (const auto& b : bands) {
      for (std::int64_t pos = b.from; pos < b.to; ++pos) {
        const std::string kind =
            *b.kind ? b.kind
                    : (ctx.random.chance(0.5) ? "engineering_centre" : "technology_centre");
        add(pos, kind, b.level, static_cast<int>(ctx.random.between(b.first_year, b.last_year)));
      }
    }
    // Key laboratories at some of the leading enterprises (institutions, not centres).
    for (std::int64_t pos = 0; pos < 10; ++pos) {
      add(pos, "key_lab", pos < 3 ? "provincial" : "municipal",
          static_cast<int>(ctx.random.between(2010, 2014)));
    }
  });
  ctx.count(w);
}

void write_programme_tiers(Context& ctx) {
  Writer w(ctx.conn, "programme_tiers");
  auto add = [&](std::int64_t pos, const char* programme, const char* tier, Date on,
                 std::optional<Date> exited = {}) {
    auto row = w.row();
    row.set("enterprise_id", cell(ctx.firm(pos).id))
        .set("programme", cell(programme))
        .set("tier", cell(tier))
        .set("entered_on", cell(on));
    if (exited) row.set("exited_on", cell(*exited));
    row.insert();
  };
  store::in_transaction(ctx.conn, [&] {
    // The first "236" batch (2013): two navigators, then the second and third tiers.
    const Date batch2013 = ymd(2013, 9, 16), batch2014 = ymd(2014, 9, 10);
    for (std::int64_t pos = 0; pos < T::kNavigators; ++pos) add(pos, "p236", "tier1", batch2013);
    for (std::int64_t pos = 2; pos < 8; ++pos) add(pos, "p236", "tier2", batch2013);
    for (std::int64_t pos = 8; pos < 38; ++pos) add(pos, "p236", "tier3", batch2013);
    add(2, "p236", "tier1", batch2014);  // promoted: a new entry in the new batch
    for (std::int64_t pos = 38; pos < 42; ++pos) add(pos, "p236", "tier2", batch2014);
    for (std::int64_t pos = 42; pos < 62; ++pos) add(pos, "p236", "tier3", batch2014);
    // The "100" HTE cultivation pool and the project-cultivation programme.
    std::set<std::int64_t> pool;
    while (pool.size() < 100)
      pool.insert(
          ctx.random.between(kServiceEnd, std::min<std::int64_t>(ctx.core_size(), kCoreEnd) - 1));
    for (auto pos : pool) {
      if (ctx.firm(pos).registered > ymd(2013, 6, 30)) continue;
      const bool left = ctx.random.chance(0.2);
      add(pos, "p100", "pool", ymd(2013, 5, 20),
          left ? std::optional<Date>(ymd(2014, 6, 30)) : std::nullopt);
    }
    for (int year : {2013, 2014}) {
      std::set<std::int64_t> chosen;
      while (chosen.size() < 40) chosen.insert(ctx.random.between(62, kIndustrialEnd - 1));
      for (auto pos : chosen) add(pos, "project_cultivation", "pool", ymd(year, 4, 1));
    }
  });
  ctx.count(w);
}

void write_hte_and_sme(Context& ctx) {
  Writer certs(ctx.conn, "hte_certificates");
  Writer sme(ctx.conn, "sme_registrations");
  Writer ip(ctx.conn, "ip_items");
  store::in_transaction(ctx.conn, [&] {
    std::map<int, int> serial;
    std::set<std::string> ip_numbers;  // natural key (kind, number): numbers are drawn at random
    std::vector<std::pair<std::int64_t, int>> hte;  // position, first year
    for (std::int64_t pos = 0; pos < 60; ++pos)
      hte.push_back({pos, static_cast<int>(ctx.random.between(2008, 2013))});
    for (std::int64_t pos = kServiceEnd;
         pos < std::min<std::int64_t>(ctx.core_size(), kServiceEnd + 400); ++pos) {
      const auto& f = ctx.firm(pos);
      if (f.tech && f.performer && f.registered.year() <= 2012 && ctx.random.chance(0.4)) {
        hte.push_back({pos, static_cast<int>(ctx.random.between(
                                std::max(2008, f.registered.year() + 1), 2014))});
      }
    }
    const Date today = ymd(kLastYear, 12, 31);
    for (const auto& [pos, first] : hte) {
      for (int year = first; year <= kLastYear; year += 3) {
        const Date issued = ctx.random.day_in(year, 250, 340);
        const Date until = issued.add_years(3);
        char no[64];
        std::snprintf(no, sizeof no, "GR%d3320%04d", year, ++serial[year]);
        certs.row()
            .set("enterprise_id", cell(ctx.firm(pos).id))
            .set("certificate_no", cell(no))
            .set("issued_on", cell(issued))
            .set("valid_until", cell(until))
            .set("status", cell(until < today ? "expired" : "valid"))
            .insert();
        // Software copyrights used for this recognition (a class II item serves one application).
        for (int k = 0; k < ctx.random.between(0, 3); ++k) {
          char number[64];
          std::snprintf(number, sizeof number, "%dSR%06lld", year - 1,
                        static_cast<long long>(ctx.random.between(0, 999'999)));
          if (!ip_numbers.insert(number).second) continue;
          auto row = ip.row();
          row.set("kind", cell("software_copyright"))
              .set("number", cell(number))
              .set("title", cell(std::string(ctx.random.pick(Words::firm_prefixes())) +
                                 "管理软件V" + std::to_string(ctx.random.between(1, 5)) + ".0"))
              .set("granted_on", cell(ctx.random.day_in(year - 1, 1, 300)))
              .set("enterprise_id", cell(ctx.firm(pos).id))
              .set("used_in_hte_recognition", cell(std::int64_t{year}))
              .insert();
        }
      }
    }
    // Software copyrights and a few IC layouts not (yet) used for a recognition.
    constexpr std::array<int, kYears> copyrights = {60, 85, 120, 160, 230, 280};
    int layout = 0;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int made = 0; made < copyrights[static_cast<std::size_t>(year_index(y))];) {
        char text[64];
        std::snprintf(text, sizeof text, "%dSR%06lld", y,
                      static_cast<long long>(ctx.random.between(0, 999'999)));
        if (!ip_numbers.insert(text).second) continue;
        ++made;
        const Date granted = ctx.random.day_in(y);
        const bool is_layout = ctx.random.chance(0.03);
        char layout_no[64];
        std::snprintf(layout_no, sizeof layout_no, "BS.%02d5%05d", y % 100, ++layout);
        auto row = ip.row();
        row.set("kind", cell(is_layout ? "ic_layout" : "software_copyright"))
            .set("number", cell(is_layout ? layout_no : text))
            .set("title", cell(std::string(ctx.random.pick(Words::firm_prefixes())) +
                               (is_layout ? "控制芯片布图设计" : "数据管理系统V1.0")))
            .set("granted_on", cell(granted))
            .set("enterprise_id", cell(ctx.firm_in(kServiceEnd, kCoreEnd, granted)))
            .insert();
      }
    }
    // S&T SME registrations. Registered firms mostly register again the next year (about one in
    // eight drops out, chosen by a hash so the shared random stream is drawn exactly as before);
    // the year's new registrations come from the drawn firms.
    constexpr std::array<int, kYears> registrations = {0, 60, 90, 120, 150, 180};
    std::set<std::int64_t> previous;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const auto target = static_cast<std::size_t>(registrations[static_cast<std::size_t>(year_index(y))]);
      std::vector<std::int64_t> drawn;
      const Date by = ymd(y, 6, 30);
      for (std::size_t k = 0; k < target; ++k) drawn.push_back(ctx.firm_in(kServiceEnd, kCoreEnd, by));
      std::set<std::int64_t> firms;
      for (auto id : previous) {
        const auto h = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(y);
        if ((h >> 32) % 8 != 0 && firms.size() < target) firms.insert(id);
      }
      for (auto id : drawn) {
        if (firms.size() >= target) break;
        firms.insert(id);
      }
      previous = firms;
      int seq = 0;
      for (auto id : firms) {
        char no[64];
        std::snprintf(no, sizeof no, "%d330205%04d", y, ++seq);
        sme.row()
            .set("enterprise_id", cell(id))
            .set("registration_no", cell(no))
            .set("year", cell(std::int64_t{y}))
            .insert();
      }
    }
  });
  ctx.count(certs);
  ctx.count(sme);
  ctx.count(ip);
}

// Patents: grants per grant year and applications per filing year are both the targets exactly.
// Granted patents are made first (filed some months before their grant), then the applications
// of each filing year are topped up with pending or refused ones.
void write_patents(Context& ctx) {
  Writer w(ctx.conn, "patents");
  std::map<std::pair<int, int>, std::int64_t> serial;  // (year, type) → last serial
  auto number = [&](int year, domain::PatentType type) {
    auto& s = serial[{year, static_cast<int>(type)}];
    if (s == 0) s = ctx.random.between(200'000, 600'000);
    s += ctx.random.between(1, 400);
    char digits[40];
    std::snprintf(digits, sizeof digits, "%04d%d%07lld", year, static_cast<int>(type),
                  static_cast<long long>(s));
    return std::string(digits) + "." + domain::PatentNumber::compute_check_digit(digits);
  };
  std::array<int, kYears> filed{};
  auto add = [&](const char* kind, domain::PatentType type, Date on, std::optional<Date> granted,
                 const char* status) {
    if (on.year() >= kFirstYear && on.year() <= kLastYear)
      ++filed[static_cast<std::size_t>(year_index(on.year()))];
    auto row = w.row();
    row.set("application_no", cell(number(on.year(), type)))
        .set("title", cell("一种" + std::string(ctx.random.pick(Words::inventions()))))
        .set("kind", cell(kind))
        .set("filed_on", cell(on))
        .set("status", cell(status));
    if (granted) row.set("granted_on", cell(*granted));
    if (ctx.random.chance(0.85)) {
      const auto& owner = ctx.firm(ctx.pos_in(0, kCoreEnd, on, true));
      row.set("enterprise_id", cell(owner.id)).set("owner_name", cell(owner.name));
    } else {
      row.set("owner_name",
              cell(ctx.random.chance(0.5) ? demo::person_name(ctx.random)
                                          : std::string(ctx.random.pick(Words::universities()))));
    }
    row.insert();
  };
  store::in_transaction(ctx.conn, [&] {
    for (int g = kFirstYear; g <= kLastYear; ++g) {
      for (int k = 0; k < T::kGrants[year_index(g)]; ++k) {
        const Date granted = ctx.random.day_in(g);
        const double u = ctx.random.unit();
        const char* kind = u < 0.15 ? "invention" : u < 0.75 ? "utility_model" : "design";
        const auto type = u < 0.15   ? domain::PatentType::invention
                          : u < 0.75 ? domain::PatentType::utility_model
                                     : domain::PatentType::design;
        const auto lag = u < 0.15   ? ctx.random.between(600, 1'100)
                         : u < 0.75 ? ctx.random.between(180, 420)
                                    : ctx.random.between(120, 330);
        add(kind, type, granted.add_days(-static_cast<std::int32_t>(lag)), granted,
            g < 2012 && ctx.random.chance(0.12) ? "lapsed" : "valid");
      }
    }
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const int missing =
          T::kApplications[year_index(y)] - filed[static_cast<std::size_t>(year_index(y))];
      if (missing < 0)
        throw std::logic_error("demo: more grants filed in " + std::to_string(y) +
                               " than applications");
      for (int k = 0; k < missing; ++k) {
        const double u = ctx.random.unit();
        const bool invention = u < 0.6;
        const auto type = invention  ? domain::PatentType::invention
                          : u < 0.85 ? domain::PatentType::utility_model
                                     : domain::PatentType::design;
        const char* kind = invention ? "invention" : u < 0.85 ? "utility_model" : "design";
        // Inventions filed from 2012 are still in examination at the end of 2014.
        const char* status = (invention && y >= 2012) || y == kLastYear ? "pending" : "rejected";
        add(kind, type, ctx.random.day_in(y), std::nullopt, status);
      }
    }
  });
  ctx.count(w);
}

void write_platforms(Context& ctx) {
  Writer platforms(ctx.conn, "platforms");
  Writer residents(ctx.conn, "platform_residents");
  struct Def {
    const char* key;
    const char* name;
    const char* kind;
    Date established;
    const char* partner;
  };
  const std::array<Def, 5> defs = {{
      {"institute", "新材料科技城材料研究院", "research_institute", ymd(2011, 11, 18),
       "中国科学院宁波材料技术与工程研究所"},
      {"park", "材料研究院创业园", "industrial_park", ymd(2012, 3, 28),
       "中国科学院宁波材料技术与工程研究所"},
      {"university", "大学科技园研究院", "research_institute", ymd(2012, 6, 8), "宁波大学"},
      {"transfer", "浙江省技术转移中心江北分中心", "tech_transfer_centre", ymd(2013, 3, 15),
       "浙江省科技信息研究院"},
      {"service", "区科技创业公共服务平台", "public_service", ymd(2009, 5, 6), ""},
  }};
  store::in_transaction(ctx.conn, [&] {
    for (const auto& d : defs) {
      auto row = platforms.row();
      row.set("name", cell(d.name))
          .set("kind", cell(d.kind))
          .set("established_on", cell(d.established));
      if (*d.partner) row.set("partner", cell(d.partner));
      ctx.platform[d.key] = row.insert();
    }
    // The park's residents: those of 2013 carry the report's registered capital between them.
    for (std::int64_t pos = kServiceEnd; pos < kPark2014End; ++pos) {
      const auto& f = ctx.firm(pos);
      residents.row()
          .set("platform_id", cell(ctx.platform["park"]))
          .set("enterprise_id", cell(f.id))
          .set("entered_on",
               cell(std::max(
                   f.registered.add_days(static_cast<std::int32_t>(ctx.random.between(0, 30))),
                   ymd(2012, 4, 1))))
          .insert();
    }
  });
  ctx.count(platforms);
  ctx.count(residents);
}

void write_cooperation(Context& ctx) {
  Writer w(ctx.conn, "cooperation_agreements");
  constexpr std::array<int, kYears> cooperation = {14, 18, 22, 27, T::kCooperation, 41};
  constexpr std::array<int, kYears> international = {1, 1, 2, 2, T::kCooperationInternational, 5};
  constexpr std::array<int, kYears> via_university = {0, 0, 0, 5, 12, 15};
  constexpr std::array<int, kYears> seed_fund = {0, 0, 0, 0, T::kSeedFundProjects, 24};
  constexpr std::array<std::pair<std::string_view, std::string_view>, 6> foreign = {
      {{"德国", "德国弗劳恩霍夫应用研究促进协会"},
       {"美国", "美国佐治亚理工学院"},
       {"以色列", "以色列理工学院"},
       {"日本", "日本东北大学"},
       {"英国", "英国诺丁汉大学"},
       {"芬兰", "芬兰国家技术研究中心"}}};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const auto k = static_cast<std::size_t>(year_index(y));
      int seq = 0;
      auto add = [&](const char* kind, bool abroad, std::optional<std::int64_t> platform, double lo,
                     double hi) {
        char no[64];
        std::snprintf(no, sizeof no, "HZ%d%03d", y, ++seq);
        const Date signed_on = ctx.random.day_in(y);
        const std::int64_t firm =
            ctx.firm_in(platform ? kServiceEnd : 0, kCoreEnd, signed_on, true);
        auto row = w.row();
        if (abroad) {
          const auto& [country, partner] = ctx.random.pick(
              std::span<const std::pair<std::string_view, std::string_view>>(foreign));
          row.set("partner", cell(std::string(partner)))
              .set("partner_country", cell(std::string(country)));
        } else {
          row.set("partner", cell(std::string(ctx.random.pick(Words::universities()))))
              .set("partner_country", cell("中国"));
        }
        row.set("agreement_no", cell(no))
            .set("title", cell(std::string(kind) == std::string("seed_fund") ? "种子基金资助项目"
                                                                             : "产学研合作项目"))
            .set("kind", cell(kind))
            .set("international", cell_bool(abroad))
            .set("signed_on", cell(signed_on))
            .set("value", cell(yuan(std::round(ctx.random.uniform(lo, hi)))))
            .set("enterprise_id", cell(firm));
        if (platform) row.set("platform_id", cell(*platform));
        row.insert();
        if (platform) {
          auto& py = ctx.platform_years[{*platform, y}];
          (std::string(kind) == "seed_fund" ? py.seed_fund : py.cooperation) += 1;
          py.partners.insert(firm);
        }
      };
      for (int i = 0; i < cooperation[k]; ++i) {
        const bool abroad = i < international[k];
        const bool via = !abroad && i < international[k] + via_university[k];
        add("cooperation", abroad, via ? std::optional(ctx.platform["university"]) : std::nullopt,
            20, 500);
      }
      for (int i = 0; i < seed_fund[k]; ++i)
        add("seed_fund", false, ctx.platform["university"], 10, 50);
    }
  });
  ctx.count(w);
}

// Technology contracts: those bought into the district (buyer here, seller elsewhere) and those
// sold by the district's sellers; the transfer centre brokers part of the former from 2013.
void write_tech_contracts(Context& ctx) {
  Writer w(ctx.conn, "tech_contracts");
  constexpr std::array<std::int64_t, kYears> introduced = {
      6'200 * kWan, 8'100 * kWan, 9'800 * kWan, 12'500 * kWan, T::kTechIntroduced, 21'000 * kWan};
  constexpr std::array<int, kYears> introduced_count = {12, 15, 18, 22, 24 + T::kTransferProjects,
                                                        32};
  constexpr std::array<std::int64_t, kYears> via_centre = {
      0, 0, 0, 0, T::kTransferValue, 13'500 * kWan};
  constexpr std::array<int, kYears> via_centre_count = {0, 0, 0, 0, T::kTransferProjects, 6};
  constexpr std::array<std::int64_t, kYears> sold = {5'200'000,  6'400'000,          8'100'000,
                                                     10'200'000, T::kMarketTurnover, 15'600'000};
  constexpr std::array<int, kYears> sold_count = {18, 21, 25, 30, 36, 42};
  constexpr std::array<std::string_view, 10> elsewhere = {"110108", "310104", "330106", "320102",
                                                          "330108", "440305", "330203", "330212",
                                                          "420111", "310115"};
  constexpr std::array<std::string_view, 5> types = {"development", "transfer", "consulting",
                                                     "service", "licence"};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const auto k = static_cast<std::size_t>(year_index(y));
      int seq = 0;
      auto add = [&](std::int64_t value, bool bought, std::optional<std::int64_t> platform) {
        char no[64];
        std::snprintf(no, sizeof no, "JS%d330205%04d", y, ++seq);
        const Date on = ctx.random.day_in(y, platform ? 80 : 1);
        const std::string other(ctx.random.pick(std::span<const std::string_view>(elsewhere)));
        const bool buyer_here = bought || ctx.random.chance(0.4);
        auto row = w.row();
        row.set("registration_no", cell(no))
            .set("title", cell(std::string(ctx.random.pick(Words::inventions())) + "技术合同"))
            .set("type",
                 cell(std::string(ctx.random.pick(std::span<const std::string_view>(types)))))
            .set("signed_on", cell(on))
            .set("value", cell(value))
            .set("technical_income", cell(part(value, ctx.random.uniform(0.6, 0.95))))
            .set("seller_region", cell(bought ? other : kDistrict))
            .set("buyer_region", cell(buyer_here ? kDistrict : other))
            .set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, on, true)));
        if (platform) row.set("platform_id", cell(*platform));
        row.insert();
        if (platform) ctx.platform_years[{*platform, y}].deal_value += value;
      };
      if (via_centre_count[k] > 0) {
        for (auto v :
             demo::split_exact(ctx.random, via_centre[k], via_centre_count[k], 3.0, kWan)) {
          add(v, true, ctx.platform["transfer"]);
        }
      }
      for (auto v : demo::split_exact(ctx.random, introduced[k] - via_centre[k],
                                      introduced_count[k] - via_centre_count[k], 4.0, 1'000)) {
        add(v, true, std::nullopt);
      }
      for (auto v : demo::split_exact(ctx.random, sold[k], sold_count[k], 4.0, 100))
        add(v, false, std::nullopt);
    }
  });
  ctx.count(w);
}

void write_platform_years(Context& ctx) {
  Writer w(ctx.conn, "platform_years");
  store::in_transaction(ctx.conn, [&] {
    const auto residents = ctx.conn.query(
        "SELECT r.platform_id, r.entered_on, e.registered_capital FROM reg_platform_residents r "
        "JOIN reg_enterprises e ON e.id = r.enterprise_id ORDER BY r.id");
    const auto platforms =
        ctx.conn.query("SELECT id, established_on FROM reg_platforms ORDER BY id");
    for (const auto& p : platforms) {
      const std::int64_t id = p.integer(0);
      const int from = Date::parse(p.text(1))->year();
      for (int y = std::max(from, kFirstYear); y <= kLastYear; ++y) {
        std::int64_t count = 0, capital = 0;
        for (const auto& r : residents) {
          if (r.integer(0) == id && Date::parse(r.text(1))->year() <= y)
            ++count, capital += r.integer(2);
        }
        const auto it = ctx.platform_years.find({id, y});
        const Context::PlatformYear empty;
        const auto& py = it == ctx.platform_years.end() ? empty : it->second;
        const double u = ctx.random.unit();
        w.row()
            .set("platform_id", cell(id))
            .set("year", cell(std::int64_t{y}))
            .set("resident_enterprises", cell(count))
            .set("resident_capital", cell(capital))
            .set("seed_fund_projects", cell(py.seed_fund))
            .set("cooperation_projects", cell(py.cooperation))
            .set("cooperating_enterprises", cell(static_cast<std::int64_t>(py.partners.size())))
            .set("deal_value", cell(py.deal_value))
            .set("assessment", cell(y == from  ? "pass"
                                    : u < 0.4  ? "excellent"
                                    : u < 0.85 ? "good"
                                               : "pass"))
            .insert();
      }
    }
  });
  ctx.count(w);
}

void write_incubators(Context& ctx) {
  Writer inc(ctx.conn, "incubators");
  Writer years(ctx.conn, "incubator_years");
  struct Def {
    const char* name;
    const char* kind;
    const char* level;
    std::int64_t area;
    Date opened;
  };
  const std::array<Def, 4> defs = {{
      {"江北科技创业中心", "incubator", "municipal", 30'000, ymd(2006, 6, 18)},
      {"大学科技园孵化基地", "incubator", "district", 12'000, ymd(2010, 10, 9)},
      {"新材料科技城孵化器", "incubator", "provincial", 45'000, ymd(2012, 5, 12)},
      {"甬江创客空间", "maker_space", "district", 1'500, ymd(2014, 7, 1)},
  }};
  store::in_transaction(ctx.conn, [&] {
    for (const auto& d : defs) {
      const std::int64_t id = inc.row()
                                  .set("name", cell(d.name))
                                  .set("kind", cell(d.kind))
                                  .set("level", cell(d.level))
                                  .set("area", cell(d.area))
                                  .set("opened_on", cell(d.opened))
                                  .insert();
      std::int64_t tenants = 0;
      for (int y = std::max(kFirstYear, d.opened.year()); y <= kLastYear; ++y) {
        const std::int64_t capacity = d.area / 600;
        const std::int64_t fresh = ctx.random.between(capacity / 8, capacity / 4 + 2);
        const std::int64_t graduates = tenants > 0 ? ctx.random.between(0, tenants / 5 + 1) : 0;
        tenants = std::max<std::int64_t>(0, tenants + fresh - graduates);
        const std::int64_t staff = tenants * ctx.random.between(8, 20);
        years.row()
            .set("incubator_id", cell(id))
            .set("year", cell(std::int64_t{y}))
            .set("tenants", cell(tenants))
            .set("new_tenants", cell(fresh))
            .set("graduates", cell(graduates))
            .set("tenant_employees", cell(staff))
            .set("tenant_revenue", cell(yuan(std::round(staff * ctx.random.uniform(8, 25)))))
            .set("investment_raised", cell(yuan(std::round(tenants * ctx.random.uniform(5, 60)))))
            .insert();
      }
    }
  });
  ctx.count(inc);
  ctx.count(years);
}

void write_people(Context& ctx) {
  Writer talents(ctx.conn, "talents");
  Writer stations(ctx.conn, "academician_workstations");
  Writer haizhi(ctx.conn, "haizhi_services");
  struct Quota {
    const char* level;
    const char* form;
    const char* programme;
    std::array<int, kYears> per_year;
  };
  const std::array<Quota, 4> quotas = {{
      {"national", "individual", "国家“千人计划”", {0, 0, 1, 0, T::kTalentsNational, 1}},
      {"provincial", "individual", "浙江省“千人计划”", {1, 1, 2, 2, T::kTalentsProvincial, 3}},
      {"municipal", "individual", "宁波市“3315计划”", {2, 3, 3, 4, T::kTalentsMunicipal, 6}},
      {"municipal", "team", "宁波市“3315计划”", {0, 1, 1, 1, T::kTeamsMunicipal, 2}},
  }};
  store::in_transaction(ctx.conn, [&] {
    std::set<std::string> taken;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (const auto& q : quotas) {
        for (int k = 0; k < q.per_year[static_cast<std::size_t>(year_index(y))]; ++k) {
          std::string name;
          do name = demo::person_name(ctx.random);
          while (!taken.insert(name + q.programme + std::to_string(y)).second);
          auto row = talents.row();
          row.set("person_name", cell(name))
              .set("programme", cell(q.programme))
              .set("level", cell(q.level))
              .set("form", cell(q.form))
              .set("year", cell(std::int64_t{y}));
          if (ctx.random.chance(0.85))
            row.set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, ymd(y, 1, 1), true)));
          row.insert();
        }
      }
    }
    constexpr std::array<int, kYears> new_stations = {0, 1, 2, 2, 3, 2};
    constexpr std::array<std::string_view, 6> academies = {
        "中国工程院", "中国科学院", "浙江大学", "上海交通大学", "华中科技大学", "东华大学"};
    std::int64_t pos = 0;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int k = 0; k < new_stations[static_cast<std::size_t>(year_index(y))]; ++k, pos += 3) {
        stations.row()
            .set("enterprise_id", cell(ctx.firm(pos).id))
            .set("academician", cell(demo::person_name(ctx.random) + "院士"))
            .set("academy",
                 cell(std::string(ctx.random.pick(std::span<const std::string_view>(academies)))))
            .set("level", cell(ctx.random.chance(0.5) ? "provincial" : "municipal"))
            .set("established_on", cell(ctx.random.day_in(y)))
            .set("projects", cell(ctx.random.between(1, 6)))
            .insert();
      }
    }
    constexpr std::array<int, kYears> services = {0, 0, 0, 8, 14, 20};
    constexpr std::array<std::string_view, 6> countries = {"美国",   "德国",     "英国",
                                                           "加拿大", "澳大利亚", "日本"};
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int k = 0; k < services[static_cast<std::size_t>(year_index(y))]; ++k) {
        char no[64];
        std::snprintf(no, sizeof no, "HZFW%d%03d", y, k + 1);
        const Date on = ctx.random.day_in(y);
        haizhi.row()
            .set("service_no", cell(no))
            .set("expert_name", cell(demo::person_name(ctx.random) + "博士"))
            .set("expert_country",
                 cell(std::string(ctx.random.pick(std::span<const std::string_view>(countries)))))
            .set("topic", cell(std::string(ctx.random.pick(Words::inventions())) + "技术咨询"))
            .set("served_on", cell(on))
            .set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, on, true)))
            .insert();
      }
    }
  });
  ctx.count(talents);
  ctx.count(stations);
  ctx.count(haizhi);
}

void write_loans(Context& ctx) {
  Writer w(ctx.conn, "loans");
  constexpr std::array<int, kYears> per_year = {0, 0, 18, 32, 45, 56};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (int k = 0; k < per_year[static_cast<std::size_t>(year_index(y))]; ++k) {
        char no[64];
        std::snprintf(no, sizeof no, "KJD%d%04d", y, k + 1);
        const Date on = ctx.random.day_in(y);
        const std::int64_t amount = yuan(std::round(ctx.random.log_uniform(100, 3'000)));
        const std::int64_t rate = ctx.random.between(560, 780);
        const bool defaulted = y < kLastYear && ctx.random.chance(0.03);
        w.row()
            .set("contract_no", cell(no))
            .set("bank", cell(std::string(ctx.random.pick(Words::banks()))))
            .set("enterprise_id", cell(ctx.firm_in(0, kCoreEnd, on, true)))
            .set("amount", cell(amount))
            .set("rate_bp", cell(rate))
            .set("term_months", cell(std::int64_t{12}))
            // The district pays 30% of a year's interest.
            .set("interest_subsidy", cell(amount * rate * 3 / 100'000))
            .set("risk_pool_compensation", cell(defaulted ? part(amount, 0.3) : std::int64_t{0}))
            .set("status", cell(defaulted       ? "default"
                                : y < kLastYear ? "repaid"
                                                : "current"))
            .set("granted_on", cell(on))
            .insert();
      }
    }
  });
  ctx.count(w);
}

// Recognised enterprises meet the figures of their recognition: for every enterprise holding an
// HTE certificate, each year's R&D reaches its sales tier's ratio (5 / 4 / 3 %, with a margin) and
// high-tech revenue is 62–85 % of total income. The extra R&D is taken from the year's largest
// other R&D performers (each keeps at least 30 % of its own), so each year's district total — a
// figure of the seed report — is unchanged to the yuan. Only the rows concerned are read, so a
// million-enterprise demo does not load its years. Drawn from a stream of its own.
void align_hte_figures(Context& ctx, std::uint64_t seed) {
  Random random(seed ^ 0x41e7'0b5e'7a11'9e5dULL);
  const std::string years_table = domain::find_kind("enterprise_years")->table;
  const std::string certified = "SELECT enterprise_id FROM " + domain::find_kind("hte_certificates")->table;
  static constexpr std::array<const char*, 9> kCategories = {
      "rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation", "rd_design",
      "rd_trials", "rd_commissioned_domestic", "rd_commissioned_foreign", "rd_other"};
  std::string select = "SELECT id, enterprise_id, sales_revenue, gross_income, non_taxable_income, "
                       "high_tech_revenue, ip_backed_revenue, total_cost_expense, rd_total";
  for (const char* c : kCategories) select += std::string(", ") + c;
  select += " FROM " + years_table + " WHERE year = $1 AND ";
  const std::string select_certified = select + "enterprise_id IN (" + certified + ") ORDER BY id";
  constexpr int kDonors = 2000;  // far more than a year's raises need
  const std::string select_donors = select + "rd_total > 0 AND enterprise_id NOT IN (" + certified +
                                    ") ORDER BY rd_total DESC, id LIMIT " + std::to_string(kDonors);
  std::string update = "UPDATE " + years_table +
                       " SET high_tech_revenue = $2, ip_backed_revenue = $3, total_cost_expense = $4, "
                       "rd_total = $5";
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    update += std::string(", ") + kCategories[i] + " = $" + std::to_string(6 + i);
  }
  update += " WHERE id = $1";

  struct Year {
    std::int64_t id = 0, enterprise = 0, sales = 0, income = 0, high_tech = 0, ip_backed = 0, cost = 0, rd = 0;
    std::array<std::int64_t, 9> categories{};
    bool changed = false;
  };
  const auto value = [](const store::Row& r, std::size_t i) { return r.is_null(i) ? 0 : r.integer(i); };
  // R&D categories rescaled to a new total, rounding left in "other", so they still add up.
  const auto rescale = [](Year& y, std::int64_t total) {
    std::int64_t rest = total;
    for (std::size_t i = 0; i + 1 < y.categories.size(); ++i) {
      y.categories[i] = y.rd > 0 ? static_cast<std::int64_t>(static_cast<Int128>(y.categories[i]) * total / y.rd)
                                 : (i == 0 ? total : 0);
      rest -= y.categories[i];
    }
    y.categories.back() = rest;
    y.rd = total;
    y.changed = true;
  };
  store::in_transaction(ctx.conn, [&] {
    const auto load = [&](const std::string& sql, int year) {
      std::vector<Year> rows;
      for (const auto& r : ctx.conn.query(sql, {std::int64_t{year}})) {
        Year y{r.integer(0), r.integer(1), value(r, 2), value(r, 3) - value(r, 4), value(r, 5), value(r, 6),
               value(r, 7), value(r, 8), {}, false};
        for (std::size_t i = 0; i < kCategories.size(); ++i) y.categories[i] = value(r, 9 + i);
        rows.push_back(y);
      }
      return rows;
    };
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      auto rows = load(select_certified, year);
      auto donors = load(select_donors, year);
      std::int64_t needed = 0, available = 0;
      for (const auto& d : donors) available += d.rd * 7 / 10;
      std::vector<std::pair<Year*, std::int64_t>> raise;  // row, R&D it should reach
      for (auto& y : rows) {
        const double ratio = y.sales <= yuan(5000) ? 0.05 : y.sales <= yuan(20000) ? 0.04 : 0.03;
        const std::int64_t target = part(y.sales, ratio * random.uniform(1.1, 1.5));
        if (target > y.rd) {
          raise.emplace_back(&y, target);
          needed += target - y.rd;
        }
        if (y.income > 0 && y.high_tech * 100 < y.income * 62) {
          const std::int64_t high_tech = std::min(y.sales, part(y.income, random.uniform(0.62, 0.85)));
          y.ip_backed = y.high_tech > 0 ? static_cast<std::int64_t>(static_cast<Int128>(y.ip_backed) * high_tech / y.high_tech)
                                        : part(high_tech, 0.8);
          y.high_tech = high_tech;
          y.changed = true;
        }
      }
      // The raises shrink to what the donors can give.
      if (needed > 0 && available > 0) {
        const std::int64_t moved = std::min(needed, available);
        std::int64_t given = 0;
        for (auto& [y, target] : raise) {
          const auto add = static_cast<std::int64_t>(static_cast<Int128>(target - y->rd) * moved / needed);
          rescale(*y, y->rd + add);
          given += add;
        }
        // Take exactly `given`, the largest donors first, each giving at most 70 % of its R&D.
        std::int64_t left = given;
        for (auto& d : donors) {
          if (left == 0) break;
          const std::int64_t cut = std::min(left, d.rd * 7 / 10);
          rescale(d, d.rd - cut);
          left -= cut;
        }
      }
      rows.insert(rows.end(), donors.begin(), donors.end());
      for (auto& y : rows) {
        if (!y.changed) continue;
        y.cost = std::max(y.cost, y.rd + y.sales / 2);  // R&D is part of cost and expense
        store::Params p{y.id, y.high_tech, y.ip_backed, y.cost, y.rd};
        for (auto c : y.categories) p.emplace_back(c);
        ctx.conn.execute(update, p);
      }
    }
  });
}

// The expert panel's review behind every certificate, a few weeks before it was issued. Drawn from
// a stream of its own so the other records (and the seed report's figures) do not move.
void write_expert_reviews(Context& ctx, std::uint64_t seed) {
  Random random(seed ^ 0x5eed'e8e7'2e71'e3a5ULL);
  Writer reviews(ctx.conn, "hte_expert_reviews");
  // A panel average with one decimal in [lo, hi] points, stored like amounts (×10^4).
  auto points = [&](int lo, int hi) { return cell(random.between(lo * 10, hi * 10) * 1000); };
  const auto certificates = ctx.conn.query("SELECT enterprise_id, issued_on FROM " +
                                           domain::find_kind("hte_certificates")->table + " ORDER BY id");
  store::in_transaction(ctx.conn, [&] {
    for (const auto& c : certificates) {
      const Date issued = *Date::parse(c.text(1));
      // The lower ends add up to 71 points: every recognised enterprise passed E7 (> 70).
      reviews.row()
          .set("enterprise_id", cell(c.integer(0)))
          .set("reviewed_on", cell(issued.add_days(-static_cast<std::int32_t>(random.between(20, 60)))))
          .set("ip_advancement", points(6, 8))
          .set("ip_core_support", points(6, 8))
          .set("ip_quantity", points(6, 8))
          .set("ip_acquisition", points(6, 6))
          .set("transfer", points(22, 29))
          .set("rd_management", points(15, 19))
          .set("growth_net_assets", points(5, 9))
          .set("growth_sales", points(5, 9))
          .set("experts", cell(random.between(5, 7)))
          .insert();
    }
  });
  ctx.count(reviews);
}

void write_competitions_and_policies(Context& ctx) {
  Writer competitions(ctx.conn, "competitions");
  Writer policies(ctx.conn, "policies");
  constexpr std::array<int, kYears> per_year = {2, 3, 3, 4, T::kPolicies, 5};
  constexpr std::array<std::string_view, T::kPolicies> titles2013 = {
      "区科技型中小企业认定管理办法",
      "区科技金融贷款风险池管理办法",
      "区“236”工程实施办法",
      "区高新企业“100”工程培育办法",
      "区企业工程（技术）中心认定管理办法",
      "区科技项目培育工程管理办法",
      "区科技创新载体平台考核办法",
      "区海外高层次人才引进资助办法"};
  constexpr std::array<std::string_view, 8> other_titles = {
      "区科技计划项目管理办法",   "区专利资助办法",        "区科技创新奖励办法",
      "区孵化器管理办法",         "区产学研合作资助办法",  "区科技特派员管理办法",
      "区院士工作站建设管理办法", "区技术合同登记奖励办法"};
  store::in_transaction(ctx.conn, [&] {
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      competitions.row()
          .set("edition", cell(std::int64_t{y - 2005}))
          .set("year", cell(std::int64_t{y}))
          .set("title", cell("第" + std::to_string(y - 2005) + "届国际创新设计大赛"))
          .set("entries", cell(ctx.random.between(800, 1'400) + 150 * (y - kFirstYear)))
          .set("international_entries", cell(ctx.random.between(60, 200)))
          .set("awards", cell(ctx.random.between(60, 110)))
          .insert();
      for (int k = 0; k < per_year[static_cast<std::size_t>(year_index(y))]; ++k) {
        const std::string title(y == T::kReportYear
                                    ? titles2013[static_cast<std::size_t>(k)]
                                    : other_titles[static_cast<std::size_t>((k + y) % 8)]);
        const Date issued = ctx.random.day_in(y);
        policies.row()
            .set("document_no",
                 cell("区科发〔" + std::to_string(y) + "〕" + std::to_string(k * 3 + 5) + "号"))
            .set("title",
                 cell(title + (y == T::kReportYear ? "" : "（" + std::to_string(y) + "年修订）")))
            .set("issued_on", cell(issued))
            .set("valid_until", cell(issued.add_years(static_cast<int>(ctx.random.between(3, 5)))))
            .set("body",
                 cell("第一条 "
                      "为贯彻创新驱动发展战略，加快区域科技进步，根据国家、省、市有关规定，结合本区"
                      "实际，"
                      "制定" +
                      title + "。\n第二条 本办法由区科学技术局负责解释，自发布之日起施行。"))
            .insert();
      }
    }
  });
  ctx.count(competitions);
  ctx.count(policies);
}

}  // namespace

Outcome<DemoSummary> generate_demo_district(store::Database& db, const DemoOptions& options) {
  if (options.enterprises < kDemoMinEnterprises || options.enterprises > kDemoMaxEnterprises) {
    return Problem::validation(
        {{"scale", "应在 " + std::to_string(kDemoMinEnterprises) + " 到 " +
                       std::to_string(kDemoMaxEnterprises) + " 之间 / must be from " +
                       std::to_string(kDemoMinEnterprises) + " to " +
                       std::to_string(kDemoMaxEnterprises)}});
  }
  const auto started = std::chrono::steady_clock::now();
  auto conn = db.acquire();
  if (conn->query_one("SELECT COUNT(*) FROM reg_enterprises")->integer(0) > 0) {
    return Problem::conflict(
        "登记库中已有企业，演示数据只能写入空库 / the registry already holds enterprises; "
        "the demo district is written into an empty one");
  }
  DemoOptions o = options;
  o.batch = std::max<std::int64_t>(1, o.batch);
  Random random(o.seed);
  Context ctx(*conn, random);
  ctx.enterprises = o.enterprises;
  write_enterprises(ctx, o);
  write_region_statistics(ctx);
  write_rd_institutions(ctx);
  write_programme_tiers(ctx);
  write_hte_and_sme(ctx);
  write_patents(ctx);
  write_platforms(ctx);
  write_cooperation(ctx);
  write_tech_contracts(ctx);
  write_platform_years(ctx);
  write_incubators(ctx);
  write_people(ctx);
  write_loans(ctx);
  write_competitions_and_policies(ctx);
  align_hte_figures(ctx, o.seed);
  write_expert_reviews(ctx, o.seed);
  // Fresh statistics let the query planner pick good indexes for the list pages.
  for (const auto& kind : domain::registry_kinds()) ctx.conn.exec_script("ANALYZE " + kind.table);
  DemoSummary summary;
  summary.district_code = kDistrict;
  summary.records = ctx.written;
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace kc::app
