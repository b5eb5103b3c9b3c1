// Every export of data leaves a trace: who exported what, with which filter, how many rows, in which
// format. Recorded in the audit log (action `<what>.export`) after the file is written and before
// it is handed out; an export whose record cannot be written is not handed out.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "app/actor.hpp"
#include "store/database.hpp"

namespace kc::app {

struct ExportTrace {
  std::string what;             // a registry kind, "audit_log", "login_log", "cultivation", …
  std::string format;           // "csv" or "xlsx"
  boost::json::object filter;   // the request's filter, as given
  std::int64_t rows = 0;
};

void record_export(store::Database& db, const Actor& actor, const ExportTrace& trace);

}  // namespace kc::app
