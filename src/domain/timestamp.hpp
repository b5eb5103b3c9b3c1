// Instants as UTC epoch seconds, and their ISO-8601 text form used in the API and the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc::domain {

std::int64_t now_epoch_seconds();
// "2026-11-27T03:29:11Z"
std::string to_iso_utc(std::int64_t epoch_seconds);
// Accepts "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ"; nullopt when malformed.
std::optional<std::int64_t> parse_iso_utc(std::string_view text);

}  // namespace kc::domain
