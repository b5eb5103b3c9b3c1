// Rows of notices (通知公告) and notice_reads: what staff publish for a region (NULL: the whole
// installation; store/region_rows.hpp decides who sees which) and which user has read which.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/page.hpp"
#include "store/region_rows.hpp"

namespace kc::store {

struct NoticeRow {
  std::int64_t id = 0;
  std::string title;
  std::string body;
  std::optional<std::string> region_code;
  std::string status;  // draft, published or withdrawn
  std::optional<std::string> published_at;
  std::string created_by, created_at, updated_by, updated_at;
  bool read = false;  // by the reader a list was asked for (false in other reads)
};

struct NoticeFilter {
  RegionRows visible;
  std::optional<std::string> status;     // none: every status
  std::optional<std::int64_t> reader;    // fills NoticeRow::read for this user
  bool unread_only = false;              // with `reader`: only what they have not read
};

class NoticeRepository {
 public:
  explicit NoticeRepository(Connection& conn) : conn_(conn) {}

  // Newest first: by the time of publication, else of creation, then by id.
  std::vector<NoticeRow> list(const NoticeFilter& filter, const Page& page);
  std::int64_t count(const NoticeFilter& filter);
  // Nothing when there is no notice `id` or it is not among `visible`.
  std::optional<NoticeRow> find(std::int64_t id, const RegionRows& visible = {});
  std::int64_t insert(const NoticeRow& row);  // returns the new id
  // Every column but the id and the creation; false when no notice has `row.id`.
  [[nodiscard]] bool update(const NoticeRow& row);
  [[nodiscard]] bool remove(std::int64_t id);  // its read marks go with it (ON DELETE CASCADE)
  // Records that `user_id` has read the notice; a second mark keeps the first time.
  void mark_read(std::int64_t notice_id, std::int64_t user_id, const std::string& at);

 private:
  Connection& conn_;
};

}  // namespace kc::store
