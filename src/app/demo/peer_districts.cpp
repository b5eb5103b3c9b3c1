// The demo city's peer districts: enterprises and their years, R&D centres, patents, HTE
// certificates with their panel reviews, S&T SME registrations, technology contracts, cooperation
// agreements, talents, loans and incubators of each peer, drawn from the peer's own random stream
// after the seed district is complete, so the seed district's records are the same with or
// without peers.
//
// What the peer's records add up to agrees with its region statistics: each year its
// enterprises' R&D is exactly the R&D expenditure its statistics state. Patents, centres,
// certificates and contracts follow from its R&D and its profile (peer_districts.hpp), which is
// what makes the districts differ. No peer record names the seed district as a contract party,
// so none of them moves a seed figure.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "app/demo/demo_support.hpp"
#include "app/demo/generator.hpp"
#include "app/demo/peer_districts.hpp"
#include "domain/credit_code.hpp"
#include "domain/patent_number.hpp"
#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"

namespace kc::app::demo {
namespace {

struct Industry {
  std::string_view code;
  std::string_view word;
  bool manufacturing;
};

// The industries of the seed district's generator, indexed as peer_districts.hpp lists them.
constexpr std::array<Industry, 25> kIndustries = {{
    {"C2614", "化工", true},        {"C2929", "塑料", true},     {"C3311", "金属制品", true},
    {"C3419", "机械", true},        {"C3442", "轴承", true},     {"C3511", "冶金设备", true},
    {"C3581", "医疗器械", true},    {"C3812", "电机", true},     {"C3874", "照明电器", true},
    {"C3825", "电气", true},        {"C3921", "通信设备", true}, {"C3969", "电子", true},
    {"C4011", "仪器仪表", true},    {"C2710", "制药", true},     {"C1713", "纺织", true},
    {"C1819", "服饰", true},        {"C2319", "印刷", true},     {"C3831", "电线电缆", true},
    {"I6513", "软件", false},       {"I6520", "信息技术", false}, {"M7320", "工程技术", false},
    {"M7491", "检测", false},       {"M7520", "科技服务", false}, {"F5174", "贸易", false},
    {"L7212", "科技咨询", false},
}};

constexpr std::array<std::string_view, 6> kTownWords = {"中心街道", "东城街道", "西城街道",
                                                        "南部新城", "工业园区", "高新区"};
constexpr std::array<std::string_view, 6> kRoadWords = {"人民路", "解放路", "中山路",
                                                        "科技大道", "创业路", "环城路"};
// Contract parties outside the city's districts with records (never the seed district).
constexpr std::array<std::string_view, 8> kElsewhere = {"110108", "310104", "320102", "440305",
                                                        "420111", "310115", "370102", "510107"};

struct Firm {
  std::int64_t id = 0;
  std::string name;
  Date registered;
  bool manufacturing = false;
  bool above_size = false;
  bool performer = false;
  bool tech = false;
  double revenue = 0;  // 万元 at 2013 level
  double growth = 0;
  double intensity = 0;
  double employees = 0;
};

struct Peer {
  const PeerDistrict& def;
  int index;
  Random random;
  PeerYears years;
  std::vector<Firm> firms;

  const PeerProfile& profile() const { return def.profile; }
  std::string code() const { return std::string(def.code); }
  // A firm registered by `by` (R&D performers only when asked), falling back to the first.
  const Firm& firm(Date by, bool performer_only = true) {
    for (int tries = 0; tries < 60; ++tries) {
      const auto& f = firms[static_cast<std::size_t>(random.between(0, static_cast<std::int64_t>(firms.size()) - 1))];
      if (f.registered <= by && (!performer_only || f.performer)) return f;
    }
    return firms.front();
  }
};

std::string credit_code(const std::string& district, std::int64_t index) {
  char body[16];
  std::snprintf(body, sizeof body, "%08lld", static_cast<long long>((index + 1) * 7'919 % 100'000'000));
  std::string first17 = "91" + district + body + domain::CreditCode::compute_org_check_char(body);
  return first17 + domain::CreditCode::compute_check_char(first17);
}

Firm draw_firm(Peer& p, std::int64_t index) {
  Random& r = p.random;
  Firm f;
  const bool leading = index < std::max<std::int64_t>(1, p.def.enterprises / 10);
  f.manufacturing = r.chance(p.profile().industrial);
  f.above_size = leading || r.chance(f.manufacturing ? 0.2 : 0.08);
  f.performer = index == 0 || (f.above_size ? r.chance(0.8) : r.chance(0.25));
  f.tech = r.chance(p.profile().tech);
  const int year = leading ? static_cast<int>(r.between(1990, 2005))
                           : static_cast<int>(1995 + std::floor(20 * std::sqrt(r.unit())));
  f.registered = r.day_in(std::min(year, kLastYear));
  if (index == 0) f.registered = ymd(1998, 3, 1);  // the largest performer reports every year
  f.revenue = f.above_size ? r.log_uniform(2'000, 60'000) : r.log_uniform(30, 3'000);
  f.intensity = r.uniform(0.01, 0.05) * (f.tech ? 1.6 : 1.0);
  f.growth = r.uniform(-0.02, 0.16);
  f.employees = f.above_size ? f.revenue / r.uniform(30, 80) + 20 : r.log_uniform(5, 120);
  return f;
}

double revenue_in(const Firm& f, int year) {
  return std::max(5.0, f.revenue * std::pow(1 + f.growth, year - T::kReportYear));
}

std::int64_t rd_weight(const Firm& f, int year) {
  if (!f.performer || year < f.registered.year()) return 0;
  return std::max<std::int64_t>(1, std::llround(revenue_in(f, year) * f.intensity * 100));
}

// Enterprises and their years; every year's R&D adds up to the statistics' figure exactly.
void write_firms(Peer& p, Writer& firms, Writer& years) {
  for (std::int64_t i = 0; i < p.def.enterprises; ++i) p.firms.push_back(draw_firm(p, i));
  std::array<std::int64_t, kYears> weights{};
  for (const auto& f : p.firms) {
    for (int y = kFirstYear; y <= kLastYear; ++y) weights[static_cast<std::size_t>(year_index(y))] += rd_weight(f, y);
  }
  std::array<std::int64_t, kYears> floored{};
  auto share = [&](const Firm& f, int y) {
    const auto k = static_cast<std::size_t>(year_index(y));
    return static_cast<std::int64_t>(static_cast<Wide>(p.years.rd[k]) * rd_weight(f, y) / weights[k]);
  };
  for (const auto& f : p.firms) {
    for (int y = kFirstYear; y <= kLastYear; ++y) floored[static_cast<std::size_t>(year_index(y))] += share(f, y);
  }
  Random& r = p.random;
  const auto& tech_choices = firms.kind().fields[firms.column("tech_field")].choices;
  for (std::size_t i = 0; i < p.firms.size(); ++i) {
    Firm& f = p.firms[i];
    const auto& specialities = p.profile().specialities;
    const Industry* industry = nullptr;
    for (int tries = 0; !industry || industry->manufacturing != f.manufacturing; ++tries) {
      industry = r.chance(0.6) && tries < 8
                     ? &kIndustries[static_cast<std::size_t>(specialities[static_cast<std::size_t>(r.between(0, 3))])]
                     : &kIndustries[static_cast<std::size_t>(r.between(0, kIndustries.size() - 1))];
    }
    f.name = std::string(p.def.city) + std::string(r.pick(Words::firm_prefixes())) + std::string(industry->word) +
             (f.tech ? "科技" : "") + "有限公司";
    const std::string town = std::string(p.def.name.substr(0, p.def.name.size() - 3)) +
                             std::string(r.pick(std::span<const std::string_view>(kTownWords)));
    auto row = firms.row();
    row.set("credit_code", cell(credit_code(p.code(), static_cast<std::int64_t>(i))))
        .set("name", cell(f.name))
        .set("region_code", cell(p.code()))
        .set("town", cell(town))
        .set("industry_code", cell(std::string(industry->code)))
        .set("registered_on", cell(f.registered))
        .set("registered_capital", cell(std::llround(r.log_uniform(f.above_size ? 500 : 10, f.above_size ? 30'000 : 1'000)) * kWan))
        .set("address", cell(std::string(p.def.city) + "市" + std::string(p.def.name) + town +
                             std::string(r.pick(std::span<const std::string_view>(kRoadWords))) +
                             std::to_string(r.between(1, 999)) + "号"))
        .set("contact_person", cell(person_name(r)))
        .set("contact_phone", cell(std::string(p.def.phone) + "-8" + std::to_string(r.between(1'000'000, 9'999'999))))
        .set("above_size", cell_bool(f.above_size));
    if (f.tech)
      row.set("tech_field", cell(tech_choices[static_cast<std::size_t>(r.between(0, tech_choices.size() - 1))].value));
    f.id = row.insert();

    for (int y = std::max(kFirstYear, f.registered.year()); y <= kLastYear; ++y) {
      const auto k = static_cast<std::size_t>(year_index(y));
      std::int64_t rd = share(f, y);
      if (i == 0) rd += p.years.rd[k] - floored[k];
      const std::int64_t sales = yuan(std::round(revenue_in(f, y) * r.uniform(0.92, 1.08)));
      const std::int64_t gross = part(sales, r.uniform(1.01, 1.06));
      const std::int64_t high_tech = part(sales, f.tech ? r.uniform(0.5, 0.85) : r.uniform(0, 0.3));
      auto yr = years.row();
      yr.set("enterprise_id", cell(f.id))
          .set("year", cell(std::int64_t{y}))
          .set("sales_revenue", cell(sales))
          .set("gross_income", cell(gross))
          .set("high_tech_revenue", cell(high_tech))
          .set("ip_backed_revenue", cell(part(high_tech, r.uniform(0.6, 1.0))));
      if (rd > 0) {
        const std::int64_t personnel = part(rd, r.uniform(0.4, 0.55));
        const std::int64_t inputs = part(rd, r.uniform(0.2, 0.3));
        const std::int64_t depreciation = part(rd, r.uniform(0.04, 0.1));
        yr.set("rd_personnel", cell(personnel))
            .set("rd_direct_inputs", cell(inputs))
            .set("rd_depreciation", cell(depreciation))
            .set("rd_other", cell(rd - personnel - inputs - depreciation))
            .set("rd_total", cell(rd));
      }
      yr.set("total_cost_expense", cell(std::max(part(gross, r.uniform(0.85, 0.97)), rd + sales / 2)));
      const std::int64_t assets = part(sales, r.uniform(0.8, 1.6));
      const auto staff = std::max<std::int64_t>(
          3, std::llround(f.employees * std::pow(1 + f.growth / 2, y - T::kReportYear) * r.uniform(0.95, 1.05)));
      yr.set("total_assets", cell(assets))
          .set("net_assets", cell(part(assets, r.uniform(0.3, 0.6))))
          .set("employees", cell(staff))
          .set("st_staff", cell(std::max<std::int64_t>(rd > 0 ? 1 : 0, std::llround(staff * r.uniform(0.05, 0.3)))));
      if (f.manufacturing) {
        const std::int64_t output = part(sales, r.uniform(0.95, 1.1));
        yr.set("industrial_output", cell(output)).set("value_added", cell(part(output, r.uniform(0.18, 0.3))));
      }
      yr.insert();
    }
  }
}

// Engineering and technology centres of the above-size manufacturers that do R&D.
void write_centres(Peer& p, Writer& w) {
  Random& r = p.random;
  for (const auto& f : p.firms) {
    if (!f.manufacturing || !f.above_size || !f.performer || f.registered.year() >= kLastYear ||
        !r.chance(p.profile().centres)) {
      continue;
    }
    const double u = r.unit();
    const char* level = u < 0.03 ? "national" : u < 0.15 ? "provincial" : u < 0.55 ? "municipal" : "district";
    const bool engineering = r.chance(0.5);
    const int year = static_cast<int>(r.between(std::max(2003, f.registered.year() + 1), kLastYear));
    const std::string level_zh = u < 0.03 ? "国家级" : u < 0.15 ? "省级" : u < 0.55 ? "市级" : "区级";
    w.row()
        .set("name", cell(f.name + level_zh + (engineering ? "企业工程技术研究中心" : "企业技术中心")))
        .set("kind", cell(engineering ? "engineering_centre" : "technology_centre"))
        .set("level", cell(level))
        .set("recognised_year", cell(std::int64_t{year}))
        .set("enterprise_id", cell(f.id))
        .insert();
  }
}

// Patents filed in proportion to the year's R&D (the seed files one per about 73 万元, its peers
// one per about 180 万元 at a profile's patenting of 1: the seed is the city's patenting leader), granted
// after the usual examination lags when the grant falls by the end of 2014.
void write_patents(Peer& p, Writer& w) {
  Random& r = p.random;
  std::array<std::int64_t, 4> serial{};
  for (auto& s : serial) s = 2'000'000 + p.index * 300'000;  // apart from the seed's numbers
  const Date end = ymd(kLastYear, 12, 31);
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    const double rd_wan = static_cast<double>(p.years.rd[static_cast<std::size_t>(year_index(y))]) / kWan;
    const auto filed = static_cast<int>(std::llround(rd_wan / 180.0 * p.profile().patenting * r.uniform(0.9, 1.1)));
    for (int k = 0; k < filed; ++k) {
      const double u = r.unit();
      const auto type = u < 0.25 ? domain::PatentType::invention
                        : u < 0.8 ? domain::PatentType::utility_model
                                  : domain::PatentType::design;
      const char* kind = u < 0.25 ? "invention" : u < 0.8 ? "utility_model" : "design";
      const Date on = r.day_in(y);
      auto& s = serial[static_cast<std::size_t>(type)];
      s += r.between(1, 20);
      char digits[40];
      std::snprintf(digits, sizeof digits, "%04d%d%07lld", y, static_cast<int>(type), static_cast<long long>(s));
      const bool invention = type == domain::PatentType::invention;
      const auto lag = invention ? r.between(600, 1'100) : r.between(120, 420);
      const Date granted = on.add_days(static_cast<std::int32_t>(lag));
      const bool grants = granted <= end && r.chance(invention ? 0.55 : 0.9);
      auto row = w.row();
      row.set("application_no", cell(std::string(digits) + "." + domain::PatentNumber::compute_check_digit(digits)))
          .set("title", cell("一种" + std::string(r.pick(Words::inventions()))))
          .set("kind", cell(kind))
          .set("filed_on", cell(on))
          .set("status", cell(grants ? (y < 2012 && r.chance(0.1) ? "lapsed" : "valid")
                              : granted <= end ? "rejected"
                                               : "pending"));
      if (grants) row.set("granted_on", cell(granted));
      if (r.chance(0.85)) {
        const auto& owner = p.firm(on);
        row.set("enterprise_id", cell(owner.id)).set("owner_name", cell(owner.name));
      } else {
        row.set("owner_name", cell(person_name(r)));
      }
      row.insert();
    }
  }
}

// HTE certificates of high-tech R&D performers (renewed every three years), each with the expert
// panel's review before it, and S&T SME registrations of the small ones.
void write_certificates(Peer& p, Writer& certs, Writer& reviews, Writer& sme) {
  Random& r = p.random;
  const Date today = ymd(kLastYear, 12, 31);
  std::map<int, int> serial;
  for (const auto& f : p.firms) {
    if (!f.tech || !f.performer || f.registered.year() > 2012 || !r.chance(p.profile().hte)) continue;
    for (int year = static_cast<int>(r.between(std::max(2008, f.registered.year() + 1), kLastYear)); year <= kLastYear;
         year += 3) {
      const Date issued = r.day_in(year, 250, 340);
      const Date until = issued.add_years(3);
      char no[64];
      std::snprintf(no, sizeof no, "GR%d33%02d%04d", year, 21 + p.index, ++serial[year]);
      certs.row()
          .set("enterprise_id", cell(f.id))
          .set("certificate_no", cell(no))
          .set("issued_on", cell(issued))
          .set("valid_until", cell(until))
          .set("status", cell(until < today ? "expired" : "valid"))
          .insert();
      write_panel_review(reviews, r, f.id, issued);
    }
  }
  for (int y = kFirstYear + 1; y <= kLastYear; ++y) {
    int seq = 0;
    for (const auto& f : p.firms) {
      if (f.above_size || !f.performer || f.registered > ymd(y, 6, 30) || !r.chance(f.tech ? 0.5 : 0.15)) continue;
      char no[64];
      std::snprintf(no, sizeof no, "%d%s%04d", y, p.code().c_str(), ++seq);
      sme.row().set("enterprise_id", cell(f.id)).set("registration_no", cell(no)).set("year", cell(std::int64_t{y})).insert();
    }
  }
}

// Technology contracts sold by the district's firms (the seed's market turns over about 1.4 % of
// its R&D) and bought in from outside; agreements with universities.
void write_contracts(Peer& p, Writer& contracts, Writer& agreements) {
  Random& r = p.random;
  constexpr std::array<std::string_view, 5> types = {"development", "transfer", "consulting", "service", "licence"};
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    const double rd = static_cast<double>(p.years.rd[static_cast<std::size_t>(year_index(y))]);
    int seq = 0;
    auto add = [&](std::int64_t value, bool sold) {
      char no[64];
      std::snprintf(no, sizeof no, "JS%d%s%04d", y, p.code().c_str(), ++seq);
      const std::string other(r.pick(std::span<const std::string_view>(kElsewhere)));
      const Date on = r.day_in(y);
      contracts.row()
          .set("registration_no", cell(no))
          .set("title", cell(std::string(r.pick(Words::inventions())) + "技术合同"))
          .set("type", cell(std::string(r.pick(std::span<const std::string_view>(types)))))
          .set("signed_on", cell(on))
          .set("value", cell(value))
          .set("technical_income", cell(part(value, r.uniform(0.6, 0.95))))
          .set("seller_region", cell(sold ? p.code() : other))
          .set("buyer_region", cell(sold && r.chance(0.6) ? other : p.code()))
          .set("enterprise_id", cell(p.firm(on).id))
          .insert();
    };
    const auto sold_total = std::max<std::int64_t>(100'000, std::llround(rd * 0.014 * p.profile().market / 1'000) * 1'000);
    const int sold_count = static_cast<int>(std::clamp<std::int64_t>(sold_total / 400'000, 1, 80));
    for (auto v : split_exact(r, sold_total, sold_count, 4.0, 1'000)) add(v, true);
    const auto bought_total = std::max<std::int64_t>(100'000, std::llround(rd * 0.15 * r.uniform(0.6, 1.2) / 1'000) * 1'000);
    const int bought_count = static_cast<int>(std::clamp<std::int64_t>(bought_total / 5'000'000, 1, 40));
    for (auto v : split_exact(r, bought_total, bought_count, 4.0, 1'000)) add(v, false);

    const int cooperation = static_cast<int>(std::llround(rd / kWan / 8'000 * r.uniform(0.7, 1.3)));
    for (int k = 0; k < cooperation; ++k) {
      char no[64];
      std::snprintf(no, sizeof no, "HZ%d%s%03d", y, p.code().c_str(), k + 1);
      const bool international = r.chance(0.1);
      const Date on = r.day_in(y);
      agreements.row()
          .set("agreement_no", cell(no))
          .set("title", cell(std::string(r.pick(Words::inventions())) + "产学研合作"))
          .set("kind", cell("cooperation"))
          .set("partner", cell(international ? std::string("德国弗劳恩霍夫研究所") : std::string(r.pick(Words::universities()))))
          .set("partner_country", cell(international ? "德国" : "中国"))
          .set("international", cell_bool(international))
          .set("signed_on", cell(on))
          .set("value", cell(yuan(std::round(r.log_uniform(20, 500)))))
          .set("enterprise_id", cell(p.firm(on).id))
          .insert();
    }
  }
}

// Talents of the city's and province's programmes, S&T loans, and an incubator.
void write_people_and_finance(Peer& p, Writer& talents, Writer& loans, Writer& incubators,
                              Writer& incubator_years, std::set<std::string>& taken) {
  Random& r = p.random;
  const std::string city_programme = p.def.city == "宁波" ? "宁波市“3315计划”"
                                     : p.def.city == "杭州" ? "杭州市“521计划”"
                                                            : "温州市“580海外精英引进计划”";
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    const int count = static_cast<int>(r.between(0, 3 + p.def.enterprises / 400));
    for (int k = 0; k < count; ++k) {
      const bool provincial = r.chance(0.3);
      const std::string programme = provincial ? "浙江省“千人计划”" : city_programme;
      std::string name;
      do name = person_name(r);
      while (!taken.insert(name + programme + std::to_string(y)).second);
      const bool team = !provincial && r.chance(0.2);
      talents.row()
          .set("person_name", cell(name))
          .set("programme", cell(programme))
          .set("level", cell(provincial ? "provincial" : "municipal"))
          .set("form", cell(team ? "team" : "individual"))
          .set("year", cell(std::int64_t{y}))
          .set("enterprise_id", cell(p.firm(ymd(y, 1, 1)).id))
          .insert();
    }
    const int granted = static_cast<int>(r.between(2, 4 + p.def.enterprises / 200));
    for (int k = 0; k < granted; ++k) {
      char no[64];
      std::snprintf(no, sizeof no, "DK%d%s%03d", y, p.code().c_str(), k + 1);
      const Date on = r.day_in(y);
      const std::int64_t amount = yuan(std::round(r.log_uniform(100, 3'000)));
      const std::int64_t rate = r.between(560, 780);
      loans.row()
          .set("contract_no", cell(no))
          .set("bank", cell(std::string(r.pick(Words::banks()))))
          .set("enterprise_id", cell(p.firm(on, false).id))
          .set("amount", cell(amount))
          .set("rate_bp", cell(rate))
          .set("term_months", cell(std::int64_t{12}))
          .set("interest_subsidy", cell(amount * rate * 3 / 100'000))
          .set("risk_pool_compensation", cell(std::int64_t{0}))
          .set("status", cell(y < kLastYear ? "repaid" : "current"))
          .set("granted_on", cell(on))
          .insert();
    }
  }
  const Date opened = r.day_in(static_cast<int>(r.between(2005, 2011)));
  const std::int64_t area = r.between(8, 40) * 1'000;
  const std::int64_t id = incubators.row()
                              .set("name", cell(std::string(p.def.name) + "科技创业中心"))
                              .set("kind", cell("incubator"))
                              .set("level", cell(r.chance(0.5) ? "municipal" : "district"))
                              .set("area", cell(area))
                              .set("opened_on", cell(opened))
                              .insert();
  write_incubator_years(incubator_years, r, id, area, opened);
}

}  // namespace

void write_peer_districts(Context& ctx, const DemoOptions& options) {
  if (options.districts <= 0) return;
  // Talent names are unique per programme and year across the installation, the seed's included.
  std::set<std::string> taken;
  {
    const auto& kind = *domain::find_kind("talents");
    store::RecordStore seed_talents(ctx.conn, kind);
    const std::size_t name = kind.index_of("person_name"), programme = kind.index_of("programme"),
                      year = kind.index_of("year");
    store::RecordQuery all;
    all.page.page_size = 100'000;
    for (const auto& t : seed_talents.list(all)) {
      taken.insert(std::get<std::string>(t.cells[name]) + std::get<std::string>(t.cells[programme]) +
                   std::to_string(std::get<std::int64_t>(t.cells[year])));
    }
  }
  Writer statistics(ctx.conn, "region_statistics"), firms(ctx.conn, "enterprises"),
      years(ctx.conn, "enterprise_years"), centres(ctx.conn, "rd_institutions"), patents(ctx.conn, "patents"),
      certs(ctx.conn, "hte_certificates"), reviews(ctx.conn, "hte_expert_reviews"),
      sme(ctx.conn, "sme_registrations"), contracts(ctx.conn, "tech_contracts"),
      agreements(ctx.conn, "cooperation_agreements"), talents(ctx.conn, "talents"), loans(ctx.conn, "loans"),
      incubators(ctx.conn, "incubators"), incubator_years(ctx.conn, "incubator_years");
  for (int index = 0; index < options.districts; ++index) {
    const PeerDistrict& def = kPeerDistricts[static_cast<std::size_t>(index)];
    Peer p{def, index, Random(stream_seed(options.seed, 0x5045'4552'0000'0000ULL + static_cast<std::uint64_t>(index))),
           {}, {}};
    for (Writer* w : {&statistics, &firms, &years, &centres, &patents, &certs, &reviews, &sme, &contracts, &agreements,
                      &talents, &loans, &incubators, &incubator_years}) {
      w->set_district(p.code());
    }
    store::in_transaction(ctx.conn, [&] {
      if (def.seed_statistics) {
        p.years = ctx.peer_years.at(p.code());
      } else {
        p.years = write_peer_statistics(statistics, p.random, def);
      }
      write_firms(p, firms, years);
      write_centres(p, centres);
      write_patents(p, patents);
      write_certificates(p, certs, reviews, sme);
      write_contracts(p, contracts, agreements);
      write_people_and_finance(p, talents, loans, incubators, incubator_years, taken);
    });
  }
  for (const Writer* w : {&statistics, &firms, &years, &centres, &patents, &certs, &reviews, &sme, &contracts, &agreements,
                          &talents, &loans, &incubators, &incubator_years}) {
    ctx.add_count(*w);
  }
}

}  // namespace kc::app::demo
