// `kechuang serve`: the web server.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>
#include <vector>

#include "app/accounts/user_service.hpp"
#include "app/audit/audit_anchor.hpp"
#include "app/audit/audit_anchor_timer.hpp"
#include "cli/audit_anchor_options.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"
#include "http/server.hpp"
#include "http/web_app.hpp"
#include "store/user_repository.hpp"

namespace kc::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string web;
  std::size_t io_threads = 0;  // 0: one per core
  std::size_t workers = 4;
  std::int64_t session_idle = 30 * 60;
  std::int64_t session_max = 12 * 60 * 60;
  std::size_t heavy_workers = 2;
  std::size_t max_body_mb = 16;
  std::size_t max_json_kb = 64;
  std::int64_t header_timeout = 5;
  std::int64_t request_timeout = 30;
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_ip = 64;
  std::size_t max_in_flight_mb = 256;
  std::size_t max_in_flight_mb_per_ip = 64;
  std::size_t max_heavy_per_user = 2;
  bool trust_proxy = false;
  std::vector<std::string> trusted_proxies;
  bool secure_cookies = false;
  int max_sessions_per_user = 5;
  int ip_max_failures = 20;
  std::vector<std::string> allowed_origins;
  std::string audit_anchor_interval = "0";
  AnchorOptions anchors;
  std::int64_t heavy_request_seconds = 30;
};

// With --audit-anchor-interval, anchors the audit chain at start and then on a timer, logging
// each signed line; several servers may all do it (the same head twice is harmless).
std::chrono::seconds anchor_interval(const ServeOptions& o) {
  const auto interval = app::parse_interval(o.audit_anchor_interval);
  if (!interval) throw CLI::ValidationError("--audit-anchor-interval", "expected a duration such as 600, 90s, 10m or 1h");
  return *interval;
}

std::unique_ptr<app::AuditAnchorTimer> start_anchoring(const ServeOptions& o, std::chrono::seconds interval,
                                                       store::Database& db) {
  if (interval.count() == 0) return nullptr;
  auto paths = anchor_paths(o.anchors, o.db, db.dialect() == store::Dialect::postgresql);
  if (!paths) exit_with(paths.problem(), 2);
  auto signer = app::load_anchor_signer(paths->key_file, true);
  if (!signer) exit_with(signer.problem(), 2);
  return std::make_unique<app::AuditAnchorTimer>(interval, [&db, signer = signer.value(), file = paths->anchor_file] {
    auto failed = [](const std::string& code, const std::string& detail) {
      spdlog::error(boost::json::serialize(boost::json::object{
          {"level", "error"}, {"event", "audit_anchor_failed"}, {"code", code}, {"detail", detail}}));
    };
    try {
      auto line = app::anchor_audit_chain(db, signer, file);
      if (!line) return failed(line.problem().code, line.problem().detail);
      spdlog::info(R"({{"level":"info","event":"audit_anchor","anchor":{}}})", line.value());
    } catch (const std::exception& e) {
      failed("database", e.what());  // unreachable or locked: the next interval tries again
    }
  });
}

// The built front end: --web, else web/dist beside the build directory or the working directory.
std::filesystem::path find_web_dir(const std::string& given) {
  if (!given.empty()) return given;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (const auto& candidate : {exe.parent_path() / "../web/dist", std::filesystem::path("web/dist")}) {
    if (std::filesystem::exists(candidate / "index.html", ec)) return candidate;
  }
  return {};
}

// A new database gets an administrator with a generated password, shown this once.
void bootstrap_admin(store::Database& db) {
  {
    auto conn = db.acquire();
    if (store::UserRepository(*conn).count_all() > 0) return;
  }
  app::UserService users(db);
  auto created = users.create(app::Actor::system("bootstrap"),
                              {"admin", "Administrator", "admin", std::nullopt, std::nullopt, std::nullopt, true, ""});
  if (!created) throw std::runtime_error("could not create the admin account: " + created.problem().detail);
  std::cout << "Created the administrator account.\n  username: admin\n  password: "
            << *created->initial_password
            << "\n(shown only this once; you will be asked to change it at first sign-in)\n";
}

void serve(const ServeOptions& o) {
  auto logger = spdlog::stderr_logger_mt("kechuang");
  logger->set_pattern("%v");
  spdlog::set_default_logger(logger);

  http::ServerOptions server;
  const auto colon = o.listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
  server.host = o.listen.substr(0, colon);
  if (server.host.starts_with('[')) server.host = server.host.substr(1, server.host.size() - 2);
  try {
    const int port = std::stoi(o.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    server.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    throw CLI::ValidationError("--listen", "the port must be a number from 0 to 65535");
  }
  server.io_threads = o.io_threads != 0 ? o.io_threads : std::max(1u, std::thread::hardware_concurrency());
  server.workers = o.workers;
  server.heavy_workers = o.heavy_workers;
  server.max_body_bytes = o.max_body_mb * 1024 * 1024;
  server.small_body_bytes = o.max_json_kb * 1024;
  server.header_timeout = std::chrono::seconds(o.header_timeout);
  server.request_timeout = std::chrono::seconds(o.request_timeout);
  server.max_connections = o.max_connections;
  server.max_connections_per_ip = o.max_connections_per_ip;
  server.max_in_flight_bytes = o.max_in_flight_mb * 1024 * 1024;
  server.max_in_flight_bytes_per_ip = o.max_in_flight_mb_per_ip * 1024 * 1024;
  server.max_heavy_per_user = o.max_heavy_per_user;
  if (server.small_body_bytes > server.max_body_bytes) {
    throw CLI::ValidationError("--max-json-kb", "must not exceed --max-body-mb");
  }
  if (server.max_in_flight_bytes_per_ip < server.max_body_bytes) {
    throw CLI::ValidationError("--max-in-flight-mb-per-ip", "must be at least --max-body-mb, or no upload fits");
  }
  if (server.max_in_flight_bytes < server.max_in_flight_bytes_per_ip) {
    throw CLI::ValidationError("--max-in-flight-mb", "must be at least --max-in-flight-mb-per-ip");
  }
  if (server.max_connections_per_ip > server.max_connections) {
    throw CLI::ValidationError("--max-connections-per-ip", "must not exceed --max-connections");
  }
  // A proxy list implies trusting it.
  server.trust_proxy = o.trust_proxy || !o.trusted_proxies.empty();
  for (const auto& text : o.trusted_proxies) {
    try {
      server.trusted_proxies.push_back(http::Cidr::parse(text));
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError("--trusted-proxy", e.what());
    }
  }

  const auto anchor_every = anchor_interval(o);

  // One database connection per worker of both lanes, and one for the admission checks' overlap.
  auto db = open_migrated(o.db, o.workers + o.heavy_workers + 1);
  bootstrap_admin(*db);
  app::SecurityPolicy policy;
  policy.session_idle_seconds = o.session_idle;
  policy.session_absolute_seconds = o.session_max;
  policy.max_sessions_per_user = o.max_sessions_per_user;
  policy.ip_max_failures = o.ip_max_failures;
  policy.allowed_origins = o.allowed_origins;
  policy.heavy_request_seconds = o.heavy_request_seconds;
  const auto web_dir = find_web_dir(o.web);
  const char* metrics_token = std::getenv("KECHUANG_METRICS_TOKEN");
  http::WebApp web(*db, policy, web_dir, o.secure_cookies, metrics_token ? metrics_token : "");
  http::Server http_server(server, web.application(), web.metrics());
  const auto anchoring = start_anchoring(o, anchor_every, *db);
  http_server.run([&](unsigned short port) {
    std::cout << "Kechuang " << KC_VERSION << " serving " << db->describe() << "\n";
    if (web_dir.empty()) std::cout << "(no web front end found: build it with `make web` or pass --web DIR)\n";
    std::cout << "Listening on http://" << (server.host.find(':') != std::string::npos ? "[" + server.host + "]" : server.host)
              << ":" << port << "/" << std::endl;
  });
  std::cout << "Stopped." << std::endl;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Run the web server");
  add_database_option(*cmd, o->db);
  cmd->add_option("--listen", o->listen, "HOST:PORT to listen on (port 0 picks a free one)")->capture_default_str();
  cmd->add_option("--web", o->web, "Directory of the built front end (default: web/dist)");
  cmd->add_option("--io-threads", o->io_threads, "Threads that read and write connections (0: one per core)")
      ->check(CLI::Range(0, 64))->capture_default_str();
  cmd->add_option("--workers", o->workers, "Worker threads for database and engine work")
      ->check(CLI::Range(1, 256))->capture_default_str();
  cmd->add_option("--session-idle", o->session_idle, "Seconds of inactivity that end a session")
      ->check(CLI::Range(1, 7 * 24 * 3600))->capture_default_str();
  cmd->add_option("--session-max", o->session_max, "Seconds after sign-in that end a session")
      ->check(CLI::Range(1, 30 * 24 * 3600))->capture_default_str();
  cmd->add_option("--heavy-workers", o->heavy_workers,
                  "Worker threads for heavy requests (index analyses, imports, exports)")
      ->check(CLI::Range(1, 256))->capture_default_str();
  cmd->add_option("--max-body-mb", o->max_body_mb, "Largest body of an upload route (signed-in callers), in MiB")
      ->check(CLI::Range(1, 1024))->capture_default_str();
  cmd->add_option("--max-json-kb", o->max_json_kb, "Largest body of every other route (JSON, sign-in), in KiB")
      ->check(CLI::Range(1, 1024 * 1024))->capture_default_str();
  cmd->add_option("--header-timeout", o->header_timeout, "Seconds a client has to send a request's header")
      ->check(CLI::Range(1, 300))->capture_default_str();
  cmd->add_option("--request-timeout", o->request_timeout, "Seconds to read one body or write one response")
      ->check(CLI::Range(1, 3600))->capture_default_str();
  cmd->add_option("--max-connections", o->max_connections, "Open client connections, in all")
      ->check(CLI::Range(1, 1 << 20))->capture_default_str();
  cmd->add_option("--max-connections-per-ip", o->max_connections_per_ip,
                  "Open connections of one client address (a trusted proxy is exempt)")
      ->check(CLI::Range(1, 1 << 20))->capture_default_str();
  cmd->add_option("--max-in-flight-mb", o->max_in_flight_mb, "Request bodies buffered and not yet answered, in all, in MiB")
      ->check(CLI::Range(1, 1 << 20))->capture_default_str();
  cmd->add_option("--max-in-flight-mb-per-ip", o->max_in_flight_mb_per_ip,
                  "Request bodies buffered and not yet answered, per client address, in MiB")
      ->check(CLI::Range(1, 1 << 20))->capture_default_str();
  cmd->add_option("--max-heavy-per-user", o->max_heavy_per_user,
                  "Heavy requests one user (or address) may run at once; more get 429")
      ->check(CLI::Range(1, 1024))->capture_default_str();
  cmd->add_flag("--trust-proxy", o->trust_proxy,
                "Honour X-Forwarded-For/-Proto from trusted proxies (default: loopback only)");
  cmd->add_option("--trusted-proxy", o->trusted_proxies,
                  "A trusted reverse proxy's address or CIDR range (repeatable; implies --trust-proxy)");
  cmd->add_option("--max-sessions-per-user", o->max_sessions_per_user,
                  "Live sessions per account; signing in beyond it ends the oldest")
      ->check(CLI::Range(1, 1000))->capture_default_str();
  cmd->add_option("--ip-max-failures", o->ip_max_failures,
                  "Failed sign-ins from one address in 15 minutes before it is refused")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--allowed-origin", o->allowed_origins,
                  "An origin (https://host[:port]) besides this server's own Host that may send "
                  "state-changing requests; repeatable")
      ->take_all();
  cmd->add_option("--heavy-request-seconds", o->heavy_request_seconds,
                  "Seconds an index analysis may compute before it stops with 422 time_budget_exceeded")
      ->check(CLI::Range(1, 3600))->capture_default_str();
  cmd->add_flag("--secure-cookies", o->secure_cookies, "Mark the session cookie Secure (HTTPS in front)");
  cmd->add_option("--audit-anchor-interval", o->audit_anchor_interval,
                  "Anchor the audit chain at start and then every interval (600, 90s, 10m, 1h; 0 = never)")
      ->capture_default_str();
  add_anchor_options(*cmd, o->anchors);
  cmd->callback([o] { serve(*o); });
}

}  // namespace kc::cli
