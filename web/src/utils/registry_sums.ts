// Totals a kind declares as sums of parts (`KindDef.sums`, e.g. 研发费用总额 of its nine categories):
// what the parts typed so far add up to, exactly (amounts have at most four decimals), so the form
// can show it beside the total. The server fills an empty total in and refuses one that differs.
import type { KindDef } from '@/api/registry'
import { AMOUNT_PATTERN, type FormValue } from '@/utils/registry'

const SCALE = 10_000n

function toUnits(text: string): bigint {
  const negative = text.startsWith('-')
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const units = BigInt(whole!) * SCALE + BigInt((fraction + '0000').slice(0, 4))
  return negative ? -units : units
}

function fromUnits(units: bigint): string {
  const negative = units < 0n
  const abs = negative ? -units : units
  const fraction = (abs % SCALE).toString().padStart(4, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${abs / SCALE}${fraction ? `.${fraction}` : ''}`
}

/** The sum of the parts given for `total`, as exact decimal text; null when the field is no declared
 *  total, or no part is given yet, or a part is not a valid amount (the part shows its own error). */
export function sumOfParts(kind: KindDef, form: Record<string, FormValue>, total: string): string | null {
  const sum = kind.sums?.find((s) => s.total === total)
  if (!sum) return null
  let units = 0n
  let any = false
  for (const part of sum.parts) {
    const raw = form[part]
    if (raw === null || raw === undefined || raw === '') continue
    const text = String(raw).replace(/[,，\s]/g, '')
    if (!AMOUNT_PATTERN.test(text)) return null
    units += toUnits(text)
    any = true
  }
  return any ? fromUnits(units) : null
}
