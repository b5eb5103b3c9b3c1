#include "app/messages.hpp"

#include <array>

namespace kc::app {

std::span<const MessageDef* const> all_messages() {
  using namespace msg;
  static constexpr std::array kAll{
      &sign_in_first, &session_ended, &session_expired, &account_inactive, &account_disabled,
      &account_region_invalid,
      &sign_in_throttled, &account_locked, &role_may_not_use, &metrics_not_served, &bureau_users_only,
      &staff_and_reviewers_only, &admins_only, &staff_draw_reviewers, &staff_confirm_submissions, &staff_save_index_definitions,
      &own_enterprise_only, &record_of_another_enterprise, &region_outside_scope,
      &record_of_another_district, &installation_admins_only, &role_may_not_read, &role_may_not_change,
      &role_may_not_import, &may_not_file, &no_new_enterprises, &submissions_scope, &staff_import_records, &staff_publish_notices, &no_record,
      &no_enterprise, &no_programme, &no_submission, &no_index_definition, &no_notice, &no_user, &no_user_named,
      &no_such_id, &no_kind, &no_endpoint, &no_file, &web_not_installed, &has_dependants,
      &submission_decided, &notice_already_published, &notice_not_published, &kind_gone, &last_admin, &demo_needs_empty_registry,
  };
  return kAll;
}

namespace {

std::string text_of(const MessageParam& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  return std::get<std::string>(value);
}

}  // namespace

std::string render_english(const Message& message) {
  const std::string_view tpl = message.def.english;
  std::string out;
  out.reserve(tpl.size() + 32);
  for (std::size_t i = 0; i < tpl.size();) {
    const std::size_t open = tpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tpl.substr(i));
      break;
    }
    out.append(tpl.substr(i, open - i));
    const std::size_t close = tpl.find('}', open);
    if (close == std::string_view::npos) {
      out.append(tpl.substr(open));
      break;
    }
    const std::string_view name = tpl.substr(open + 1, close - open - 1);
    const MessageParam* value = nullptr;
    for (const auto& [key, v] : message.params)
      if (key == name) value = &v;
    out.append(value ? text_of(*value) : std::string(tpl.substr(open, close - open + 1)));
    i = close + 1;
  }
  return out;
}

Problem said(int status, std::string code, std::string title, Message message) {
  Problem p{status, std::move(code), std::move(title), render_english(message), {}};
  p.message = std::string(message.def.code);
  p.params = std::move(message.params);
  return p;
}

}  // namespace kc::app
