// XLSX answers: a workbook written into a scratch file (libxlsxwriter writes to a path) and sent as
// an attachment. A failure to write it is a 500 naming why; nothing half-written is sent.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "domain/result.hpp"
#include "http/responses.hpp"
#include "http/scratch_file.hpp"
#include "io/xlsx_writer.hpp"

namespace kc::http {

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `write(path)` writes the workbook and returns a domain::Status.
template <class Write>
Response xlsx_download(const Request& req, const std::string& filename, Write&& write) {
  ScratchFile file;
  if (auto st = std::forward<Write>(write)(file.path()); !st) {
    return problem_response(req, {500, "internal", "Export failed", st.error().message, {}});
  }
  return download(req, file.read(), kXlsxType, filename);
}

// One sheet with a header row: `rows(writer)` writes the rows and returns a domain::Status.
template <class Rows>
Response xlsx_table(const Request& req, const std::string& filename, const std::string& sheet,
                    const std::vector<io::XlsxColumn>& columns, Rows&& rows) {
  return xlsx_download(req, filename, [&](const std::filesystem::path& path) -> domain::Status {
    auto writer = io::XlsxWriter::create(path, sheet, columns);
    if (!writer) return writer.error();
    if (auto st = std::forward<Rows>(rows)(writer.value()); !st) return st;
    return writer->close();
  });
}

}  // namespace kc::http
