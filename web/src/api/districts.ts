// The city view's side-by-side district figures (api.md "District figures"): one row per district
// inside the user's scope (narrowed by the header's switcher), the figures' labels and units as
// the server declares them, and the total of 2+ districts (sums, ratios recomputed by the server).
import { api, linkUrl } from './client'
import type { Bilingual } from './policy'

export interface FigureDef {
  code: string
  label: Bilingual
  unit: Bilingual
  /** Summed over districts (counts, money); false for ratios, which the server recomputes. */
  additive: boolean
  decimals: number
}

/** A number, a decimal string (money in 万元 with 4 decimals) or null (missing). */
export type FigureValue = number | string | null

export interface DistrictRow {
  region_code: string
  region_name: string
  values: Record<string, FigureValue>
}

export interface DistrictFigures {
  year: number
  figures: FigureDef[]
  districts: DistrictRow[]
  /** Present for 2+ districts. */
  total?: { region_code: string; values: Record<string, FigureValue> } | null
  /** Years with data, newest first, if the server offers them. */
  years?: number[]
}

export function getDistrictFigures(year: number, signal?: AbortSignal): Promise<DistrictFigures> {
  return api.get<DistrictFigures>('/districts/figures', { query: { year }, signal })
}

/** The table as an XLSX download (headers in `lang`), for a plain link; the server audits it. */
export function districtFiguresXlsxUrl(year: number, lang: 'zh' | 'en'): string {
  return linkUrl('/districts/figures', { year, format: 'xlsx', lang })
}
