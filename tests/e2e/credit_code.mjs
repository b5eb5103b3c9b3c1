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

/** null when valid, else a bilingual message like the server's (the checks the tests rely on). */
export function creditCodeProblem(text) {
  const code = String(text ?? '').trim().toUpperCase()
  if (code.length !== 18) return `统一社会信用代码应为18位，实际为${code.length}位 / must be 18 characters, got ${code.length}`
  if ([...code].some((c) => !CHARSET.includes(c))) return '含有不允许的字符 / contains characters that are not allowed'
  if (orgCheck(code.slice(8, 16)) !== code[16]) return '组织机构代码校验失败 / organisation-code check failed'
  const want = finalCheck(code.slice(0, 17))
  if (want !== code[17]) return `校验码错误：第18位应为“${want}”，实际为“${code[17]}” / check character should be '${want}', not '${code[17]}'`
  return null
}
