#include "domain/formula/check.hpp"

#include <optional>

#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::domain::formula {
namespace {

Error failure(Position at, const std::string& zh, const std::string& en) {
  return refusal(fmsg::formula_invalid, {{"line", at.line}, {"column", at.column}, {"detail_zh", zh}, {"detail_en", en}});
}

// What an operand holds, for comparing like with like.
enum class Sort { number, text, date, boolean, region, industry };

Sort sort_of(FieldType t) {
  switch (t) {
    case FieldType::integer:
    case FieldType::amount:
    case FieldType::decimal:
    case FieldType::reference: return Sort::number;
    case FieldType::date: return Sort::date;
    case FieldType::boolean: return Sort::boolean;
    case FieldType::region_code: return Sort::region;
    case FieldType::industry_code: return Sort::industry;
    default: return Sort::text;
  }
}

// A date written in a formula: YYYY-MM-DD.
bool date_text(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

class Checker {
 public:
  explicit Checker(const std::function<bool(std::string_view)>& known) : known_(known) {}

  std::optional<Error> expr(const Expr& e) {
    switch (e.op) {
      case Expr::Op::null_value:
      case Expr::Op::number: return std::nullopt;
      case Expr::Op::statistic: {
        const KindDef* stats = find_kind(kStatisticsKind);
        const FieldDef* f = stats ? stats->field(e.text) : nullptr;
        if (!f) return failure(e.at, "地区统计没有字段“" + e.text + "”", "region statistics have no field '" + e.text + "'");
        if (!summable(f->type)) return failure(e.at, "“" + e.text + "”不是数值字段", "'" + e.text + "' is not a number");
        return std::nullopt;
      }
      case Expr::Op::indicator:
        if (!known_(e.text)) return failure(e.at, "未知的指标“" + e.text + "”", "unknown indicator '" + e.text + "'");
        return std::nullopt;
      case Expr::Op::aggregate: return aggregate(e);
      default:
        for (const auto& a : e.args) {
          if (auto err = expr(a)) return err;
        }
        return std::nullopt;
    }
  }

 private:
  std::optional<Error> aggregate(const Expr& e) {
    const Aggregate& a = e.aggregate;
    const KindDef* kind = find_kind(a.kind);
    if (!kind) return failure(e.at, "未知的登记类别“" + a.kind + "”", "unknown registry kind '" + a.kind + "'");
    if (a.kind == kStatisticsKind) {
      return failure(e.at, "地区统计用 stat(字段) 读取", "region statistics are read with stat(field)");
    }
    if (!a.field.empty()) {
      const FieldDef* f = kind->field(a.field);
      if (!f && a.field != "id") {
        return failure(e.at, a.kind + " 没有字段“" + a.field + "”", a.kind + " has no field '" + a.field + "'");
      }
      if (a.function == Aggregate::Function::sum && (!f || !summable(f->type) || f->type == FieldType::reference)) {
        return failure(e.at, "sum 只能对数值字段求和，“" + a.field + "”不是",
                       "sum adds numbers; '" + a.field + "' is not one");
      }
    }
    for (const auto& c : a.where) {
      if (auto err = condition(c, *kind, nullptr)) return err;
    }
    return std::nullopt;
  }

  // The sort of an operand, or an error; `field` is set to the field it names, if any.
  std::optional<Error> operand(const Operand& o, const KindDef& kind, const KindDef* outer, std::optional<Sort>& sort,
                               const FieldDef*& field) {
    field = nullptr;
    switch (o.kind) {
      case Operand::Kind::field:
      case Operand::Kind::outer_field: {
        const KindDef* k = o.kind == Operand::Kind::field ? &kind : outer;
        if (!k) return failure(o.at, "outer 只能用在 exists 之内", "outer is only meaningful inside exists");
        if (o.value == "id") {
          sort = Sort::number;
          return std::nullopt;
        }
        field = k->field(o.value);
        if (!field) return failure(o.at, k->name + " 没有字段“" + o.value + "”", k->name + " has no field '" + o.value + "'");
        sort = sort_of(field->type);
        return std::nullopt;
      }
      case Operand::Kind::number:
      case Operand::Kind::year: sort = Sort::number; return std::nullopt;
      case Operand::Kind::boolean: sort = Sort::boolean; return std::nullopt;
      case Operand::Kind::year_start:
      case Operand::Kind::year_end: sort = Sort::date; return std::nullopt;
      case Operand::Kind::text: sort = std::nullopt; return std::nullopt;  // a text fits a date, a choice, a code…
    }
    return std::nullopt;
  }

  // A literal text compared with `field`: a date must look like one, a choice must be one.
  std::optional<Error> text_fits(const Operand& text, const FieldDef* field, std::optional<Sort> sort) {
    if (sort == Sort::number || sort == Sort::boolean) {
      return failure(text.at, "“" + text.value + "”是字符串，此处应为数", "'" + text.value + "' is a string where a number belongs");
    }
    if (sort == Sort::date && !date_text(text.value)) {
      return failure(text.at, "日期应写作 'YYYY-MM-DD'", "a date is written 'YYYY-MM-DD'");
    }
    if (field && field->type == FieldType::choice) {
      bool found = false;
      std::string values;
      for (const auto& ch : field->choices) {
        found = found || ch.value == text.value;
        values += (values.empty() ? "" : ", ") + ch.value;
      }
      if (!found) {
        return failure(text.at, "“" + field->name + "”没有取值“" + text.value + "”（可选：" + values + "）",
                       "'" + field->name + "' has no value '" + text.value + "' (" + values + ")");
      }
    }
    return std::nullopt;
  }

  // Two operands that may be compared: same sort, or a text literal fitting the other side.
  std::optional<Error> comparable(const Operand& a, const Operand& b, const KindDef& kind, const KindDef* outer) {
    std::optional<Sort> sa, sb;
    const FieldDef *fa = nullptr, *fb = nullptr;
    if (auto err = operand(a, kind, outer, sa, fa)) return err;
    if (auto err = operand(b, kind, outer, sb, fb)) return err;
    if (a.kind != Operand::Kind::field && a.kind != Operand::Kind::outer_field && b.kind != Operand::Kind::field &&
        b.kind != Operand::Kind::outer_field) {
      return failure(a.at, "比较至少要有一边是字段", "a comparison needs a field on one side");
    }
    if (!sa && !sb) return std::nullopt;
    if (!sa) return text_fits(a, fb, sb);
    if (!sb) return text_fits(b, fa, sa);
    const bool codes = (*sa == Sort::region || *sa == Sort::industry || *sa == Sort::text) &&
                       (*sb == Sort::region || *sb == Sort::industry || *sb == Sort::text);
    if (*sa != *sb && !codes) return failure(b.at, "比较的两边类型不同", "the two sides of the comparison are of different types");
    return std::nullopt;
  }

  std::optional<Error> field_of(const Operand& o, const KindDef& kind, std::initializer_list<FieldType> types,
                                const std::string& zh_what, const std::string& en_what) {
    const FieldDef* f = kind.field(o.value);
    if (!f) return failure(o.at, kind.name + " 没有字段“" + o.value + "”", kind.name + " has no field '" + o.value + "'");
    for (FieldType t : types) {
      if (f->type == t) return std::nullopt;
    }
    return failure(o.at, "“" + o.value + "”不是" + zh_what, "'" + o.value + "' is not " + en_what);
  }

  std::optional<Error> condition(const Condition& c, const KindDef& kind, const KindDef* outer) {
    switch (c.op) {
      case Condition::Op::all:
      case Condition::Op::any:
      case Condition::Op::negate:
        for (const auto& child : c.children) {
          if (auto err = condition(child, kind, outer)) return err;
        }
        return std::nullopt;
      case Condition::Op::exists: {
        const KindDef* inner = find_kind(c.kind);
        if (!inner) return failure(c.at, "未知的登记类别“" + c.kind + "”", "unknown registry kind '" + c.kind + "'");
        for (const auto& child : c.children) {
          if (auto err = condition(child, *inner, &kind)) return err;
        }
        return std::nullopt;
      }
      case Condition::Op::compare: return comparable(c.operands[0], c.operands[1], kind, outer);
      case Condition::Op::in_list:
        for (std::size_t i = 1; i < c.operands.size(); ++i) {
          if (auto err = comparable(c.operands[0], c.operands[i], kind, outer)) return err;
        }
        return std::nullopt;
      case Condition::Op::is_null:
      case Condition::Op::is_not_null: {
        std::optional<Sort> s;
        const FieldDef* f = nullptr;
        if (auto err = operand(c.operands[0], kind, outer, s, f)) return err;
        if (!f) return failure(c.at, "is null 只能用于字段", "is null applies to a field");
        return std::nullopt;
      }
      case Condition::Op::in_year: return field_of(c.operands[0], kind, {FieldType::date}, "日期字段", "a date field");
      case Condition::Op::in_region:
        return field_of(c.operands[0], kind, {FieldType::region_code}, "行政区划字段", "a region-code field");
      case Condition::Op::starts_with:
        return field_of(c.operands[0], kind, {FieldType::text, FieldType::region_code, FieldType::industry_code},
                        "文本或代码字段", "a text or code field");
    }
    return std::nullopt;
  }

  const std::function<bool(std::string_view)>& known_;
};

}  // namespace

bool summable(FieldType type) {
  return type == FieldType::integer || type == FieldType::amount || type == FieldType::decimal;
}

Status check(const Expr& e, const std::function<bool(std::string_view)>& indicator_known) {
  if (auto err = Checker(indicator_known).expr(e)) return *err;
  return ok();
}

}  // namespace kc::domain::formula
