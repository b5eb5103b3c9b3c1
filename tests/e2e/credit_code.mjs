// Unified social credit codes (GB 32100) for the browser tests: a valid code per call, with the
// embedded organisation code (GB 11714) and the final check character computed as the server
// checks them, and the same check for the mock server.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

function orgCheck(body8) {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = body8[i]
    const v = /\d/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1
    if (v < 0) return ''
    sum += v * ORG_WEIGHTS[i]
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

function finalCheck(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i])
    if (v < 0) return ''
    sum += v * WEIGHTS[i]
  }
  return CHARSET[(31 - (sum % 31)) % 31]
}

/** A valid code of a company registered in Fuzhou (350100); `seed` picks the organisation code. */
export function creditCode(seed = Math.floor(Math.random() * 1e8)) {
  const body = String(seed).padStart(8, '0').slice(-8)
  const first17 = `91350100${body}${orgCheck(body)}`
  return first17 + finalCheck(first17)
}

/**
 * null when valid, else a field error's code, params and English message like the server's
 * (src/domain/field_messages.hpp; the checks the tests rely on).
 */
export function creditCodeProblem(text) {
  const code = String(text ?? '').trim().toUpperCase()
  if (code.length !== 18) {
    return { code: 'credit_code.length', params: { length: code.length }, message: `must be 18 characters, got ${code.length}` }
  }
  const bad = [...code].findIndex((c) => !CHARSET.includes(c))
  if (bad >= 0) {
    return { code: 'credit_code.illegal_char', params: { char: code[bad], position: bad + 1 },
      message: `illegal character '${code[bad]}' at position ${bad + 1}` }
  }
  const org = orgCheck(code.slice(8, 16))
  if (org !== code[16]) {
    return { code: 'credit_code.org_check', params: { expected: org, actual: code[16] },
      message: `organisation-code check failed (positions 9-17): position 17 should be '${org}', not '${code[16]}'` }
  }
  const want = finalCheck(code.slice(0, 17))
  if (want !== code[17]) {
    return { code: 'credit_code.check_char', params: { expected: want, actual: code[17] },
      message: `check character should be '${want}', not '${code[17]}'` }
  }
  return null
}
