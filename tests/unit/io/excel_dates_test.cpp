#include "io/excel_dates.hpp"

#include <gtest/gtest.h>

namespace kc::io {
namespace {

TEST(ExcelDates, SerialDayNumbersBecomeIsoDates) {
  EXPECT_EQ(excel_serial_to_date("25569"), "1970-01-01");
  EXPECT_EQ(excel_serial_to_date("45292"), "2024-01-01");
}

TEST(ExcelDates, TextThatIsNotASerialIsRefused) {
  EXPECT_EQ(excel_serial_to_date("2013-01-01"), std::nullopt);
  EXPECT_EQ(excel_serial_to_date("0"), std::nullopt);
  EXPECT_EQ(excel_serial_to_date("2958466"), std::nullopt);
  EXPECT_EQ(excel_serial_to_date(""), std::nullopt);
}

}  // namespace
}  // namespace kc::io
