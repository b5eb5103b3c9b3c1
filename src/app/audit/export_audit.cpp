#include "app/audit/export_audit.hpp"

#include "app/audit/audit_log.hpp"

namespace kc::app {

void record_export(store::Database& db, const Actor& actor, const ExportTrace& trace) {
  boost::json::object detail{{"format", trace.format}, {"filter", trace.filter}, {"rows", trace.rows}};
  auto conn = db.acquire();
  store::in_transaction(*conn, [&] {
    append_audit(*conn, actor, trace.what + ".export", trace.what, "", std::nullopt, boost::json::value(detail));
  });
}

}  // namespace kc::app
