// Notices (通知公告): administrators and staff write, publish, withdraw and delete them; every
// signed-in user reads the published ones of their region on the home page and marks them read.
// A notice lies in a region as local programmes do (app/registry/district_scope.hpp): a district
// user's in their district, a city user's in the city, an unscoped user's in the whole
// installation unless they choose a region. Readers see the notices of their scope, of the
// divisions it lies in and of the installation; an enterprise account those of its enterprise's
// district. Every change is audited (notice.create/update/publish/withdraw/delete); marking a
// notice read is not, as reading is not elsewhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/registry/district_scope.hpp"
#include "store/database.hpp"
#include "store/notice_repository.hpp"
#include "store/page.hpp"

namespace kc::app {

// Characters (not bytes) a notice may hold.
inline constexpr std::size_t kNoticeTitleMax = 200;
inline constexpr std::size_t kNoticeBodyMax = 20000;

struct NoticeDraft {
  std::string title;
  std::string body;
  RegionChoice region;  // none: the actor's scope for a new notice, the notice's own on an edit
};

struct NoticePage {
  std::vector<store::NoticeRow> items;
  std::int64_t total = 0;
  std::int64_t unread = 0;  // published notices the reader has not read (their lists only)
};

class NoticeService {
 public:
  explicit NoticeService(store::Database& db) : db_(db) {}

  // The published notices the actor may read, newest first, each with the actor's read mark.
  Outcome<NoticePage> published(const Actor& actor, const store::Page& page, bool unread_only = false);
  // Every notice of the actor's scope in any status (`status`: draft, published or withdrawn),
  // for the management page of administrators and staff.
  Outcome<NoticePage> managed(const Actor& actor, const std::optional<std::string>& status, const store::Page& page);
  // A new notice is a draft; title and body are checked (field errors in both languages).
  Outcome<store::NoticeRow> create(const Actor& actor, const NoticeDraft& draft);
  // Replaces title, body and (when asked) the region, in any status.
  Outcome<store::NoticeRow> update(const Actor& actor, std::int64_t id, const NoticeDraft& draft);
  // Draft or withdrawn → published (now); published again is 409.
  Outcome<store::NoticeRow> publish(const Actor& actor, std::int64_t id);
  // Published → withdrawn: readers no longer see it; anything else is 409.
  Outcome<store::NoticeRow> withdraw(const Actor& actor, std::int64_t id);
  Status remove(const Actor& actor, std::int64_t id);
  // The signed-in reader has read published notice `id` (404 when they may not read it).
  Status mark_read(const Actor& actor, std::int64_t id);

 private:
  store::Database& db_;
};

}  // namespace kc::app
