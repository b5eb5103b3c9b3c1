#include "domain/money.hpp"

#include <gtest/gtest.h>

#include <limits>

using kc::domain::Money;
using kc::domain::MoneyUnit;

namespace {
std::int64_t fen(std::string_view text, MoneyUnit unit = MoneyUnit::yuan) {
  auto r = Money::parse(text, unit);
  EXPECT_TRUE(r.ok()) << text << ": " << (r ? "" : r.error().message);
  return r ? r->fen() : -1;
}
std::string code(std::string_view text, MoneyUnit unit = MoneyUnit::yuan) {
  auto r = Money::parse(text, unit);
  EXPECT_FALSE(r.ok()) << text;
  return r ? "" : r.error().code;
}
}  // namespace

TEST(Money, ParsesYuan) {
  EXPECT_EQ(fen("1,234.56"), 123456);
  EXPECT_EQ(fen("1234.5"), 123450);
  EXPECT_EQ(fen("0"), 0);
  EXPECT_EQ(fen(".5"), 50);
  EXPECT_EQ(fen("7."), 700);
  EXPECT_EQ(fen("1,234,567元"), 123456700);
  EXPECT_EQ(fen("¥12.30"), 1230);
  EXPECT_EQ(fen("￥ 12"), 1200);
  EXPECT_EQ(fen("-3.01"), -301);
  EXPECT_EQ(fen("+3"), 300);
  EXPECT_EQ(fen("１，２３４．５６"), 123456);  // full width
  EXPECT_EQ(fen("12.3400"), 1234);             // trailing zeros are not extra precision
}

TEST(Money, ParsesWanAndYi) {
  EXPECT_EQ(fen("12.5万元"), 12500000);
  EXPECT_EQ(fen("12.5万"), 12500000);
  EXPECT_EQ(fen("0.000001万元"), 1);  // one fen
  EXPECT_EQ(fen("1.2亿"), 12000000000);
  EXPECT_EQ(fen("1.2 亿元"), 12000000000);
  EXPECT_EQ(fen("0.0000000001亿元"), 1);
  // Unit-less text in a column declared in 万元.
  EXPECT_EQ(fen("3.5", MoneyUnit::wan_yuan), 3500000);
  EXPECT_EQ(fen("3.5元", MoneyUnit::wan_yuan), 350);  // an explicit unit wins
}

TEST(Money, RefusesBadText) {
  EXPECT_EQ(code(""), "money.empty");
  EXPECT_EQ(code("abc"), "money.character");
  EXPECT_EQ(code("万元"), "money.format");
  EXPECT_EQ(code("1.2.3"), "money.decimal_character");
  EXPECT_EQ(code("1,23"), "money.commas");
  EXPECT_EQ(code("12,3456"), "money.commas");
  EXPECT_EQ(code(",123"), "money.commas");
  EXPECT_EQ(code("1234,567"), "money.commas");
  EXPECT_EQ(code("1.234"), "money.precision");
  EXPECT_EQ(code("0.0000001万元"), "money.precision");
  EXPECT_EQ(code("1e5"), "money.character");
}

TEST(Money, RangeLimits) {
  EXPECT_EQ(fen("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(fen("-92233720368547758.08"), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(code("92233720368547758.08"), "money.range");
  EXPECT_EQ(code("99999999999999999999"), "money.range");
  EXPECT_EQ(code("1000000000亿"), "money.range");
}

TEST(Money, Formats) {
  Money m = Money::from_fen(123456789);  // 1,234,567.89 元
  EXPECT_EQ(m.format(MoneyUnit::yuan), "1,234,567.89");
  EXPECT_EQ(m.format(MoneyUnit::yuan, 2, false), "1234567.89");
  EXPECT_EQ(m.format(MoneyUnit::wan_yuan), "123.46");
  EXPECT_EQ(m.format(MoneyUnit::wan_yuan, 4), "123.4568");
  EXPECT_EQ(m.format(MoneyUnit::yi_yuan, 4), "0.0123");
  EXPECT_EQ(m.format(MoneyUnit::yuan, 0), "1,234,568");
  EXPECT_EQ(m.to_display(MoneyUnit::wan_yuan), "123.46万元");
  EXPECT_EQ(Money::from_fen(-5000).to_display(MoneyUnit::yuan), "-50.00元");
  EXPECT_EQ(Money::from_fen(-49).format(MoneyUnit::wan_yuan, 2), "0.00");  // no "-0.00"
  EXPECT_EQ(Money::from_fen(5000).format(MoneyUnit::wan_yuan, 2),
            "0.01");  // half rounds away from zero
  EXPECT_EQ(Money::from_fen(-5000).format(MoneyUnit::wan_yuan, 2), "-0.01");
  EXPECT_EQ(Money::from_fen(4999).format(MoneyUnit::wan_yuan, 2), "0.00");
  EXPECT_EQ(Money::from_fen(std::numeric_limits<std::int64_t>::min()).format(MoneyUnit::yuan),
            "-92,233,720,368,547,758.08");
  EXPECT_EQ(Money::from_fen(120000000000).to_display(MoneyUnit::yi_yuan), "12.00亿元");
}

TEST(Money, RoundTripsThroughText) {
  for (std::int64_t f : {0LL, 1LL, 99LL, 100LL, 123456LL, -987654321LL, 100000000000LL}) {
    Money m = Money::from_fen(f);
    EXPECT_EQ(Money::parse(m.format(MoneyUnit::yuan))->fen(), f);
    EXPECT_EQ(Money::parse(m.format(MoneyUnit::wan_yuan, 6) + "万元")->fen(), f);
    EXPECT_EQ(Money::parse(m.format(MoneyUnit::yi_yuan, 10) + "亿元")->fen(), f);
  }
}

TEST(Money, Arithmetic) {
  Money a = Money::from_fen(150);
  Money b = Money::from_fen(50);
  EXPECT_EQ((a + b).fen(), 200);
  EXPECT_EQ((a - b).fen(), 100);
  EXPECT_LT(b, a);
  EXPECT_EQ(Money{}.fen(), 0);
}
