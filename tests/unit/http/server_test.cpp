#include "http/server.hpp"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

using boost::asio::ip::make_address;

RequestHeader with_headers(std::initializer_list<std::pair<const char*, const char*>> fields) {
  RequestHeader h;
  for (const auto& [name, value] : fields) h.insert(name, value);
  return h;
}

TEST(Cidr, ParsesAddressesAndRanges) {
  EXPECT_TRUE(Cidr::parse("10.0.0.0/8").contains(make_address("10.200.3.4")));
  EXPECT_FALSE(Cidr::parse("10.0.0.0/8").contains(make_address("11.0.0.1")));
  EXPECT_TRUE(Cidr::parse("192.168.1.7").contains(make_address("192.168.1.7")));
  EXPECT_FALSE(Cidr::parse("192.168.1.7").contains(make_address("192.168.1.8")));
  EXPECT_TRUE(Cidr::parse("172.16.0.0/12").contains(make_address("172.31.255.255")));
  EXPECT_FALSE(Cidr::parse("172.16.0.0/12").contains(make_address("172.32.0.0")));
  EXPECT_TRUE(Cidr::parse("2001:db8::/32").contains(make_address("2001:db8:1::5")));
  EXPECT_FALSE(Cidr::parse("2001:db8::/32").contains(make_address("10.0.0.1")));
  // An IPv4 client seen through an IPv6 socket.
  EXPECT_TRUE(Cidr::parse("10.0.0.0/8").contains(make_address("::ffff:10.1.2.3")));
  EXPECT_TRUE(Cidr::parse("0.0.0.0/0").contains(make_address("8.8.8.8")));
  EXPECT_EQ(Cidr::parse("10.0.0.0/8").to_string(), "10.0.0.0/8");
  EXPECT_THROW(Cidr::parse("10.0.0.0/33"), std::invalid_argument);
  EXPECT_THROW(Cidr::parse("10.0.0.0/"), std::invalid_argument);
  EXPECT_THROW(Cidr::parse("proxy.example"), std::invalid_argument);
  EXPECT_THROW(Cidr::parse("10.0.0.0/8x"), std::invalid_argument);
}

TEST(ResolvePeer, IgnoresForwardingHeadersWithoutTrust) {
  const auto h = with_headers({{"X-Forwarded-For", "203.0.113.9"}, {"X-Forwarded-Proto", "https"}});
  const Peer p = resolve_peer(make_address("127.0.0.1"), h, false, {});
  EXPECT_EQ(p.ip, "127.0.0.1");
  EXPECT_FALSE(p.tls);
}

TEST(ResolvePeer, IgnoresForwardingHeadersFromAPeerThatIsNotATrustedProxy) {
  const auto h = with_headers({{"X-Forwarded-For", "127.0.0.1"}, {"X-Forwarded-Proto", "https"}});
  const Peer p = resolve_peer(make_address("198.51.100.4"), h, true, {});
  EXPECT_EQ(p.ip, "198.51.100.4");
  EXPECT_FALSE(p.tls);
}

TEST(ResolvePeer, TakesTheHopTheTrustedProxyAppendedNotTheClientsClaim) {
  // The client wrote "127.0.0.1"; the proxy on loopback appended the address it saw.
  const auto h = with_headers({{"X-Forwarded-For", "127.0.0.1, 203.0.113.9"}});
  EXPECT_EQ(resolve_peer(make_address("127.0.0.1"), h, true, {}).ip, "203.0.113.9");
}

TEST(ResolvePeer, SkipsEveryTrustedProxyFromTheRight) {
  const std::vector<Cidr> trusted{Cidr::parse("10.0.0.0/8"), Cidr::parse("127.0.0.1")};
  const auto h = with_headers({{"X-Forwarded-For", "1.2.3.4, 198.51.100.7, 10.0.0.5"}, {"X-Forwarded-For", "10.0.0.6"}});
  EXPECT_EQ(resolve_peer(make_address("10.0.0.9"), h, true, trusted).ip, "198.51.100.7");
  // With a list, loopback is trusted only if listed.
  EXPECT_EQ(resolve_peer(make_address("127.0.0.2"), h, true, trusted).ip, "127.0.0.2");
}

TEST(ResolvePeer, PortsBracketsAndGarbage) {
  EXPECT_EQ(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-For", "203.0.113.9:4711"}}), true, {}).ip,
            "203.0.113.9");
  EXPECT_EQ(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-For", "[2001:db8::7]:443"}}), true, {}).ip,
            "2001:db8::7");
  EXPECT_EQ(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-For", "1.2.3.4, not-an-ip"}}), true, {}).ip,
            "unknown");
  // No header: the proxy itself is the client.
  EXPECT_EQ(resolve_peer(make_address("127.0.0.1"), with_headers({}), true, {}).ip, "127.0.0.1");
  // Every hop trusted: the leftmost.
  EXPECT_EQ(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-For", "127.0.0.3, ::1"}}), true, {}).ip,
            "127.0.0.3");
}

TEST(ResolvePeer, ProtoFromATrustedProxyOnly) {
  EXPECT_TRUE(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-Proto", "https"}}), true, {}).tls);
  EXPECT_TRUE(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-Proto", "http, HTTPS"}}), true, {}).tls);
  EXPECT_FALSE(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-Proto", "http"}}), true, {}).tls);
  EXPECT_FALSE(resolve_peer(make_address("127.0.0.1"), with_headers({{"X-Forwarded-Proto", "https"}}), false, {}).tls);
}

TEST(ValidTarget, AcceptsUtf8AndRejectsInvalidBytesAfterDecoding) {
  EXPECT_TRUE(valid_target("/api/v1/registry/enterprises?q=%E7%A7%91%E5%88%9B"));
  EXPECT_TRUE(valid_target("/api/v1/registry/enterprises?q=科创"));
  EXPECT_TRUE(valid_target("/a%2"));  // a lone percent sign is just text
  EXPECT_FALSE(valid_target("/api/v1/registry/%FF%FE"));
  EXPECT_FALSE(valid_target("/api/v1/registry/\xff"));
  EXPECT_FALSE(valid_target("/x?q=%C0%AF"));      // overlong '/'
  EXPECT_FALSE(valid_target("/x?q=%ED%A0%80"));   // a surrogate
  EXPECT_FALSE(valid_target("/x?q=%F4%90%80%80"));  // above U+10FFFF
  EXPECT_FALSE(valid_target("/x?q=%E7%A7"));      // cut short
  EXPECT_FALSE(valid_target("/x%00y"));
}

TEST(Loggable, KeepsUtf8AndEscapesTheRest) {
  EXPECT_EQ(loggable("/api/v1/科创"), "/api/v1/科创");
  EXPECT_EQ(loggable("/a\xff\xfe"), "/a%FF%FE");
  EXPECT_EQ(loggable("/a\nb\x7f"), "/a%0Ab%7F");
}

}  // namespace
}  // namespace kc::http
