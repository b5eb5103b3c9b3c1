#include "app/engines/engine_documents.hpp"

#include <boost/json.hpp>

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "assess/assess.hpp"
#include "crypto/crypto.hpp"
#include "review/draw.hpp"
#include "review/draw_json.hpp"

namespace kc::app {
namespace {

Problem refused(const std::string& title, const domain::Error& error) {
  return Problem{422, "validation", title, error.message, {}};
}

}  // namespace

Outcome<std::string> assess_document(const Actor& actor, std::string_view input) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  auto output = assess::assess_document(input);
  if (!output) return refused("Assessment refused", output.error());
  return std::move(output.value());
}

Outcome<std::string> draw_reviewers(store::Database& db, const Actor& actor, std::string_view input) {
  if (actor.role != Role::admin && actor.role != Role::staff) return Problem::forbidden({msg::staff_draw_reviewers});
  auto parsed = review::parse_draw_input(input);
  if (!parsed) return refused("Draw refused", parsed.error());
  const auto drawn = review::draw(parsed.value());
  std::string output = review::draw_output_json(parsed.value(), drawn);
  auto conn = db.acquire();
  store::in_transaction(*conn, [&] {
    boost::json::object detail{{"seed", std::to_string(parsed->seed)},
                               {"input_sha256", crypto::sha256_hex(input)},
                               {"output_sha256", crypto::sha256_hex(output)},
                               {"experts", parsed->experts.size()},
                               {"applications", parsed->applications.size()}};
    append_audit(*conn, actor, "review.draw", "review_draw", "", std::nullopt, boost::json::value(std::move(detail)));
  });
  return output;
}

}  // namespace kc::app
