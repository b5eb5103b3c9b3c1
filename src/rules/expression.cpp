#include "rules/expression.hpp"

#include <cctype>
#include <set>

namespace kc::rules {

using domain::Fraction;

struct Expression::Node {
  enum class Op { number, fact, boolean, neg, add, sub, mul, div, lt, le, gt, ge, eq, ne, and_, or_, not_ };
  Op op = Op::number;
  Fraction value;
  bool flag = false;
  std::string name;
  std::size_t begin = 0, end = 0;  // source span, for the explanation
  std::shared_ptr<const Node> a, b;
  FactType type = FactType::number;
};

namespace {

using Node = Expression::Node;
using Op = Node::Op;
using NodePtr = std::shared_ptr<const Node>;

struct Failure {
  ExpressionError error;
};

class Parser {
 public:
  Parser(const std::string& text, const FactSchema& schema) : s_(text), schema_(schema) {}

  NodePtr parse() {
    auto n = or_expr();
    skip();
    if (i_ < s_.size()) fail(i_, "多余的内容", "unexpected text");
    return n;
  }

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& zh, const std::string& en) {
    throw Failure{{at, zh + "（第 " + std::to_string(at + 1) + " 个字符）", en + " at character " + std::to_string(at + 1)}};
  }
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool word(const char* w) {
    skip();
    const std::size_t n = std::char_traits<char>::length(w);
    if (s_.compare(i_, n, w) != 0) return false;
    if (i_ + n < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_ + n])) || s_[i_ + n] == '_')) return false;
    i_ += n;
    return true;
  }
  bool symbol(const char* w) {
    skip();
    const std::size_t n = std::char_traits<char>::length(w);
    if (s_.compare(i_, n, w) != 0) return false;
    i_ += n;
    return true;
  }
  NodePtr make(Op op, std::size_t begin, NodePtr a = nullptr, NodePtr b = nullptr) {
    auto n = std::make_shared<Node>();
    n->op = op;
    n->begin = begin;
    n->end = i_;
    n->a = std::move(a);
    n->b = std::move(b);
    return n;
  }
  void need(const NodePtr& n, FactType t, const char* what_zh, const char* what_en) {
    if (n->type != t) {
      fail(n->begin, std::string(what_zh) + (t == FactType::number ? "需要数值" : "需要是/否条件"),
           std::string(what_en) + (t == FactType::number ? " needs a number" : " needs a true/false condition"));
    }
  }

  NodePtr or_expr() {
    const std::size_t begin = (skip(), i_);
    auto left = and_expr();
    while (word("or") || symbol("||")) {
      auto right = and_expr();
      need(left, FactType::boolean, "“或”", "'or'");
      need(right, FactType::boolean, "“或”", "'or'");
      left = typed(make(Op::or_, begin, left, right), FactType::boolean);
    }
    return left;
  }
  NodePtr and_expr() {
    const std::size_t begin = (skip(), i_);
    auto left = not_expr();
    while (word("and") || symbol("&&")) {
      auto right = not_expr();
      need(left, FactType::boolean, "“且”", "'and'");
      need(right, FactType::boolean, "“且”", "'and'");
      left = typed(make(Op::and_, begin, left, right), FactType::boolean);
    }
    return left;
  }
  NodePtr not_expr() {
    const std::size_t begin = (skip(), i_);
    if (word("not") || (s_.compare(i_, 1, "!") == 0 && s_.compare(i_, 2, "!=") != 0 && symbol("!"))) {
      auto inner = not_expr();
      need(inner, FactType::boolean, "“非”", "'not'");
      return typed(make(Op::not_, begin, inner), FactType::boolean);
    }
    return comparison();
  }
  NodePtr comparison() {
    const std::size_t begin = (skip(), i_);
    auto left = sum();
    static const std::pair<const char*, Op> ops[] = {{">=", Op::ge}, {"<=", Op::le}, {"==", Op::eq},
                                                     {"!=", Op::ne}, {">", Op::gt},  {"<", Op::lt}};
    for (const auto& [text, op] : ops) {
      if (symbol(text)) {
        auto right = sum();
        if (op == Op::eq || op == Op::ne) {
          if (left->type != right->type) fail(right->begin, "比较两侧类型不同", "both sides of a comparison must have the same type");
        } else {
          need(left, FactType::number, "比较", "a comparison");
          need(right, FactType::number, "比较", "a comparison");
        }
        return typed(make(op, begin, left, right), FactType::boolean);
      }
    }
    return left;
  }
  NodePtr sum() {
    const std::size_t begin = (skip(), i_);
    auto left = term();
    for (;;) {
      Op op;
      if (symbol("+")) op = Op::add;
      else if (symbol("-")) op = Op::sub;
      else return left;
      auto right = term();
      need(left, FactType::number, "加减", "arithmetic");
      need(right, FactType::number, "加减", "arithmetic");
      left = typed(make(op, begin, left, right), FactType::number);
    }
  }
  NodePtr term() {
    const std::size_t begin = (skip(), i_);
    auto left = unary();
    for (;;) {
      Op op;
      if (symbol("*")) op = Op::mul;
      else if (symbol("/")) op = Op::div;
      else return left;
      auto right = unary();
      need(left, FactType::number, "乘除", "arithmetic");
      need(right, FactType::number, "乘除", "arithmetic");
      left = typed(make(op, begin, left, right), FactType::number);
    }
  }
  NodePtr unary() {
    const std::size_t begin = (skip(), i_);
    if (symbol("-")) {
      auto inner = unary();
      need(inner, FactType::number, "负号", "a minus sign");
      return typed(make(Op::neg, begin, inner), FactType::number);
    }
    return primary();
  }
  NodePtr primary() {
    skip();
    const std::size_t begin = i_;
    if (i_ >= s_.size()) fail(i_, "表达式不完整", "the expression ends too early");
    if (symbol("(")) {
      auto inner = or_expr();
      if (!symbol(")")) fail(i_, "缺少右括号", "missing ')'");
      return inner;  // keeps its own span, so explanations quote the comparison without brackets
    }
    if (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.') {
      while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
      auto value = Fraction::parse(s_.substr(begin, i_ - begin));
      if (!value) fail(begin, "数字格式错误", "malformed number");
      auto n = make(Op::number, begin);
      auto m = std::make_shared<Node>(*n);
      m->value = *value;
      return m;
    }
    if (std::isalpha(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_') {
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
      const std::string name = s_.substr(begin, i_ - begin);
      if (name == "true" || name == "false") {
        auto n = std::make_shared<Node>(*make(Op::boolean, begin));
        n->flag = name == "true";
        n->type = FactType::boolean;
        return n;
      }
      auto it = schema_.find(name);
      if (it == schema_.end()) {
        std::string known;
        for (const auto& [k, v] : schema_) known += (known.empty() ? "" : ", ") + k;
        fail(begin, "未知字段“" + name + "”（可用：" + known + "）", "unknown field '" + name + "' (known: " + known + ")");
      }
      auto n = std::make_shared<Node>(*make(Op::fact, begin));
      n->name = name;
      n->type = it->second.type;
      return n;
    }
    fail(begin, "无法识别的字符", "unexpected character");
  }
  NodePtr typed(NodePtr n, FactType t) {
    auto m = std::make_shared<Node>(*n);
    m->type = t;
    return m;
  }

  const std::string& s_;
  const FactSchema& schema_;
  std::size_t i_ = 0;
};

using Truth = Expression::Truth;
using Value = std::variant<std::monostate, Fraction, bool>;  // monostate: unknown

struct Evaluator {
  const FactValues& facts;
  const std::string& text;
  std::vector<Expression::Comparison>& comparisons;

  static Truth truth(const Value& v) {
    if (auto b = std::get_if<bool>(&v)) return *b ? Truth::yes : Truth::no;
    return Truth::unknown;
  }
  static Value of(Truth t) {
    if (t == Truth::unknown) return std::monostate{};
    return t == Truth::yes;
  }

  Value eval(const Node& n) {
    switch (n.op) {
      case Op::number: return n.value;
      case Op::boolean: return n.flag;
      case Op::fact: {
        auto it = facts.find(n.name);
        if (it == facts.end() || !it->second) return std::monostate{};
        if (auto f = std::get_if<Fraction>(&*it->second)) return *f;
        return std::get<bool>(*it->second);
      }
      case Op::neg: {
        auto v = eval(*n.a);
        if (auto f = std::get_if<Fraction>(&v)) return Fraction::integer(0) - *f;
        return std::monostate{};
      }
      case Op::add: case Op::sub: case Op::mul: case Op::div: {
        auto a = eval(*n.a);
        auto b = eval(*n.b);
        auto fa = std::get_if<Fraction>(&a);
        auto fb = std::get_if<Fraction>(&b);
        if (!fa || !fb) return std::monostate{};
        if (n.op == Op::add) return *fa + *fb;
        if (n.op == Op::sub) return *fa - *fb;
        if (n.op == Op::mul) return *fa * *fb;
        if (fb->is_zero()) return std::monostate{};  // a ratio over nothing is unknown, not infinite
        return *fa / *fb;
      }
      case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::eq: case Op::ne: {
        auto a = eval(*n.a);
        auto b = eval(*n.b);
        Expression::Comparison c;
        c.text = text.substr(n.begin, n.end - n.begin);
        while (!c.text.empty() && c.text.back() == ' ') c.text.pop_back();
        if (auto f = std::get_if<Fraction>(&a)) c.left = f->to_double();
        if (auto f = std::get_if<Fraction>(&b)) c.right = f->to_double();
        Truth t = Truth::unknown;
        auto fa = std::get_if<Fraction>(&a);
        auto fb = std::get_if<Fraction>(&b);
        if (fa && fb) {
          const auto cmp = *fa <=> *fb;
          bool r = false;
          switch (n.op) {
            case Op::lt: r = cmp < 0; break;
            case Op::le: r = cmp <= 0; break;
            case Op::gt: r = cmp > 0; break;
            case Op::ge: r = cmp >= 0; break;
            case Op::eq: r = cmp == 0; break;
            default: r = cmp != 0; break;
          }
          t = r ? Truth::yes : Truth::no;
        } else if (std::holds_alternative<bool>(a) && std::holds_alternative<bool>(b)) {
          const bool same = std::get<bool>(a) == std::get<bool>(b);
          t = (n.op == Op::eq) == same ? Truth::yes : Truth::no;
        }
        c.result = t;
        comparisons.push_back(c);
        return of(t);
      }
      case Op::not_: {
        const Truth t = truth(eval(*n.a));
        return of(t == Truth::unknown ? t : (t == Truth::yes ? Truth::no : Truth::yes));
      }
      case Op::and_: {
        const Truth a = truth(eval(*n.a));
        const Truth b = truth(eval(*n.b));
        if (a == Truth::no || b == Truth::no) return false;
        if (a == Truth::unknown || b == Truth::unknown) return std::monostate{};
        return true;
      }
      case Op::or_: {
        const Truth a = truth(eval(*n.a));
        const Truth b = truth(eval(*n.b));
        if (a == Truth::yes || b == Truth::yes) return true;
        if (a == Truth::unknown || b == Truth::unknown) return std::monostate{};
        return false;
      }
    }
    return std::monostate{};
  }
};

void collect(const Node& n, std::set<std::string>& out) {
  if (n.op == Op::fact) out.insert(n.name);
  if (n.a) collect(*n.a, out);
  if (n.b) collect(*n.b, out);
}

}  // namespace

std::variant<Expression, ExpressionError> Expression::compile(const std::string& text, const FactSchema& schema,
                                                              bool numeric) {
  if (text.size() > 2000) return ExpressionError{0, "表达式过长（最多 2000 字符）", "expression too long (at most 2000 characters)"};
  try {
    Parser parser(text, schema);
    auto root = parser.parse();
    const FactType want = numeric ? FactType::number : FactType::boolean;
    if (root->type != want) {
      return ExpressionError{0, numeric ? "应为数值表达式" : "应为条件（结果为是/否）",
                             numeric ? "must be a number" : "must be a condition (true or false)"};
    }
    Expression e;
    e.text_ = text;
    e.root_ = std::move(root);
    return e;
  } catch (const Failure& f) {
    return f.error;
  }
}

Expression::Outcome Expression::evaluate(const FactValues& facts) const {
  Outcome out;
  Evaluator ev{facts, text_, out.comparisons};
  const Value v = ev.eval(*root_);
  if (auto f = std::get_if<Fraction>(&v)) {
    out.number = *f;
    out.truth = Truth::yes;
  } else {
    out.truth = Evaluator::truth(v);
  }
  return out;
}

std::vector<std::string> Expression::facts_used() const {
  std::set<std::string> names;
  collect(*root_, names);
  return {names.begin(), names.end()};
}

}  // namespace kc::rules
