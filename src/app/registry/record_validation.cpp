#include "app/registry/record_validation.hpp"

#include "app/registry/district_scope.hpp"

#include "domain/field_messages.hpp"
#include "domain/record_sums.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {

using domain::FieldType;
namespace fmsg = domain::fmsg;

namespace {

std::optional<FieldError> required_error(const domain::FieldDef& f, const domain::Cell& cell) {
  if (f.required && std::holds_alternative<std::monostate>(cell)) return field_error(f.name, fmsg::required);
  return std::nullopt;
}

}  // namespace

std::vector<FieldError> apply_values(const domain::KindDef& kind, const FieldValues& values,
                                     store::Record& record) {
  std::vector<FieldError> errors;
  for (const auto& [name, text] : values) {
    if (!kind.field(name)) {
      errors.push_back(field_error(name, fmsg::record_unknown_field, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}));
    }
  }
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    const auto& f = kind.fields[i];
    auto it = values.find(f.name);
    if (it != values.end()) {
      auto cell = domain::parse_cell(f, it->second);
      if (!cell) {
        errors.push_back(field_error(f.name, cell.error()));
        continue;
      }
      record.cells[i] = cell.value();
    }
    if (auto missing = required_error(f, record.cells[i])) errors.push_back(std::move(*missing));
  }
  // The required fields were checked field by field above, so that each field's errors stay in
  // declaration order; what is left of check_complete is the totals.
  if (errors.empty()) errors = complete_totals(kind, record);
  return errors;
}

std::vector<FieldError> check_complete(const domain::KindDef& kind, store::Record& record) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (auto missing = required_error(kind.fields[i], record.cells[i])) errors.push_back(std::move(*missing));
  }
  if (errors.empty()) errors = complete_totals(kind, record);
  return errors;
}

std::vector<FieldError> complete_totals(const domain::KindDef& kind, store::Record& record) {
  std::vector<FieldError> errors;
  for (const auto& m : domain::complete_sums(kind, record.cells)) {
    const std::string stated = domain::format_cell(*m.total, m.stated);
    const std::string parts = domain::format_cell(*m.total, m.parts_sum);
    errors.push_back(field_error(m.total->name, fmsg::record_sum_mismatch,
                                 {{"label_zh", m.total->zh}, {"label_en", m.total->en}, {"stated", stated},
                                  {"parts", parts}}));
  }
  return errors;
}

std::vector<FieldError> check_links(store::Connection& conn, const domain::KindDef& kind,
                                    const store::Record& record, const Actor& actor) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    const auto& f = kind.fields[i];
    const auto* id = std::get_if<std::int64_t>(&record.cells[i]);
    if (f.type != FieldType::reference || !id) continue;
    const auto* target = domain::find_kind(f.references);
    if (!store::RecordStore(conn, *target).exists_in(*id, actor.district_prefix())) {
      errors.push_back(field_error(f.name, fmsg::record_no_linked,
                                   {{"id", *id}, {"kind_zh", target->zh}, {"kind_en", target->en}}));
    }
  }
  if (!kind.natural_key.empty() && errors.empty()) {
    if (auto existing = store::RecordStore(conn, kind).find_by_natural_key(record);
        existing && existing->id != record.id) {
      store::RecordStore records(conn, kind);
      if (actor.role != Role::enterprise && in_actor_scope(records, actor, existing->id)) {
        errors.push_back(field_error(kind.natural_key.front(), fmsg::record_duplicate_key_id, {{"id", existing->id}}));
      } else {
        errors.push_back(field_error(kind.natural_key.front(), fmsg::record_duplicate_key));
      }
    }
  }
  return errors;
}

}  // namespace kc::app
