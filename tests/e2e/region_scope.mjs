// Region scopes as the server applies them (users.region_code, X-Kechuang-Region): a district, a
// city (its first 4 digits) or a province (its first 2); null is the whole installation.
export function scopePrefix(code) {
  if (!code) return ''
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2)
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4)
  return code
}

export const withinScope = (scope, code) => String(code).startsWith(scopePrefix(scope))
