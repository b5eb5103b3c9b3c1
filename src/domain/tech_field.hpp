// TechField: the eight top-level fields of 《国家重点支持的高新技术领域》 (policy-rules.md §1.8),
// the first level of the HTE technology-field code list, with codes 1–8 and Chinese and English
// names.
#pragma once

#include <array>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

enum class TechField {
  electronic_information = 1,                // 电子信息
  biology_and_new_medicine = 2,              // 生物与新医药
  aerospace = 3,                             // 航空航天
  new_materials = 4,                         // 新材料
  high_tech_services = 5,                    // 高技术服务
  new_energy_and_energy_saving = 6,          // 新能源与节能
  resources_and_environment = 7,             // 资源与环境
  advanced_manufacturing_and_automation = 8  // 先进制造与自动化
};

inline constexpr std::array<TechField, 8> kAllTechFields = {
    TechField::electronic_information,
    TechField::biology_and_new_medicine,
    TechField::aerospace,
    TechField::new_materials,
    TechField::high_tech_services,
    TechField::new_energy_and_energy_saving,
    TechField::resources_and_environment,
    TechField::advanced_manufacturing_and_automation};

constexpr int tech_field_code(TechField f) { return static_cast<int>(f); }
std::string_view tech_field_name_zh(TechField f);
std::string_view tech_field_name_en(TechField f);

Result<TechField> tech_field_from_code(int code);
// Accepts the code ("3", full-width too), the Chinese name or the English name (any case).
Result<TechField> parse_tech_field(std::string_view text);

}  // namespace kc::domain
