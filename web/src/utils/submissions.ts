// Pure logic of enterprise self-service: who may file what, and a submission's values shown as a
// field list (before → after) with the kinds metadata.
import type { FieldDef, FieldValue, KindDef, RegistryRecord } from '@/api/registry'
import type { Submission } from '@/api/submissions'
import type { Role } from '@/api/types'

/** What the signed-in user may do with records of a kind, and whether changes wait for staff. */
export interface KindAccess {
  create: boolean
  edit: boolean
  delete: boolean
  /** Saves are filed as submissions (202) and written only when staff approve them. */
  review: boolean
}

const NONE: KindAccess = { create: false, edit: false, delete: false, review: false }

export function kindAccess(kind: KindDef | undefined, role: Role | null): KindAccess {
  if (!kind) return NONE
  if (kind.writable) return { create: true, edit: true, delete: true, review: false }
  if (role !== 'enterprise') return NONE
  // The server says per kind what this role may file for staff confirmation (GET /registry/kinds).
  const submit = kind.submit
  if (!submit || (!submit.create && !submit.edit)) return NONE
  return { create: submit.create, edit: submit.edit, delete: false, review: true }
}

/** A filed value (the server stores them as text) in the type the field's records use. */
export function submittedValue(field: FieldDef | undefined, value: FieldValue | undefined): FieldValue {
  if (value === undefined || value === null || value === '') return null
  if (!field || typeof value !== 'string') return value
  switch (field.type) {
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value
    case 'integer':
    case 'reference':
      return /^-?\d+$/.test(value) ? Number(value) : value
    default:
      return value
  }
}

export interface SubmissionLine {
  name: string
  /** Undefined for a field the metadata does not know (shown by name, as text). */
  field: FieldDef | undefined
  after: FieldValue
  /** The record's current value, for changes to an existing record once it is loaded. */
  before?: FieldValue
  /** False when the value filed equals the current one. */
  changed: boolean
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const norm = (v: FieldValue | undefined) => (v === undefined || v === null || v === '' ? null : String(v))
  return norm(a) === norm(b)
}

/**
 * The filed values in the kind's field order (unknown names last); with the current `record`
 * each line also carries the value it replaces.
 */
export function submissionLines(kind: KindDef | undefined, submission: Submission, record?: RegistryRecord | null): SubmissionLine[] {
  const names = Object.keys(submission.values)
  const known = kind ? kind.fields.filter((f) => names.includes(f.name)) : []
  const unknown = names.filter((n) => !known.some((f) => f.name === n)).sort()
  const lines: SubmissionLine[] = []
  for (const f of known) {
    const after = submittedValue(f, submission.values[f.name])
    if (record) {
      const before = record[f.name] ?? null
      lines.push({ name: f.name, field: f, after, before, changed: !same(before, after) })
    } else {
      lines.push({ name: f.name, field: f, after, changed: true })
    }
  }
  for (const n of unknown) {
    const after = submittedValue(undefined, submission.values[n])
    lines.push(record ? { name: n, field: undefined, after, before: record[n] ?? null, changed: !same(record[n], after) }
      : { name: n, field: undefined, after, changed: true })
  }
  return lines
}

/** Pending submissions first, otherwise in the server's order (newest first). */
export function pendingFirst(items: readonly Submission[]): Submission[] {
  return items.map((s, i) => ({ s, i }))
    .sort((a, b) => Number(b.s.status === 'pending') - Number(a.s.status === 'pending') || a.i - b.i)
    .map((x) => x.s)
}

/** The record a submission is about: the one changed, or the one its approval created. */
export function submissionRecordId(s: Submission): number | null {
  return s.record_id ?? s.result_record_id ?? null
}

/** A rejection needs a reason for the enterprise. */
export function validNote(note: string): boolean {
  return note.trim().length > 0
}

/** The kind whose records `enterprise_id` of a submission names. */
export const ENTERPRISE_KIND = 'enterprises'
