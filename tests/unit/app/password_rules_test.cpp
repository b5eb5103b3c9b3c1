#include "app/accounts/password_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

TEST(PasswordRules, RefusesTheIssuesThreeExamples) {
  for (const char* p : {"Password123", "Qwerty12345", "Admin@12345"}) {
    ASSERT_TRUE(crypto::password_policy_failures(p).empty()) << p << " passes length and classes alone";
    EXPECT_TRUE(is_common_password(p)) << p;
    auto problem = password_problem(p, "someone", "Someone", "password");
    ASSERT_TRUE(problem) << p;
    EXPECT_EQ(problem->code, "password_common");
    EXPECT_EQ(problem->status, 422);
    EXPECT_EQ(problem->errors.at(0).field, "password");
  }
}

TEST(PasswordRules, ComparesIgnoringCaseAndTrailingDigitsAndSymbols) {
  EXPECT_TRUE(is_common_password("Password123!"));
  EXPECT_TRUE(is_common_password("PASSWORD-2024!"));
  EXPECT_TRUE(is_common_password("qWeRtY!!!2025"));
  EXPECT_TRUE(is_common_password("Computer#99"));
  // Only the tail is stripped: a word inside a longer passphrase is not a common password.
  EXPECT_FALSE(is_common_password("Password-Orchard-Kite-7"));
  EXPECT_FALSE(is_common_password("1Password-is-not-it"));
  EXPECT_FALSE(is_common_password("Xk9#mQ2pL7wz"));
  // A password that is only digits and symbols strips to nothing, which is not on the list.
  EXPECT_FALSE(is_common_password("1234567890!@#"));
}

TEST(PasswordRules, TheEmbeddedListIsTheDataFile) {
  std::ifstream file(std::string(KC_SOURCE_DIR) + "/src/app/accounts/data/common_passwords.txt", std::ios::binary);
  ASSERT_TRUE(file) << "src/app/accounts/data/common_passwords.txt";
  std::stringstream text;
  text << file.rdbuf();
  const std::string list = text.str();
  EXPECT_EQ(embedded_common_passwords(), list);
  EXPECT_GT(std::count(list.begin(), list.end(), '\n'), 2'000);
}

TEST(PasswordRules, RefusesTheAccountsOwnName) {
  EXPECT_TRUE(contains_name("Zhangwei-2024!", "zhangwei"));
  EXPECT_TRUE(contains_name("my-ZHANGWEI-pass9", "ZhangWei"));
  EXPECT_FALSE(contains_name("Li-Orchard-2024!", "li")) << "names under 3 characters are not checked";
  EXPECT_FALSE(contains_name("Kite-张伟-2024!", "张伟科"));
  EXPECT_TRUE(contains_name("Kite-张伟科-2024!", "张伟科"));
  auto by_username = password_problem("Orchard-zhangwei-7", "zhangwei", "Zhang Wei", "new_password");
  ASSERT_TRUE(by_username);
  EXPECT_EQ(by_username->code, "password_contains_name");
  EXPECT_EQ(by_username->errors.at(0).field, "new_password");
  auto by_display = password_problem("Orchard-Zhang Wei-7", "zw01", "Zhang Wei", "password");
  ASSERT_TRUE(by_display);
  EXPECT_EQ(by_display->code, "password_contains_name");
  EXPECT_FALSE(password_problem("Orchard-Kite-2024!", "zhangwei", "Zhang Wei", "password"));
}

TEST(PasswordRules, LengthAndClassesComeFirstAsValidation) {
  auto weak = password_problem("short", "someone", "", "password");
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->code, "validation");
}

TEST(PasswordRules, GeneratedPasswordsPassEveryRule) {
  crypto::init_crypto();
  for (int i = 0; i < 200; ++i) {
    const auto p = generate_password_for("abc", "abc");
    EXPECT_FALSE(password_problem(p, "abc", "abc", "password")) << p;
  }
}

}  // namespace
}  // namespace kc::app
