import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import type { IndicatorSeriesAnswer, IndicatorValues } from '@/api/indicators'
import {
  MISSING, changeOf, findLatestValues, formatChange, formatGrowth, formatIndicator, formatPlain, indicatorUnit,
  isNoData, latestYearWithData, pointOf, sortRecords, trendOf,
} from '@/utils/indicators'

const noData = (year: number) => new ApiError(404, 'not_found',
  { code: 'not_found', status: 404, message: 'indicator_no_data', params: { region: '350102', year } })

describe('indicator values as text', () => {
  it('shows amounts with separators and up to 4 decimals, trailing zeros trimmed', () => {
    expect(formatIndicator(312681.5, 'amount')).toBe('312,681.5')
    expect(formatIndicator(91800, 'amount')).toBe('91,800')
    expect(formatIndicator(1234.56789, 'amount')).toBe('1,234.5679')
    expect(formatIndicator(0.0001, 'amount')).toBe('0.0001')
  })
  it('shows ratios with 2 decimals and counts as integers', () => {
    expect(formatIndicator(2.7, 'ratio')).toBe('2.70')
    expect(formatIndicator(31.2567, 'ratio')).toBe('31.26')
    expect(formatIndicator(10330, 'count')).toBe('10,330')
    expect(formatIndicator(0, 'count')).toBe('0')
  })
  it('shows a missing value as a dash, never 0', () => {
    expect(formatIndicator(null, 'count')).toBe(MISSING)
    expect(formatIndicator(undefined, 'amount')).toBe(MISSING)
    expect(formatIndicator(Number.NaN, 'ratio')).toBe(MISSING)
  })
  it('signs changes and growth, and leaves a nil change unsigned', () => {
    expect(formatChange(1200, 'count')).toBe('+1,200')
    expect(formatChange(-0.354, 'ratio')).toBe('-0.35')
    expect(formatChange(-7344.02, 'amount')).toBe('-7,344.02')
    expect(formatChange(0, 'count')).toBe('0')
    expect(formatChange(0.001, 'ratio')).toBe('0.00')
    expect(formatChange(null, 'amount')).toBe(MISSING)
    expect(formatGrowth(8.6957)).toBe('+8.70%')
    expect(formatGrowth(-12.5)).toBe('-12.50%')
    expect(formatGrowth(0.0001)).toBe('0.00%')
    expect(formatGrowth(null)).toBe(MISSING)
  })
  it('shows provenance values, exact decimal strings as they are', () => {
    expect(formatPlain('91800.5000')).toBe('91,800.5000')
    expect(formatPlain(1)).toBe('1')
    expect(formatPlain(1520.3)).toBe('1,520.3')
    expect(formatPlain(null)).toBe(MISSING)
  })
})

describe('year-on-year change', () => {
  it('computes change and growth as the series endpoint does', () => {
    expect(changeOf(100, 80)).toEqual({ change: 20, growth: 25 })
    expect(changeOf(0.3, 0.1)).toEqual({ change: 0.2, growth: 200 })
    expect(changeOf(50, 0)).toEqual({ change: 50, growth: null })
    expect(changeOf(null, 80)).toEqual({ change: null, growth: null })
    expect(changeOf(80, null)).toEqual({ change: null, growth: null })
  })
  it('colours a move by the indicator direction', () => {
    expect(trendOf(5, 1)).toBe('good')
    expect(trendOf(-5, 1)).toBe('bad')
    expect(trendOf(-5, -1)).toBe('good')
    expect(trendOf(5, -1)).toBe('bad')
    expect(trendOf(0, 1)).toBe('flat')
    expect(trendOf(null, 1)).toBe('unknown')
  })
})

describe('units and years', () => {
  const t = (k: string) => `<${k}>`
  it('translates the catalogue units it knows and keeps the others', () => {
    expect(indicatorUnit('万元', t)).toBe('<indicators.units.tenThousandYuan>')
    expect(indicatorUnit('件/万人', t)).toBe('<indicators.units.perTenThousand>')
    expect(indicatorUnit('吨', t)).toBe('吨')
  })

  const series: IndicatorSeriesAnswer = {
    region: '350102', from: 2011, to: 2014,
    series: [
      { code: 'a', unit: '家', points: [
        { year: 2012, value: 10, change: null, growth: null }, { year: 2013, value: 12, change: 2, growth: 20 },
        { year: 2014, value: null, change: null, growth: null },
      ] },
      { code: 'b', unit: '%', points: [{ year: 2014, value: null, change: null, growth: null }] },
    ],
  }
  it('finds the latest year with a value and one point of a series', () => {
    expect(latestYearWithData(series)).toBe(2013)
    expect(latestYearWithData({ ...series, series: [] })).toBeNull()
    expect(latestYearWithData(null)).toBeNull()
    expect(pointOf(series, 'a', 2013)?.growth).toBe(20)
    expect(pointOf(series, 'b', 2013)).toBeUndefined()
  })
  it('tries years downward, passing over those with nothing recorded', async () => {
    const asked: number[] = []
    const load = async (y: number): Promise<IndicatorValues> => {
      asked.push(y)
      if (y > 2013) throw noData(y)
      return { year: y, region: '350102', values: [] }
    }
    expect((await findLatestValues([2015, 2014, 2013, 2012], load))?.year).toBe(2013)
    expect(asked).toEqual([2015, 2014, 2013])
    expect(await findLatestValues([2016, 2015], load)).toBeNull()
    expect(isNoData(noData(2015))).toBe(true)
    expect(isNoData(new ApiError(404, 'not_found', null))).toBe(false)
    await expect(findLatestValues([2013], async () => { throw new ApiError(403, 'forbidden', null) })).rejects.toThrow()
  })
})

describe('provenance records', () => {
  const records = [
    { id: 1, value: null, contributes: 0 },
    { id: 2, value: '13.5866', contributes: 13.5866 },
    { id: 3, value: 3.2741, contributes: 3.2741 },
    { id: 4, value: 78.4271, contributes: 78.4271 },
  ]
  it('sorts by share or value, missing ones last either way', () => {
    expect(sortRecords(records, { prop: 'contributes', order: 'descending' }).map((r) => r.id)).toEqual([4, 2, 3, 1])
    expect(sortRecords(records, { prop: 'value', order: 'descending' }).map((r) => r.id)).toEqual([4, 2, 3, 1])
    expect(sortRecords(records, { prop: 'value', order: 'ascending' }).map((r) => r.id)).toEqual([3, 2, 4, 1])
    expect(sortRecords(records, null).map((r) => r.id)).toEqual([1, 2, 3, 4])
  })
})
