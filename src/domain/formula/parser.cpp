// Recursive-descent parser of the indicator formula language (grammar in formula.hpp).
#include <cctype>
#include <optional>

#include "domain/field_messages.hpp"
#include "domain/formula/formula.hpp"

namespace kc::domain::formula {
namespace {

enum class Tok { end, name, number, string, punct };

struct Token {
  Tok type = Tok::end;
  std::string text;
  Position at;
};

// A formula is a line or a few; the cap keeps a pasted document from being parsed at all.
constexpr std::size_t kMaxFormulaBytes = 8'000;
constexpr int kMaxDepth = 40;  // nesting of parentheses, exists and unary minus

struct Failure {
  Position at;
  std::string zh, en;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  // Every token, or the first character that cannot start one.
  std::optional<Failure> run(std::vector<Token>& out) {
    for (;;) {
      skip_space();
      Token t;
      t.at = pos_;
      if (i_ >= s_.size()) {
        out.push_back(t);
        return std::nullopt;
      }
      const char c = s_[i_];
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        t.type = Tok::name;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) t.text += take();
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        t.type = Tok::number;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) t.text += take();
        if (i_ + 1 < s_.size() && s_[i_] == '.' && std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
          t.text += take();
          while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) t.text += take();
        }
      } else if (c == '\'') {
        t.type = Tok::string;
        take();
        for (;;) {
          if (i_ >= s_.size()) return Failure{t.at, "字符串没有结束的单引号", "the string has no closing quote"};
          if (s_[i_] == '\'') {
            take();
            if (i_ < s_.size() && s_[i_] == '\'') t.text += take();  // '' is a quote inside
            else break;
          } else {
            t.text += take();
          }
        }
      } else {
        t.type = Tok::punct;
        static constexpr std::string_view two[] = {"<>", "<=", ">=", "!="};
        bool matched = false;
        for (auto p : two) {
          if (s_.substr(i_, 2) == p) {
            t.text = p == "!=" ? "<>" : std::string(p);
            take();
            take();
            matched = true;
            break;
          }
        }
        if (!matched) {
          if (std::string_view("(),.+-*/=<>").find(c) == std::string_view::npos) {
            return Failure{t.at, "无法识别的字符“" + std::string(1, c) + "”", "unexpected character '" + std::string(1, c) + "'"};
          }
          t.text = std::string(1, take());
        }
      }
      out.push_back(std::move(t));
    }
  }

 private:
  char take() {
    const char c = s_[i_++];
    // Columns count characters, not bytes: a UTF-8 continuation byte does not advance them.
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++pos_.column;
    }
    return c;
  }
  void skip_space() {
    for (;;) {
      while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) take();
      if (s_.substr(i_, 2) != "--") return;
      while (i_ < s_.size() && s_[i_] != '\n') take();
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  Position pos_;
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  Expr formula() {
    Expr e;
    if (is_name("null") && t_[1].type == Tok::end) {
      e.at = peek().at;
      next();
    } else {
      e = expr();
    }
    if (peek().type != Tok::end) fail("多余的内容“" + peek().text + "”", "unexpected '" + peek().text + "' after the end of the formula");
    return e;
  }

  std::optional<Failure> failure;

 private:
  // The first failure stops the parse: every later call returns at once.
  struct Stop {};

  [[noreturn]] void fail(std::string zh, std::string en) { fail_at(peek().at, std::move(zh), std::move(en)); }
  [[noreturn]] void fail_at(Position at, std::string zh, std::string en) {
    failure = Failure{at, std::move(zh), std::move(en)};
    throw Stop{};
  }

  const Token& peek() const { return t_[i_]; }
  Token next() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool is_punct(std::string_view p) const { return peek().type == Tok::punct && peek().text == p; }
  bool is_name(std::string_view n) const { return peek().type == Tok::name && peek().text == n; }
  void expect(std::string_view p) {
    if (!is_punct(p)) fail("此处应为“" + std::string(p) + "”", "expected '" + std::string(p) + "'" + found());
    next();
  }
  std::string found() const {
    return peek().type == Tok::end ? " at the end of the formula" : " but found '" + peek().text + "'";
  }
  std::string name(std::string_view zh_what, std::string_view en_what) {
    if (peek().type != Tok::name) fail("此处应为" + std::string(zh_what), "expected " + std::string(en_what) + found());
    return next().text;
  }

  struct Depth {
    explicit Depth(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxDepth) p_.fail("嵌套过深", "the formula nests too deeply");
    }
    ~Depth() { --p_.depth_; }
    Parser& p_;
  };

  Expr binary(Expr::Op op, Expr left, Expr right, Position at) {
    Expr e;
    e.op = op;
    e.at = at;
    e.args.push_back(std::move(left));
    e.args.push_back(std::move(right));
    return e;
  }

  Expr expr() {
    Depth d(*this);
    Expr left = term();
    while (is_punct("+") || is_punct("-")) {
      const Token op = next();
      left = binary(op.text == "+" ? Expr::Op::add : Expr::Op::subtract, std::move(left), term(), op.at);
    }
    return left;
  }

  Expr term() {
    Expr left = unary();
    while (is_punct("*") || is_punct("/")) {
      const Token op = next();
      left = binary(op.text == "*" ? Expr::Op::multiply : Expr::Op::divide, std::move(left), unary(), op.at);
    }
    return left;
  }

  Expr unary() {
    if (is_punct("-")) {
      Depth d(*this);
      Expr e;
      e.op = Expr::Op::negate;
      e.at = next().at;
      e.args.push_back(unary());
      return e;
    }
    return primary();
  }

  YearRef year() {
    YearRef y;
    if (peek().type == Tok::number) {
      const Token n = next();
      if (n.text.find('.') != std::string::npos || n.text.size() != 4) fail_at(n.at, "年份应为四位整数", "a year is a 4-digit integer");
      y.fixed = true;
      y.value = std::stoll(n.text);
      return y;
    }
    if (!is_name("Y")) fail("此处应为年份（Y、Y-1 或 2011）", "expected a year (Y, Y-1 or 2011)" + found());
    next();
    y.value = offset();
    return y;
  }

  // [('+' | '-') INTEGER] after Y.
  std::int64_t offset() {
    if (!is_punct("+") && !is_punct("-")) return 0;
    const bool minus = next().text == "-";
    if (peek().type != Tok::number || peek().text.find('.') != std::string::npos || peek().text.size() > 2) {
      fail("Y 之后应为不超过两位的整数年数", "expected a whole number of years (at most 2 digits) after Y" + found());
    }
    const std::int64_t n = std::stoll(next().text);
    return minus ? -n : n;
  }

  Expr primary() {
    Expr e;
    e.at = peek().at;
    if (peek().type == Tok::number) {
      e.op = Expr::Op::number;
      e.text = next().text;
      return e;
    }
    if (is_punct("(")) {
      next();
      e = expr();
      expect(")");
      return e;
    }
    if (peek().type != Tok::name) fail("此处应为数、聚合或指标", "expected a number, an aggregate or an indicator" + found());
    const std::string word = next().text;
    if (word == "count" || word == "sum" || word == "count_distinct") {
      e.op = Expr::Op::aggregate;
      auto& a = e.aggregate;
      a.function = word == "count" ? Aggregate::Function::count
                   : word == "sum" ? Aggregate::Function::sum
                                   : Aggregate::Function::count_distinct;
      expect("(");
      a.kind = name("登记类别", "a registry kind");
      if (a.function != Aggregate::Function::count) {
        expect(".");
        a.field = name("字段名", "a field name");
      }
      if (is_name("where")) {
        next();
        a.where.push_back(cond());
      }
      expect(")");
      return e;
    }
    if (word == "stat" || word == "indicator") {
      e.op = word == "stat" ? Expr::Op::statistic : Expr::Op::indicator;
      expect("(");
      e.text = word == "stat" ? name("地区统计字段", "a region-statistics field") : name("指标代码", "an indicator code");
      if (is_punct(",")) {
        next();
        e.year = year();
      }
      expect(")");
      return e;
    }
    fail_at(e.at, "未知的函数“" + word + "”（可用 count、sum、count_distinct、stat、indicator）",
            "unknown function '" + word + "' (count, sum, count_distinct, stat, indicator)");
  }

  Condition cond() {
    Depth d(*this);
    Condition left = conj();
    if (!is_name("or")) return left;
    Condition any;
    any.op = Condition::Op::any;
    any.at = left.at;
    any.children.push_back(std::move(left));
    while (is_name("or")) {
      next();
      any.children.push_back(conj());
    }
    return any;
  }

  Condition conj() {
    Condition left = neg();
    if (!is_name("and")) return left;
    Condition all;
    all.op = Condition::Op::all;
    all.at = left.at;
    all.children.push_back(std::move(left));
    while (is_name("and")) {
      next();
      all.children.push_back(neg());
    }
    return all;
  }

  Condition neg() {
    if (is_name("not")) {
      Depth d(*this);
      Condition c;
      c.op = Condition::Op::negate;
      c.at = next().at;
      c.children.push_back(neg());
      return c;
    }
    return atom();
  }

  Operand field_operand() {
    Operand o;
    o.at = peek().at;
    o.kind = Operand::Kind::field;
    o.value = name("字段名", "a field name");
    return o;
  }

  Condition atom() {
    Condition c;
    c.at = peek().at;
    if (is_punct("(")) {
      next();
      c = cond();
      expect(")");
      return c;
    }
    if (is_name("exists")) {
      Depth d(*this);
      next();
      c.op = Condition::Op::exists;
      expect("(");
      c.kind = name("登记类别", "a registry kind");
      if (is_name("where")) {
        next();
        c.children.push_back(cond());
      }
      expect(")");
      return c;
    }
    if (is_name("in_year") || is_name("in_region")) {
      c.op = next().text == "in_year" ? Condition::Op::in_year : Condition::Op::in_region;
      expect("(");
      c.operands.push_back(field_operand());
      expect(")");
      return c;
    }
    if (is_name("starts_with")) {
      next();
      c.op = Condition::Op::starts_with;
      expect("(");
      c.operands.push_back(field_operand());
      expect(",");
      if (peek().type != Tok::string) fail("此处应为字符串", "expected a string" + found());
      Operand text;
      text.at = peek().at;
      text.value = next().text;
      c.operands.push_back(std::move(text));
      expect(")");
      return c;
    }
    c.operands.push_back(operand());
    if (is_name("is")) {
      next();
      c.op = Condition::Op::is_null;
      if (is_name("not")) {
        next();
        c.op = Condition::Op::is_not_null;
      }
      if (!is_name("null")) fail("“is”之后应为“null”或“not null”", "expected 'null' or 'not null' after 'is'" + found());
      next();
      return c;
    }
    if (is_name("in")) {
      next();
      c.op = Condition::Op::in_list;
      expect("(");
      c.operands.push_back(operand());
      while (is_punct(",")) {
        next();
        c.operands.push_back(operand());
      }
      expect(")");
      return c;
    }
    static constexpr std::string_view comparisons[] = {"=", "<>", "<", "<=", ">", ">="};
    for (auto cmp : comparisons) {
      if (is_punct(cmp)) {
        next();
        c.op = Condition::Op::compare;
        c.comparison = cmp;
        c.operands.push_back(operand());
        return c;
      }
    }
    fail("此处应为比较（=、<>、<、<=、>、>=）、in 或 is", "expected a comparison (=, <>, <, <=, >, >=), 'in' or 'is'" + found());
  }

  Operand operand() {
    Operand o;
    o.at = peek().at;
    if (peek().type == Tok::string) {
      o.kind = Operand::Kind::text;
      o.value = next().text;
      return o;
    }
    if (peek().type == Tok::number) {
      o.kind = Operand::Kind::number;
      o.value = next().text;
      return o;
    }
    if (peek().type != Tok::name) fail("此处应为字段、字符串、数或年份", "expected a field, a string, a number or a year" + found());
    const std::string word = next().text;
    if (word == "true" || word == "false") {
      o.kind = Operand::Kind::boolean;
      o.truth = word == "true";
    } else if (word == "Y") {
      o.kind = Operand::Kind::year;
      o.offset = offset();
    } else if (word == "year_start" || word == "year_end") {
      o.kind = word == "year_start" ? Operand::Kind::year_start : Operand::Kind::year_end;
    } else if (word == "outer") {
      expect(".");
      o.kind = Operand::Kind::outer_field;
      o.value = name("字段名", "a field name");
    } else {
      o.kind = Operand::Kind::field;
      o.value = word;
    }
    return o;
  }

  std::vector<Token> t_;
  std::size_t i_ = 0;
  int depth_ = 0;
};

Error syntax_error(const Failure& f) {
  return refusal(fmsg::formula_syntax,
                 {{"line", f.at.line}, {"column", f.at.column}, {"detail_zh", f.zh}, {"detail_en", f.en}});
}

}  // namespace

Result<Expr> parse(std::string_view text) {
  if (text.size() > kMaxFormulaBytes) {
    return refusal(fmsg::formula_too_long, {{"limit", static_cast<std::int64_t>(kMaxFormulaBytes)}});
  }
  std::vector<Token> tokens;
  if (auto f = Lexer(text).run(tokens)) return syntax_error(*f);
  if (tokens.size() == 1) return syntax_error({tokens[0].at, "公式为空", "the formula is empty"});
  Parser p(std::move(tokens));
  try {
    Expr e = p.formula();
    return e;
  } catch (...) {
    if (p.failure) return syntax_error(*p.failure);
    throw;
  }
}

}  // namespace kc::domain::formula
