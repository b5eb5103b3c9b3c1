// Patents granted and applied for.
#include "app/demo/generator.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>

#include "app/demo/demo_support.hpp"
#include "domain/patent_number.hpp"

namespace kc::app::demo {

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

}  // namespace kc::app::demo
