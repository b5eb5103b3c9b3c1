// Competitions and policy documents.
#include "app/demo/generator.hpp"

#include <array>

#include "app/demo/demo_support.hpp"

namespace kc::app::demo {

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

}  // namespace kc::app::demo
