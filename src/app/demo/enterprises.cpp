// The enterprises and their yearly figures (the generator that runs first).
#include "app/demo/generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "app/demo/demo_support.hpp"
#include "domain/credit_code.hpp"

namespace kc::app::demo {
namespace {

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

}  // namespace

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

}  // namespace kc::app::demo
