#include "io/registry_template.hpp"

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace kc::io {
namespace {

std::string type_label(const domain::FieldDef& f) {
  switch (f.type) {
    case domain::FieldType::text: return "文本 text (≤ " + std::to_string(f.max_length) + " bytes)";
    case domain::FieldType::integer: return "整数 whole number";
    case domain::FieldType::amount: return "金额 amount (万元, ≤ 4 decimals)";
    case domain::FieldType::decimal:
      return "数值 number (≤ 4 decimals, " + std::to_string(f.min) + "–" + std::to_string(f.max) + ")";
    case domain::FieldType::date: return "日期 date (YYYY-MM-DD)";
    case domain::FieldType::boolean: return "是/否 yes/no";
    case domain::FieldType::choice: return "选项 choice";
    case domain::FieldType::reference: return "引用 reference (" + f.references + ": id or natural key)";
    case domain::FieldType::credit_code: return "统一社会信用代码 credit code (18, GB 32100)";
    case domain::FieldType::region_code: return "行政区划代码 region code (GB/T 2260)";
    case domain::FieldType::industry_code: return "行业代码 industry code (GB/T 4754-2017)";
    case domain::FieldType::patent_number: return "专利申请号 patent application number (with check digit)";
  }
  return "";
}

}  // namespace

domain::Status write_registry_template(const domain::KindDef& kind, const std::filesystem::path& path,
                                       domain::HeaderLanguage headers) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return domain::Error{"template.create", "无法创建文件 / cannot create " + path.string()};
  lxw_worksheet* data = workbook_add_worksheet(wb, kind.name.substr(0, 31).c_str());
  lxw_worksheet* notes = workbook_add_worksheet(wb, "说明 Notes");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* required = workbook_add_format(wb);
  format_set_bold(required);
  format_set_font_color(required, LXW_COLOR_RED);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");  // codes stay text, never numbers in scientific notation

  const char* note_headers[] = {"列 column", "中文名", "English", "类型 type", "单位 unit", "必填 required", "可选值 allowed values"};
  for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(notes, 0, c, note_headers[c], bold);
  worksheet_set_column(notes, 0, 6, 22, nullptr);

  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    const auto& f = kind.fields[i];
    const auto col = static_cast<lxw_col_t>(i);
    worksheet_write_string(data, 0, col, domain::header_of(f, headers).c_str(), f.required ? required : bold);
    const bool is_text = f.type == domain::FieldType::text || f.type == domain::FieldType::credit_code ||
                         f.type == domain::FieldType::region_code || f.type == domain::FieldType::industry_code ||
                         f.type == domain::FieldType::patent_number ||
                         f.type == domain::FieldType::reference;
    worksheet_set_column(data, col, col, f.type == domain::FieldType::text ? 24 : 16, is_text ? text : nullptr);

    std::string allowed;
    std::vector<std::string> values;
    if (f.type == domain::FieldType::choice) {
      for (const auto& c : f.choices) {
        values.push_back(c.value);
        allowed += (allowed.empty() ? "" : "; ") + c.value + " = " + c.zh + " / " + c.en;
      }
    } else if (f.type == domain::FieldType::boolean) {
      values = {"true", "false"};
      allowed = "true = 是 / false = 否";
    }
    if (!values.empty()) {
      std::vector<char*> list;  // libxlsxwriter takes char** but only reads it
      for (auto& v : values) list.push_back(v.data());
      list.push_back(nullptr);
      lxw_data_validation validation{};
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = list.data();
      validation.ignore_blank = LXW_VALIDATION_ON;
      worksheet_data_validation_range(data, 1, col, LXW_ROW_MAX - 1, col, &validation);
    }
    const auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(notes, row, 0, f.name.c_str(), nullptr);
    worksheet_write_string(notes, row, 1, f.zh.c_str(), nullptr);
    worksheet_write_string(notes, row, 2, f.en.c_str(), nullptr);
    worksheet_write_string(notes, row, 3, type_label(f).c_str(), nullptr);
    worksheet_write_string(notes, row, 4, f.unit.c_str(), nullptr);
    worksheet_write_string(notes, row, 5, f.required ? "是 yes" : "", nullptr);
    worksheet_write_string(notes, row, 6, allowed.c_str(), nullptr);
  }
  worksheet_freeze_panes(data, 1, 0);
  if (workbook_close(wb) != LXW_NO_ERROR) {
    return domain::Error{"template.write", "写入模板失败 / could not write " + path.string()};
  }
  return domain::ok();
}

}  // namespace kc::io
