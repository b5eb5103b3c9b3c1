// The staff home page's to-dos (待办), from what the server already lists: submissions waiting for
// confirmation, HTE certificates that expire soon, the year's filing deadlines that are near, and
// imports that failed.
// Pure, so the windows and their edges are unit-tested (tests/unit/todos.test.ts).
import type { Deadline, ExpiringCertificate } from '@/api/policy'
import type { FailedImport } from '@/api/registry'

/** How far ahead the home page looks (certificates expiring, deadlines coming). */
export const TODO_WINDOW_DAYS = 90

/** `iso` (YYYY-MM-DD) plus `days` calendar days, as YYYY-MM-DD (UTC arithmetic: no DST drift). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10)
}

/** The calendar years a window starting today touches (one, or two across the new year). */
export function yearsOfWindow(today: string, days = TODO_WINDOW_DAYS): number[] {
  const first = Number(today.slice(0, 4))
  const last = Number(addDays(today, days).slice(0, 4))
  return first === last ? [first] : [first, last]
}

/** Certificates valid until a day in [today, today + days], soonest first, each once. */
export function expiringSoon(certificates: ExpiringCertificate[], today: string, days = TODO_WINDOW_DAYS): ExpiringCertificate[] {
  const end = addDays(today, days)
  const seen = new Set<string>()
  return certificates
    .filter((c) => c.valid_until >= today && c.valid_until <= end)
    .filter((c) => (seen.has(c.certificate_no) ? false : (seen.add(c.certificate_no), true)))
    .sort((a, b) => a.valid_until.localeCompare(b.valid_until) || a.certificate_no.localeCompare(b.certificate_no))
}

/** Deadlines falling in [today, today + days] that concern at least one enterprise, soonest first. */
export function deadlinesSoon(deadlines: Deadline[], today: string, days = TODO_WINDOW_DAYS): Deadline[] {
  const end = addDays(today, days)
  return deadlines
    .filter((d) => d.due >= today && d.due <= end && d.enterprises > 0)
    .sort((a, b) => a.due.localeCompare(b.due))
}

/**
 * The failed imports to show, newest first, each kind and file once: a file that failed three
 * times is one to-do, its latest attempt.
 */
export function failedImportsToRedo(items: FailedImport[]): FailedImport[] {
  const seen = new Set<string>()
  return [...items]
    .sort((a, b) => b.at.localeCompare(a.at) || b.audit_id - a.audit_id)
    .filter((f) => {
      const key = `${f.kind}\u0000${f.source}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}
