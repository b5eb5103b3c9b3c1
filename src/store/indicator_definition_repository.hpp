// Rows of indicator_definitions: the catalogue entries an administrator saved (each replaces the
// built-in of its code, or adds one), and installation_settings (key → value).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kc::store {

struct IndicatorDefinitionRow {
  std::string code;
  std::string name_zh, name_en, unit;
  int direction = 1;
  std::string measure;  // count, amount, ratio
  std::string formula;
  std::string basis_zh, basis_en;
  std::string updated_by, updated_at;
};

class IndicatorDefinitionRepository {
 public:
  explicit IndicatorDefinitionRepository(Connection& conn) : conn_(conn) {}

  std::vector<IndicatorDefinitionRow> list();  // by code
  std::optional<IndicatorDefinitionRow> find(const std::string& code);
  // Inserts or replaces the row of `row.code`.
  void save(const IndicatorDefinitionRow& row);
  [[nodiscard]] bool remove(const std::string& code);

 private:
  Connection& conn_;
};

std::optional<std::string> installation_setting(Connection& conn, const std::string& key);
void set_installation_setting(Connection& conn, const std::string& key, const std::string& value,
                              const std::string& now);

}  // namespace kc::store
