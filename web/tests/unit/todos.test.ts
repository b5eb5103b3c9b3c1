import { describe, expect, it } from 'vitest'
import type { Deadline, ExpiringCertificate } from '@/api/policy'
import type { FailedImport } from '@/api/registry'
import { addDays, deadlinesSoon, expiringSoon, failedImportsToRedo, yearsOfWindow } from '@/utils/todos'

const cert = (no: string, until: string): ExpiringCertificate => ({ certificate_no: no, enterprise_id: 1, name: 'x', valid_until: until })
const deadline = (what: string, due: string, enterprises: number): Deadline => ({ what, due, enterprises, zh: what, en: what })

describe('to-do windows', () => {
  it('add calendar days across months, leap days and years', () => {
    expect(addDays('2026-12-02', 90)).toBe('2027-03-02')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
  })

  it('span one year or two', () => {
    expect(yearsOfWindow('2026-03-01')).toEqual([2026])
    expect(yearsOfWindow('2026-12-02')).toEqual([2026, 2027])
  })

  it('keep certificates expiring from today to the 90th day, soonest first and once each', () => {
    const list = [cert('C3', '2027-03-03'), cert('C2', '2027-03-02'), cert('C1', '2026-12-02'), cert('C0', '2026-12-01'), cert('C1', '2026-12-02')]
    expect(expiringSoon(list, '2026-12-02').map((c) => c.certificate_no)).toEqual(['C1', 'C2'])
  })

  it('keep near deadlines that concern some enterprise', () => {
    const list = [deadline('report', '2027-05-31', 40), deadline('update', '2027-03-31', 10), deadline('none', '2027-01-31', 0)]
    expect(deadlinesSoon(list, '2027-01-15').map((d) => d.what)).toEqual(['update'])
    expect(deadlinesSoon(list, '2027-03-15').map((d) => d.what)).toEqual(['update', 'report'])
    expect(deadlinesSoon(list, '2027-06-01')).toEqual([])
  })

  it('list failed imports newest first, each kind and file once', () => {
    const f = (id: number, kind: string, source: string, at: string): FailedImport => ({
      audit_id: id, at, actor: 'staff-a', kind, zh: kind, en: kind, source, rows: 2, error_count: 1, errors: [],
    })
    const list = [f(1, 'enterprises', 'a.csv', '2026-12-01T08:00:00Z'), f(3, 'enterprises', 'a.csv', '2026-12-02T08:00:00Z'),
      f(2, 'patents', 'a.csv', '2026-12-01T09:00:00Z'), f(4, 'enterprises', 'b.csv', '2026-12-02T08:00:00Z')]
    expect(failedImportsToRedo(list).map((x) => x.audit_id)).toEqual([4, 3, 2])
    expect(failedImportsToRedo([])).toEqual([])
  })
})
