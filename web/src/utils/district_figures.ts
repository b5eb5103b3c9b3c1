// Pure rules of the district figures page (views/DistrictFiguresView.vue): values as numbers and
// as text (thousands separators, the figure's decimals, exact for decimal strings), column headers
// with units, sorting with missing values last, the summary row, the chart's bars and the search
// for the latest year with data. The labels, units and totals come from the server.
import { ApiError } from '@/api/client'
import type { DistrictFigures, DistrictRow, FigureDef, FigureValue } from '@/api/districts'
import { groupDigits, labelOf, labelWithUnit, type Lang } from './registry'

export const MISSING = '—'

/** A value as a number (null when missing or not a number). */
export function figureNumber(v: FigureValue | undefined): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

const PLAIN = /^(-?)(\d+)(?:\.(\d*))?$/

/** A plain decimal text rounded half away from zero to `decimals` places ("91800.0000", 2 → "91800.00"). */
export function roundDecimal(text: string, decimals: number): string | null {
  const m = PLAIN.exec(text.trim())
  if (!m) return null
  const [, sign, int, frac = ''] = m
  const d = Math.max(0, Math.floor(decimals))
  const digits = BigInt(int! + frac.padEnd(d, '0').slice(0, d)) + (Number(frac[d] ?? '0') >= 5 ? 1n : 0n)
  const s = digits.toString().padStart(d + 1, '0')
  const whole = d ? s.slice(0, -d) : s
  const out = d ? `${whole}.${s.slice(-d)}` : whole
  return sign && /[1-9]/.test(out) ? `-${out}` : out
}

const formats = new Map<number, Intl.NumberFormat>()

/** Numbers: 'en-US' grouping in both languages, as the registry pages show amounts (4,000.12). */
function numberFormat(decimals: number): Intl.NumberFormat {
  let f = formats.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formats.set(decimals, f)
  }
  return f
}

/** "91,800.00": the figure's decimals, thousands separators; a dash when missing. */
export function formatFigure(v: FigureValue | undefined, decimals: number): string {
  if (v === null || v === undefined || v === '') return MISSING
  const d = Math.min(20, Math.max(0, Math.floor(decimals)))
  if (typeof v === 'number') return Number.isFinite(v) ? numberFormat(d).format(v) : MISSING
  const rounded = roundDecimal(v, d) // decimal strings exactly, without going through a double
  return rounded === null ? v : groupDigits(rounded)
}

/** The unit in the current language; an empty unit (Enterprises) stays empty. */
export function unitOf(f: FigureDef, lang: Lang): string {
  return (lang === 'en' ? f.unit?.en : f.unit?.zh) ?? ''
}

/** "研发经费（万元）" / "R&D expenditure (10k yuan)"; the label alone without a unit. */
export function figureHeader(f: FigureDef, lang: Lang): string {
  return labelWithUnit(labelOf(f.label, lang), unitOf(f, lang), lang)
}

export type SortOrder = 'ascending' | 'descending' | null

/** The rows by one figure (or by `region_code` / `region_name`); missing values last either way. */
export function sortRows(rows: readonly DistrictRow[], prop: string | null, order: SortOrder): DistrictRow[] {
  const out = [...rows]
  if (!prop || !order) return out
  const dir = order === 'ascending' ? 1 : -1
  if (prop === 'region_code' || prop === 'region_name') {
    return out.sort((a, b) => dir * a[prop].localeCompare(b[prop], 'zh-CN'))
  }
  return out.sort((a, b) => {
    const x = figureNumber(a.values[prop]); const y = figureNumber(b.values[prop])
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return dir * (x - y)
  })
}

/**
 * The table's summary row (合计), cell by cell: the label, then each figure's total as the server
 * computed it (sums, ratios recomputed); null when there is no total (a single district).
 */
export function summaryCells(data: DistrictFigures | null, label: string): string[] | null {
  if (!data?.total || data.districts.length < 2) return null
  const values = data.total.values
  return [label, ...data.figures.map((f) => formatFigure(values[f.code], f.decimals))]
}

export interface Bars {
  names: string[]
  values: Array<number | null>
}

/** One figure across the districts, largest first (missing ones last, as gaps). */
export function figureBars(data: DistrictFigures | null, code: string): Bars {
  const rows = sortRows(data?.districts ?? [], code, 'descending')
  return { names: rows.map((r) => r.region_name || r.region_code), values: rows.map((r) => figureNumber(r.values[code])) }
}

/** Whether a year's answer holds any value at all. */
export function hasData(data: DistrictFigures): boolean {
  return data.districts.some((d) => Object.values(d.values).some((v) => figureNumber(v) !== null))
}

/** The years to try for the page's first load: a hint first, then from this year down, no repeats. */
export function candidateYears(thisYear: number, hint: number | null = null, span = 15): number[] {
  const years = hint !== null && hint <= thisYear ? [hint] : []
  for (let y = thisYear; y > thisYear - span; y--) if (!years.includes(y)) years.push(y)
  return years
}

/**
 * The first of `years` whose answer holds data, trying them in order (a year the server refuses,
 * 422, counts as empty); the first answer when none has any (the page then shows the empty
 * table). Other errors, and a 422 for every year, propagate.
 */
export async function findLatestYear(
  years: readonly number[], load: (year: number) => Promise<DistrictFigures>,
): Promise<DistrictFigures | null> {
  let first: DistrictFigures | null = null
  let refused: unknown = null
  for (const y of years) {
    let data: DistrictFigures
    try {
      data = await load(y)
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 422)) throw e
      refused ??= e
      continue
    }
    if (hasData(data)) return data
    first ??= data
    // The server knows better: go straight to its newest year with data.
    const newest = data.years?.[0]
    if (newest !== undefined && newest !== y) {
      const answer = await load(newest)
      return hasData(answer) ? answer : first
    }
  }
  if (first === null && refused !== null) throw refused
  return first
}
