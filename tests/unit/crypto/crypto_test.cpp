#include "crypto/crypto.hpp"

#include <gtest/gtest.h>

namespace kc::crypto {
namespace {

class Crypto : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init_crypto(); }
};

TEST_F(Crypto, HashesWithArgon2idAndVerifies) {
  const auto hash = crypto::hash_password("Correct-Horse-9");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(crypto::verify_password("Correct-Horse-9", hash));
  EXPECT_FALSE(crypto::verify_password("Correct-Horse-8", hash));
  EXPECT_NE(hash, crypto::hash_password("Correct-Horse-9")) << "salted";
}

TEST_F(Crypto, PolicyNeedsTenCharactersAndThreeClasses) {
  EXPECT_TRUE(crypto::password_policy_failures("Abcdefgh12").empty());
  EXPECT_TRUE(crypto::password_policy_failures("abcdefgh1!").empty());
  EXPECT_EQ(crypto::password_policy_failures("Abcdefg12").size(), 1u) << "nine characters";
  EXPECT_EQ(crypto::password_policy_failures("abcdefghij12").size(), 1u) << "two classes";
  EXPECT_EQ(crypto::password_policy_failures("short").size(), 2u);
  // Chinese characters count as characters of the "other" class.
  EXPECT_TRUE(crypto::password_policy_failures("科创平台密码abc12").empty());
}

TEST_F(Crypto, GeneratedPasswordsPassThePolicyAndDiffer) {
  const auto a = crypto::generate_password();
  EXPECT_TRUE(crypto::password_policy_failures(a).empty()) << a;
  EXPECT_NE(a, crypto::generate_password());
}

TEST_F(Crypto, TokensAreUrlSafeAndRandom) {
  const auto t = crypto::random_token(32);
  EXPECT_EQ(t.size(), 43u);
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(t, crypto::random_token(32));
}

TEST_F(Crypto, Sha256MatchesKnownVector) {
  EXPECT_EQ(crypto::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Crypto, EqualSecretsComparesExactly) {
  EXPECT_TRUE(crypto::equal_secrets("abc", "abc"));
  EXPECT_FALSE(crypto::equal_secrets("abc", "abd"));
  EXPECT_FALSE(crypto::equal_secrets("abc", "abcd"));
}

TEST_F(Crypto, HmacSha256MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(crypto::hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than the block is hashed first.
  EXPECT_EQ(crypto::hmac_sha256_hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_F(Crypto, HexAndBase64RoundTripAndRejectJunk) {
  const std::string bytes("\x00\xff\x10kc", 5);
  EXPECT_EQ(crypto::to_hex(bytes), "00ff106b63");
  EXPECT_EQ(crypto::from_hex("00FF106B63"), bytes);
  EXPECT_FALSE(crypto::from_hex("0"));
  EXPECT_FALSE(crypto::from_hex("zz"));
  EXPECT_EQ(crypto::from_base64(crypto::to_base64(bytes)), bytes);
  EXPECT_EQ(crypto::from_base64("AP8Qa2M"), bytes) << "unpadded";
  EXPECT_EQ(crypto::from_base64("_-8"), std::string("\xff\xef", 2)) << "URL-safe";
  EXPECT_FALSE(crypto::from_base64("not base64!"));
}

TEST_F(Crypto, Ed25519SignsAndVerifiesDetached) {
  const std::string seed(crypto::kEd25519SeedBytes, '\x07');
  const auto pk = crypto::ed25519_public_key(seed);
  EXPECT_EQ(pk.size(), 32u);
  const auto sig = crypto::ed25519_sign(seed, "head 42");
  EXPECT_EQ(sig.size(), 64u);
  EXPECT_TRUE(crypto::ed25519_verify(pk, "head 42", sig));
  EXPECT_FALSE(crypto::ed25519_verify(pk, "head 43", sig));
  EXPECT_FALSE(crypto::ed25519_verify(crypto::ed25519_public_key(std::string(32, '\x08')), "head 42", sig));
  EXPECT_FALSE(crypto::ed25519_verify(pk, "head 42", sig.substr(1)));
}

}  // namespace
}  // namespace kc::crypto
