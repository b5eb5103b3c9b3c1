// The composite-index routes (api.md "Index"): build, uncertainty, region data, saved
// definitions, xlsx to CSV conversion and the xlsx exports. The raw xlsx upload and the file
// answers go through the client's requestRaw, so they are handled like every other call.
import { api, requestRaw } from './client'
import type { SpecJson } from '@/utils/index_spec'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** The server's limits: runs per uncertainty request, and the body of /index/convert. */
export const MAX_RUNS = 20_000
export const MAX_XLSX_BYTES = 8 << 20

export type Num = number | null

export interface IndexResults {
  units: string[]
  /** Aggregates, top level first. */
  columns: string[]
  scores: Record<string, Num[]>
  ranks: Record<string, Num[]>
  /** Rank of the first top-level aggregate. */
  rank: Num[]
}
export interface TreatDetail {
  code: string
  skew_before: Num
  kurt_before: Num
  winsorised: boolean
  points_winsorised: number
  logged: boolean
}
export interface FrameworkRow {
  code: string
  name: string
  level: number
  parent: string | null
  direction: Num
  weight: Num
  effective_weight: Num
}
export interface IndicatorStats {
  code: string
  n: number
  availability: Num
  zeros: number
  min: Num
  max: Num
  mean: Num
  median: Num
  sd: Num
  skew: Num
  kurt: Num
  outlier: boolean
}
export interface Correlations { codes: string[]; r: Num[][] }
export interface Alpha { group: string; alpha: Num }
export interface RankedItem { code: string; value: Num; rank: Num }
export interface Profile { unit: string; level: number; strengths: RankedItem[]; weaknesses: RankedItem[] }
export interface WhatIf {
  units: string[]
  score_before: Num[]
  score_after: Num[]
  rank_before: Num[]
  rank_after: Num[]
  rank_change: Num[]
}
export interface BuildResponse {
  results: IndexResults
  treat_details: TreatDetail[]
  screened_out: string[]
  datasets?: Record<string, string>
  framework?: FrameworkRow[]
  statistics?: IndicatorStats[]
  correlations?: Correlations
  alpha?: Alpha[]
  profile?: Profile
  what_if?: WhatIf
}

export interface IndexInput {
  data: string
  meta: string
  spec?: SpecJson
}
export interface BuildRequest extends IndexInput {
  analysis?: boolean
  profile?: { unit: string; level?: number; n?: number }
  what_if?: { unit?: string; values?: Record<string, number | null>; weights?: Record<string, number> }
}
export interface UncertaintyRequest extends IndexInput {
  vary: { vary: unknown[] }
  runs: number
  seed: number
  sensitivity?: boolean
}
export interface RankStats { units: string[]; nominal: Num[]; mean: Num[]; median: Num[]; q5: Num[]; q95: Num[] }
export interface SensitivityRow {
  factor: string
  si: Num
  sti: Num
  si_q5: Num
  si_q95: Num
  sti_q5: Num
  sti_q95: Num
}
export interface UncertaintyResponse { rank_stats: RankStats; sensitivity: SensitivityRow[]; runs: number; failed_runs: number }

export type DataSource = 'upload' | 'region_statistics'
export interface DefinitionSummary {
  id: number
  name: string
  description: string
  data_source: DataSource
  created_by?: string
  created_at?: string
  updated_at?: string
}
export interface Definition extends DefinitionSummary {
  data: string | null
  meta: string
  spec: SpecJson | null
}
export interface DefinitionBody {
  name: string
  description: string
  data_source: DataSource
  data?: string
  meta: string
  spec?: SpecJson
}
export interface RegionData { data: string; meta: string; regions: number }
export interface Converted { sheets: string[]; sheet?: string; csv: string }

export function buildIndex(body: BuildRequest): Promise<BuildResponse> {
  return api.post<BuildResponse>('/index/build', body)
}
export function runUncertainty(body: UncertaintyRequest): Promise<UncertaintyResponse> {
  return api.post<UncertaintyResponse>('/index/uncertainty', body)
}
export function getRegionData(year: number): Promise<RegionData> {
  return api.get<RegionData>('/index/region-data', { query: { year } })
}
export function listDefinitions(): Promise<{ items: DefinitionSummary[] }> {
  return api.get<{ items: DefinitionSummary[] }>('/index/definitions')
}
export function getDefinition(id: number): Promise<Definition> {
  return api.get<Definition>(`/index/definitions/${id}`)
}
export function createDefinition(body: DefinitionBody): Promise<Definition> {
  return api.post<Definition>('/index/definitions', body)
}
export function updateDefinition(id: number, body: DefinitionBody): Promise<Definition> {
  return api.put<Definition>(`/index/definitions/${id}`, body)
}
export function deleteDefinition(id: number): Promise<void> {
  return api.delete<void>(`/index/definitions/${id}`)
}

/** One sheet (default the first) of an .xlsx workbook as CSV text, converted by the server. */
export async function convertXlsx(file: Blob, sheet?: string): Promise<Converted> {
  const response = await requestRaw('POST', '/index/convert', {
    query: sheet ? { sheet } : {}, body: file, contentType: XLSX_TYPE, accept: 'application/json',
  })
  return (await response.json()) as Converted
}

/** `filename="…"` or RFC 5987 `filename*=UTF-8''…` of a Content-Disposition header. */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try { return decodeURIComponent(star[1]!.trim()) } catch { /* fall through to the plain name */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1]!.trim() : fallback
}

export interface Download { blob: Blob; filename: string }

/** The xlsx export of a build (`kind` build) or an uncertainty run, with the server's file name. */
export async function exportXlsx(kind: 'build' | 'uncertainty', body: BuildRequest | UncertaintyRequest): Promise<Download> {
  const response = await requestRaw('POST', `/index/${kind}`, {
    query: { format: 'xlsx' }, body: JSON.stringify(body), contentType: 'application/json',
    accept: `${XLSX_TYPE}, application/problem+json`,
  })
  const fallback = kind === 'build' ? 'index-results.xlsx' : 'index-uncertainty.xlsx'
  return { blob: await response.blob(), filename: attachmentName(response.headers.get('Content-Disposition'), fallback) }
}
