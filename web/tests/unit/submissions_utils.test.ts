import { describe, expect, it } from 'vitest'
import type { KindDef } from '@/api/registry'
import { isSubmissionAnswer, type Submission } from '@/api/submissions'
import {
  kindAccess, pendingFirst, submissionLines, submissionRecordId, submittedValue, validNote,
} from '@/utils/submissions'
import { kindOf } from './registry_fixture'

const readOnly = (name: string): KindDef => ({ ...kindOf(name), writable: false })

function submission(over: Partial<Submission> = {}): Submission {
  return {
    id: 1, kind: 'enterprise_years', record_id: null, enterprise_id: 5,
    values: { enterprise_id: '5', year: '2024', sales_revenue: '123.5', employees: '12' },
    status: 'pending', submitted_by: 'acme', submitted_at: '2026-11-27T04:00:00Z',
    decided_by: null, decided_at: null, note: null, result_record_id: null, ...over,
  }
}

describe('kindAccess', () => {
  it('lets writers create, edit and delete directly', () => {
    expect(kindAccess(kindOf('enterprises'), 'staff')).toEqual({ create: true, edit: true, delete: true, review: false })
  })

  it('lets an enterprise account file what the server says: its enterprise (edit only) and its years', () => {
    // As GET /registry/kinds answers an enterprise account.
    const enterprises = { ...readOnly('enterprises'), submit: { create: false, edit: true } }
    const years = { ...readOnly('enterprise_years'), submit: { create: true, edit: true } }
    expect(kindAccess(enterprises, 'enterprise')).toEqual({ create: false, edit: true, delete: false, review: true })
    expect(kindAccess(years, 'enterprise')).toEqual({ create: true, edit: true, delete: false, review: true })
    expect(kindAccess(readOnly('enterprise_years'), 'enterprise').review).toBe(false) // no entry, nothing to file
  })

  it('gives nothing for other read-only kinds or other roles', () => {
    const none = { create: false, edit: false, delete: false, review: false }
    expect(kindAccess(readOnly('hte_certificates'), 'enterprise')).toEqual(none)
    expect(kindAccess(readOnly('enterprise_years'), 'viewer')).toEqual(none)
    expect(kindAccess(readOnly('enterprise_years'), 'reviewer')).toEqual(none)
    expect(kindAccess(undefined, 'admin')).toEqual(none)
    expect(kindAccess(readOnly('enterprise_years'), null)).toEqual(none)
  })

  it('follows the `submit` entry of any kind', () => {
    const certs = { ...readOnly('hte_certificates'), submit: { create: true, edit: false } }
    expect(kindAccess(certs, 'enterprise')).toEqual({ create: true, edit: false, delete: false, review: true })
    const years = { ...readOnly('enterprise_years'), submit: { create: false, edit: false } }
    expect(kindAccess(years, 'enterprise').review).toBe(false)
  })
})

describe('submitted values', () => {
  const years = kindOf('enterprise_years')
  const field = (name: string) => [...kindOf('enterprises').fields, ...years.fields].find((f) => f.name === name)

  it('turns the stored text back into the field type', () => {
    expect(submittedValue(field('employees'), '12')).toBe(12)
    expect(submittedValue(field('enterprise_id'), '5')).toBe(5)
    expect(submittedValue(field('above_size'), 'true')).toBe(true)
    expect(submittedValue(field('above_size'), 'false')).toBe(false)
    expect(submittedValue(field('sales_revenue'), '123.5')).toBe('123.5')
    expect(submittedValue(field('employees'), '')).toBeNull()
    expect(submittedValue(field('employees'), null)).toBeNull()
    expect(submittedValue(undefined, 'x')).toBe('x')
  })

  it('lists a new record\'s values in field order, unknown names last', () => {
    const lines = submissionLines(years, submission({ values: { zeta: 'z', year: '2024', enterprise_id: '5' } }))
    expect(lines.map((l) => l.name)).toEqual(['enterprise_id', 'year', 'zeta'])
    expect(lines[1]).toEqual({ name: 'year', field: years.fields[1], after: 2024, changed: true })
    expect(lines[2]!.field).toBeUndefined()
  })

  it('pairs a change with the record\'s current values', () => {
    const kind = kindOf('enterprises')
    const s = submission({ kind: 'enterprises', record_id: 5, values: { name: 'New', town: '', above_size: 'true' } })
    const lines = submissionLines(kind, s, { id: 5, name: 'Old', town: null, above_size: true })
    expect(lines.map((l) => [l.name, l.before, l.after, l.changed])).toEqual([
      ['name', 'Old', 'New', true],
      ['town', null, null, false],
      ['above_size', true, true, false],
    ])
  })

  it('works without the kinds metadata', () => {
    expect(submissionLines(undefined, submission({ values: { b: '1', a: '2' } })).map((l) => [l.name, l.after]))
      .toEqual([['a', '2'], ['b', '1']])
  })
})

describe('submission lists and answers', () => {
  it('puts pending submissions first and keeps the server order otherwise', () => {
    const items = [
      submission({ id: 4, status: 'approved' }), submission({ id: 3 }),
      submission({ id: 2, status: 'rejected' }), submission({ id: 1 }),
    ]
    expect(pendingFirst(items).map((s) => s.id)).toEqual([3, 1, 4, 2])
  })

  it('names the record changed, or the one the approval created', () => {
    expect(submissionRecordId(submission({ record_id: 7 }))).toBe(7)
    expect(submissionRecordId(submission({ status: 'approved', result_record_id: 9 }))).toBe(9)
    expect(submissionRecordId(submission())).toBeNull()
  })

  it('tells a 202 answer from a written record', () => {
    expect(isSubmissionAnswer({ submission: submission() })).toBe(true)
    expect(isSubmissionAnswer({ id: 5, name: 'Acme' })).toBe(false)
    expect(isSubmissionAnswer({ id: 5, submission: 'a field named so' })).toBe(false)
    expect(isSubmissionAnswer(null)).toBe(false)
  })

  it('requires a note to reject', () => {
    expect(validNote('  ')).toBe(false)
    expect(validNote('Figures do not match the tax return')).toBe(true)
  })
})
