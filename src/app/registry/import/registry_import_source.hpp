// The rows of a registry import file one at a time, whatever it came as — CSV in UTF-8 or
// GB18030 (or UTF-16 with a BOM), XLSX; bytes in memory (an upload) or a file on disk — so an
// import never holds every parsed row. A UTF-8 CSV on disk is streamed in chunks: memory does
// not grow with the file. XLSX, GB18030 and UTF-16 files are read whole (the XLSX reader and the
// iconv conversion work on the whole file).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "io/csv.hpp"

namespace kc::app {

// An XLSX is held whole while it is imported: its padded cells (rows × widest row) are capped here
// (io::XlsxLimits' text and XML-element caps keep their defaults). A CSV is read a row at a time,
// so only its fields per row are capped (io::CsvLimits, 16,384): its size does not make it costly.
inline constexpr std::size_t kMaxImportXlsxCells = 10'000'000;

class ImportSource {
 public:
  struct State;  // the implementation's, opaque here

  // `bytes` must outlive the source. Refused: larger than max_bytes, empty, not a table.
  static domain::Result<ImportSource> from_bytes(std::string_view bytes, std::size_t max_bytes,
                                                 std::size_t max_rows);
  // The size limit is checked before anything is read.
  static domain::Result<ImportSource> from_file(const std::string& path, std::size_t max_bytes,
                                                std::size_t max_rows);

  ImportSource(ImportSource&&) noexcept;
  ImportSource& operator=(ImportSource&&) noexcept;
  ~ImportSource();

  const std::string& format() const;  // "csv (UTF-8)", "csv (GB18030)", "xlsx"
  bool from_xlsx() const;
  const std::vector<std::string>& header() const;
  // SHA-256 (hex) of the file's bytes as given, for the import's audit record.
  std::string sha256() const;

  // The next data row into `cells`; false after the last. Blank CSV lines are skipped and
  // trailing all-empty rows (what spreadsheets leave behind) dropped, as before streaming.
  // Errors (a file-level refusal): CSV syntax, a row wider or narrower than the header, more
  // than max_rows rows.
  domain::Result<bool> next(std::vector<std::string>& cells);
  // The row number of the row last returned, as a spreadsheet shows it (the header is row 1).
  std::size_t row_number() const;
  std::size_t rows() const;  // data rows returned so far

 private:
  explicit ImportSource(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

}  // namespace kc::app
