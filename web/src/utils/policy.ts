// Pure helpers of the policy pages (政策评价, 梯队培育, 区级政策): how a condition's value and
// threshold are shown, status → tag colour, verdict → text key, 422 field errors of a programme
// onto its editor rows. Unit-tested in tests/unit/policy_utils.test.ts.
import type { Category, ConditionStatus, ConditionUnit, CultivationItem, ProgrammeDefinition, ProgrammeFact, ScoreRange } from '@/api/policy'
import type { FieldError } from '@/api/client'
import { isoDate } from '@/utils/dates'

export type ValueUnit = 'days' | 'percent' | 'points' | 'count' | 'amount' | 'people' | 'plain'

/** How a condition's figures are shown, from the unit the server sends (shares are fractions on the wire). */
export function conditionUnit(unit: ConditionUnit | undefined): ValueUnit {
  switch (unit) {
    case 'share': return 'percent'
    case 'days': case 'count': case 'people': case 'points': return unit
    default: return 'plain'
  }
}

/** Trims a number to at most `digits` decimals without trailing zeros. */
export function trimNumber(v: number, digits = 2): string {
  return String(Number(v.toFixed(digits)))
}

/** A value in its unit; `null`/`undefined` → '—'. `t` supplies the unit words. */
export function formatMeasure(v: number | boolean | null | undefined, unit: ValueUnit, t: (key: string, args?: Record<string, unknown>) => string): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no')
  switch (unit) {
    case 'percent': return `${trimNumber(v * 100)}%`
    case 'days': return t('policy.units.days', { n: trimNumber(v) })
    case 'points': return t('policy.units.points', { n: trimNumber(v) })
    case 'count': return t('policy.units.count', { n: trimNumber(v) })
    case 'people': return t('policy.units.people', { n: trimNumber(v) })
    case 'amount': return t('policy.units.amount', { n: trimNumber(v, 4) })
    default: return trimNumber(v, 4)
  }
}

/** A condition's threshold: a count compared with a fraction reads as the whole number needed. */
export function formatThreshold(unit: ValueUnit, v: number | null | undefined, t: (key: string, args?: Record<string, unknown>) => string): string {
  if (unit === 'count' && typeof v === 'number' && !Number.isInteger(v)) return formatMeasure(Math.ceil(v), unit, t)
  return formatMeasure(v, unit, t)
}

/** The unit of a programme comparison, from its expression and the facts it uses. */
export function comparisonUnit(text: string, facts: ReadonlyArray<{ name: string; unit: string }>): ValueUnit {
  if (text.includes('/')) return 'percent'
  const used = facts.filter((f) => new RegExp(`\\b${f.name}\\b`).test(text))
  if (used.length > 0 && used.every((f) => f.unit === '万元')) return 'amount'
  if (used.length > 0 && used.every((f) => f.unit === '人')) return 'people'
  if (used.length > 0 && used.every((f) => f.unit === '件')) return 'count'
  return 'plain'
}

export function statusTag(status: ConditionStatus | string): 'success' | 'danger' | 'info' {
  return status === 'pass' ? 'success' : status === 'fail' ? 'danger' : 'info'
}

/** Verdict → tag colour: recognised/qualified green, not green-lit red, review grey-orange. */
export function verdictTag(verdict: string): 'success' | 'danger' | 'warning' | 'info' {
  if (['recognised', 'qualified', 'eligible', 'pass'].includes(verdict)) return 'success'
  if (verdict.startsWith('not_') || verdict === 'fail') return 'danger'
  if (verdict === 'needs_review') return 'warning'
  return 'info'
}

/** i18n key of a verdict; unknown verdicts show as sent. */
export function verdictKey(verdict: string): string {
  return `policy.verdicts.${verdict}`
}

/** The score object as label/value rows: HTE bands and total, SME points. */
export function scoreRows(score: Record<string, unknown> | null | undefined): Array<{ key: string; value: string }> {
  if (!score) return []
  const rows: Array<{ key: string; value: string }> = []
  const show = (v: unknown): string => (v === null || v === undefined ? '—' : String(v))
  for (const [k, v] of Object.entries(score)) {
    if (k === 'bands' && v && typeof v === 'object') {
      for (const [b, bv] of Object.entries(v as Record<string, unknown>)) rows.push({ key: `bands.${b}`, value: show(bv) })
    } else {
      rows.push({ key: k, value: show(v) })
    }
  }
  return rows
}

/**
 * The dates the cultivation page starts from. An application in year Y is judged on the figures of
 * Y − 1, so with the registry's latest figures for year L older than last year (a demo, an archive)
 * it starts from L + 1 (1 June, after the annual reports); otherwise from today.
 */
export function startDates(latestYear: number | null, today: Date): { asOf: string; year: number; fromData: boolean } {
  const current = today.getFullYear()
  if (latestYear === null || latestYear >= current - 1) return { asOf: isoDate(today), year: current, fromData: false }
  return { asOf: `${latestYear + 1}-06-01`, year: latestYear + 1, fromData: true }
}

/** Whether the pass mark is out of reach, certain, or up to the experts, from the score's range. */
export function rangeOutlook(r: ScoreRange): { key: 'out' | 'sure' | 'open'; tag: 'danger' | 'success' | 'warning' } {
  if (r.total_max <= r.pass_mark_exclusive) return { key: 'out', tag: 'danger' }
  if (r.total_min > r.pass_mark_exclusive) return { key: 'sure', tag: 'success' }
  return { key: 'open', tag: 'warning' }
}

export function categoryTag(c: Category): 'success' | 'primary' | 'warning' | 'info' | 'danger' {
  return ({ certified: 'success', candidate: 'primary', within_reach: 'warning', far: 'danger', incomplete: 'info' } as const)[c] ?? 'info'
}

/** Cultivation items filtered by category (''=all) and a text over name, credit code, failed codes. */
export function filterItems(items: readonly CultivationItem[], category: string, q: string): CultivationItem[] {
  const needle = q.trim().toLowerCase()
  return items.filter((i) => (!category || i.category === category) &&
    (!needle || i.name.toLowerCase().includes(needle) || i.credit_code.toLowerCase().includes(needle) ||
      i.failed.some((f) => f.toLowerCase() === needle)))
}

/**
 * Field errors of a programme save, keyed by the editor's row: `conditions.2.expr`,
 * `subsidy.amount`, `code`; each error as `text` words it (the view translates its code).
 */
export function programmeErrors(
  errors: readonly FieldError[] | undefined,
  text: (e: FieldError) => string = (e) => e.message,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors ?? []) {
    const key = e.field.replace(/\[(\d+)\]/g, '.$1')
    out[key] = out[key] ? `${out[key]}; ${text(e)}` : text(e)
  }
  return out
}

/** An empty programme for the editor. */
export function emptyProgramme(): ProgrammeDefinition {
  return { code: '', zh: '', en: '', kind: 'tier', conditions: [{ code: 'C1', zh: '', en: '', expr: '' }], subsidy: null }
}

/** The definition to send: trimmed strings, subsidy left out when it has no amount. */
export function programmePayload(def: ProgrammeDefinition): ProgrammeDefinition {
  const out: ProgrammeDefinition = {
    code: def.code.trim(), zh: def.zh.trim(), en: def.en.trim(), kind: def.kind,
    conditions: def.conditions.map((c) => ({ code: c.code.trim(), zh: c.zh.trim(), en: c.en.trim(), expr: c.expr.trim() })),
  }
  if (def.subsidy && def.subsidy.amount.trim()) {
    out.subsidy = { zh: def.subsidy.zh.trim(), en: def.subsidy.en.trim(), amount: def.subsidy.amount.trim(), cap: def.subsidy.cap }
  }
  return out
}

export function factUnitText(f: ProgrammeFact): string {
  return f.unit ? `${f.name} (${f.unit})` : f.name
}
