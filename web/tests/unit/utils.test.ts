import { describe, expect, it } from 'vitest'
import { characterClasses, passwordProblem } from '@/utils/password_policy'
import { diffObjects } from '@/utils/json_diff'
import { isoDate, lastDays, rangeToFilter } from '@/utils/dates'
import { formatTime } from '@/utils/format'
import { errorMessage } from '@/utils/errors'
import { ApiError } from '@/api/client'

describe('password policy', () => {
  it('needs 10 characters and 3 of 4 classes', () => {
    expect(passwordProblem('Ab1!')).toBe('tooShort')
    expect(passwordProblem('abcdefghij')).toBe('tooFewClasses')
    expect(passwordProblem('abcdefghI1')).toBeNull()
    expect(passwordProblem('abcdefgh1!')).toBeNull()
    expect(passwordProblem('科技创新科技创新创新1A')).toBeNull() // non-ASCII counts as "other"
    expect(characterClasses('aA1!')).toBe(4)
  })
})

describe('audit before → after diff', () => {
  it('marks added, removed, changed and unchanged keys', () => {
    const rows = diffObjects({ role: 'staff', name: 'A', gone: 1 }, { role: 'admin', name: 'A', fresh: true })
    expect(rows).toEqual([
      { key: 'fresh', before: '', after: 'true', kind: 'added' },
      { key: 'gone', before: '1', after: '', kind: 'removed' },
      { key: 'name', before: '"A"', after: '"A"', kind: 'same' },
      { key: 'role', before: '"staff"', after: '"admin"', kind: 'changed' },
    ])
  })

  it('handles creation and deletion records', () => {
    expect(diffObjects(null, { a: 1 })).toEqual([{ key: 'a', before: '', after: '1', kind: 'added' }])
    expect(diffObjects({ a: 1 }, null)).toEqual([{ key: 'a', before: '1', after: '', kind: 'removed' }])
    expect(diffObjects(null, null)).toEqual([])
  })
})

describe('dates and times', () => {
  it('lists the last n calendar days ending today, across a month end', () => {
    expect(lastDays(3, new Date(2026, 2, 1, 15))).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(isoDate(new Date(2026, 10, 7))).toBe('2026-11-07')
  })

  it('maps a date range to from/to', () => {
    expect(rangeToFilter(['2026-01-01', '2026-01-31'])).toEqual({ from: '2026-01-01', to: '2026-01-31' })
    expect(rangeToFilter(null)).toEqual({})
  })

  it('formats times as local YYYY-MM-DD HH:mm:ss', () => {
    const d = new Date(2026, 10, 27, 9, 5, 3)
    expect(formatTime(d.toISOString())).toBe('2026-11-27 09:05:03')
    expect(formatTime(null)).toBe('')
    expect(formatTime('not a time')).toBe('not a time')
  })
})

describe('error messages', () => {
  const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`
  const known = new Set(['errors.forbidden', 'errors.network', 'errors.conflict'])
  const te = (key: string) => known.has(key)

  it('translates known codes, prefers server detail for conflicts, falls back to status', () => {
    expect(errorMessage(new ApiError(403, 'forbidden', { detail: 'x' }), t, te)).toBe('errors.forbidden')
    expect(errorMessage(new ApiError(409, 'conflict', { detail: 'username taken' }), t, te)).toBe('username taken')
    expect(errorMessage(new ApiError(418, 'http_418', null), t, te)).toBe('errors.unknown{"status":418}')
    expect(errorMessage(new Error('boom'), t, te)).toBe('boom')
  })

  it('says the server\'s message, with its params, before the code\'s general text', () => {
    const has = (key: string) => key === 'problem.no_record' || key === 'errors.not_found'
    const missing = new ApiError(404, 'not_found', { detail: 'No record 7 in Enterprises.', message: 'no_record',
      params: { id: 7, kind_zh: '企业', kind_en: 'Enterprises' } })
    expect(errorMessage(missing, t, has)).toBe('problem.no_record{"id":7,"kind_zh":"企业","kind_en":"Enterprises"}')
    // A message this build does not know yet: the code's general text.
    const newer = new ApiError(404, 'not_found', { detail: 'x', message: 'from_a_newer_server' })
    expect(errorMessage(newer, t, has)).toBe('errors.not_found')
  })

  it('passes a limit problem\'s params to its translation', () => {
    const limits = new Set(['errors.too_many_cells', 'errors.time_budget_exceeded'])
    const has = (key: string) => limits.has(key)
    const cells = new ApiError(422, 'too_many_cells', { detail: 'x', params: { limit: 2000000, cells: 17179869184 } })
    expect(errorMessage(cells, t, has)).toBe('errors.too_many_cells{"limit":2000000,"cells":17179869184}')
    const budget = new ApiError(422, 'time_budget_exceeded', { detail: 'x', params: { seconds: 30 } })
    expect(errorMessage(budget, t, has)).toBe('errors.time_budget_exceeded{"seconds":30}')
  })
})
