import { describe, expect, it } from 'vitest'
import type { CultivationItem } from '@/api/policy'
import {
  comparisonUnit, conditionUnit, emptyProgramme, filterItems, formatMeasure, formatThreshold, programmeErrors,
  programmePayload, rangeOutlook, scoreRows, startDates, statusTag, verdictTag,
} from '@/utils/policy'
import { cultivationXlsxUrl } from '@/api/policy'

const t = (key: string, args?: Record<string, unknown>): string => (args ? `${key}(${String(args.n)})` : key)

describe('policy formatting', () => {
  it('shows ratios as percent, days, points and amounts in their units', () => {
    expect(conditionUnit('share')).toBe('percent')
    expect(formatMeasure(0.1, conditionUnit('share'), t)).toBe('10%')
    expect(formatMeasure(0.0345, 'percent', t)).toBe('3.45%')
    expect(formatMeasure(4289, conditionUnit('days'), t)).toBe('policy.units.days(4289)')
    expect(formatMeasure(70, conditionUnit('points'), t)).toBe('policy.units.points(70)')
    expect(formatMeasure(1234.5, 'amount', t)).toBe('policy.units.amount(1234.5)')
    expect(formatMeasure(null, 'percent', t)).toBe('—')
    expect(formatMeasure(true, 'plain', t)).toBe('common.yes')
    expect(conditionUnit('none')).toBe('plain')
    expect(conditionUnit(undefined)).toBe('plain')
    // E2's figure is a revenue share against "more than 50 %", not a count of IP items.
    expect(formatThreshold(conditionUnit('share'), 0.5, t)).toBe('50%')
    expect(formatThreshold(conditionUnit('count'), 0, t)).toBe('policy.units.count(0)')
    expect(formatThreshold(conditionUnit('count'), 0.5, t)).toBe('policy.units.count(1)')
  })

  it('derives a comparison unit from its expression and facts', () => {
    const facts = [{ name: 'rd_total', unit: '万元' }, { name: 'sales_revenue', unit: '万元' }, { name: 'invention_patents', unit: '件' }]
    expect(comparisonUnit('rd_total / sales_revenue >= 0.03', facts)).toBe('percent')
    expect(comparisonUnit('sales_revenue >= 20000', facts)).toBe('amount')
    expect(comparisonUnit('invention_patents >= 5', facts)).toBe('count')
    expect(comparisonUnit('hte_certified', [])).toBe('plain')
  })

  it('maps statuses and verdicts to tag colours', () => {
    expect(statusTag('pass')).toBe('success')
    expect(statusTag('fail')).toBe('danger')
    expect(statusTag('unknown')).toBe('info')
    expect(verdictTag('recognised')).toBe('success')
    expect(verdictTag('not_recognised')).toBe('danger')
    expect(verdictTag('needs_review')).toBe('warning')
  })

  it('flattens HTE bands and SME points into rows', () => {
    expect(scoreRows({ bands: { ip_quantity: 'E', growth_sales: null }, total: null })).toEqual([
      { key: 'bands.ip_quantity', value: 'E' }, { key: 'bands.growth_sales', value: '—' }, { key: 'total', value: '—' },
    ])
    expect(scoreRows({ st_staff: 0, total: 65 })).toEqual([{ key: 'st_staff', value: '0' }, { key: 'total', value: '65' }])
    expect(scoreRows(null)).toEqual([])
  })
})

describe('score range outlook', () => {
  const r = (total_min: number, total_max: number) => ({ items: [], total_min, total_max, pass_mark_exclusive: 70 })
  it('is out of reach when even the top of every band is 70 or less', () => {
    expect(rangeOutlook(r(20, 70))).toEqual({ key: 'out', tag: 'danger' })
  })
  it('is certain when the bottom of every band is above 70', () => {
    expect(rangeOutlook(r(71, 90))).toEqual({ key: 'sure', tag: 'success' })
    expect(rangeOutlook(r(70, 90))).toEqual({ key: 'open', tag: 'warning' }) // 70 itself fails
  })
})

describe('cultivation', () => {
  const items: CultivationItem[] = [
    { enterprise_id: 1, name: '甲公司', credit_code: '913501000912449667', category: 'within_reach', verdict: 'not_recognised', failed: ['E2'], gaps: [] },
    { enterprise_id: 2, name: 'Beta', credit_code: '91350100000000000X', category: 'far', verdict: 'not_recognised', failed: ['E2', 'E5'], gaps: [] },
  ]
  it('filters by category and text (name, credit code, failed code)', () => {
    expect(filterItems(items, '', '').length).toBe(2)
    expect(filterItems(items, 'far', '').map((i) => i.enterprise_id)).toEqual([2])
    expect(filterItems(items, '', 'e5').map((i) => i.enterprise_id)).toEqual([2])
    expect(filterItems(items, '', '甲').map((i) => i.enterprise_id)).toEqual([1])
    expect(filterItems(items, '', '9135010009').map((i) => i.enterprise_id)).toEqual([1])
  })
  it('builds the XLSX link', () => {
    expect(cultivationXlsxUrl('2026-01-02')).toBe('/api/v1/cultivation/hte?as_of=2026-01-02&format=xlsx')
  })
})

describe('programme editor', () => {
  it('puts 422 errors on the rows they name', () => {
    expect(programmeErrors([
      { field: 'conditions[2].expr', message: 'a' },
      { field: 'subsidy.amount', message: 'b' },
      { field: 'code', message: 'c' },
      { field: 'code', message: 'd' },
    ])).toEqual({ 'conditions.2.expr': 'a', 'subsidy.amount': 'b', code: 'c; d' })
    expect(programmeErrors(undefined)).toEqual({})
  })
  it('trims the payload and drops an empty subsidy', () => {
    const def = emptyProgramme()
    def.code = ' p1 '
    def.conditions[0].expr = ' sales_revenue >= 500 '
    def.subsidy = { zh: '', en: '', amount: '  ', cap: null }
    const out = programmePayload(def)
    expect(out.code).toBe('p1')
    expect(out.conditions[0].expr).toBe('sales_revenue >= 500')
    expect('subsidy' in out).toBe(false)
    def.subsidy.amount = 'rd_total * 0.1'
    def.subsidy.cap = 20
    expect(programmePayload(def).subsidy).toEqual({ zh: '', en: '', amount: 'rd_total * 0.1', cap: 20 })
  })
})

describe('cultivation start dates', () => {
  const today = new Date(2026, 10, 27)
  it('start from today when the registry has last year\'s figures or none', () => {
    expect(startDates(2025, today)).toEqual({ asOf: '2026-11-27', year: 2026, fromData: false })
    expect(startDates(null, today)).toEqual({ asOf: '2026-11-27', year: 2026, fromData: false })
  })
  it('start from the year after older figures, after the annual reports', () => {
    expect(startDates(2014, today)).toEqual({ asOf: '2015-06-01', year: 2015, fromData: true })
    expect(startDates(2024, today)).toEqual({ asOf: '2025-06-01', year: 2025, fromData: true })
  })
})
