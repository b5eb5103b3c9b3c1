// A download of data the bureau holds (cultivation lists, index workbooks) is an export: recorded
// in the audit log (app/audit/export_audit.hpp) when the file is handed out, never when it failed.
#pragma once

#include "app/audit/export_audit.hpp"
#include "http/api.hpp"

namespace kc::http {

inline Response audited(Services& s, const Exchange& ex, const app::ExportTrace& trace, Response response) {
  if (response.result() == beast_http::status::ok) app::record_export(s.db, ex.actor, trace);
  return response;
}

}  // namespace kc::http
