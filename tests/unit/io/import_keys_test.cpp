#include "io/import_keys.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kc::io {
namespace {

std::string key_of(std::vector<domain::Cell> cells) {
  std::vector<std::size_t> fields;
  for (std::size_t i = 0; i < cells.size(); ++i) fields.push_back(i);
  std::string out;
  encode_key(out, cells, fields);
  return out;
}

TEST(ImportKeys, EncodingsOfDifferentKeysDiffer) {
  // Same text, different types or splits, NULL against empty text: all distinct.
  const std::string a = key_of({domain::Cell{std::int64_t{12}}, domain::Cell{std::string("3")}});
  const std::string b = key_of({domain::Cell{std::string("12")}, domain::Cell{std::string("3")}});
  const std::string c = key_of({domain::Cell{std::string("1")}, domain::Cell{std::string("23")}});
  const std::string d = key_of({domain::Cell{}, domain::Cell{std::string("")}});
  const std::string e = key_of({domain::Cell{std::string("")}, domain::Cell{}});
  EXPECT_NE(a, b);
  EXPECT_NE(b, c);
  EXPECT_NE(d, e);
  EXPECT_EQ(a, key_of({domain::Cell{std::int64_t{12}}, domain::Cell{std::string("3")}}));
  EXPECT_NE(hash_key(b), hash_key(c));
}

TEST(ImportKeys, FileKeysReportTheFirstRowOfARepeatedKeyAcrossGrowth) {
  FileKeys keys;
  const std::size_t n = 50'000;  // several doublings of the table
  for (std::size_t i = 0; i < n; ++i) {
    const auto k =
        key_of({domain::Cell{static_cast<std::int64_t>(i)}, domain::Cell{std::int64_t{2024}}});
    ASSERT_EQ(keys.insert(k, hash_key(k), i + 2), 0u) << i;
  }
  EXPECT_EQ(keys.size(), n);
  for (std::size_t i : {std::size_t{0}, std::size_t{777}, n - 1}) {
    const auto k =
        key_of({domain::Cell{static_cast<std::int64_t>(i)}, domain::Cell{std::int64_t{2024}}});
    EXPECT_EQ(keys.insert(k, hash_key(k), n + 10), i + 2);
  }
  // Equal hashes alone do not make a duplicate: the keys themselves are compared.
  const auto x = key_of({domain::Cell{std::string("x")}});
  const auto y = key_of({domain::Cell{std::string("y")}});
  EXPECT_EQ(keys.insert(x, 42, 3), 0u);
  EXPECT_EQ(keys.insert(y, 42, 4), 0u);
  EXPECT_EQ(keys.insert(y, 42, 5), 4u);
  EXPECT_EQ(keys.size(), n + 2);
}

TEST(ImportKeys, StoredKeyFilterHasNoFalseNegatives) {
  StoredKeyFilter filter;
  EXPECT_FALSE(filter.may_contain(hash_key("anything")));
  for (int i = 0; i < 20'000; ++i) filter.add(hash_key("k" + std::to_string(i)));
  filter.add(0);  // the empty-slot marker's value is still a hash like any other
  EXPECT_TRUE(filter.may_contain(0));
  int misses = 0, false_positives = 0;
  for (int i = 0; i < 20'000; ++i) misses += !filter.may_contain(hash_key("k" + std::to_string(i)));
  for (int i = 0; i < 20'000; ++i)
    false_positives += filter.may_contain(hash_key("other" + std::to_string(i)));
  EXPECT_EQ(misses, 0);
  EXPECT_EQ(false_positives, 0) << "64-bit hashes of 40,000 keys should not collide";
  EXPECT_EQ(filter.size(), 20'001u);
}

}  // namespace
}  // namespace kc::io
