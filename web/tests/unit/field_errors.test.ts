// Field and row errors arrive as a code with params (src/domain/field_messages.hpp) and are
// translated with vue-i18n; the server's English message is the fallback for an unknown code.
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { i18n, setLocale } from '@/i18n'
import fieldErrorsZhCN from '@/i18n/field_errors.zh-CN.json'
import { errorMessage, fieldErrorTexts, refusalText } from '@/utils/errors'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const te = (key: string) => i18n.global.te(key)

afterEach(() => setLocale('en'))

describe('field errors', () => {
  const length = { message: 'must be 18 characters, got 17', code: 'credit_code.length', params: { length: 17 } }

  it('translates a code with its params in both languages', () => {
    setLocale('zh-CN')
    expect(refusalText(length, t, te)).toBe('统一社会信用代码应为18位，实际为17位')
    setLocale('en')
    expect(refusalText(length, t, te)).toBe('must be 18 characters, got 17')
  })

  it('puts a label pair and a unit pair in the language of the screen', () => {
    const sum = {
      message: 'R&D total 13000 differs from the sum of its parts, 12000', code: 'record.sum_mismatch',
      params: { label_zh: '研发费用合计', label_en: 'R&D total', stated: '13000', parts: '12000' },
    }
    const unit = { message: 'the unit must be 10k yuan', code: 'column.unit', params: { unit_zh: '万元', unit_en: '10k yuan' } }
    setLocale('zh-CN')
    expect(refusalText(sum, t, te)).toBe('研发费用合计 13000 与各分项之和 12000 不一致')
    expect(refusalText(unit, t, te)).toBe('单位应为“万元”')
    setLocale('en')
    expect(refusalText(unit, t, te)).toBe('the unit must be 10k yuan')
  })

  it('shows the server\'s message for a code this build does not know, or none', () => {
    expect(refusalText({ message: 'from a newer server', code: 'field.from_the_future' }, t, te)).toBe('from a newer server')
    expect(refusalText({ message: 'must be json or xlsx' }, t, te)).toBe('must be json or xlsx')
  })

  it('keeps the first error of each field for a form', () => {
    setLocale('zh-CN')
    const texts = fieldErrorTexts([
      { field: 'name', message: 'is required', code: 'field.required', params: {} },
      { field: 'name', message: 'second' },
      { field: 'year', message: 'must be from 1 to 9', code: 'field.out_of_range', params: { min: 1, max: 9 } },
    ], t, te)
    expect(texts).toEqual({ name: '必填', year: '应在 1 到 9 之间' })
  })

  it('words a validation failure by its coded field errors', () => {
    setLocale('zh-CN')
    const e = new ApiError(422, 'validation', {
      detail: 'year: must be a year from 1949 to 2100',
      errors: [{ field: 'year', message: 'must be a year from 1949 to 2100', code: 'field.year_range', params: { min: 1949, max: 2100 } }],
    })
    expect(errorMessage(e, t, te)).toBe('year: 应为 1949 到 2100 之间的年份')
  })

  it('compiles every translation (no character vue-i18n reads as syntax)', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      setLocale(locale)
      for (const [group, names] of Object.entries(fieldErrorsZhCN)) {
        for (const name of Object.keys(names)) {
          const key = `fieldError.${group}.${name}`
          expect(te(key), key).toBe(true)
          const text = t(key, { max: 1, min: 0, id: 3, position: 2, char: 'I', length: 17 })
          expect(text, key).not.toBe(key)
          expect(text, key).not.toMatch(/\{(max|min|id|position|char|length)\}/)
        }
      }
    }
  })
})
