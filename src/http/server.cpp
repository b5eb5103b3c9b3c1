#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/json.hpp>
#include <mutex>
#include <set>
#include <spdlog/spdlog.h>

#include "domain/timestamp.hpp"
#include "http/db_problems.hpp"
#include "http/responses.hpp"
#include "store/database.hpp"

namespace kc::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;  // between reading a request and finishing its response
};

void log_access(const Request& req, const Peer& peer, unsigned status, double seconds,
                std::size_t bytes, const std::string& user) {
  std::string_view target = req.target();
  boost::json::object line{{"ts", domain::to_iso_utc(domain::now_epoch_seconds())},
                           {"level", "info"},
                           {"event", "request"},
                           {"method", std::string(req.method_string())},
                           // The path only: query strings may carry search terms people typed.
                           {"path", std::string(target.substr(0, target.find('?')))},
                           {"status", status},
                           {"duration_us", static_cast<std::int64_t>(seconds * 1e6)},
                           {"bytes", bytes},
                           {"ip", peer.ip},
                           {"user", user}};
  spdlog::info(boost::json::serialize(line));
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Handler h, Metrics& m)
      : options(std::move(o)),
        handler(std::move(h)),
        metrics(m),
        workers(options.workers == 0 ? 1 : options.workers),
        acceptor(io),
        signals(io, SIGINT, SIGTERM),
        grace(io) {}

  ServerOptions options;
  Handler handler;
  Metrics& metrics;
  asio::io_context io{1};
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace;
  bool stopping = false;  // touched on the I/O thread only
  std::set<std::shared_ptr<Connection>> connections;

  Peer peer_of(const Connection& c, const Request* req) const {
    Peer peer;
    boost::system::error_code ec;
    auto endpoint = c.stream.socket().remote_endpoint(ec);
    peer.ip = ec ? "unknown" : endpoint.address().to_string();
    if (options.trust_proxy && req) {
      const auto forwarded = (*req)["X-Forwarded-For"];
      if (!forwarded.empty()) {
        auto first = forwarded.substr(0, forwarded.find(','));
        while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
        peer.ip = std::string(first.substr(0, 64));
      }
      peer.tls = (*req)["X-Forwarded-Proto"] == "https";
    }
    return peer;
  }

  Reply handle(const Request& req, const Peer& peer) {
    try {
      return handler(req, peer);
    } catch (const store::DbError& e) {
      spdlog::error(boost::json::serialize(boost::json::object{
          {"level", "error"}, {"event", "database_error"}, {"message", e.what()}}));
      return {db_error_response(req, e), ""};
    } catch (const std::exception& e) {
      spdlog::error(boost::json::serialize(boost::json::object{
          {"level", "error"}, {"event", "handler_exception"}, {"message", e.what()}}));
      return {problem_response(req, {500, "internal", "Internal error",
                                     "Something went wrong on the server; it has been logged.", {}}),
              ""};
    }
  }

  asio::awaitable<void> write_problem(Connection& c, unsigned version, int status, const char* code,
                                      const char* title, std::string detail) {
    Request dummy;
    dummy.version(version);
    Response res = problem_response(dummy, {status, code, title, std::move(detail), {}});
    res.keep_alive(false);
    add_security_headers(res);
    c.stream.expires_after(options.request_timeout);
    co_await beast_http::async_write(c.stream, res, use_tuple);
    metrics.record("OTHER", static_cast<unsigned>(status), 0);
  }

  asio::awaitable<void> session(std::shared_ptr<Connection> c) {
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
      beast_http::request_parser<beast_http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);
      c->stream.expires_after(first ? options.request_timeout : options.keep_alive_timeout);
      first = false;
      auto [ec, n] = co_await beast_http::async_read(c->stream, buffer, parser, use_tuple);
      if (ec == beast_http::error::body_limit) {
        co_await write_problem(*c, 11, 413, "payload_too_large", "Payload too large",
                               "The request body exceeds " + std::to_string(options.max_body_bytes) +
                                   " bytes.");
        break;
      }
      if (ec == beast_http::error::header_limit) {
        co_await write_problem(*c, 11, 431, "headers_too_large", "Request headers too large",
                               "The request headers exceed " +
                                   std::to_string(options.max_header_bytes) + " bytes.");
        break;
      }
      if (ec == beast_http::error::end_of_stream || ec == beast::error::timeout ||
          ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
          ec == asio::error::eof || ec == asio::error::bad_descriptor) {
        break;
      }
      if (ec) {
        co_await write_problem(*c, 11, 400, "bad_request", "Malformed HTTP request", ec.message());
        break;
      }
      c->busy = true;
      const Request req = parser.release();
      const Peer peer = peer_of(*c, &req);
      const auto start = std::chrono::steady_clock::now();
      Reply reply = co_await asio::co_spawn(
          workers, [&]() -> asio::awaitable<Reply> { co_return handle(req, peer); }, asio::use_awaitable);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      Response& res = reply.response;
      res.keep_alive(req.keep_alive() && !stopping);
      add_security_headers(res);
      const unsigned status = res.result_int();
      const std::size_t bytes = res.body().size();
      c->stream.expires_after(options.request_timeout);
      auto [wec, wn] = co_await beast_http::async_write(c->stream, res, use_tuple);
      metrics.record(req.method_string(), status, seconds);
      log_access(req, peer, status, seconds, bytes, reply.user);
      c->busy = false;
      if (wec || !res.keep_alive() || stopping) break;
    }
    boost::system::error_code ignored;
    c->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    c->stream.close();
    connections.erase(c);
    metrics.connection_closed();
    if (stopping && connections.empty()) grace.cancel();
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: keep serving the connections we have
      }
      if (connections.size() >= options.max_connections) {
        boost::system::error_code ignored;
        socket.close(ignored);
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      auto c = std::make_shared<Connection>(std::move(socket));
      connections.insert(c);
      metrics.connection_opened();
      asio::co_spawn(io, session(c), asio::detached);
    }
  }

  void begin_shutdown() {
    if (stopping) return;
    stopping = true;
    spdlog::info(R"({"level":"info","event":"shutdown","message":"finishing requests in flight"})");
    boost::system::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    // Idle keep-alive connections are closed now; busy ones close after their response.
    for (const auto& c : connections) {
      if (!c->busy) c->stream.cancel();
    }
    if (connections.empty()) return;
    grace.expires_after(options.shutdown_grace);
    grace.async_wait([this](boost::system::error_code ec) {
      if (!ec) io.stop();  // grace period over: stop waiting for stuck clients
    });
  }
};

Server::Server(ServerOptions options, Handler handler, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), metrics)) {}

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
  asio::co_spawn(i.io, i.accept_loop(), asio::detached);
  i.io.run();
  i.workers.join();
}

void Server::stop() {
  asio::post(impl_->io, [this] { impl_->begin_shutdown(); });
}

}  // namespace kc::http
