#include "io/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <system_error>

namespace kc::io {
namespace {

using kc::domain::Error;
using kc::domain::Result;

Error fail(std::string code, const std::string& zh, const std::string& en) {
  return Error{"xlsx." + std::move(code), zh + " / " + en};
}

// A limit the file passed: the message and the params name the limit and what the file reached.
Error over_limit(std::string code, const std::string& zh, const std::string& en,
                 std::uint64_t limit, const char* reached_name, std::uint64_t reached) {
  Error e = fail(std::move(code), zh, en);
  e.params = {{"limit", static_cast<std::int64_t>(limit)},
              {reached_name, static_cast<std::int64_t>(reached)}};
  return e;
}

// Sizes in messages: exact bytes when small, else KiB or MiB (units read the same in both languages).
std::string mib(std::uint64_t bytes) {
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes / (1024 * 1024)) + "." +
         std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) + " MiB";
}

// ---- the zip container -------------------------------------------------------------------------

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read-only: never write anything back
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class Archive {
 public:
  // Opens the zip from memory and checks every limit that the central directory can tell.
  static Result<Archive> open(std::string_view bytes, const XlsxLimits& limits) {
    if (bytes.empty()) return fail("empty", "文件为空", "the file is empty");
    if (bytes.size() > limits.max_file_bytes)
      return fail(
          "file_too_large",
          "文件过大（" + mib(bytes.size()) + "，上限" + mib(limits.max_file_bytes) + "）",
          "file too large (" + mib(bytes.size()) + ", limit " + mib(limits.max_file_bytes) + ")");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) {
      zip_error_fini(&error);
      return fail("not_zip", "无法读取文件", "cannot read the file");
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (z == nullptr) {
      std::string why = zip_error_strerror(&error);
      zip_source_free(src);
      zip_error_fini(&error);
      return fail("not_zip", "不是有效的xlsx文件（zip结构损坏：" + why + "）",
                  "not a valid .xlsx file (broken zip: " + why + ")");
    }
    zip_error_fini(&error);
    Archive archive(z, limits);
    if (auto status = archive.check_directory(); !status) return status.error();
    return archive;
  }

  // The uncompressed bytes of a part, or nullopt when the part does not exist.
  Result<std::optional<std::string>> read(const std::string& name) {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<std::string>();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0)
      return fail("bad_zip", "无法读取部件" + name, "cannot stat part " + name);
    const std::uint64_t declared = st.size;
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      std::string why = zip_error_strerror(zip_get_error(zip_.get()));
      return fail("bad_zip", "无法打开部件" + name + "：" + why,
                  "cannot open part " + name + ": " + why);
    }
    // Inflate in chunks and stop as soon as the data outgrows what the directory declared: the
    // declared size is what the limits were checked against.
    std::string out;
    out.reserve(static_cast<std::size_t>(
        std::min<std::uint64_t>(declared, 8u << 20)));  // grow if it is real
    char buffer[64 * 1024];
    for (;;) {
      zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) {
        std::string why = zip_error_strerror(zip_file_get_error(file.get()));
        return fail("bad_zip", "部件" + name + "解压失败：" + why,
                    "part " + name + " does not inflate: " + why);
      }
      if (n == 0) break;
      if (out.size() + static_cast<std::uint64_t>(n) > declared)
        return fail(
            "size_mismatch", "部件" + name + "解压后超过声明的大小，文件可能被篡改",
            "part " + name + " inflates beyond its declared size; the file looks tampered with");
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return std::optional<std::string>(std::move(out));
  }

 private:
  Archive(zip_t* z, const XlsxLimits& limits) : zip_(z), limits_(limits) {}

  kc::domain::Status check_directory() {
    zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
    if (count < 0) return fail("bad_zip", "zip目录无法读取", "unreadable zip directory");
    if (static_cast<std::uint64_t>(count) > limits_.max_entries)
      return fail("too_many_entries",
                  "压缩包内文件过多（" + std::to_string(count) + "个，上限" +
                      std::to_string(limits_.max_entries) + "）",
                  "too many entries in the zip (" + std::to_string(count) + ", limit " +
                      std::to_string(limits_.max_entries) + ")");
    std::uint64_t total = 0;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(zip_.get(), i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
          !(st.valid & ZIP_STAT_COMP_SIZE))
        return fail("bad_zip", "zip目录第" + std::to_string(i + 1) + "项无法读取",
                    "zip directory entry " + std::to_string(i + 1) + " is unreadable");
      std::string name =
          (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "#" + std::to_string(i + 1);
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return fail("encrypted", "文件已加密（" + name + "），请另存为未加密的xlsx",
                    "the workbook is encrypted (" + name + "); save it without a password");
      if (st.size > limits_.max_entry_bytes)
        return fail("entry_too_large",
                    "部件" + name + "解压后过大（" + mib(st.size) + "，上限" +
                        mib(limits_.max_entry_bytes) + "）",
                    "part " + name + " is too large uncompressed (" + mib(st.size) + ", limit " +
                        mib(limits_.max_entry_bytes) + ")");
      total += st.size;
      if (total > limits_.max_total_bytes)
        return fail("total_too_large", "文件解压后总大小超过上限" + mib(limits_.max_total_bytes),
                    "the workbook expands to more than " + mib(limits_.max_total_bytes));
      if (st.size > limits_.ratio_floor_bytes) {
        double ratio = st.comp_size == 0
                           ? 1e18
                           : static_cast<double>(st.size) / static_cast<double>(st.comp_size);
        if (ratio > limits_.max_ratio)
          return fail("ratio",
                      "部件" + name + "压缩比异常（" +
                          std::to_string(static_cast<long long>(ratio)) + "倍），疑似压缩炸弹",
                      "part " + name + " has a suspicious compression ratio (" +
                          std::to_string(static_cast<long long>(ratio)) +
                          ":1), refusing a possible zip bomb");
      }
    }
    return kc::domain::ok();
  }

  std::unique_ptr<zip_t, ZipCloser> zip_;
  XlsxLimits limits_;
};

// ---- OOXML parts -------------------------------------------------------------------------------

// Element and attribute names compared without their namespace prefix: some writers use "x:row".
std::string_view local(const char* name) {
  std::string_view s(name);
  auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node n : parent.children())
    if (n.type() == pugi::node_element && local(n.name()) == name) return n;
  return {};
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes())
    if (local(a.name()) == name) return a;
  return {};
}

// Start tags in XML text: every element the parsed tree would hold has one ("<" not followed by
// "/", "?" or "!"). Counting them costs one pass over bytes already in memory; parsing them first
// would cost the tree the limit is there to prevent.
std::uint64_t count_elements(std::string_view text) {
  std::uint64_t n = 0;
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (i + 1 < text.size() && text[i + 1] != '/' && text[i + 1] != '?' && text[i + 1] != '!') ++n;
  }
  return n;
}

Result<std::unique_ptr<pugi::xml_document>> parse_xml(std::string& text, const std::string& part,
                                                      std::uint64_t max_nodes) {
  if (const std::uint64_t nodes = count_elements(text); nodes > max_nodes)
    return over_limit("too_many_nodes",
                      "部件" + part + "有" + std::to_string(nodes) + "个XML元素，超过上限" +
                          std::to_string(max_nodes),
                      "part " + part + " has " + std::to_string(nodes) +
                          " XML elements, more than the limit of " + std::to_string(max_nodes),
                      max_nodes, "nodes", nodes);
  auto doc = std::make_unique<pugi::xml_document>();
  pugi::xml_parse_result r = doc->load_buffer_inplace(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r)
    return fail("bad_xml",
                "部件" + part + "不是有效的XML（偏移" + std::to_string(r.offset) + "：" +
                    r.description() + "）",
                "part " + part + " is not valid XML (offset " + std::to_string(r.offset) + ": " +
                    r.description() + ")");
  return doc;
}

// Resolves a relationship target against the folder of the part that owns the relationship.
std::string resolve(const std::string& base_dir, std::string_view target) {
  std::string path = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                         : base_dir + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    std::string seg =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dir_of(const std::string& part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// OOXML writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return).
std::string unescape_ooxml(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  auto hex = [](char c) -> int {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_' &&
        hex(s[i + 2]) >= 0 && hex(s[i + 3]) >= 0 && hex(s[i + 4]) >= 0 && hex(s[i + 5]) >= 0) {
      unsigned cp = static_cast<unsigned>(hex(s[i + 2]) << 12 | hex(s[i + 3]) << 8 |
                                          hex(s[i + 4]) << 4 | hex(s[i + 5]));
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      i += 7;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

// The text of an <si> or <is>: a plain <t>, or the <t> of each rich-text run <r>. Phonetic
// guides (<rPh>) are annotations, not cell text, and are skipped.
std::string string_item_text(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node n : item.children()) {
    if (n.type() != pugi::node_element) continue;
    auto name = local(n.name());
    if (name == "t")
      text += n.child_value();
    else if (name == "r")
      text += child(n, "t").child_value();
  }
  return unescape_ooxml(text);
}

struct Workbook {
  struct SheetRef {
    std::string name;
    std::string part;
  };
  std::vector<SheetRef> sheets;
  std::string shared_strings_part;  // empty when the workbook has none
};

Result<std::string> require(Archive& zip, const std::string& part) {
  auto data = zip.read(part);
  if (!data) return data.error();
  if (!data.value())
    return fail("missing_part", "缺少部件" + part + "，不是有效的xlsx工作簿",
                "part " + part + " is missing; not an xlsx workbook");
  return std::move(*data.value());
}

Result<Workbook> read_workbook(Archive& zip, const XlsxLimits& limits) {
  // _rels/.rels names the workbook part; "xl/workbook.xml" is where every writer puts it.
  std::string workbook_part = "xl/workbook.xml";
  auto root_rels = zip.read("_rels/.rels");
  if (!root_rels) return root_rels.error();
  if (root_rels.value()) {
    auto doc = parse_xml(*root_rels.value(), "_rels/.rels", limits.max_nodes);
    if (!doc) return doc.error();
    for (pugi::xml_node rel : child(*doc.value(), "Relationships").children()) {
      std::string_view type = attribute(rel, "Type").value();
      if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument")
        workbook_part = resolve("", attribute(rel, "Target").value());
    }
  }
  auto wb_text = require(zip, workbook_part);
  if (!wb_text) return wb_text.error();
  auto wb = parse_xml(wb_text.value(), workbook_part, limits.max_nodes);
  if (!wb) return wb.error();

  const std::string rels_part = dir_of(workbook_part) + "_rels/" +
                                workbook_part.substr(dir_of(workbook_part).size()) + ".rels";
  auto rels_text = require(zip, rels_part);
  if (!rels_text) return rels_text.error();
  auto rels = parse_xml(rels_text.value(), rels_part, limits.max_nodes);
  if (!rels) return rels.error();

  Workbook out;
  std::vector<std::pair<std::string, std::string>> targets;  // relationship id → part
  for (pugi::xml_node rel : child(*rels.value(), "Relationships").children()) {
    std::string_view type = attribute(rel, "Type").value();
    std::string part = resolve(dir_of(workbook_part), attribute(rel, "Target").value());
    if (type.size() >= 14 && type.substr(type.size() - 14) == "/sharedStrings")
      out.shared_strings_part = part;
    targets.emplace_back(attribute(rel, "Id").value(), std::move(part));
  }
  for (pugi::xml_node sheet : child(child(*wb.value(), "workbook"), "sheets").children()) {
    if (sheet.type() != pugi::node_element || local(sheet.name()) != "sheet") continue;
    std::string id = attribute(sheet, "id").value();
    std::string name = attribute(sheet, "name").value();
    auto it =
        std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.first == id; });
    if (it == targets.end())
      return fail("missing_part", "工作表“" + name + "”没有对应的部件",
                  "sheet '" + name + "' has no part");
    out.sheets.push_back({name, it->second});
  }
  if (out.sheets.empty())
    return fail("no_sheet", "工作簿中没有工作表", "the workbook has no sheets");
  return out;
}

// Bytes of cell text held so far (the shared strings, then every cell's text), against the limit.
struct TextBudget {
  std::uint64_t limit = 0;
  std::uint64_t used = 0;
  // false when `bytes` more would pass the limit; `used` then says how far the file reached.
  bool take(std::uint64_t bytes) {
    used += bytes;
    return used <= limit;
  }
  Error error(const std::string& where_zh, const std::string& where_en) const {
    return over_limit("too_much_text",
                      where_zh + "的文本超过" + mib(limit) + "（已达" + mib(used) + "）",
                      where_en + " holds more than " + mib(limit) + " of text (reached " +
                          mib(used) + ")",
                      limit, "bytes", used);
  }
};

Result<std::vector<std::string>> read_shared_strings(Archive& zip, const std::string& part,
                                                     const XlsxLimits& limits, TextBudget& budget) {
  std::vector<std::string> strings;
  if (part.empty()) return strings;
  auto text = zip.read(part);
  if (!text) return text.error();
  if (!text.value()) return strings;
  auto doc = parse_xml(*text.value(), part, limits.max_nodes);
  if (!doc) return doc.error();
  for (pugi::xml_node si : child(*doc.value(), "sst").children())
    if (si.type() == pugi::node_element && local(si.name()) == "si") {
      strings.push_back(string_item_text(si));
      if (!budget.take(strings.back().size())) return budget.error("共享字符串表", "the shared strings");
    }
  return strings;
}

std::string row_label(std::size_t row) { return std::to_string(row + 1); }

std::string cell_name(std::size_t row, std::size_t col) {
  std::string letters;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + row_label(row);
}

Result<std::vector<std::vector<std::string>>> read_cells(pugi::xml_node sheet_data,
                                                         const std::vector<std::string>& shared,
                                                         const XlsxLimits& limits,
                                                         TextBudget& budget,
                                                         const std::string& sheet) {
  std::vector<std::vector<std::string>> rows;
  // Padded cells = rows × widest row, checked before a row or a wider row is allocated. Both
  // factors are bounded (max_rows, max_columns), so the product fits in 64 bits.
  std::uint64_t widest = 0;
  auto too_many_cells = [&](std::uint64_t reached) {
    return over_limit(
        "too_many_cells",
        "工作表“" + sheet + "”按最宽行补齐后有" + std::to_string(reached) + "个单元格，超过上限" +
            std::to_string(limits.max_cells),
        "sheet '" + sheet + "' padded to its widest row has " + std::to_string(reached) +
            " cells, more than the limit of " + std::to_string(limits.max_cells),
        limits.max_cells, "cells", reached);
  };
  std::size_t next_row = 0;  // 0-based index the next <row> gets without an r attribute
  for (pugi::xml_node row : sheet_data.children()) {
    if (row.type() != pugi::node_element || local(row.name()) != "row") continue;
    std::size_t r = next_row;
    if (auto attr = attribute(row, "r")) {
      unsigned long long v = attr.as_ullong(0);
      if (v == 0)
        return fail("bad_cell", "工作表“" + sheet + "”中行号“" + attr.value() + "”无效",
                    "sheet '" + sheet + "': invalid row number '" + attr.value() + "'");
      if (v > limits.max_rows)
        return fail(
            "too_many_rows", "工作表“" + sheet + "”超过" + std::to_string(limits.max_rows) + "行",
            "sheet '" + sheet + "' has more than " + std::to_string(limits.max_rows) + " rows");
      r = static_cast<std::size_t>(v - 1);
    }
    if (r < next_row)
      return fail("bad_cell", "工作表“" + sheet + "”中第" + row_label(r) + "行重复或顺序错乱",
                  "sheet '" + sheet + "': row " + row_label(r) + " is out of order or repeated");
    if (r >= limits.max_rows)
      return fail(
          "too_many_rows", "工作表“" + sheet + "”超过" + std::to_string(limits.max_rows) + "行",
          "sheet '" + sheet + "' has more than " + std::to_string(limits.max_rows) + " rows");
    next_row = r + 1;
    if (const std::uint64_t padded = static_cast<std::uint64_t>(r + 1) * widest;
        padded > limits.max_cells)
      return too_many_cells(padded);
    rows.resize(r + 1);
    std::vector<std::string>& cells = rows[r];

    std::size_t next_col = 0;
    for (pugi::xml_node c : row.children()) {
      if (c.type() != pugi::node_element || local(c.name()) != "c") continue;
      std::size_t col = next_col;
      if (auto ref = attribute(c, "r")) {
        std::string_view text = ref.value();
        std::size_t letters = 0;
        while (letters < text.size() && text[letters] >= 'A' && text[letters] <= 'Z') ++letters;
        auto idx = column_index(text.substr(0, letters));
        if (!idx || letters == text.size() ||
            text.substr(letters).find_first_not_of("0123456789") != std::string_view::npos)
          return fail("bad_cell",
                      "工作表“" + sheet + "”第" + row_label(r) + "行有无效的单元格引用“" +
                          std::string(text) + "”",
                      "sheet '" + sheet + "' row " + row_label(r) + ": invalid cell reference '" +
                          std::string(text) + "'");
        col = *idx;
      }
      if (col >= limits.max_columns)
        return fail("too_many_columns",
                    "工作表“" + sheet + "”超过" + std::to_string(limits.max_columns) + "列",
                    "sheet '" + sheet + "' has more than " + std::to_string(limits.max_columns) +
                        " columns");
      if (col < next_col)
        return fail(
            "bad_cell", "工作表“" + sheet + "”单元格" + cell_name(r, col) + "重复或顺序错乱",
            "sheet '" + sheet + "': cell " + cell_name(r, col) + " is out of order or repeated");
      next_col = col + 1;

      std::string_view type = attribute(c, "t").value();
      std::string value;
      if (type == "inlineStr") {
        value = string_item_text(child(c, "is"));
      } else {
        std::string_view v = child(c, "v").child_value();
        if (type == "s") {
          char* end = nullptr;
          std::string digits(v);
          unsigned long long index = std::strtoull(digits.c_str(), &end, 10);
          if (digits.empty() || *end != '\0' || index >= shared.size())
            return fail("bad_cell",
                        "工作表“" + sheet + "”单元格" + cell_name(r, col) +
                            "引用了不存在的共享字符串“" + digits + "”",
                        "sheet '" + sheet + "' cell " + cell_name(r, col) +
                            " refers to shared string '" + digits + "' but there are " +
                            std::to_string(shared.size()));
          if (!budget.take(shared[static_cast<std::size_t>(index)].size()))
            return budget.error("工作表“" + sheet + "”", "sheet '" + sheet + "'");
          value = shared[static_cast<std::size_t>(index)];
        } else if (type == "b") {
          value = v == "1" ? "TRUE" : v == "0" ? "FALSE" : std::string(v);
        } else {
          value = std::string(v);  // n (numbers, date serials), str (formula text), e (errors), d
        }
      }
      // Shared strings were counted as they were copied; every other text is new here.
      if (type != "s" && !budget.take(value.size()))
        return budget.error("工作表“" + sheet + "”", "sheet '" + sheet + "'");
      if (col >= cells.size()) {
        if (col + 1 > widest) {
          const std::uint64_t padded = static_cast<std::uint64_t>(r + 1) * (col + 1);
          if (padded > limits.max_cells) return too_many_cells(padded);
          widest = col + 1;
        }
        cells.resize(col + 1);
      }
      cells[col] = std::move(value);
    }
  }
  return rows;
}

}  // namespace

std::optional<std::size_t> column_index(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  std::size_t index = 0;
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return std::nullopt;
    index = index * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  return index - 1;
}

Result<std::vector<std::string>> list_xlsx_sheets(std::string_view bytes,
                                                  const XlsxLimits& limits) {
  auto zip = Archive::open(bytes, limits);
  if (!zip) return zip.error();
  auto wb = read_workbook(zip.value(), limits);
  if (!wb) return wb.error();
  std::vector<std::string> names;
  for (const auto& s : wb->sheets) names.push_back(s.name);
  return names;
}

Result<XlsxSheet> read_xlsx(std::string_view bytes, const XlsxReadOptions& options) {
  auto zip = Archive::open(bytes, options.limits);
  if (!zip) return zip.error();
  auto wb = read_workbook(zip.value(), options.limits);
  if (!wb) return wb.error();

  const Workbook::SheetRef* chosen = &wb->sheets.front();
  if (options.sheet_name) {
    chosen = nullptr;
    std::string names;
    for (const auto& s : wb->sheets) {
      if (s.name == *options.sheet_name) chosen = &s;
      names += (names.empty() ? "" : "、") + s.name;
    }
    if (!chosen)
      return fail("no_sheet",
                  "没有名为“" + *options.sheet_name + "”的工作表（现有：" + names + "）",
                  "no sheet named '" + *options.sheet_name + "' (the workbook has: " + names + ")");
  }

  TextBudget budget{options.limits.max_text_bytes};
  auto shared = read_shared_strings(zip.value(), wb->shared_strings_part, options.limits, budget);
  if (!shared) return shared.error();
  auto sheet_text = require(zip.value(), chosen->part);
  if (!sheet_text) return sheet_text.error();
  auto doc = parse_xml(sheet_text.value(), chosen->part, options.limits.max_nodes);
  if (!doc) return doc.error();
  pugi::xml_node worksheet = child(*doc.value(), "worksheet");
  if (!worksheet)
    return fail("no_sheet", "“" + chosen->name + "”不是普通工作表（可能是图表页）",
                "'" + chosen->name + "' is not a worksheet (perhaps a chart sheet)");
  auto rows = read_cells(child(worksheet, "sheetData"), shared.value(), options.limits, budget,
                         chosen->name);
  if (!rows) return rows.error();
  return XlsxSheet{chosen->name, std::move(rows.value())};
}

Result<XlsxSheet> read_xlsx_file(const std::filesystem::path& path,
                                 const XlsxReadOptions& options) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec)
    return fail("unreadable", "无法读取文件" + path.string() + "：" + ec.message(),
                "cannot read " + path.string() + ": " + ec.message());
  if (size > options.limits.max_file_bytes)
    return fail(
        "file_too_large",
        "文件过大（" + mib(size) + "，上限" + mib(options.limits.max_file_bytes) + "）",
        "file too large (" + mib(size) + ", limit " + mib(options.limits.max_file_bytes) + ")");
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
    return fail("unreadable", "无法读取文件" + path.string(), "cannot read " + path.string());
  return read_xlsx(bytes, options);
}

}  // namespace kc::io
