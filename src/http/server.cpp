#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/json.hpp>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <spdlog/spdlog.h>
#include <stdexcept>

#include "domain/timestamp.hpp"
#include "http/db_problems.hpp"
#include "http/responses.hpp"
#include "http/revalidation.hpp"
#include "store/database.hpp"

namespace kc::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// Refusals answered at accept time at once; beyond this many, an over-cap connection is just closed.
constexpr std::size_t kMaxRefusalsInProgress = 64;
// After an early answer (413, 401, 429 …) the unread body is drained this far before closing, so
// the client reads the answer instead of a reset.
constexpr std::size_t kDrainBytes = 1024 * 1024;
constexpr std::chrono::seconds kDrainTime{1};

asio::ip::address normalised(const asio::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
  }
  return a;
}

template <std::size_t N>
bool same_prefix(const std::array<unsigned char, N>& a, const std::array<unsigned char, N>& b, unsigned prefix) {
  for (std::size_t i = 0; i < N && prefix > 0; ++i) {
    const unsigned bits = prefix >= 8 ? 8 : prefix;
    const auto mask = static_cast<unsigned char>(0xFF << (8 - bits));
    if ((a[i] & mask) != (b[i] & mask)) return false;
    prefix -= bits;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

// One X-Forwarded-For hop: "203.0.113.9", "2001:db8::1", "[2001:db8::1]:443" or "203.0.113.9:5678".
std::optional<asio::ip::address> parse_hop(std::string_view hop) {
  hop = trim(hop);
  if (hop.starts_with('[')) {
    const auto close = hop.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    hop = hop.substr(1, close - 1);
  } else if (const auto colon = hop.find(':'); colon != std::string_view::npos &&
                                                hop.find(':', colon + 1) == std::string_view::npos) {
    hop = hop.substr(0, colon);  // IPv4 with a port
  }
  if (hop.empty() || hop.size() > 64) return std::nullopt;
  boost::system::error_code ec;
  auto address = asio::ip::make_address(std::string(hop), ec);
  if (ec) return std::nullopt;
  return normalised(address);
}

// Length of the valid UTF-8 sequence at the start of `s` (0 when it is not one).
std::size_t utf8_sequence(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < n) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i) {
    if (b(i) < 0x80 || b(i) > 0xBF) return 0;
  }
  return n;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Connection {
  Connection(tcp::socket socket, std::string ip, bool counted)
      : stream(std::move(socket)), socket_ip(std::move(ip)), counted_per_ip(counted) {}
  beast::tcp_stream stream;
  std::string socket_ip;  // the socket peer: the key of the per-address connection cap
  bool counted_per_ip;    // false for a trusted proxy, which carries many clients
  bool busy = false;      // between reading a request's header and finishing its response
};

void log_access(std::string_view method, std::string_view target, unsigned status, double seconds,
                std::size_t bytes, const std::string& ip, const std::string& user) {
  boost::json::object line{{"ts", domain::to_iso_utc(domain::now_epoch_seconds())},
                           {"level", "info"},
                           {"event", "request"},
                           {"method", loggable(method)},
                           // The path only: query strings may carry search terms people typed.
                           {"path", loggable(target.substr(0, target.find('?')))},
                           {"status", status},
                           {"duration_us", static_cast<std::int64_t>(seconds * 1e6)},
                           {"bytes", bytes},
                           {"ip", ip},
                           {"user", user}};
  spdlog::info(boost::json::serialize(line));
}

Response problem_for(unsigned version, const app::Problem& problem) {
  Request dummy;
  dummy.version(version);
  return problem_response(dummy, problem);
}

bool is_disconnect(const boost::system::error_code& ec) {
  return ec == beast_http::error::end_of_stream || ec == beast_http::error::partial_message ||
         ec == beast::error::timeout || ec == asio::error::operation_aborted ||
         ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::error::bad_descriptor ||
         ec == asio::error::broken_pipe;
}

}  // namespace

Cidr Cidr::parse(std::string_view text) {
  const auto slash = text.find('/');
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(std::string(text.substr(0, slash)), ec);
  if (ec) throw std::invalid_argument("not an IP address: " + std::string(text.substr(0, slash)));
  Cidr c;
  c.network_ = normalised(address);
  const unsigned max = c.network_.is_v4() ? 32 : 128;
  c.prefix_ = max;
  if (slash != std::string_view::npos) {
    const auto bits = text.substr(slash + 1);
    if (bits.empty() || bits.size() > 3 || bits.find_first_not_of("0123456789") != std::string_view::npos) {
      throw std::invalid_argument("not a prefix length: " + std::string(bits));
    }
    c.prefix_ = static_cast<unsigned>(std::stoul(std::string(bits)));
    if (c.prefix_ > max) throw std::invalid_argument("prefix length above " + std::to_string(max));
  }
  return c;
}

bool Cidr::contains(const asio::ip::address& raw) const {
  const auto a = normalised(raw);
  if (a.is_v4() != network_.is_v4()) return false;
  if (a.is_v4()) return same_prefix(a.to_v4().to_bytes(), network_.to_v4().to_bytes(), prefix_);
  return same_prefix(a.to_v6().to_bytes(), network_.to_v6().to_bytes(), prefix_);
}

std::string Cidr::to_string() const { return network_.to_string() + "/" + std::to_string(prefix_); }

bool is_trusted_proxy(const asio::ip::address& raw, const std::vector<Cidr>& trusted) {
  const auto a = normalised(raw);
  if (trusted.empty()) return a.is_loopback();
  for (const auto& c : trusted) {
    if (c.contains(a)) return true;
  }
  return false;
}

Peer resolve_peer(const asio::ip::address& socket_peer, const RequestHeader& header, bool trust_proxy,
                  const std::vector<Cidr>& trusted) {
  const auto direct = normalised(socket_peer);
  Peer peer;
  peer.ip = direct.to_string();
  if (!trust_proxy || !is_trusted_proxy(direct, trusted)) return peer;

  // Every X-Forwarded-For line, in order, is one list; each proxy appends the address it saw.
  std::vector<std::string_view> hops;
  for (auto range = header.equal_range("X-Forwarded-For"); range.first != range.second; ++range.first) {
    std::string_view value = range.first->value();
    while (!value.empty()) {
      const auto comma = value.find(',');
      hops.push_back(value.substr(0, comma));
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  asio::ip::address client = direct;
  bool unknown = false;
  std::size_t walked = 0;
  for (auto it = hops.rbegin(); it != hops.rend() && walked < 64; ++it, ++walked) {
    if (trim(*it).empty()) continue;
    const auto hop = parse_hop(*it);
    if (!hop) {
      // A trusted proxy would have written an address: what it forwarded cannot be trusted.
      unknown = true;
      break;
    }
    client = *hop;
    if (!is_trusted_proxy(client, trusted)) break;
  }
  peer.ip = unknown ? "unknown" : client.to_string();

  std::string_view proto;
  for (auto range = header.equal_range("X-Forwarded-Proto"); range.first != range.second; ++range.first) {
    proto = range.first->value();
  }
  if (const auto comma = proto.rfind(','); comma != std::string_view::npos) proto = proto.substr(comma + 1);
  proto = trim(proto);
  peer.tls = beast::iequals(proto, "https");
  return peer;
}

bool valid_target(std::string_view target) {
  std::string decoded;
  decoded.reserve(target.size());
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size() && hex_digit(target[i + 1]) >= 0 &&
        hex_digit(target[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(hex_digit(target[i + 1]) * 16 + hex_digit(target[i + 2])));
      i += 2;
    } else {
      decoded.push_back(target[i]);
    }
  }
  std::string_view rest = decoded;
  while (!rest.empty()) {
    if (rest.front() == '\0') return false;
    const std::size_t n = utf8_sequence(rest);
    if (n == 0) return false;
    rest.remove_prefix(n);
  }
  return true;
}

std::string loggable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const auto c = static_cast<unsigned char>(text.front());
    const std::size_t n = utf8_sequence(text);
    if (n == 0 || c < 0x20 || c == 0x7F) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      text.remove_prefix(1);
    } else {
      out.append(text.substr(0, n));
      text.remove_prefix(n);
    }
  }
  return out;
}

struct Server::Impl {
  Impl(ServerOptions o, Application a, Metrics& m)
      : options(std::move(o)),
        app(std::move(a)),
        metrics(m),
        workers(options.workers == 0 ? 1 : options.workers),
        heavy_workers(options.heavy_workers == 0 ? 1 : options.heavy_workers),
        control(asio::make_strand(io)),
        acceptor(control),
        signals(control, SIGINT, SIGTERM),
        grace(control) {}

  ServerOptions options;
  Application app;
  Metrics& metrics;
  // `options.io_threads` threads run `io`. Each connection's coroutine runs on a strand of its
  // own (its socket's executor), so one connection's steps never run at once while many
  // connections run in parallel; the acceptor, the signals and the shutdown timer share the
  // `control` strand. What connections share is below, behind `state`.
  asio::io_context io{static_cast<int>(std::max<std::size_t>(options.io_threads, 1))};
  asio::thread_pool workers;        // the normal lane: everything but heavy routes
  asio::thread_pool heavy_workers;  // the heavy lane
  asio::strand<asio::io_context::executor_type> control;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace;
  std::atomic<bool> stopping = false;
  std::atomic<std::size_t> refusals_in_progress = 0;
  // Held for a few map operations at a time, never across an await or a handler.
  std::mutex state;
  std::set<std::shared_ptr<Connection>> connections;
  std::map<std::string, std::size_t> connections_per_ip;
  std::size_t in_flight_bytes = 0;
  std::map<std::string, std::size_t> in_flight_per_ip;
  std::map<std::string, std::size_t> heavy_per_key;

  // Bytes of one request body admitted, given back when its response is ready (or it fails).
  struct Reservation {
    Impl* impl = nullptr;
    std::string ip;
    std::size_t bytes = 0;
    Reservation() = default;
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;
    ~Reservation() { release(); }
    void release() {
      if (!impl || bytes == 0) return;
      std::lock_guard lock(impl->state);
      impl->in_flight_bytes -= bytes;
      auto it = impl->in_flight_per_ip.find(ip);
      if (it != impl->in_flight_per_ip.end() && (it->second -= bytes) == 0) impl->in_flight_per_ip.erase(it);
      impl->metrics.in_flight_bytes(-static_cast<std::int64_t>(bytes));
      bytes = 0;
    }
  };

  // One heavy request of a user, counted while it runs.
  struct HeavySlot {
    Impl* impl = nullptr;
    std::string key;
    HeavySlot() = default;
    HeavySlot(const HeavySlot&) = delete;
    HeavySlot& operator=(const HeavySlot&) = delete;
    ~HeavySlot() { release(); }
    void release() {
      if (!impl) return;
      std::lock_guard lock(impl->state);
      auto it = impl->heavy_per_key.find(key);
      if (it != impl->heavy_per_key.end() && --it->second == 0) impl->heavy_per_key.erase(it);
      impl->metrics.heavy_finished();
      impl = nullptr;
    }
  };

  template <typename F>
  Reply guarded(unsigned version, F&& f) {
    try {
      return f();
    } catch (const store::DbError& e) {
      spdlog::error(boost::json::serialize(boost::json::object{
          {"level", "error"}, {"event", "database_error"}, {"message", e.what()}}));
      return {db_error_response(version, e), ""};
    } catch (const std::exception& e) {
      spdlog::error(boost::json::serialize(boost::json::object{
          {"level", "error"}, {"event", "handler_exception"}, {"message", e.what()}}));
      return {problem_for(version, {500, "internal", "Internal error",
                                    "Something went wrong on the server; it has been logged.", {}}),
              ""};
    }
  }

  // Writes an answer the server gives itself (or an admission refusal), logs and counts it.
  asio::awaitable<bool> write_early(Connection& c, Reply reply, std::string_view method, std::string_view target,
                                    const Peer& peer, std::chrono::steady_clock::time_point start,
                                    bool keep_alive, std::optional<unsigned> retry_after = std::nullopt) {
    Response& res = reply.response;
    res.keep_alive(keep_alive && !stopping);
    add_security_headers(res, peer.tls);
    if (retry_after) res.set(beast_http::field::retry_after, std::to_string(*retry_after));
    if (method == "HEAD") answer_head(res);
    const unsigned status = res.result_int();
    const std::size_t bytes = res.body().size();
    c.stream.expires_after(options.request_timeout);
    auto [ec, n] = co_await beast_http::async_write(c.stream, res, use_tuple);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics.record(method.empty() ? std::string_view("OTHER") : method, status, seconds);
    log_access(method, target, status, seconds, bytes, peer.ip, reply.user);
    co_return !ec && res.keep_alive();
  }

  asio::awaitable<bool> reject(Connection& c, unsigned version, app::Problem problem, std::string_view method,
                               std::string_view target, const Peer& peer,
                               std::chrono::steady_clock::time_point start, bool keep_alive = false,
                               std::optional<unsigned> retry_after = std::nullopt) {
    // Named, not a temporary inside the co_await expression (GCC 12 destroys those twice).
    Reply reply{problem_for(version, problem), ""};
    co_return co_await write_early(c, std::move(reply), method, target, peer, start, keep_alive, retry_after);
  }

  // Reads and discards what the client is still sending, briefly, so a close does not reset the
  // connection before the client has read the answer.
  asio::awaitable<void> drain(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, 16 * 1024> scratch;
    std::size_t total = 0;
    stream.expires_after(kDrainTime);
    while (total < kDrainBytes) {
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(scratch), use_tuple);
      if (ec) break;
      total += n;
    }
  }

  asio::awaitable<void> session(std::shared_ptr<Connection> c) {
    beast::flat_buffer buffer;
    bool first = true;
    bool drain_before_close = false;
    boost::system::error_code peer_ec;
    const auto socket_peer = c->stream.socket().remote_endpoint(peer_ec).address();
    const Peer direct{peer_ec ? "unknown" : normalised(socket_peer).to_string(), false};
    for (;;) {
      if (!first && buffer.size() == 0) {
        // Keep-alive: wait for the next request's first byte, then give its header the header timeout.
        c->stream.expires_after(options.keep_alive_timeout);
        auto [ec, n] = co_await c->stream.async_read_some(buffer.prepare(4096), use_tuple);
        if (ec) break;
        buffer.commit(n);
      }
      first = false;
      c->busy = false;
      const auto start = std::chrono::steady_clock::now();
      beast_http::request_parser<beast_http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(boost::none);  // decided once the route is known
      c->stream.expires_after(options.header_timeout);
      auto [ec, n] = co_await beast_http::async_read_header(c->stream, buffer, parser, use_tuple);
      if (ec == beast_http::error::header_limit) {
        metrics.refused(Refusal::headers_too_large);
        app::Problem problem{431, "headers_too_large", "Request headers too large",
                                 "The request headers exceed " + std::to_string(options.max_header_bytes) +
                                     " bytes.", {}};
        co_await reject(*c, 11, std::move(problem),
                        "", "", direct, start);
        drain_before_close = true;
        break;
      }
      if (ec == beast::error::timeout) {
        metrics.refused(Refusal::header_timeout);
        break;
      }
      if (is_disconnect(ec)) break;
      if (ec) {
        metrics.refused(Refusal::bad_request);
        app::Problem problem{400, "bad_request", "Malformed HTTP request", ec.message(), {}};
        co_await reject(*c, 11, std::move(problem), "", "", direct,
                        start);
        drain_before_close = true;
        break;
      }
      c->busy = true;
      const auto& header = parser.get();
      const unsigned version = header.version();
      const std::string method(header.method_string());
      const std::string target(header.target());
      const Peer peer = peer_ec ? direct : resolve_peer(socket_peer, header, options.trust_proxy, options.trusted_proxies);
      const bool body_pending = !parser.is_done();

      if (!valid_target(target)) {
        metrics.refused(Refusal::bad_target);
        app::Problem problem{400, "bad_target", "Malformed request target",
                                      "The path or query does not decode to valid UTF-8 text.", {}};
        co_await reject(*c, version, std::move(problem),
                        method, target, peer, start);
        drain_before_close = body_pending;
        break;
      }

      const RequestPlan plan = app.plan ? app.plan(header) : RequestPlan{};
      const std::size_t limit = plan.upload ? options.max_body_bytes : options.small_body_bytes;
      const auto declared = parser.content_length();
      if (declared && *declared > limit) {
        metrics.refused(Refusal::body_too_large);
        app::Problem problem{413, "payload_too_large", "Payload too large",
                                      "The request body (" + std::to_string(*declared) + " bytes) exceeds " +
                                          std::to_string(limit) + " bytes, the limit for this endpoint.", {}};
        co_await reject(*c, version, std::move(problem),
                        method, target, peer, start);
        drain_before_close = true;
        break;
      }

      Admission admission;
      if (plan.admit_first && app.admit) {
        admission = co_await asio::co_spawn(
            workers,
            [&]() -> asio::awaitable<Admission> {
              Admission a;
              bool answered = false;
              Reply failed = guarded(version, [&] {
                a = app.admit(header, peer);
                answered = true;
                return Reply{};
              });
              if (!answered) a.refusal = std::move(failed);  // the database failed: 503/500
              co_return a;
            },
            asio::use_awaitable);
        if (admission.refusal) {
          const bool open = co_await write_early(*c, std::move(*admission.refusal), method, target, peer, start,
                                                 !body_pending);
          if (open) continue;
          drain_before_close = body_pending;
          break;
        }
      }

      HeavySlot heavy;
      if (plan.heavy) {
        const std::string key = admission.key.empty() ? "ip:" + peer.ip : admission.key;
        bool admitted = false;
        {
          std::lock_guard lock(state);
          auto& running = heavy_per_key[key];
          if (running < options.max_heavy_per_user) {
            ++running;
            admitted = true;
          } else if (running == 0) {
            heavy_per_key.erase(key);
          }
        }
        if (!admitted) {
          metrics.refused(Refusal::heavy_per_user);
          app::Problem problem{429, "heavy_request_limit", "Too many long-running requests",
               "You already have " + std::to_string(options.max_heavy_per_user) +
                   " long-running requests (index analyses, imports, exports) in progress, the most one "
                   "user may run at a time; try again when one has finished.",
               {}};
          const bool open = co_await reject(*c, version, std::move(problem),
              method, target, peer, start, !body_pending, 5);
          if (open) continue;
          drain_before_close = body_pending;
          break;
        }
        heavy.impl = this;
        heavy.key = key;
        metrics.heavy_started();
      }

      Reservation reserved;
      const std::size_t wanted = declared ? static_cast<std::size_t>(*declared) : (body_pending ? limit : 0);
      if (wanted > 0) {
        std::unique_lock lock(state);
        const std::size_t mine = in_flight_per_ip.contains(peer.ip) ? in_flight_per_ip[peer.ip] : 0;
        const std::size_t all = in_flight_bytes;
        const bool admitted = mine + wanted <= options.max_in_flight_bytes_per_ip &&
                              all + wanted <= options.max_in_flight_bytes;
        if (admitted) {
          in_flight_bytes += wanted;
          in_flight_per_ip[peer.ip] += wanted;
        }
        lock.unlock();
        std::optional<app::Problem> refusal;
        if (admitted) {
        } else if (mine + wanted > options.max_in_flight_bytes_per_ip) {
          metrics.refused(Refusal::in_flight_bytes_per_ip);
          refusal = app::Problem{429, "too_many_bytes_in_flight", "Too much data in flight from your address",
                                 "Requests from your address already carry " + std::to_string(mine) +
                                     " bytes not yet answered; with this one (" + std::to_string(wanted) +
                                     " bytes) they would pass the limit of " +
                                     std::to_string(options.max_in_flight_bytes_per_ip) +
                                     " bytes. Try again when they have finished.",
                                 {}};
        } else {
          metrics.refused(Refusal::in_flight_bytes);
          refusal = app::Problem{503, "server_busy", "Server busy",
                                 "The server is receiving as much data as it accepts at once (" +
                                     std::to_string(options.max_in_flight_bytes) + " bytes); try again shortly.",
                                 {}};
        }
        if (refusal) {
          co_await reject(*c, version, std::move(*refusal), method, target, peer, start, false, 10);
          drain_before_close = true;
          break;
        }
        reserved.impl = this;
        reserved.ip = peer.ip;
        reserved.bytes = wanted;
        metrics.in_flight_bytes(static_cast<std::int64_t>(wanted));
      }

      if (body_pending) {
        if (beast::iequals(header[beast_http::field::expect], "100-continue")) {
          beast_http::response<beast_http::empty_body> proceed{beast_http::status::continue_, version};
          c->stream.expires_after(options.request_timeout);
          auto [wec, wn] = co_await beast_http::async_write(c->stream, proceed, use_tuple);
          if (wec) break;
        }
        parser.body_limit(limit);
        c->stream.expires_after(options.request_timeout);
        auto [bec, bn] = co_await beast_http::async_read(c->stream, buffer, parser, use_tuple);
        if (bec == beast_http::error::body_limit) {
          metrics.refused(Refusal::body_too_large);
          app::Problem problem{413, "payload_too_large", "Payload too large",
                                        "The request body exceeds " + std::to_string(limit) +
                                            " bytes, the limit for this endpoint.", {}};
          co_await reject(*c, version, std::move(problem),
                          method, target, peer, start);
          drain_before_close = true;
          break;
        }
        if (is_disconnect(bec)) break;
        if (bec) {
          metrics.refused(Refusal::bad_request);
          app::Problem problem{400, "bad_request", "Malformed HTTP request", bec.message(), {}};
          co_await reject(*c, version, std::move(problem), method,
                          target, peer, start);
          break;
        }
      }

      const Request req = parser.release();
      Reply reply = co_await asio::co_spawn(
          plan.heavy ? heavy_workers.get_executor() : workers.get_executor(),
          [&]() -> asio::awaitable<Reply> {
            co_return guarded(req.version(), [&] { return app.handle(req, peer); });
          },
          asio::use_awaitable);
      reserved.release();
      heavy.release();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      Response& res = reply.response;
      res.keep_alive(req.keep_alive() && !stopping);
      add_security_headers(res, peer.tls);
      if (req.method() == beast_http::verb::head) answer_head(res);
      const unsigned status = res.result_int();
      const std::size_t bytes = res.body().size();
      c->stream.expires_after(options.request_timeout);
      auto [wec, wn] = co_await beast_http::async_write(c->stream, res, use_tuple);
      metrics.record(req.method_string(), status, seconds);
      log_access(method, target, status, seconds, bytes, peer.ip, reply.user);
      c->busy = false;
      if (wec || !res.keep_alive() || stopping) break;
    }
    if (drain_before_close) co_await drain(c->stream);
    boost::system::error_code ignored;
    c->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    c->stream.close();
    bool last = false;
    {
      std::lock_guard lock(state);
      connections.erase(c);
      if (c->counted_per_ip) {
        auto it = connections_per_ip.find(c->socket_ip);
        if (it != connections_per_ip.end() && --it->second == 0) connections_per_ip.erase(it);
      }
      last = connections.empty();
    }
    metrics.connection_closed();
    // The timer lives on the control strand; begin_shutdown (there too) armed it before `stopping`
    // could be seen here with connections left, so the cancel cannot come before the arming.
    if (stopping && last) asio::post(control, [this] { grace.cancel(); });
  }

  // Answers a connection over a cap without reading its request, then closes it.
  asio::awaitable<void> refuse(tcp::socket socket, std::string ip, app::Problem problem) {
    ++refusals_in_progress;
    beast::tcp_stream stream(std::move(socket));
    Response res = problem_for(11, problem);
    res.keep_alive(false);
    add_security_headers(res);
    res.set(beast_http::field::retry_after, "5");
    stream.expires_after(std::chrono::seconds(2));
    co_await beast_http::async_write(stream, res, use_tuple);
    log_access("", "", res.result_int(), 0, res.body().size(), ip, "");
    metrics.record("OTHER", res.result_int(), 0);
    co_await drain(stream);
    stream.close();
    --refusals_in_progress;
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      // Each connection on a strand of its own.
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), use_tuple);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: keep serving the connections we have
      }
      boost::system::error_code pec;
      const auto remote = normalised(socket.remote_endpoint(pec).address());
      const std::string ip = pec ? "unknown" : remote.to_string();
      // A trusted proxy carries many clients: only the server-wide cap applies to it.
      const bool counted = !(options.trust_proxy && !pec && is_trusted_proxy(remote, options.trusted_proxies));
      std::optional<app::Problem> over;
      std::unique_lock lock(state);
      if (connections.size() >= options.max_connections) {
        metrics.refused(Refusal::connections);
        over = app::Problem{503, "server_busy", "Server busy",
                            "The server has as many open connections as it accepts (" +
                                std::to_string(options.max_connections) + "); try again shortly.",
                            {}};
      } else if (counted && connections_per_ip.contains(ip) &&
                 connections_per_ip[ip] >= options.max_connections_per_ip) {
        metrics.refused(Refusal::connections_per_ip);
        over = app::Problem{429, "too_many_connections", "Too many connections from your address",
                            "Your address already has " + std::to_string(options.max_connections_per_ip) +
                                " open connections, the most one address may hold; close some and try again.",
                            {}};
      }
      if (over) {
        lock.unlock();
        if (refusals_in_progress < kMaxRefusalsInProgress && !stopping) {
          const auto strand = socket.get_executor();
          asio::co_spawn(strand, refuse(std::move(socket), ip, std::move(*over)), asio::detached);
        } else {
          boost::system::error_code ignored;
          socket.close(ignored);
        }
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      auto c = std::make_shared<Connection>(std::move(socket), ip, counted);
      connections.insert(c);
      if (counted) ++connections_per_ip[ip];
      lock.unlock();
      metrics.connection_opened();
      asio::co_spawn(c->stream.get_executor(), session(c), asio::detached);
    }
  }

  // On the control strand.
  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info(R"({"level":"info","event":"shutdown","message":"finishing requests in flight"})");
    boost::system::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    // Idle keep-alive connections are closed now; busy ones close after their response. `busy`
    // and the stream belong to the connection's strand: the check and the cancel run there.
    std::lock_guard lock(state);
    for (const auto& c : connections) {
      asio::post(c->stream.get_executor(), [c] {
        if (!c->busy) c->stream.cancel();
      });
    }
    if (connections.empty()) return;
    grace.expires_after(options.shutdown_grace);
    grace.async_wait([this](boost::system::error_code ec) {
      if (!ec) io.stop();  // grace period over: stop waiting for stuck clients
    });
  }
};

Server::Server(ServerOptions options, Application app, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(app), metrics)) {}

Server::~Server() = default;

void Server::run(const std::function<void(unsigned short)>& on_listening) {
  auto& i = *impl_;
  tcp::endpoint endpoint{asio::ip::make_address(i.options.host), i.options.port};
  i.acceptor.open(endpoint.protocol());
  i.acceptor.set_option(tcp::acceptor::reuse_address(true));
  i.acceptor.bind(endpoint);
  i.acceptor.listen(asio::socket_base::max_listen_connections);
  on_listening(i.acceptor.local_endpoint().port());
  i.signals.async_wait([&i](boost::system::error_code ec, int) {
    if (!ec) i.begin_shutdown();
  });
  asio::co_spawn(i.control, i.accept_loop(), asio::detached);
  std::vector<std::thread> more;
  for (std::size_t n = 1; n < std::max<std::size_t>(i.options.io_threads, 1); ++n) {
    more.emplace_back([&i] { i.io.run(); });
  }
  i.io.run();
  for (auto& t : more) t.join();
  i.workers.join();
  i.heavy_workers.join();
}

void Server::stop() {
  asio::post(impl_->control, [this] { impl_->begin_shutdown(); });
}

}  // namespace kc::http
