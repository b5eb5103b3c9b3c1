#include "app/registry/import/registry_import_source.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>

#include "crypto/crypto.hpp"
#include "io/text_encoding.hpp"
#include "io/xlsx_reader.hpp"

namespace kc::app {

using domain::Error;
using domain::Result;

namespace {

constexpr std::size_t kChunk = 1u << 20;

std::string size_text(std::size_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

Error too_large(std::size_t size, std::size_t max_bytes) {
  return Error{"import.too_large", "文件有 " + std::to_string(size) + " 字节，超过上限 " +
                                       size_text(max_bytes) + " / the file has " +
                                       std::to_string(size) + " bytes, more than the limit of " +
                                       size_text(max_bytes)};
}

Error read_failed(const std::string& path) {
  return Error{"file.read", "读取文件失败 / reading the file failed: " + path};
}

// Where a chunk may be cut for UTF-8 validation: before a trailing sequence the next chunk
// completes.
std::size_t complete_prefix(const unsigned char* p, std::size_t n) {
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    const unsigned char c = p[n - back];
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back for the lead
    const std::size_t len = c < 0x80             ? 1
                            : (c & 0xE0) == 0xC0 ? 2
                            : (c & 0xF0) == 0xE0 ? 3
                            : (c & 0xF8) == 0xF0 ? 4
                                                 : 1;
    return len > back ? n - back : n;
  }
  return n;
}

}  // namespace

struct ImportSource::State {
  std::string format;
  bool from_xlsx = false;
  std::vector<std::string> header;
  std::size_t max_rows = 0;

  std::string path;
  std::FILE* file = nullptr;
  std::string owned;        // a file read whole
  std::string decoded;      // GB18030 or UTF-16 converted to UTF-8
  std::string_view hashed;  // the bytes sha256() covers, for sources in memory
  std::string sha256;       // already computed while scanning a streamed file
  std::optional<io::CsvReader> csv;
  std::vector<std::vector<std::string>> xlsx_rows;
  std::size_t xlsx_next = 0;

  std::size_t rows = 0;
  std::size_t pending_empty = 0;  // all-empty rows not yet known to be followed by data
  bool held = false;              // held_cells is the row after those
  std::vector<std::string> held_cells;

  ~State() {
    if (file) std::fclose(file);
  }

  Result<bool> raw_next(std::vector<std::string>& cells);
  Result<bool> emit();
};

Result<bool> ImportSource::State::raw_next(std::vector<std::string>& cells) {
  if (from_xlsx) {
    if (xlsx_next >= xlsx_rows.size()) return false;
    cells.swap(xlsx_rows[xlsx_next]);
    std::vector<std::string>().swap(xlsx_rows[xlsx_next++]);  // free rows as they are used
    return true;
  }
  for (;;) {
    auto more = csv->next(cells);
    if (!more) return more.error();
    if (!more.value()) {
      if (file && std::ferror(file)) return read_failed(path);
      return false;
    }
    // A line with one empty field is a blank line, not a record.
    if (cells.size() == 1 && cells[0].empty()) continue;
    if (cells.size() != header.size()) {
      const std::string line = std::to_string(csv->line());
      return Error{"csv.syntax", "CSV 第 " + line + " 行 / line " + line + ": " +
                                     std::to_string(cells.size()) + " fields, but the header has " +
                                     std::to_string(header.size())};
    }
    return true;
  }
}

Result<bool> ImportSource::State::emit() {
  if (++rows > max_rows) {
    return Error{"import.too_many_rows", "超过 " + std::to_string(max_rows) + " 行 / more than " +
                                             std::to_string(max_rows) + " rows"};
  }
  return true;
}

Result<bool> ImportSource::next(std::vector<std::string>& cells) {
  auto& s = *s_;
  if (s.held) {
    if (s.pending_empty > 0) {
      --s.pending_empty;
      cells.clear();
      return s.emit();
    }
    cells.swap(s.held_cells);
    s.held = false;
    return s.emit();
  }
  for (;;) {
    auto more = s.raw_next(cells);
    if (!more || !more.value()) return more;  // at the end, pending empty rows are dropped
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) {
      ++s.pending_empty;
      continue;
    }
    if (s.pending_empty == 0) return s.emit();
    // Empty rows followed by data are rows of the file: hand them out first.
    s.held_cells.swap(cells);
    s.held = true;
    --s.pending_empty;
    cells.clear();
    return s.emit();
  }
}

namespace {

// Sets up `s` to read `bytes` (in memory, outliving `s`): XLSX, or CSV in whatever encoding.
domain::Status open_bytes(ImportSource::State& s, std::string_view bytes, std::size_t max_bytes) {
  if (bytes.size() > max_bytes) return too_large(bytes.size(), max_bytes);
  if (bytes.empty()) return Error{"import.empty", "文件为空 / the file is empty"};
  if (bytes.starts_with("PK\x03\x04")) {
    io::XlsxReadOptions options;
    options.limits.max_file_bytes = max_bytes;
    options.limits.max_rows = s.max_rows + 1;
    options.limits.max_cells = kMaxImportXlsxCells;
    auto sheet = io::read_xlsx(bytes, options);
    if (!sheet) return sheet.error();
    s.format = "xlsx";
    s.from_xlsx = true;
    s.xlsx_rows = std::move(sheet->rows);
    if (s.xlsx_rows.empty())
      return Error{"import.no_header", "缺少表头行 / the sheet has no header row"};
    s.header = std::move(s.xlsx_rows.front());
    s.xlsx_next = 1;
    return domain::ok();
  }
  std::string_view text = bytes;  // valid UTF-8 is parsed where it lies, without a copy
  io::TextEncoding encoding = io::TextEncoding::utf8;
  if (io::first_invalid_utf8(bytes) != std::string_view::npos) {
    auto decoded = io::decode_to_utf8(bytes);
    if (!decoded) return decoded.error();
    s.decoded = std::move(decoded->utf8);
    encoding = decoded->source;
    text = s.decoded;
  }
  s.format = "csv (" + std::string(io::text_encoding_name(encoding)) + ")";
  s.csv.emplace(text);
  auto header = s.csv->next(s.header);
  if (!header) return header.error();
  if (!header.value()) return Error{"csv.empty", "CSV 文件为空 / the CSV file is empty"};
  return domain::ok();
}

}  // namespace

ImportSource::ImportSource(std::unique_ptr<State> state) : s_(std::move(state)) {}
ImportSource::ImportSource(ImportSource&&) noexcept = default;
ImportSource& ImportSource::operator=(ImportSource&&) noexcept = default;
ImportSource::~ImportSource() = default;

Result<ImportSource> ImportSource::from_bytes(std::string_view bytes, std::size_t max_bytes,
                                              std::size_t max_rows) {
  auto s = std::make_unique<State>();
  s->max_rows = max_rows;
  s->hashed = bytes;
  if (auto st = open_bytes(*s, bytes, max_bytes); !st) return st.error();
  return ImportSource(std::move(s));
}

Result<ImportSource> ImportSource::from_file(const std::string& path, std::size_t max_bytes,
                                             std::size_t max_rows) {
  auto s = std::make_unique<State>();
  s->max_rows = max_rows;
  s->path = path;
  s->file = std::fopen(path.c_str(), "rb");
  if (!s->file) return Error{"file.open", "无法打开文件 / cannot open file: " + path};
  struct stat st {};
  if (::fstat(::fileno(s->file), &st) != 0) return read_failed(path);
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) return too_large(size, max_bytes);
  if (size == 0) return Error{"import.empty", "文件为空 / the file is empty"};

  // One pass over the bytes: the SHA-256 for the audit record and whether it is all UTF-8 (only
  // then can it be parsed as it streams by; anything else is converted whole).
  crypto_hash_sha256_state hash;
  crypto_hash_sha256_init(&hash);
  std::vector<unsigned char> chunk(kChunk + 4);
  std::size_t carried = 0, total = 0;
  bool utf8 = true, xlsx = false;
  for (;;) {
    const std::size_t got = std::fread(chunk.data() + carried, 1, kChunk, s->file);
    if (got == 0) {
      if (std::ferror(s->file)) return read_failed(path);
      if (carried > 0) utf8 = false;  // the file ends inside a multibyte sequence
      break;
    }
    if (total == 0 && got >= 4 && std::equal(chunk.begin(), chunk.begin() + 4, "PK\x03\x04"))
      xlsx = true;
    total += got;
    if (total > max_bytes) return too_large(total, max_bytes);  // it grew since fstat
    crypto_hash_sha256_update(&hash, chunk.data() + carried, got);
    if (!utf8 || xlsx) {
      carried = 0;
      continue;
    }
    const std::size_t n = carried + got;
    const std::size_t cut = complete_prefix(chunk.data(), n);
    if (io::first_invalid_utf8(std::string_view(reinterpret_cast<const char*>(chunk.data()),
                                                cut)) != std::string_view::npos) {
      utf8 = false;
      carried = 0;
      continue;
    }
    std::copy(chunk.begin() + static_cast<std::ptrdiff_t>(cut),
              chunk.begin() + static_cast<std::ptrdiff_t>(n), chunk.begin());
    carried = n - cut;
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  s->sha256 = hex;
  std::vector<unsigned char>().swap(chunk);
  std::rewind(s->file);

  if (xlsx || !utf8) {
    s->owned.resize(total);
    if (std::fread(s->owned.data(), 1, total, s->file) != total) return read_failed(path);
    std::fclose(s->file);
    s->file = nullptr;
    if (auto st = open_bytes(*s, s->owned, max_bytes); !st) return st.error();
    return ImportSource(std::move(s));
  }
  s->format = "csv (UTF-8)";
  s->csv.emplace(
      [file = s->file](char* buffer, std::size_t capacity) {
        return std::fread(buffer, 1, capacity, file);
      },
      kChunk);
  auto header = s->csv->next(s->header);
  if (!header) return header.error();
  if (!header.value()) return Error{"csv.empty", "CSV 文件为空 / the CSV file is empty"};
  return ImportSource(std::move(s));
}

const std::string& ImportSource::format() const { return s_->format; }
bool ImportSource::from_xlsx() const { return s_->from_xlsx; }
const std::vector<std::string>& ImportSource::header() const { return s_->header; }
std::size_t ImportSource::row_number() const { return s_->rows + 1; }
std::size_t ImportSource::rows() const { return s_->rows; }

std::string ImportSource::sha256() const {
  if (!s_->sha256.empty()) return s_->sha256;
  return crypto::sha256_hex(s_->hashed);
}

}  // namespace kc::app
