// Notices and their read marks: the region filter (including an enterprise placed nowhere, who
// reads the installation's notices only), the status filter, newest-first order, per-user marks.
#include "store/notice_repository.hpp"

#include <gtest/gtest.h>

#include "store/user_repository.hpp"
#include "temp_database.hpp"

namespace kc::store {
namespace {

NoticeRow notice(const char* title, std::optional<std::string> region, const char* status, const char* at) {
  NoticeRow n;
  n.title = title;
  n.body = "正文";
  n.region_code = std::move(region);
  n.status = status;
  if (std::string(status) == "published") n.published_at = at;
  n.created_by = n.updated_by = "t";
  n.created_at = n.updated_at = at;
  return n;
}

std::vector<std::string> titles(const std::vector<NoticeRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.title);
  return out;
}

class NoticeRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = db->acquire();
    NoticeRepository notices(*conn);
    notices.insert(notice("all", std::nullopt, "published", "2026-01-01T00:00:00Z"));
    notices.insert(notice("city", "330200", "published", "2026-01-02T00:00:00Z"));
    notices.insert(notice("a", "330205", "published", "2026-01-03T00:00:00Z"));
    notices.insert(notice("b", "330206", "published", "2026-01-04T00:00:00Z"));
    notices.insert(notice("a-draft", "330205", "draft", "2026-01-05T00:00:00Z"));
    UserRecord u;
    u.username = "reader";
    u.role = "viewer";
    u.password_hash = "x";
    u.created_at = u.updated_at = "t";
    user = UserRepository(*conn).insert(u);
  }
  testing::TempDatabase db;
  std::int64_t user = 0;
};

TEST_F(NoticeRepositoryTest, ReadersSeeTheirRegionTheDivisionsAboveAndTheInstallationNewestFirst) {
  auto conn = db->acquire();
  NoticeRepository notices(*conn);
  const Page page{1, 50};
  const NoticeFilter district{{"330205", {"330000", "330200"}}, "published", std::nullopt, false};
  EXPECT_EQ(titles(notices.list(district, page)), (std::vector<std::string>{"a", "city", "all"}));
  EXPECT_EQ(notices.count(district), 3);
  RegionRows placed_nowhere;
  placed_nowhere.installation_only = true;
  const NoticeFilter nowhere{placed_nowhere, "published", std::nullopt, false};
  EXPECT_EQ(titles(notices.list(nowhere, page)), (std::vector<std::string>{"all"}));
  const NoticeFilter everything{{}, std::nullopt, std::nullopt, false};
  EXPECT_EQ(titles(notices.list(everything, page)), (std::vector<std::string>{"a-draft", "b", "a", "city", "all"}))
      << "a draft is ordered by its creation";
  EXPECT_EQ(titles(notices.list(everything, Page{2, 2})), (std::vector<std::string>{"a", "city"}));
}

TEST_F(NoticeRepositoryTest, ReadMarksArePerUserAndKeepTheFirstTime) {
  auto conn = db->acquire();
  NoticeRepository notices(*conn);
  const auto a = notices.list({{"330205", {}}, "published", std::nullopt, false}, Page{}).at(0);
  notices.mark_read(a.id, user, "2026-02-01T00:00:00Z");
  notices.mark_read(a.id, user, "2026-02-02T00:00:00Z");
  EXPECT_EQ(conn->query_one("SELECT read_at FROM notice_reads WHERE notice_id = $1", {a.id})->text(0), "2026-02-01T00:00:00Z");
  NoticeFilter mine{{}, "published", user, false};
  for (const auto& n : notices.list(mine, Page{})) EXPECT_EQ(n.read, n.id == a.id) << n.title;
  mine.unread_only = true;
  EXPECT_EQ(notices.count(mine), 3);
  EXPECT_TRUE(notices.remove(a.id));
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM notice_reads")->integer(0), 0) << "marks go with their notice";
  EXPECT_FALSE(notices.remove(a.id));
}

TEST_F(NoticeRepositoryTest, FindHonoursTheRegionAndUpdateReportsAMissingRow) {
  auto conn = db->acquire();
  NoticeRepository notices(*conn);
  const auto b = notices.list({{"330206", {}}, "published", std::nullopt, false}, Page{}).at(0);
  EXPECT_TRUE(notices.find(b.id));
  EXPECT_FALSE(notices.find(b.id, {"330205", {"330000", "330200"}}));
  auto changed = *notices.find(b.id);
  changed.status = "withdrawn";
  EXPECT_TRUE(notices.update(changed));
  EXPECT_EQ(notices.find(b.id)->status, "withdrawn");
  changed.id = 999999;
  EXPECT_FALSE(notices.update(changed));
}

}  // namespace
}  // namespace kc::store
