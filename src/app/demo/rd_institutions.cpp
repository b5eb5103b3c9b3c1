// R&D institutions (enterprise engineering and technology centres).
#include "app/demo/generator.hpp"

#include <algorithm>
#include <map>

#include "app/demo/demo_support.hpp"

namespace kc::app::demo {

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

}  // namespace kc::app::demo
