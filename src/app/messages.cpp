#include "app/messages.hpp"

#include <array>

#include "domain/field_messages.hpp"

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
      &no_such_id, &no_kind, &no_endpoint, &no_file, &web_not_installed,
      &indicator_unknown, &indicator_no_data, &indicator_catalogue_admins, &staff_set_targets, &no_indicator_target,
      &no_assessment_scheme, &has_dependants,
      &submission_decided, &notice_already_published, &notice_not_published, &kind_gone, &last_admin, &demo_needs_empty_registry,
  };
  return kAll;
}

std::string render_english(const Message& message) {
  return domain::fill_placeholders(message.def.english, message.params);
}

Problem said(int status, std::string code, std::string title, Message message) {
  Problem p{status, std::move(code), std::move(title), render_english(message), {}};
  p.message = std::string(message.def.code);
  p.params = std::move(message.params);
  return p;
}

}  // namespace kc::app
