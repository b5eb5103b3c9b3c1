// Exporting the records of a kind that match a list filter, as CSV or XLSX, fetched in batches
// so a large export never holds all rows in memory. References are written as the referenced
// record's natural key (a credit code), so an export imports again into another database. Headers
// are the fields' names, or their labels with units in Chinese or English (domain/field_headers),
// which the importer reads as well.
#pragma once

#include <filesystem>
#include <ostream>

#include "app/registry/registry_service.hpp"
#include "domain/field_headers.hpp"

namespace kc::app {

Status export_records_csv(store::Database& db, const Actor& actor, const domain::KindDef& kind,
                          RecordList filter, std::ostream& out,
                          domain::HeaderLanguage headers = domain::HeaderLanguage::names);
Status export_records_xlsx(store::Database& db, const Actor& actor, const domain::KindDef& kind,
                           RecordList filter, const std::filesystem::path& out,
                           domain::HeaderLanguage headers = domain::HeaderLanguage::names);

}  // namespace kc::app
