// Registry endpoints (docs/api.md "Registry"): the kinds metadata and one set of record routes that
// serves every kind. Nothing here knows a particular kind; the pages are driven by `KindDef`.
import { currentLocale } from '@/i18n'
import { api, requestRaw, type MessageParams, type Query } from './client'
import type { Submission } from './submissions'
import type { Page } from './types'

export type FieldType =
  | 'text' | 'integer' | 'amount' | 'date' | 'boolean' | 'choice' | 'reference'
  | 'credit_code' | 'region_code' | 'industry_code' | 'patent_number'
  | 'decimal' // a number with up to 4 decimals within [min, max], sent as an exact string
  // A type added on the server later is shown and edited as text until the front end knows it.
  | (string & {})

export interface Choice {
  value: string
  zh: string
  en: string
}

export interface FieldDef {
  name: string
  type: FieldType
  zh: string
  en: string
  required: boolean
  unit: string
  searchable: boolean
  filterable: boolean
  max_length?: number
  /** Text fields: holds several lines (tabs and line breaks allowed). */
  multiline?: boolean
  min?: number
  max?: number
  /** Integers that are years (年度): chosen with a year picker. */
  calendar_year?: boolean
  choices?: Choice[]
  /** Kind name of the referenced records, for `reference` fields. */
  references?: string
}

export interface KindDef {
  name: string
  zh: string
  en: string
  fields: FieldDef[]
  natural_key: string[]
  /** The field that names a record in lists, links and history. */
  title_field: string
  /** Whether the signed-in user may create, edit and delete records of this kind. */
  writable: boolean
  /** What the signed-in user may file for staff confirmation (enterprise self-service); absent: nothing. */
  submit?: { create: boolean; edit: boolean }
  /** Totals that are the sum of their parts: the server fills an empty one in and refuses one that differs. */
  sums?: { total: string; parts: string[] }[]
  /**
   * The field that places a record in a district: its own region field, or the reference through
   * which the district is reached (the server filters by the user's scope through it).
   */
  region_scope?: RegionScope
}

export type RegionScope = 'region_code' | 'enterprise_id' | 'platform_id' | 'incubator_id' | (string & {})

export type FieldValue = string | number | boolean | null

/** A stored record: `id`, the kind's fields, `created_at`, `updated_at`. */
export interface RegistryRecord {
  id: number
  created_at?: string
  updated_at?: string
  [field: string]: FieldValue | undefined
}

export interface FieldChange {
  field: string
  before: FieldValue
  after: FieldValue
}

export interface HistoryEntry {
  audit_id: number
  at: string
  actor: string
  action: string
  changes: FieldChange[]
}

const base = (kind: string) => `/registry/${encodeURIComponent(kind)}`

export async function listKinds(): Promise<KindDef[]> {
  return (await api.get<{ kinds: KindDef[] }>('/registry/kinds')).kinds
}

/**
 * The latest fiscal year with figures in the registry (of one enterprise, or of all); null when
 * there is none or the user may not read enterprise years.
 */
export async function latestFiguresYear(enterpriseId?: number): Promise<number | null> {
  try {
    const page = await listRecords('enterprise_years', { enterprise_id: enterpriseId, sort: '-year', page: 1, page_size: 1 })
    const y = page.items[0]?.year
    return typeof y === 'number' ? y : null
  } catch {
    return null
  }
}

export function listRecords(kind: string, query: Query): Promise<Page<RegistryRecord>> {
  return api.get<Page<RegistryRecord>>(base(kind), { query })
}

export function getRecord(kind: string, id: number | string): Promise<RegistryRecord> {
  return api.get<RegistryRecord>(`${base(kind)}/${id}`)
}

/** The record written, or (202, enterprise self-service) `{submission}` waiting for staff. */
export type SaveAnswer = RegistryRecord | { submission: Submission }

export function createRecord(kind: string, body: Record<string, FieldValue>): Promise<SaveAnswer> {
  return api.post<SaveAnswer>(base(kind), body)
}

export function updateRecord(kind: string, id: number | string, body: Record<string, FieldValue>): Promise<SaveAnswer> {
  return api.patch<SaveAnswer>(`${base(kind)}/${id}`, body)
}

export function deleteRecord(kind: string, id: number | string): Promise<void> {
  return api.delete<void>(`${base(kind)}/${id}`)
}

export async function recordHistory(kind: string, id: number | string): Promise<HistoryEntry[]> {
  return (await api.get<{ items: HistoryEntry[] }>(`${base(kind)}/${id}/history`)).items
}

// ---- files: import, export, template ----

/** A refused cell or row of an import: `reason` is the server's English rendering of `code` with `params`. */
export interface ImportRowError {
  row: number
  column: string
  value: string
  reason: string
  code?: string
  params?: MessageParams
}

export interface ImportAnswer {
  format: string
  rows: number
  created: number
  updated: number
  unchanged: number
  error_count: number
  errors: ImportRowError[]
  committed: boolean
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** An import whose rows had errors (nothing was written), as the home page's to-dos list it. */
export interface FailedImport {
  audit_id: number
  at: string
  actor: string
  kind: string
  zh: string
  en: string
  /** The file's name ('upload' when the client did not say). */
  source: string
  rows: number
  error_count: number
  /** The first few row errors, reasons in "中文 / English". */
  errors: ImportRowError[]
}

/** The failed imports of the last `days` days: the user's own (an unscoped administrator's: everyone's). */
export function listFailedImports(): Promise<{ items: FailedImport[]; days: number }> {
  return api.get<{ items: FailedImport[]; days: number }>('/imports/failed')
}

/** The content type the server's importer expects for a chosen file (by its extension). */
export function importContentType(fileName: string): string {
  return /\.xlsx$/i.test(fileName) ? XLSX_TYPE : 'text/csv'
}

/** Checks (`dryRun`) or imports a CSV/XLSX file; any row error means nothing is written. */
export async function importRecords(kind: string, file: Blob & { name: string }, options: { dryRun: boolean; update: boolean }): Promise<ImportAnswer> {
  const response = await requestRaw('POST', `${base(kind)}/import`, {
    body: file,
    contentType: importContentType(file.name),
    // The file's name names the import in /health and, should it fail, on the home page's to-dos.
    query: { dry_run: options.dryRun ? 'true' : undefined, update: options.update ? 'true' : undefined, file: file.name },
  })
  return (await response.json()) as ImportAnswer
}

/** The header row a clerk reads: the fields' labels with units in the current language. */
function headerLanguage(): 'zh' | 'en' {
  return currentLocale() === 'en' ? 'en' : 'zh'
}

/** The records matching the list query (without paging) as a CSV or XLSX file. */
export async function exportRecords(kind: string, query: Query, format: 'csv' | 'xlsx'): Promise<Blob> {
  const { page: _page, page_size: _size, ...filter } = query
  const response = await requestRaw('GET', `${base(kind)}/export`, {
    query: { ...filter, format, headers: headerLanguage() },
    accept: '*/*',
  })
  return response.blob()
}

export async function importTemplate(kind: string): Promise<Blob> {
  return (await requestRaw('GET', `${base(kind)}/template`, { query: { headers: headerLanguage() }, accept: '*/*' })).blob()
}
