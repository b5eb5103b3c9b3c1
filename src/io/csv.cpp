#include "io/csv.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kc::io {

namespace {
domain::Error csv_error(std::size_t line, std::string what) {
  return domain::Error{"csv.syntax", "CSV 第 " + std::to_string(line) + " 行 / line " +
                                         std::to_string(line) + ": " + std::move(what)};
}
domain::Error too_many_fields(std::size_t line, std::size_t limit) {
  domain::Error e{"csv.too_many_fields",
                  "CSV 第 " + std::to_string(line) + " 行字段超过 " + std::to_string(limit) +
                      " 个 / line " + std::to_string(line) + " has more than " +
                      std::to_string(limit) + " fields"};
  e.params = {{"limit", static_cast<std::int64_t>(limit)},
              {"fields", static_cast<std::int64_t>(limit + 1)},
              {"line", static_cast<std::int64_t>(line)}};
  return e;
}
}  // namespace

CsvReader::CsvReader(std::string_view text, std::size_t max_fields)
    : text_(text), max_fields_(max_fields) {}

CsvReader::CsvReader(Pull pull, std::size_t chunk_bytes, std::size_t max_fields)
    : at_end_(false),
      pull_(std::move(pull)),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 64)),
      max_fields_(max_fields) {}

bool CsvReader::refill() {
  if (at_end_) return false;
  // Keep the unconsumed bytes (a record cut by the chunk boundary) and append the next chunk.
  const std::size_t keep = text_.size() - pos_;
  if (keep > 0 && pos_ > 0) std::memmove(buffer_.data(), text_.data() + pos_, keep);
  pos_ = 0;
  if (buffer_.size() < keep + chunk_bytes_) buffer_.resize(keep + chunk_bytes_);
  const std::size_t got = pull_(buffer_.data() + keep, buffer_.size() - keep);
  if (got == 0) at_end_ = true;
  text_ = std::string_view(buffer_.data(), keep + got);
  return true;
}

CsvReader::Parsed CsvReader::parse(std::vector<std::string>& fields, domain::Error& error) {
  const std::string_view t = text_;
  const std::size_t n = t.size();
  std::size_t i = pos_, line = line_, count = 0;
  // Reuses the strings already in `fields`, so steady-state reading allocates nothing.
  auto next_field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    return f;
  };
  for (;;) {
    // Refused before the field is allocated: a row of a million commas costs nothing.
    if (count == max_fields_) {
      error = too_many_fields(line_, max_fields_);
      return Parsed::error;
    }
    std::string& field = next_field();
    if (i < n && t[i] == '"') {
      const std::size_t quote_line = line;
      ++i;
      bool closed = false;
      while (i < n) {
        std::size_t q = t.find('"', i);
        const std::size_t stop = q == std::string_view::npos ? n : q;
        line += static_cast<std::size_t>(std::count(t.begin() + static_cast<std::ptrdiff_t>(i),
                                                    t.begin() + static_cast<std::ptrdiff_t>(stop),
                                                    '\n'));
        field.append(t.data() + i, stop - i);
        i = stop;
        if (i == n) break;
        if (i + 1 < n && t[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (i + 1 >= n && !at_end_) return Parsed::need_more;  // "" or the closing quote?
        ++i;
        closed = true;
        break;
      }
      if (!closed) {
        if (!at_end_) return Parsed::need_more;
        error = csv_error(quote_line, "quoted field is never closed");
        return Parsed::error;
      }
      if (i < n && t[i] != ',' && t[i] != '\n' && t[i] != '\r') {
        error = csv_error(line, "unexpected character after a closing quote");
        return Parsed::error;
      }
    } else {
      std::size_t j = i;
      while (j < n && t[j] != ',' && t[j] != '\n' && t[j] != '\r' && t[j] != '"') ++j;
      if (j < n && t[j] == '"') {
        error = csv_error(line, "quote inside an unquoted field");
        return Parsed::error;
      }
      field.assign(t.data() + i, j - i);
      i = j;
    }
    if (i >= n) {
      if (!at_end_) return Parsed::need_more;
      break;
    }
    if (t[i] == ',') {
      ++i;
      if (i >= n) {
        if (!at_end_) return Parsed::need_more;
        if (count == max_fields_) {
          error = too_many_fields(line_, max_fields_);
          return Parsed::error;
        }
        next_field();  // "a," at the very end: a last, empty field
        break;
      }
      continue;
    }
    if (t[i] == '\r') {
      if (i + 1 >= n && !at_end_) return Parsed::need_more;  // is a \n next?
      ++i;
    }
    if (i < n && t[i] == '\n') ++i;
    ++line;
    break;
  }
  fields.resize(count);
  record_line_ = line_;
  pos_ = i;
  line_ = line;
  return Parsed::record;
}

domain::Result<bool> CsvReader::next(std::vector<std::string>& fields) {
  if (!bom_checked_) {
    while (text_.size() - pos_ < 3 && refill()) {
    }
    if (text_.substr(pos_, 3) == "\xEF\xBB\xBF") pos_ += 3;
    bom_checked_ = true;
  }
  for (;;) {
    if (pos_ >= text_.size()) {
      if (!refill()) return false;
      continue;
    }
    domain::Error error;
    switch (parse(fields, error)) {
      case Parsed::record:
        return true;
      case Parsed::error:
        return error;
      case Parsed::need_more:
        if (text_.size() - pos_ >= kMaxStreamedRecordBytes) {
          return csv_error(line_, "record longer than " +
                                      std::to_string(kMaxStreamedRecordBytes >> 20) +
                                      " MiB (is a quote never closed?)");
        }
        refill();
        break;
    }
  }
}

domain::Result<std::vector<CsvRecord>> parse_csv(std::string_view text, const CsvLimits& limits) {
  std::vector<CsvRecord> records;
  CsvReader reader(text, limits.max_fields);
  std::vector<std::string> fields;
  std::uint64_t cells = 0;
  for (;;) {
    auto more = reader.next(fields);
    if (!more) return more.error();
    if (!more.value()) break;
    cells += fields.size();
    if (cells > limits.max_cells) {
      domain::Error e{"csv.too_many_cells",
                      "CSV 超过 " + std::to_string(limits.max_cells) + " 个单元格（至第 " +
                          std::to_string(reader.line()) + " 行已有 " + std::to_string(cells) +
                          " 个） / the CSV has more than " + std::to_string(limits.max_cells) +
                          " cells (" + std::to_string(cells) + " by line " +
                          std::to_string(reader.line()) + ")"};
      e.params = {{"limit", static_cast<std::int64_t>(limits.max_cells)},
                  {"cells", static_cast<std::int64_t>(cells)}};
      return e;
    }
    records.push_back(CsvRecord{fields, reader.line()});
  }
  return records;
}

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

domain::Result<CsvTable> parse_csv_table(std::string_view text, const CsvLimits& limits) {
  auto recs = parse_csv(text, limits);
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
