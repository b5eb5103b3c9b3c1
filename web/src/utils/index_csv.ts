// Reading iData/iMeta CSV text in the browser for the index studio's preview, unit pickers and
// what-if inputs. The server parses the files again for every build; this only has to be good
// enough to show what was loaded and to catch the common mistakes before a round trip.

export interface CsvTable {
  header: string[]
  rows: string[][]
}

/** A problem found in the files, as an i18n key under `indexStudio.parse` with its parameters. */
export interface ParseProblem {
  key: string
  params?: Record<string, string | number>
}

export class CsvError extends Error {
  readonly line: number
  constructor(line: number) {
    super(`unterminated quoted field starting on line ${line}`)
    this.line = line
  }
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines; CRLF or LF; a UTF-8 BOM is
 * dropped. Blank lines are skipped. Throws CsvError for a quote that never closes.
 */
export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let inQuotes = false
  let quoteLine = 0
  let line = 1
  const endRecord = () => {
    record.push(field)
    field = ''
    if (!(record.length === 1 && record[0] === '')) records.push(record)
    record = []
  }
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') { field += '"'; i++ } else inQuotes = false
      } else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"') {
      inQuotes = true
      quoteLine = line
    } else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      endRecord()
      line++
    } else {
      field += c
    }
  }
  if (inQuotes) throw new CsvError(quoteLine)
  if (field !== '' || record.length > 0) endRecord()
  const [header = [], ...rows] = records
  return { header: header.map((h) => h.trim()), rows }
}

export interface MetaRow {
  level: number
  code: string
  name: string
  type: string
  parent: string
  weight: number
  direction: number
}

export interface IndexFiles {
  data: CsvTable
  meta: MetaRow[]
  /** uCode of each row of data, in file order. */
  units: string[]
  /** uCode → uName (uName when the column exists, else the code). */
  names: Record<string, string>
  indicators: string[]
  aggregates: string[]
  /** Highest level in iMeta (1 = indicators only). */
  levels: number
}

export interface IndexPreview {
  files: IndexFiles | null
  problems: ParseProblem[]
}

const REQUIRED_META = ['Level', 'iCode', 'Type', 'Parent'] as const

function column(header: readonly string[], name: string): number {
  return header.findIndex((h) => h.toLowerCase() === name.toLowerCase())
}

function tryParse(text: string, which: 'data' | 'meta', problems: ParseProblem[]): CsvTable | null {
  if (!text.trim()) {
    problems.push({ key: which === 'data' ? 'dataEmpty' : 'metaEmpty' })
    return null
  }
  try {
    return parseCsv(text)
  } catch (e) {
    problems.push({ key: 'unterminated', params: { file: which === 'data' ? 'iData' : 'iMeta', line: e instanceof CsvError ? e.line : 0 } })
    return null
  }
}

function metaRows(table: CsvTable, problems: ParseProblem[]): MetaRow[] {
  const at = Object.fromEntries(
    ['Level', 'iCode', 'iName', 'Type', 'Parent', 'Weight', 'Direction'].map((n) => [n, column(table.header, n)]),
  ) as Record<string, number>
  const missing = REQUIRED_META.filter((n) => at[n]! < 0)
  if (missing.length) {
    problems.push({ key: 'metaColumns', params: { columns: missing.join(', ') } })
    return []
  }
  const cell = (r: string[], n: string) => (at[n]! >= 0 ? (r[at[n]!] ?? '').trim() : '')
  return table.rows.map((r) => ({
    level: Number(cell(r, 'Level')) || 0,
    code: cell(r, 'iCode'),
    name: cell(r, 'iName') || cell(r, 'iCode'),
    type: cell(r, 'Type'),
    parent: cell(r, 'Parent'),
    weight: cell(r, 'Weight') === '' ? 1 : Number(cell(r, 'Weight')),
    direction: cell(r, 'Direction') === '' ? 1 : Number(cell(r, 'Direction')),
  }))
}

/** Parses both files and lists what is wrong with them (empty list: ready to build). */
export function previewIndexFiles(dataText: string, metaText: string): IndexPreview {
  const problems: ParseProblem[] = []
  const data = tryParse(dataText, 'data', problems)
  const metaTable = tryParse(metaText, 'meta', problems)
  if (!data || !metaTable) return { files: null, problems }
  const meta = metaRows(metaTable, problems)
  const u = column(data.header, 'uCode')
  if (u < 0) {
    problems.push({ key: 'noUCode' })
    return { files: null, problems }
  }
  const n = column(data.header, 'uName')
  const units = data.rows.map((r) => (r[u] ?? '').trim())
  const seen = new Set<string>()
  for (const code of units) {
    if (!code) problems.push({ key: 'emptyUCode' })
    else if (seen.has(code)) problems.push({ key: 'duplicateUCode', params: { code } })
    seen.add(code)
  }
  const names: Record<string, string> = {}
  data.rows.forEach((r, i) => { names[units[i]!] = n >= 0 ? (r[n] ?? '').trim() || units[i]! : units[i]! })
  const indicators = meta.filter((m) => m.type === 'Indicator').map((m) => m.code)
  const aggregates = meta.filter((m) => m.type === 'Aggregate').map((m) => m.code)
  for (const code of indicators) {
    if (column(data.header, code) < 0) problems.push({ key: 'missingColumn', params: { code } })
  }
  if (meta.length && indicators.length === 0) problems.push({ key: 'noIndicators' })
  if (data.rows.length === 0) problems.push({ key: 'noUnits' })
  const levels = meta.reduce((m, r) => Math.max(m, r.level), 0)
  return { files: { data, meta, units, names, indicators, aggregates, levels }, problems }
}

/** The first `n` rows of iData as objects keyed by column, for the preview table. */
export function firstRows(table: CsvTable, n = 5): Array<Record<string, string>> {
  return table.rows.slice(0, n).map((r) => Object.fromEntries(table.header.map((h, i) => [h, r[i] ?? ''])))
}

/** One unit's value of each indicator (null when missing or not a number), for the what-if inputs. */
export function unitValues(files: IndexFiles, unit: string): Record<string, number | null> {
  const row = files.data.rows[files.units.indexOf(unit)]
  const out: Record<string, number | null> = {}
  for (const code of files.indicators) {
    const raw = row ? (row[column(files.data.header, code)] ?? '').trim() : ''
    const v = raw === '' || raw === 'NA' ? NaN : Number(raw)
    out[code] = Number.isFinite(v) ? v : null
  }
  return out
}
