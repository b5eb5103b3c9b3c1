// Every registry kind survives export → import into another database: the demo district is
// exported kind by kind (references as natural keys where the target has one) and imported into
// an empty database in declaration order, which must recreate every record.
#include <gtest/gtest.h>

#include <sstream>

#include "../store/temp_database.hpp"
#include "app/demo/demo_district.hpp"
#include "app/registry/import/registry_import.hpp"
#include "app/registry/registry_export.hpp"
#include "crypto/crypto.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {
namespace {

TEST(RegistryRoundTrip, EveryKindExportsAndImportsIntoAnEmptyDatabase) {
  crypto::init_crypto();
  testing::TempDatabase source;
  DemoOptions options;
  options.enterprises = 1000;
  options.districts = 1;  // a peer's records (its own numbering, its district) travel too
  ASSERT_TRUE(generate_demo_district(*source, options));
  testing::TempDatabase target;
  const Actor admin = Actor::system("roundtrip");
  for (const auto& kind : domain::registry_kinds()) {
    std::ostringstream csv;
    ASSERT_TRUE(export_records_csv(*source, admin, kind, {}, csv)) << kind.name;
    ImportOptions import_options;
    import_options.max_rows = 2'000'000;
    auto imported = import_records(*target, admin, kind, csv.str(), import_options);
    ASSERT_TRUE(imported) << kind.name << ": " << imported.problem().detail;
    ASSERT_EQ(imported->error_count, 0u) << kind.name << " row " << imported->errors[0].row << " "
                                         << imported->errors[0].column << ": " << imported->errors[0].reason;
    const auto count = [&](testing::TempDatabase& db) {
      return db->acquire()->query_one("SELECT COUNT(*) FROM " + kind.table)->integer(0);
    };
    EXPECT_EQ(count(target), count(source)) << kind.name;
    EXPECT_EQ(static_cast<std::int64_t>(imported->created), count(source)) << kind.name;
    // And a second import of the same file changes nothing.
    auto again = import_records(*target, admin, kind, csv.str(), import_options);
    EXPECT_EQ(again->unchanged + again->created, imported->created) << kind.name;
  }
}

}  // namespace
}  // namespace kc::app
