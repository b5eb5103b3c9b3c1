// Pure rules of the indicators page (views/IndicatorsView.vue): a value as text by its measure
// (counts as integers, amounts in 万元 with up to 4 decimals, ratios with 2), the change on the year
// before and its growth, whether a move went the indicator's right way, the units in English, and
// the search for the latest year with data. A missing value is a dash, never 0.
import { ApiError } from '@/api/client'
import type { IndicatorSeriesAnswer, IndicatorValues, Measure, SeriesPoint } from '@/api/indicators'
import { groupDigits } from './registry'

export const MISSING = '—'

const formats = new Map<string, Intl.NumberFormat>()

/** 'en-US' grouping in both languages, as the registry and district pages show numbers (4,000.12). */
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })
    formats.set(key, f)
  }
  return f
}

/** The decimals a measure is shown with: [at least, at most]. */
function decimalsOf(measure: Measure): [number, number] {
  if (measure === 'count') return [0, 0]
  if (measure === 'ratio') return [2, 2]
  return [0, 4] // amounts: the server's exact 4 decimals, trailing zeros trimmed
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** "12,345.6789" (amount), "2.70" (ratio), "1,234" (count); a dash when missing. */
export function formatIndicator(value: number | null | undefined, measure: Measure): string {
  if (!finite(value)) return MISSING
  const [min, max] = decimalsOf(measure)
  return numberFormat(min, max).format(value)
}

/** The change on the year before with its sign ("+1,200", "-0.35"); a dash when unknown. */
export function formatChange(change: number | null | undefined, measure: Measure): string {
  if (!finite(change)) return MISSING
  const text = formatIndicator(Math.abs(change), measure)
  if (/^[0.,]+$/.test(text)) return text // no sign on a change that rounds to nothing
  return `${change < 0 ? '-' : '+'}${text}`
}

/** Growth in percent with its sign ("+12.34%"); a dash when unknown. */
export function formatGrowth(growth: number | null | undefined): string {
  if (!finite(growth)) return MISSING
  const text = numberFormat(2, 2).format(Math.abs(growth))
  if (text === '0.00') return '0.00%'
  return `${growth < 0 ? '-' : '+'}${text}%`
}

/** Any value a provenance record carries (a number, an exact decimal string, null) as text. */
export function formatPlain(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return MISSING
  if (typeof value === 'number') return finite(value) ? numberFormat(0, 4).format(value) : MISSING
  return groupDigits(value)
}

/**
 * The change and growth from two years' values, as the series endpoint states them: null when
 * either value is unknown; growth null too when the year before was 0 (no base to grow from).
 */
export function changeOf(value: number | null | undefined, previous: number | null | undefined): { change: number | null; growth: number | null } {
  if (!finite(value) || !finite(previous)) return { change: null, growth: null }
  // Rounded to the server's 4 decimals so that 0.3 − 0.1 reads 0.2, not 0.19999999999999998.
  const change = Math.round((value - previous) * 1e4) / 1e4
  return { change, growth: previous === 0 ? null : Math.round((change / previous) * 100 * 1e4) / 1e4 }
}

export type Trend = 'good' | 'bad' | 'flat' | 'unknown'

/** Whether a change went the indicator's right way (direction 1: up is good; -1: down is good). */
export function trendOf(change: number | null | undefined, direction: number): Trend {
  if (!finite(change)) return 'unknown'
  if (change === 0) return 'flat'
  return (change > 0) === (direction >= 0) ? 'good' : 'bad'
}

/** i18n keys of the catalogue's units; any other unit is shown as the catalogue writes it. */
export const INDICATOR_UNIT_KEYS: Readonly<Record<string, string>> = {
  '万元': 'indicators.units.tenThousandYuan',
  '%': 'indicators.units.percent',
  '家': 'indicators.units.enterprises',
  '件': 'indicators.units.pieces',
  '件/万人': 'indicators.units.perTenThousand',
  '项': 'indicators.units.projects',
  '人/个': 'indicators.units.talents',
  '人': 'indicators.units.people',
  '个': 'indicators.units.count',
}

export function indicatorUnit(unit: string, t: (key: string) => string): string {
  const key = INDICATOR_UNIT_KEYS[unit]
  return key ? t(key) : unit
}

/** The point of one indicator's series for a year (undefined when the series lacks it). */
export function pointOf(answer: IndicatorSeriesAnswer | null, code: string, year: number): SeriesPoint | undefined {
  return answer?.series.find((s) => s.code === code)?.points.find((p) => p.year === year)
}

/** The latest year of a series answer in which some indicator has a value; null when none has. */
export function latestYearWithData(answer: IndicatorSeriesAnswer | null): number | null {
  let latest: number | null = null
  for (const s of answer?.series ?? []) {
    for (const p of s.points) if (finite(p.value) && (latest === null || p.year > latest)) latest = p.year
  }
  return latest
}

/** Whether the server said that nothing is recorded for the region that year (404 indicator_no_data). */
export function isNoData(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.problem?.message === 'indicator_no_data'
}

/**
 * The first of `years` (tried in order) whose values the server has; a year with nothing recorded
 * (404 indicator_no_data) is passed over. Null when no year has data; other errors propagate.
 */
export async function findLatestValues(
  years: readonly number[], load: (year: number) => Promise<IndicatorValues>,
): Promise<IndicatorValues | null> {
  for (const y of years) {
    try {
      return await load(y)
    } catch (e) {
      if (!isNoData(e)) throw e
    }
  }
  return null
}

export type RecordSort = { prop: 'value' | 'contributes'; order: 'ascending' | 'descending' } | null

/** A record's value or share as a number (null when missing or not a number). */
function recordNumber(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

/**
 * A provenance group in the order asked (missing values last either way); without an order the
 * server's. The drawer starts with the largest share (or value) first: the records that make a
 * figure are what a reader looks for, not the many that add nothing.
 */
export function sortRecords<T extends { value: number | string | null; contributes?: number | null }>(
  records: readonly T[], sort: RecordSort,
): T[] {
  const out = [...records]
  if (!sort) return out
  const dir = sort.order === 'ascending' ? 1 : -1
  return out.sort((a, b) => {
    const x = recordNumber(a[sort.prop]); const y = recordNumber(b[sort.prop])
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return dir * (x - y)
  })
}
