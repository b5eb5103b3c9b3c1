#include "io/csv.hpp"

#include <fstream>
#include <sstream>

namespace kc::io {

namespace {
domain::Error csv_error(std::size_t line, std::string what) {
  return domain::Error{"csv.syntax", "CSV 第 " + std::to_string(line) + " 行 / line " +
                                         std::to_string(line) + ": " + std::move(what)};
}
}  // namespace

domain::Result<std::vector<CsvRecord>> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  std::size_t i = 0, line = 1;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      field.clear();
      if (i < n && text[i] == '"') {
        const std::size_t start_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (!closed) return csv_error(start_line, "quoted field is never closed");
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return csv_error(line, "unexpected character after a closing quote");
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') return csv_error(line, "quote inside an unquoted field");
          field += text[i++];
        }
      }
      rec.fields.push_back(field);
      if (i >= n) {
        end_of_record = true;
      } else if (text[i] == ',') {
        ++i;
        if (i >= n) {
          rec.fields.emplace_back();
          end_of_record = true;
        }
      } else {
        if (text[i] == '\r') ++i;
        if (i < n && text[i] == '\n') ++i;
        ++line;
        end_of_record = true;
      }
    }
    records.push_back(std::move(rec));
  }
  return records;
}

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

domain::Result<CsvTable> parse_csv_table(std::string_view text) {
  auto recs = parse_csv(text);
  if (!recs) return recs.error();
  auto& r = recs.value();
  if (r.empty()) return domain::Error{"csv.empty", "CSV 文件为空 / the CSV file is empty"};
  CsvTable t;
  t.header = std::move(r[0].fields);
  for (std::size_t k = 1; k < r.size(); ++k) {
    // A line with one empty field is a blank line, not a record.
    if (r[k].fields.size() == 1 && r[k].fields[0].empty()) continue;
    if (r[k].fields.size() != t.header.size())
      return csv_error(r[k].line, std::to_string(r[k].fields.size()) +
                                      " fields, but the header has " +
                                      std::to_string(t.header.size()));
    t.rows.push_back(std::move(r[k]));
  }
  return t;
}

domain::Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return domain::Error{"file.open", "无法打开文件 / cannot open file: " + path};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

domain::Status write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return domain::Error{"file.write", "无法写入文件 / cannot write file: " + path};
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) return domain::Error{"file.write", "写入失败 / write failed: " + path};
  return domain::ok();
}

std::string csv_field(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void append_csv_row(std::string& out, std::span<const std::string> fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += '\n';
}

}  // namespace kc::io
