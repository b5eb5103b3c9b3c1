// What the server says to a person when a request fails: a stable message code with parameters.
// The web translates each code in zh-CN and en (web/src/i18n/problems.*.json, checked against
// this list by tests/unit/app/messages_test.cpp); the English template here renders the problem's
// `detail` for API clients, the CLI and the logs. Placeholders are `{name}`, as in vue-i18n.
//
// A kind's label travels as two parameters, `kind_zh` and `kind_en`, from the kind declaration, so
// the web need not look it up; each translation uses the one of its language.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "app/outcome.hpp"

namespace kc::app {

struct MessageDef {
  std::string_view code;
  std::string_view english;
};

namespace msg {
// Who may do what.
inline constexpr MessageDef sign_in_first{"sign_in_first", "Sign in first."};
inline constexpr MessageDef session_ended{"session_ended", "Your session has ended; sign in again."};
inline constexpr MessageDef session_expired{"session_expired", "Your session has expired; sign in again."};
inline constexpr MessageDef account_inactive{"account_inactive", "This account is no longer active."};
inline constexpr MessageDef account_disabled{"account_disabled", "This account is disabled; ask an administrator."};
inline constexpr MessageDef account_region_invalid{
    "account_region_invalid",
    "This account's region scope ({region}) is not a region code; ask an administrator to correct it."};
inline constexpr MessageDef sign_in_throttled{
    "sign_in_throttled", "Too many failed sign-ins from this address; try again in {minutes} min."};
inline constexpr MessageDef account_locked{
    "account_locked", "Too many wrong passwords; the account is locked until {until} ({minutes} min)."};
inline constexpr MessageDef role_may_not_use{"role_may_not_use", "Your role ({role}) may not use this endpoint."};
inline constexpr MessageDef metrics_not_served{"metrics_not_served",
                                               "Metrics are served to loopback or with the metrics token."};
inline constexpr MessageDef bureau_users_only{"bureau_users_only",
                                              "This is for bureau users, not enterprise accounts."};
inline constexpr MessageDef staff_and_reviewers_only{"staff_and_reviewers_only",
                                                     "This is for bureau staff and reviewers."};
inline constexpr MessageDef admins_only{"admins_only", "Only administrators may do this."};
inline constexpr MessageDef staff_draw_reviewers{"staff_draw_reviewers", "Reviewers are drawn by administrators and bureau staff."};
inline constexpr MessageDef staff_confirm_submissions{"staff_confirm_submissions",
                                                      "Only bureau staff confirm submissions."};
inline constexpr MessageDef staff_save_index_definitions{"staff_save_index_definitions",
                                                         "Only administrators and staff save index definitions."};
inline constexpr MessageDef own_enterprise_only{"own_enterprise_only",
                                                "Enterprise accounts may see only their own enterprise's records."};
inline constexpr MessageDef record_of_another_enterprise{"record_of_another_enterprise",
                                                         "This record belongs to another enterprise."};
inline constexpr MessageDef region_outside_scope{"region_outside_scope", "{region} is outside your scope."};
inline constexpr MessageDef record_of_another_district{"record_of_another_district",
                                                       "This record belongs to another district."};
inline constexpr MessageDef installation_admins_only{
    "installation_admins_only",
    "Only administrators of the whole installation manage accounts and read the logs, which span every district."};
inline constexpr MessageDef role_may_not_read{"role_may_not_read", "Your role may not read {kind_en}."};
inline constexpr MessageDef role_may_not_change{"role_may_not_change", "Your role may not change {kind_en}."};
inline constexpr MessageDef role_may_not_import{"role_may_not_import", "Your role may not import {kind_en}."};
inline constexpr MessageDef may_not_file{"may_not_file", "Your account may not file {kind_en}."};
inline constexpr MessageDef no_new_enterprises{"no_new_enterprises",
                                               "Enterprise accounts cannot register new enterprises; the bureau does."};
inline constexpr MessageDef staff_import_records{"staff_import_records",
                                                 "Imports are run by administrators and bureau staff."};
inline constexpr MessageDef staff_publish_notices{"staff_publish_notices",
                                                  "Only administrators and bureau staff publish notices."};
inline constexpr MessageDef submissions_scope{"submissions_scope",
                                              "Submissions are for bureau staff and the enterprises that filed them."};

// What is not there.
inline constexpr MessageDef no_record{"no_record", "No record {id} in {kind_en}."};
inline constexpr MessageDef no_enterprise{"no_enterprise", "No enterprise with id {id}."};
inline constexpr MessageDef no_programme{"no_programme", "No programme {id}."};
inline constexpr MessageDef no_submission{"no_submission", "No submission {id}."};
inline constexpr MessageDef no_index_definition{"no_index_definition", "No index definition {id}."};
inline constexpr MessageDef no_notice{"no_notice", "No notice {id}."};
inline constexpr MessageDef no_user{"no_user", "No user with id {id}."};
inline constexpr MessageDef no_user_named{"no_user_named", "No user named {username}."};
inline constexpr MessageDef no_such_id{"no_such_id", "No record with id {id}."};
inline constexpr MessageDef no_kind{"no_kind", "No registry kind named {kind}."};
inline constexpr MessageDef no_endpoint{"no_endpoint", "No such API endpoint: {path}."};
inline constexpr MessageDef no_file{"no_file", "No such file: {path}."};
inline constexpr MessageDef web_not_installed{"web_not_installed",
                                              "The web front end is not installed (start with --web DIR)."};

inline constexpr MessageDef indicator_unknown{"indicator_unknown", "No indicator {code} in the catalogue."};
inline constexpr MessageDef indicator_no_data{"indicator_no_data", "Nothing is recorded for {region} in {year}."};
inline constexpr MessageDef staff_set_targets{"staff_set_targets", "Targets are set by administrators and bureau staff."};
inline constexpr MessageDef no_indicator_target{"no_indicator_target", "No indicator target {id}."};
inline constexpr MessageDef no_assessment_scheme{"no_assessment_scheme", "No assessment scheme {code}."};
inline constexpr MessageDef indicator_catalogue_admins{
    "indicator_catalogue_admins", "Only administrators of the whole installation change the indicator catalogue."};

// What the data does not allow.
inline constexpr MessageDef has_dependants{
    "has_dependants",
    "Other records depend on this one (for example years or certificates of an enterprise); delete those first."};
inline constexpr MessageDef submission_decided{"submission_decided", "This submission was already {status}."};
inline constexpr MessageDef notice_already_published{"notice_already_published",
                                                     "This notice is already published."};
inline constexpr MessageDef notice_not_published{"notice_not_published",
                                                 "Only a published notice can be withdrawn."};
inline constexpr MessageDef kind_gone{"kind_gone", "The kind {kind} no longer exists."};
inline constexpr MessageDef last_admin{"last_admin", "This change would leave no enabled administrator."};
inline constexpr MessageDef demo_needs_empty_registry{
    "demo_needs_empty_registry",
    "The registry already holds enterprises; the demo district is written into an empty one."};
}  // namespace msg

// Every message above, for the test that checks the web's translations.
std::span<const MessageDef* const> all_messages();

// A message with its parameters, as the use cases name it: `{msg::no_record, {{"id", 7}, …}}`.
struct Message {
  const MessageDef& def;
  MessageParams params{};
};

// The English template with its placeholders filled in (an unknown placeholder is left as it is).
std::string render_english(const Message& message);

// A problem saying `message`: its detail rendered in English, its code and parameters for the web.
Problem said(int status, std::string code, std::string title, Message message);

}  // namespace kc::app
