#include "app/crypto.hpp"

#include <gtest/gtest.h>

namespace kc::app {
namespace {

class Crypto : public ::testing::Test {
 protected:
  void SetUp() override { init_crypto(); }
};

TEST_F(Crypto, HashesWithArgon2idAndVerifies) {
  const auto hash = hash_password("Correct-Horse-9");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("Correct-Horse-9", hash));
  EXPECT_FALSE(verify_password("Correct-Horse-8", hash));
  EXPECT_NE(hash, hash_password("Correct-Horse-9")) << "salted";
}

TEST_F(Crypto, PolicyNeedsTenCharactersAndThreeClasses) {
  EXPECT_TRUE(password_policy_failures("Abcdefgh12").empty());
  EXPECT_TRUE(password_policy_failures("abcdefgh1!").empty());
  EXPECT_EQ(password_policy_failures("Abcdefg12").size(), 1u) << "nine characters";
  EXPECT_EQ(password_policy_failures("abcdefghij12").size(), 1u) << "two classes";
  EXPECT_EQ(password_policy_failures("short").size(), 2u);
  // Chinese characters count as characters of the "other" class.
  EXPECT_TRUE(password_policy_failures("科创平台密码abc12").empty());
}

TEST_F(Crypto, GeneratedPasswordsPassThePolicyAndDiffer) {
  const auto a = generate_password();
  EXPECT_TRUE(password_policy_failures(a).empty()) << a;
  EXPECT_NE(a, generate_password());
}

TEST_F(Crypto, TokensAreUrlSafeAndRandom) {
  const auto t = random_token(32);
  EXPECT_EQ(t.size(), 43u);
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(t, random_token(32));
}

TEST_F(Crypto, Sha256MatchesKnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Crypto, EqualSecretsComparesExactly) {
  EXPECT_TRUE(equal_secrets("abc", "abc"));
  EXPECT_FALSE(equal_secrets("abc", "abd"));
  EXPECT_FALSE(equal_secrets("abc", "abcd"));
}

}  // namespace
}  // namespace kc::app
