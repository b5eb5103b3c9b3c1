// CreditCode: 统一社会信用代码 (unified social credit code) per GB 32100-2015, validated on
// construction: character set, registration authority and organisation type, region code, the
// GB 11714 organisation-code check character and the final mod-31 check character.
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

// Folds what people paste into codes to plain upper-case ASCII: full-width forms (Ａ１，) become
// ASCII, the ideographic space becomes a space, a–z become A–Z. Other UTF-8 is left as it is.
// Shared by the code types in this folder (credit code, patent number, region, industry, money).
std::string fold_to_ascii_upper(std::string_view text);

class CreditCode {
 public:
  // Trims surrounding spaces and folds case/width before checking. On failure the message says
  // exactly why, in Chinese and English (which position, which character, what it should be).
  static Result<CreditCode> parse(std::string_view text);

  // The check character GB 32100 assigns to 17 leading characters; '\0' if any is outside the set.
  static char compute_check_char(std::string_view first17);
  // The GB 11714 check character for an 8-character organisation-code body; '\0' if malformed.
  static char compute_org_check_char(std::string_view body8);

  const std::string& text() const { return text_; }  // the 18 canonical characters
  char authority() const { return text_[0]; }        // 登记管理部门代码, e.g. '9' 工商
  std::string_view authority_name_zh() const;
  std::string_view authority_name_en() const;
  char org_type() const { return text_[1]; }  // 机构类别代码, e.g. '1' 企业 under '9'
  std::string_view org_type_name_zh() const;
  std::string_view region() const { return std::string_view(text_).substr(2, 6); }
  std::string_view org_code() const { return std::string_view(text_).substr(8, 9); }

  friend bool operator==(const CreditCode&, const CreditCode&) = default;

 private:
  explicit CreditCode(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace kc::domain
