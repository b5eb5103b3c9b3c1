import { describe, expect, it } from 'vitest'
import type { KindDef } from '@/api/registry'
import { sumOfParts } from '@/utils/registry_sums'

const kind = {
  name: 'enterprise_years', zh: '企业年度数据', en: 'Enterprise years', fields: [], natural_key: [], title_field: 'year', writable: true,
  sums: [{ total: 'rd_total', parts: ['rd_personnel', 'rd_direct_inputs', 'rd_other'] }],
} as KindDef

describe('sumOfParts', () => {
  it('adds the parts given exactly, to the fourth decimal', () => {
    expect(sumOfParts(kind, { rd_personnel: '0.1', rd_direct_inputs: '0.2', rd_other: '' }, 'rd_total')).toBe('0.3')
    expect(sumOfParts(kind, { rd_personnel: '12,000.0001', rd_direct_inputs: '999.9999' }, 'rd_total')).toBe('13000')
    expect(sumOfParts(kind, { rd_personnel: '-1.5', rd_other: '1' }, 'rd_total')).toBe('-0.5')
  })
  it('is null with no part given, a part that is not an amount, or a field that is no declared total', () => {
    expect(sumOfParts(kind, { rd_personnel: '', rd_direct_inputs: null }, 'rd_total')).toBeNull()
    expect(sumOfParts(kind, { rd_personnel: '1.23456' }, 'rd_total')).toBeNull()
    expect(sumOfParts(kind, { rd_personnel: '1' }, 'rd_personnel')).toBeNull()
  })
})
