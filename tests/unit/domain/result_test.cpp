#include "domain/result.hpp"

#include <gtest/gtest.h>

#include <string>

using kc::domain::Error;
using kc::domain::Result;

TEST(Result, HoldsValue) {
  Result<int> r = 42;
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 42);
}

TEST(Result, HoldsError) {
  Result<std::string> r = Error{"x.bad", "坏 / bad"};
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "x.bad");
  EXPECT_EQ(r.error().message, "坏 / bad");
  EXPECT_THROW(static_cast<void>(r.value()), std::bad_variant_access);
}

TEST(Result, MovesValueOut) {
  Result<std::string> r = std::string("text");
  std::string taken = std::move(r).value();
  EXPECT_EQ(taken, "text");
  EXPECT_EQ(Result<std::string>(std::string("abc"))->size(), 3u);
}

TEST(Result, StatusOk) {
  kc::domain::Status s = kc::domain::ok();
  EXPECT_TRUE(s.ok());
  kc::domain::Status f = Error{"c", "m"};
  EXPECT_FALSE(f.ok());
}
