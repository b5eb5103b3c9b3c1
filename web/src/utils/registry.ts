// Pure, metadata-driven helpers of the registry pages: labels in the current language, the server's
// remaining bilingual texts, list columns, list queries (and their round trip through the URL), form inputs
// per field type, form values ↔ JSON values, and display text. No kind is named here: a new kind or
// field declared on the server shows up through `KindDef` alone.
import type { Query } from '@/api/client'
import type { Choice, FieldDef, FieldValue, KindDef, RegistryRecord } from '@/api/registry'

export type Lang = 'zh' | 'en'

export function langOf(locale: string): Lang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

/** The label of a kind, field or choice in the current language (the other one when empty). */
export function labelOf(item: { zh: string; en: string }, lang: Lang): string {
  return (lang === 'en' ? item.en || item.zh : item.zh || item.en) ?? ''
}

/**
 * A server text that still comes in both languages, "中文 / English" (a file the import or a
 * converter could not read, as a problem's detail); shows the half for the current language. A
 * text without " / " is shown whole. Field and row errors come as codes instead (utils/errors.ts
 * refusalText).
 */
export function bilingual(message: string, lang: Lang): string {
  const at = message.indexOf(' / ')
  if (at < 0) return message
  const zh = message.slice(0, at).trim()
  const en = message.slice(at + 3).trim()
  return (lang === 'en' ? en || zh : zh || en) || message
}

// ---------------------------------------------------------------------------------------------
// Units

/** i18n keys of the units the server uses; any other unit is shown as the server wrote it. */
export const UNIT_KEYS: Readonly<Record<string, string>> = {
  '万元': 'registry.units.tenThousandYuan',
  '元': 'registry.units.yuan',
  '人': 'registry.units.people',
  '项': 'registry.units.items',
  '个': 'registry.units.count',
  '%': 'registry.units.percent',
  '基点': 'registry.units.basisPoints',
}

/** Rates are stored in basis points (568) and shown as percent (5.68%). */
export const BASIS_POINTS = '基点'

/** The unit a field's values are shown in: its declared unit, except basis points, shown as %. */
export function displayUnit(field: FieldDef): string {
  return field.unit === BASIS_POINTS ? '%' : field.unit ?? ''
}

/** 568 → "5.68%", exactly (integer arithmetic). */
export function basisPointsText(bp: number): string {
  const sign = bp < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(bp))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`
}

export function unitText(unit: string, t: (key: string) => string): string {
  const key = UNIT_KEYS[unit]
  return key ? t(key) : unit
}

/** "注册资本（万元）" / "Registered capital (10k yuan)"; the label alone without a unit. */
export function labelWithUnit(label: string, unit: string, lang: Lang): string {
  if (!unit) return label
  return lang === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`
}

// ---------------------------------------------------------------------------------------------
// Columns of the list

export const MAX_COLUMNS = 6

/** Amounts and decimals travel as exact decimal strings (never floats). */
export function isDecimal(field: FieldDef): boolean {
  return field.type === 'amount' || field.type === 'decimal'
}

export function isNumeric(field: FieldDef): boolean {
  return isDecimal(field) || field.type === 'integer'
}

/** Text of several lines (the kind declaration says so): a text area, and left out of list columns. */
export function isLongText(field: FieldDef): boolean {
  return field.type === 'text' && field.multiline === true
}

/**
 * Amounts and counts are right-aligned; an integer that is part of the natural key (a year) is an
 * identifier rather than a quantity and stays left.
 */
export function columnAlign(field: FieldDef, kind?: KindDef): 'left' | 'right' | 'center' {
  if (isDecimal(field)) return 'right'
  if (field.type === 'integer') return kind?.natural_key.includes(field.name) ? 'left' : 'right'
  if (field.type === 'boolean') return 'center'
  return 'left'
}

/** A sensible minimum width for a column of this field (codes and titles must not be cut). */
export function columnWidth(field: FieldDef, kind?: KindDef): number {
  if (kind && field.name === kind.title_field) return 200
  if (field.type === 'credit_code') return 190
  if (isDecimal(field)) return 150
  if (field.type === 'reference') return 180
  if (field.type === 'boolean' || field.type === 'integer' || field.type === 'date') return 110
  if (field.type === 'region_code') return 160 // "350102 鼓楼区": the code and its division's name
  if (field.type === 'industry_code') return 120
  if (field.type === 'patent_number') return 150
  return 140
}

/**
 * The list's columns: the title field and the natural key first (in natural-key order when the
 * title is part of it, e.g. enterprise then year), declared totals, then up to `max` columns from the kind's other
 * fields in declaration order — typed values (codes, dates, amounts, choices…) before free texts,
 * which are less telling in a table; long texts and the fields in `exclude` (e.g. the reference a
 * related list is filtered by) never.
 */
export function chooseColumns(kind: KindDef, max = MAX_COLUMNS, exclude: readonly string[] = []): FieldDef[] {
  const byName = new Map(kind.fields.map((f) => [f.name, f]))
  const picked: FieldDef[] = []
  const add = (name: string) => {
    const f = byName.get(name)
    if (f && !picked.includes(f) && !exclude.includes(name)) picked.push(f)
  }
  if (!kind.natural_key.includes(kind.title_field)) add(kind.title_field)
  kind.natural_key.forEach(add)
  // A declared total (研发费用总额) says more than any one of its parts.
  kind.sums?.forEach((sum) => add(sum.total))
  const rest = kind.fields.filter((f) => !isLongText(f))
  for (const f of [...rest.filter((x) => x.type !== 'text'), ...rest.filter((x) => x.type === 'text')]) {
    if (picked.length >= max) break
    add(f.name)
  }
  // Keep the declaration order after the leading title and key columns.
  const lead = picked.filter((f) => f.name === kind.title_field || kind.natural_key.includes(f.name))
  const others = kind.fields.filter((f) => picked.includes(f) && !lead.includes(f))
  return [...lead, ...others]
}

// ---------------------------------------------------------------------------------------------
// List query and its URL form

export interface ListState {
  q: string
  /** `field` or `-field`, '' for the server's default order. */
  sort: string
  page: number
  pageSize: number
  /** Filter values by field name, as the text sent to the server ('true', '2', '350100', …). */
  filters: Record<string, string>
}

export const DEFAULT_PAGE_SIZE = 20
/** Fields every record has besides the declared ones; the list can be sorted by them too. */
export const SYSTEM_FIELDS = ['id', 'created_at', 'updated_at'] as const

export function emptyListState(): ListState {
  return { q: '', sort: '', page: 1, pageSize: DEFAULT_PAGE_SIZE, filters: {} }
}

function sortable(kind: KindDef, sort: string): boolean {
  const name = sort.startsWith('-') ? sort.slice(1) : sort
  return name !== '' && ((SYSTEM_FIELDS as readonly string[]).includes(name) || kind.fields.some((f) => f.name === name))
}

export function filterableFields(kind: KindDef): FieldDef[] {
  return kind.fields.filter((f) => f.filterable)
}

/** The query of `GET /registry/{kind}`: q, sort, page, page_size and one entry per set filter. */
export function buildListQuery(kind: KindDef, state: ListState): Query {
  const query: Query = { page: state.page, page_size: state.pageSize }
  const q = state.q.trim()
  if (q) query.q = q
  if (state.sort && sortable(kind, state.sort)) query.sort = state.sort
  for (const f of filterableFields(kind)) {
    const v = state.filters[f.name]?.trim()
    if (v) query[f.name] = v
  }
  return query
}

/** Element Plus's sort-change ({prop, order}) → the server's `sort`. */
export function sortParam(prop: string | null | undefined, order: string | null | undefined): string {
  if (!prop || !order) return ''
  return order === 'descending' ? `-${prop}` : prop
}

/** The server's `sort` → Element Plus's default-sort. */
export function sortState(sort: string): { prop: string; order: 'ascending' | 'descending' } | undefined {
  if (!sort) return undefined
  return sort.startsWith('-') ? { prop: sort.slice(1), order: 'descending' } : { prop: sort, order: 'ascending' }
}

type RouteQuery = Record<string, string | null | (string | null)[] | undefined>

function first(v: RouteQuery[string]): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positive(text: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text)
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback
}

/** Reads the list state from the page's URL (so links such as "years of this enterprise" work). */
export function stateFromRoute(kind: KindDef, query: RouteQuery): ListState {
  const state = emptyListState()
  state.q = first(query.q)
  const sort = first(query.sort)
  state.sort = sortable(kind, sort) ? sort : ''
  state.page = positive(first(query.page), 1)
  state.pageSize = positive(first(query.page_size), DEFAULT_PAGE_SIZE, 200)
  for (const f of filterableFields(kind)) {
    const v = first(query[f.name])
    if (v) state.filters[f.name] = v
  }
  return state
}

/** The list state as the page's URL query, leaving out defaults. */
export function routeQueryFrom(kind: KindDef, state: ListState): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(buildListQuery(kind, state))) {
    if (v === undefined || v === null || v === '') continue
    if (k === 'page' && v === 1) continue
    if (k === 'page_size' && v === DEFAULT_PAGE_SIZE) continue
    out[k] = String(v)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Form inputs

export type InputKind =
  | 'text' | 'textarea' | 'integer' | 'year' | 'amount' | 'date' | 'boolean' | 'choice' | 'reference' | 'code'
  | 'region'

export interface InputSpec {
  kind: InputKind
  maxLength?: number
  min?: number
  max?: number
  unit: string
  choices: Choice[]
  references?: string
}

export const CODE_TYPES = ['credit_code', 'region_code', 'industry_code', 'patent_number'] as const
/** Codes accept spaces and full-width characters (the server folds them), so allow some slack. */
export const CODE_MAX_LENGTH = 40
const JS_SAFE = Number.MAX_SAFE_INTEGER

/** The input of a form field, from its type and constraints. */
export function inputSpec(field: FieldDef): InputSpec {
  const spec: InputSpec = { kind: 'text', unit: field.unit ?? '', choices: field.choices ?? [] }
  switch (field.type) {
    case 'integer':
      spec.kind = field.calendar_year ? 'year' : 'integer'
      spec.min = Math.max(field.min ?? -JS_SAFE, -JS_SAFE)
      spec.max = Math.min(field.max ?? JS_SAFE, JS_SAFE)
      break
    case 'amount':
      spec.kind = 'amount'
      break
    case 'decimal': // the same exact-decimal input, with the field's range checked
      spec.kind = 'amount'
      spec.min = field.min
      spec.max = field.max
      break
    case 'date':
      spec.kind = 'date'
      break
    case 'boolean':
      spec.kind = 'boolean'
      break
    case 'choice':
      spec.kind = 'choice'
      break
    case 'reference':
      spec.kind = 'reference'
      spec.references = field.references
      break
    case 'region_code': // GB/T 2260, picked from the division dictionary (utils/regions.ts)
      spec.kind = 'region'
      spec.maxLength = CODE_MAX_LENGTH
      break
    default:
      if ((CODE_TYPES as readonly string[]).includes(field.type)) {
        spec.kind = 'code'
        spec.maxLength = CODE_MAX_LENGTH
      } else {
        spec.kind = isLongText(field) ? 'textarea' : 'text'
        if (field.max_length) spec.maxLength = field.max_length
      }
  }
  return spec
}

/** The value an input edits: text inputs hold strings, numbers numbers, the rest null when empty. */
export type FormValue = string | number | boolean | null

export function toFormValue(field: FieldDef, value: FieldValue | undefined): FormValue {
  const kind = inputSpec(field).kind
  const empty = value === null || value === undefined || value === ''
  switch (kind) {
    case 'integer':
    case 'year':
    case 'reference': {
      if (empty) return null
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? n : null
    }
    case 'boolean':
      return empty ? null : value === true || value === 'true'
    case 'choice':
    case 'date':
      return empty ? null : String(value)
    default:
      return empty ? '' : String(value)
  }
}

/** The JSON value sent for an input's value: trimmed text, '' → null, amounts as exact strings. */
export function fromFormValue(field: FieldDef, value: FormValue | undefined): FieldValue {
  const kind = inputSpec(field).kind
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'integer':
    case 'year':
    case 'reference': {
      if (value === '') return null
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? n : null
    }
    case 'boolean':
      return value === true || value === 'true'
    case 'amount': {
      const s = String(value).replace(/[,，\s]/g, '')
      return s === '' ? null : s
    }
    default: {
      const s = String(value).trim()
      return s === '' ? null : s
    }
  }
}

export function emptyForm(kind: KindDef): Record<string, FormValue> {
  return Object.fromEntries(kind.fields.map((f) => [f.name, toFormValue(f, null)]))
}

export function formFromRecord(kind: KindDef, record: RegistryRecord): Record<string, FormValue> {
  return Object.fromEntries(kind.fields.map((f) => [f.name, toFormValue(f, record[f.name])]))
}

/**
 * The body of a create (every non-empty field) or an update (only the fields that differ from the
 * stored record; a cleared field is sent as null).
 */
export function buildBody(
  kind: KindDef, form: Record<string, FormValue>, original: RegistryRecord | null,
): Record<string, FieldValue> {
  const body: Record<string, FieldValue> = {}
  for (const f of kind.fields) {
    const value = fromFormValue(f, form[f.name])
    if (original) {
      const before = fromFormValue(f, toFormValue(f, original[f.name]))
      if (value !== before) body[f.name] = value
    } else if (value !== null) {
      body[f.name] = value
    }
  }
  return body
}

export const AMOUNT_PATTERN = /^-?\d+(\.\d{1,4})?$/

export type FieldProblem =
  | { key: 'registry.invalid.required' }
  | { key: 'registry.invalid.tooLong'; params: { max: number } }
  | { key: 'registry.invalid.amount' }
  | { key: 'registry.invalid.range'; params: { min: number; max: number } }

/** What the form can check before asking the server (the server checks everything again). */
export function checkField(field: FieldDef, value: FormValue | undefined): FieldProblem | null {
  const v = fromFormValue(field, value)
  if (v === null) return field.required ? { key: 'registry.invalid.required' } : null
  const spec = inputSpec(field)
  if (spec.kind === 'amount' && !AMOUNT_PATTERN.test(String(v))) return { key: 'registry.invalid.amount' }
  if (spec.kind === 'amount' && spec.min !== undefined && spec.max !== undefined) {
    const n = Number(v)
    if (n < spec.min || n > spec.max) return { key: 'registry.invalid.range', params: { min: spec.min, max: spec.max } }
  }
  if ((spec.kind === 'text' || spec.kind === 'textarea') && spec.maxLength && [...String(v)].length > spec.maxLength) {
    return { key: 'registry.invalid.tooLong', params: { max: spec.maxLength } }
  }
  if ((spec.kind === 'integer' || spec.kind === 'year') && typeof v === 'number' && (v < spec.min! || v > spec.max! || !Number.isInteger(v))) {
    return { key: 'registry.invalid.range', params: { min: spec.min!, max: spec.max! } }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Display

/** "1234567.5" → "1,234,567.5" (exact: the decimal string is never turned into a float). */
export function groupDigits(decimal: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(decimal)
  if (!m) return decimal
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`
}

export interface Words {
  yes: string
  no: string
}

/** A value as text; '' for an empty value (the pages show a dash). References show as `#id`. */
export function formatValue(field: FieldDef | undefined, value: FieldValue | undefined, lang: Lang, words: Words): string {
  if (value === null || value === undefined || value === '') return ''
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value)
  switch (field.type) {
    case 'boolean':
      return value === true || value === 'true' ? words.yes : words.no
    case 'choice': {
      const c = field.choices?.find((x) => x.value === String(value))
      return c ? labelOf(c, lang) : String(value)
    }
    case 'amount':
    case 'decimal':
      return groupDigits(String(value))
    case 'integer':
      if (field.unit === BASIS_POINTS) return basisPointsText(Number(value))
      // Counts (a unit such as 人, 项, 个) get thousands separators; years and other unitless
      // integers are shown as they are (2013, not 2,013).
      return field.unit ? groupDigits(String(value)) : String(value)
    case 'reference':
      return `#${value}`
    default:
      return String(value)
  }
}

/** What names a record: its title field, else `#id`. */
export function recordTitle(kind: KindDef, record: RegistryRecord, lang: Lang, words: Words): string {
  const field = kind.fields.find((f) => f.name === kind.title_field)
  const text = field && field.type !== 'reference' ? formatValue(field, record[field.name], lang, words) : ''
  return text || `#${record.id}`
}

/** The title plus the other natural-key values, e.g. "Acme (91350100M000100Y43)": for pickers. */
export function recordLabel(kind: KindDef, record: RegistryRecord, lang: Lang, words: Words): string {
  const title = recordTitle(kind, record, lang, words)
  const extra = kind.natural_key
    .filter((n) => n !== kind.title_field)
    .map((n) => kind.fields.find((f) => f.name === n))
    .filter((f): f is FieldDef => f !== undefined && f.type !== 'reference')
    .map((f) => formatValue(f, record[f.name], lang, words))
    .filter((s) => s !== '')
  return extra.length > 0 ? `${title} (${extra.join(', ')})` : title
}

/** "enterprises.update" → "update". */
export function actionVerb(action: string): string {
  const at = action.lastIndexOf('.')
  return at < 0 ? action : action.slice(at + 1)
}

export interface RelatedList {
  kind: KindDef
  /** The reference field of `kind` that points at the record shown. */
  field: FieldDef
}

/** Kinds whose records point at records of `kindName` through a filterable reference. */
export function relatedLists(kinds: readonly KindDef[], kindName: string): RelatedList[] {
  const out: RelatedList[] = []
  for (const k of kinds) {
    for (const f of k.fields) {
      if (f.type === 'reference' && f.references === kindName && f.filterable) out.push({ kind: k, field: f })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Columns the user chose (the list's column chooser), remembered per user and kind

export function columnsStorageKey(user: string, kind: string): string {
  return `kc.columns.${user}.${kind}`
}

/** The chosen column names still declared by the kind, or null when nothing (valid) was saved. */
export function readChosenColumns(storage: Pick<Storage, 'getItem'>, key: string, kind: KindDef): string[] | null {
  try {
    const saved: unknown = JSON.parse(storage.getItem(key) ?? 'null')
    if (!Array.isArray(saved)) return null
    const names = saved.filter((n): n is string => typeof n === 'string' && kind.fields.some((f) => f.name === n))
    return names.length > 0 ? names : null
  } catch {
    return null
  }
}

/** The columns to show: the chosen ones in declaration order, else the default choice. */
export function visibleColumns(kind: KindDef, chosen: readonly string[] | null): FieldDef[] {
  if (!chosen) return chooseColumns(kind)
  return kind.fields.filter((f) => chosen.includes(f.name))
}

// ---------------------------------------------------------------------------------------------
// District of records placed through a reference

/**
 * For a kind whose records lie in a district through a reference (enterprise years through their
 * enterprise, platform years through their platform), that reference and the district field of
 * the record it names; none for a kind with a district field of its own (shown as a field) or
 * with no district. A city user's lists show the district from it.
 */
export function districtThrough(kind: KindDef, kindOf: (name: string) => KindDef | undefined): { via: FieldDef; district: FieldDef } | null {
  const via = kind.fields.find((f) => f.name === kind.region_scope)
  if (!via || via.type !== 'reference' || !via.references) return null
  const target = kindOf(via.references)
  const district = target?.fields.find((f) => f.name === target.region_scope && f.type === 'region_code')
  return district ? { via, district } : null
}
