import { describe, expect, it } from 'vitest'
import type { Deadline, ExpiringCertificate } from '@/api/policy'
import { addDays, deadlinesSoon, expiringSoon, yearsOfWindow } from '@/utils/todos'

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
})
