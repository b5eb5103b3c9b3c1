// The indicator catalogue and its values (docs/api.md "Indicators", docs/indicators.md): the
// catalogue in force, one year's values of a region, the year-by-year series with the change on
// the year before, and the records behind one value. The region is the header's district (the
// client sends it) or, without one, the caller's own region; the server never guesses a 0.
import { api } from './client'

export type Measure = 'count' | 'amount' | 'ratio'

export interface IndicatorDef {
  code: string
  zh: string
  en: string
  /** As the catalogue writes it, in Chinese: 万元, %, 家, 件/万人 … */
  unit: string
  /** 1: more is better; -1: less is better. */
  direction: number
  measure: Measure
  formula: string
  basis_zh: string
  basis_en: string
  builtin: boolean
}

export interface IndicatorValue {
  code: string
  /** null: a figure it needs is missing (never shown as 0). */
  value: number | null
  unit: string
  records: number
  updated_at: string | null
}

export interface IndicatorValues {
  year: number
  region: string
  values: IndicatorValue[]
}

export interface SeriesPoint {
  year: number
  value: number | null
  /** value − the year before's; null when either is unknown. */
  change: number | null
  /** change ÷ the year before's × 100; null when unknown or the year before was 0. */
  growth: number | null
}

export interface IndicatorSeries {
  code: string
  unit: string
  points: SeriesPoint[]
}

export interface IndicatorSeriesAnswer {
  region: string
  from: number
  to: number
  series: IndicatorSeries[]
}

export interface ProvenanceRecord {
  kind: string
  id: number
  label: string
  district: string
  value: number | string | null
  /** The record's share of an additive value; absent in a ratio's groups. */
  contributes?: number | null
  updated_at: string | null
}

export interface Explanation {
  code: string
  year: number
  region: string
  value: number | null
  unit: string
  formula: string
  /** Some group held more than the server lists (50,000 records). */
  truncated: boolean
  /** An additive value: the records whose shares sum to it. */
  records?: ProvenanceRecord[]
  /** A ratio: the records of its two parts. */
  numerator?: ProvenanceRecord[]
  denominator?: ProvenanceRecord[]
}

export async function listIndicators(): Promise<IndicatorDef[]> {
  return (await api.get<{ items: IndicatorDef[] }>('/indicators')).items
}

export function getIndicatorValues(year: number): Promise<IndicatorValues> {
  return api.get<IndicatorValues>('/indicators/values', { query: { year } })
}

export function getIndicatorSeries(from: number, to: number): Promise<IndicatorSeriesAnswer> {
  return api.get<IndicatorSeriesAnswer>('/indicators/series', { query: { from, to } })
}

export function explainIndicator(code: string, year: number): Promise<Explanation> {
  return api.get<Explanation>(`/indicators/${encodeURIComponent(code)}/explain`, { query: { year } })
}
