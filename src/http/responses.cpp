#include "http/responses.hpp"

namespace kc::http {

void add_security_headers(Response& res, bool tls) {
  // The front end runs without inline scripts or style elements, so everything is 'self'.
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; img-src 'self' "
          "data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
          "base-uri 'self'; form-action 'self'");
  res.set("X-Frame-Options", "DENY");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  // Over plain HTTP the header would be ignored by browsers, and wrong to promise.
  if (tls) res.set(beast_http::field::strict_transport_security, "max-age=31536000; includeSubDomains");
}

Response json_response(const Request& req, beast_http::status status, const boost::json::value& body) {
  Response res{status, req.version()};
  res.set(beast_http::field::content_type, "application/json; charset=utf-8");
  res.set(beast_http::field::cache_control, "no-store");
  res.body() = boost::json::serialize(body);
  res.prepare_payload();
  return res;
}

Response json_text_response(const Request& req, std::string body) {
  Response res{beast_http::status::ok, req.version()};
  res.set(beast_http::field::content_type, "application/json; charset=utf-8");
  res.set(beast_http::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

boost::json::object params_json(const app::MessageParams& params) {
  boost::json::object out;
  for (const auto& [name, value] : params) {
    std::visit([&out, &name](const auto& v) { out[name] = v; }, value);
  }
  return out;
}

void put_refusal(boost::json::object& out, const std::string& message, const std::string& code,
                 const app::MessageParams& params) {
  out["message"] = message;
  if (code.empty()) return;
  out["code"] = code;
  out["params"] = params_json(params);
}

Response problem_response(const Request& req, const app::Problem& problem) {
  boost::json::object body;
  body["type"] = "https://kechuang.dev/problems/" + problem.code;
  body["title"] = problem.title;
  body["status"] = problem.status;
  body["detail"] = problem.detail;
  body["code"] = problem.code;
  if (!problem.errors.empty()) {
    boost::json::array errors;
    for (const auto& e : problem.errors) {
      boost::json::object error{{"field", e.field}};
      put_refusal(error, e.message, e.code, e.params);
      errors.push_back(std::move(error));
    }
    body["errors"] = std::move(errors);
  }
  if (!problem.params.empty()) body["params"] = params_json(problem.params);
  if (!problem.message.empty()) body["message"] = problem.message;
  Response res{static_cast<beast_http::status>(problem.status), req.version()};
  res.set(beast_http::field::content_type, "application/problem+json; charset=utf-8");
  res.set(beast_http::field::cache_control, "no-store");
  res.body() = boost::json::serialize(body);
  res.prepare_payload();
  return res;
}

Response no_content(const Request& req) {
  Response res{beast_http::status::no_content, req.version()};
  res.set(beast_http::field::cache_control, "no-store");
  res.prepare_payload();
  return res;
}

Response download(const Request& req, std::string body, const std::string& content_type,
                  const std::string& filename) {
  Response res{beast_http::status::ok, req.version()};
  res.set(beast_http::field::content_type, content_type);
  res.set(beast_http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
  res.set(beast_http::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace kc::http
