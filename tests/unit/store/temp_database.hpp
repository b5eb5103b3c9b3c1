// A fresh, migrated SQLite database in a temporary file, removed when the test ends.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/database.hpp"
#include "store/migrations.hpp"

namespace kc::testing {

class TempDatabase {
 public:
  TempDatabase() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("kc-unit-" + std::to_string(rd()) + ".db");
    db_ = store::Database::open(path_.string(), 4);
    store::migrate(*db_);
  }
  ~TempDatabase() {
    db_.reset();
    for (const auto& file : {path_.string(), store::companion_path(path_.string()), path_.string() + "-imports"}) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file + suffix);
    }
  }
  store::Database& operator*() { return *db_; }
  store::Database* operator->() { return db_.get(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
};

}  // namespace kc::testing
