#include "app/registry/district_figures.hpp"

#include <array>
#include <map>

#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "store/district_figures_repository.hpp"

namespace kc::app {
namespace {

constexpr std::array<FigureDef, 11> kFigures = {{
    {"enterprises", "企业数", "Enterprises", "家", "", FigureType::count, true, 0},
    {"sales_revenue", "销售收入", "Sales revenue", "万元", "10k yuan", FigureType::amount, true, 1},
    {"rd_expenditure_enterprise", "企业研发投入", "Enterprise R&D", "万元", "10k yuan", FigureType::amount, true, 1},
    {"gdp", "地区生产总值", "GDP", "万元", "10k yuan", FigureType::amount, true, 1},
    {"rd_gdp_enterprise", "研发投入占GDP比重", "R&D as share of GDP", "%", "%", FigureType::percent, false, 2},
    {"patent_applications", "专利申请量", "Patent applications", "件", "", FigureType::count, true, 0},
    {"patent_grants", "专利授权量", "Patent grants", "件", "", FigureType::count, true, 0},
    {"rd_centres_municipal_plus", "市级以上研发中心", "Municipal-plus R&D centres", "家", "", FigureType::count, true, 0},
    {"hte_count", "高新技术企业", "High-tech enterprises", "家", "", FigureType::count, true, 0},
    {"tech_contract_turnover_outflow", "技术市场交易额", "Technology-market turnover", "万元", "10k yuan",
     FigureType::amount, true, 1},
    {"talents_introduced", "引进人才", "Talents introduced", "人", "", FigureType::count, true, 0},
}};

// Figures a district without statistics cannot state; record counts and sums are 0 instead.
bool from_statistics(std::string_view code) { return code == "gdp"; }

// part / whole × 100, rounded half up to two decimals.
domain::Cell percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return {};
  __extension__ typedef __int128 Wide;
  const Wide hundredths = (static_cast<Wide>(part) * 10'000 * 2 + whole) / (static_cast<Wide>(whole) * 2);
  const auto h = static_cast<std::int64_t>(hundredths);
  std::string frac = std::to_string(h % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(h / 100) + "." + frac;
}

// An amount of 1/10,000 万元 as 万元 with its four decimals, as the registry's amounts are stated.
std::string wan(std::int64_t units) {
  const std::int64_t whole = units / 10'000, frac = units % 10'000;
  std::string digits = std::to_string(frac < 0 ? -frac : frac);
  return (units < 0 && whole == 0 ? "-" : "") + std::to_string(whole) + "." + std::string(4 - digits.size(), '0') + digits;
}

// Raw sums (yuan or counts) by figure code; nullopt for a statistic the district lacks.
using Raw = std::map<std::string, std::optional<std::int64_t>, std::less<>>;

RegionFigures stated(std::string code, std::optional<std::string> name, const Raw& raw) {
  RegionFigures out{std::move(code), std::move(name), {}};
  for (const auto& f : kFigures) {
    if (f.type == FigureType::percent) {
      const auto rd = raw.find("rd_expenditure_enterprise"), gdp = raw.find("gdp");
      out.values.push_back(rd != raw.end() && rd->second && gdp != raw.end() && gdp->second
                               ? percent(*rd->second, *gdp->second)
                               : domain::Cell{});
      continue;
    }
    const auto it = raw.find(f.code);
    if (it == raw.end() || !it->second) {
      out.values.emplace_back();
    } else if (f.type == FigureType::amount) {
      out.values.emplace_back(wan(*it->second));
    } else {
      out.values.emplace_back(*it->second);
    }
  }
  return out;
}

}  // namespace

std::span<const FigureDef> district_figure_catalogue() { return kFigures; }

Outcome<DistrictComparison> compare_districts(store::Database& db, const Actor& actor, int year) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  if (year < 1949 || year > 2100) {
    return Problem::validation({field_error("year", domain::fmsg::year_range, {{"min", 1949}, {"max", 2100}})});
  }
  std::vector<store::DistrictFigureRow> rows;
  {
    auto conn = db.acquire();
    rows = store::district_figures(*conn, actor.district_prefix(), year);
  }
  DistrictComparison out;
  out.year = year;
  Raw total;
  for (const auto& f : kFigures) {
    if (f.additive) total[std::string(f.code)] = std::int64_t{0};
  }
  for (const auto& row : rows) {
    Raw raw;
    for (const auto& f : kFigures) {
      if (!f.additive) continue;
      const auto it = row.values.find(std::string(f.code));
      std::optional<std::int64_t> v;
      if (it != row.values.end()) v = it->second;
      else if (!from_statistics(f.code)) v = 0;
      raw[std::string(f.code)] = v;
      auto& sum = total[std::string(f.code)];
      sum = sum && v ? std::optional<std::int64_t>(*sum + *v) : std::nullopt;  // unknown if any is
    }
    out.districts.push_back(stated(row.region_code, row.region_name, raw));
  }
  if (out.districts.size() >= 2) out.total = stated(actor.region ? actor.region->text() : "", std::nullopt, total);
  return out;
}

}  // namespace kc::app
