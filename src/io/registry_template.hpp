// The downloadable import template of a registry kind: an XLSX whose first sheet has the header
// row (with drop-down lists for choice and yes/no columns) and whose second sheet explains every
// column in Chinese and English. The header row holds the fields' names or their labels with
// units (`headers`), all of which the importer reads.
#pragma once

#include <filesystem>

#include "domain/field_headers.hpp"
#include "domain/registry_kind.hpp"
#include "domain/result.hpp"

namespace kc::io {

domain::Status write_registry_template(const domain::KindDef& kind, const std::filesystem::path& path,
                                       domain::HeaderLanguage headers = domain::HeaderLanguage::names);

}  // namespace kc::io
