#include "http/router.hpp"

#include <gtest/gtest.h>

#include "../store/temp_database.hpp"
#include "app/accounts/user_service.hpp"
#include "crypto/crypto.hpp"
#include "http/responses.hpp"

namespace kc::http {
namespace {

TEST(CookieValue, FindsTheNamedCookie) {
  EXPECT_EQ(cookie_value("a=1; kc_session=tok; b=2", "kc_session"), "tok");
  EXPECT_EQ(cookie_value("kc_session=tok", "kc_session"), "tok");
  EXPECT_EQ(cookie_value("xkc_session=tok", "kc_session"), "");
  EXPECT_EQ(cookie_value("", "kc_session"), "");
}

TEST(ParseQuery, DecodesValuesAndStopsAtTheViewsEnd) {
  const std::string line = "q=%E7%A7%91%E5%88%9B+x&page=2 HTTP/1.1";
  const auto q = parse_query(std::string_view(line).substr(0, line.find(' ')));
  EXPECT_EQ(q.at("q"), "科创 x");
  EXPECT_EQ(q.at("page"), "2");
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init_crypto();
    app::UserService users(*db);
    app::NewUser ann{"ann", "", "staff", "Staff-Pass-2024!", std::nullopt};
    ann.must_change_password = false;  // admin-set passwords must be changed otherwise
    users.create(app::Actor::system(), ann);
    router.add({beast_http::verb::get, "/api/v1/things/{id}", Access::roles, {app::Role::staff}, "",
                [](Exchange& ex) {
                  return json_response(ex.request, beast_http::status::ok, {{"id", ex.params.at("id")}});
                }});
    router.add({beast_http::verb::post, "/api/v1/things", Access::roles, {app::Role::admin}, "",
                [](Exchange& ex) { return no_content(ex.request); }});
    router.add({beast_http::verb::post, "/api/v1/notes", Access::signed_in, {}, "",
                [](Exchange& ex) { return no_content(ex.request); }});
    auto in = auth.login("ann", "Staff-Pass-2024!", "ip", "");
    token = in->session_token;
    csrf = in->csrf_token;
  }

  Reply send(beast_http::verb method, const std::string& target, bool with_session, bool with_csrf) {
    Request req{method, target, 11};
    if (with_session) req.set(beast_http::field::cookie, "kc_session=" + token);
    if (with_csrf) req.set("X-CSRF-Token", csrf);
    return router.dispatch(req, Peer{"127.0.0.1", false});
  }

  testing::TempDatabase db;
  app::AuthService auth{*db, {}};
  Router router{auth};
  std::string token, csrf;
};

TEST_F(RouterTest, MatchesPathParameters) {
  auto r = send(beast_http::verb::get, "/api/v1/things/42?x=1", true, false);
  EXPECT_EQ(r.response.result_int(), 200u);
  EXPECT_EQ(r.response.body(), R"({"id":"42"})");
  EXPECT_EQ(r.user, "ann");
}

TEST_F(RouterTest, UnknownPathIs404AndWrongMethodIs405) {
  EXPECT_EQ(send(beast_http::verb::get, "/api/v1/nothing", true, false).response.result_int(), 404u);
  auto r = send(beast_http::verb::delete_, "/api/v1/things/1", true, true);
  EXPECT_EQ(r.response.result_int(), 405u);
  EXPECT_EQ(r.response[beast_http::field::allow], "GET");
}

TEST_F(RouterTest, ChecksSessionThenRoleThenCsrf) {
  EXPECT_EQ(send(beast_http::verb::get, "/api/v1/things/1", false, false).response.result_int(), 401u);
  EXPECT_EQ(send(beast_http::verb::post, "/api/v1/things", true, true).response.result_int(), 403u);
  auto no_csrf = send(beast_http::verb::post, "/api/v1/notes", true, false);
  EXPECT_EQ(no_csrf.response.result_int(), 403u);
  EXPECT_NE(no_csrf.response.body().find("\"csrf\""), std::string::npos);
  EXPECT_EQ(send(beast_http::verb::post, "/api/v1/notes", true, true).response.result_int(), 204u);
}

}  // namespace
}  // namespace kc::http
