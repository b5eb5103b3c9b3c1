import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import type { DistrictFigures, FigureDef } from '@/api/districts'
import {
  candidateYears, figureBars, figureHeader, figureNumber, findLatestYear, formatFigure, hasData, roundDecimal,
  sortRows, summaryCells,
} from '@/utils/district_figures'

const F = (code: string, over: Partial<FigureDef> = {}): FigureDef => ({
  code, label: { zh: code, en: code }, unit: { zh: '', en: '' }, additive: true, decimals: 0, ...over,
})
const FIGURES = [
  F('enterprises', { label: { zh: '企业数', en: 'Enterprises' }, unit: { zh: '家', en: '' } }),
  F('rd_total', { label: { zh: '研发经费', en: 'R&D expenditure' }, unit: { zh: '万元', en: '10k yuan' }, decimals: 2 }),
  F('rd_gdp', { label: { zh: '研发强度', en: 'R&D intensity' }, unit: { zh: '%', en: '%' }, additive: false, decimals: 2 }),
]
const data = (over: Partial<DistrictFigures> = {}): DistrictFigures => ({
  year: 2013,
  figures: FIGURES,
  districts: [
    { region_code: '330205', region_name: '江北区', values: { enterprises: 2400, rd_total: '91800.0000', rd_gdp: '2.70' } },
    { region_code: '330203', region_name: '海曙区', values: { enterprises: 3100, rd_total: null, rd_gdp: null } },
    { region_code: '330206', region_name: '北仑区', values: { enterprises: 980, rd_total: '120345.5050', rd_gdp: '3.1' } },
  ],
  total: { region_code: '3302', values: { enterprises: 6480, rd_total: '212145.5050', rd_gdp: '2.95' } },
  ...over,
})

describe('figure values', () => {
  it('reads numbers and decimal strings, null for missing', () => {
    expect(figureNumber(2400)).toBe(2400)
    expect(figureNumber('91800.0000')).toBe(91800)
    expect(figureNumber(null)).toBeNull()
    expect(figureNumber(undefined)).toBeNull()
    expect(figureNumber('n/a')).toBeNull()
  })

  it('rounds decimal text exactly, half away from zero', () => {
    expect(roundDecimal('91800.0000', 2)).toBe('91800.00')
    expect(roundDecimal('120345.5050', 2)).toBe('120345.51')
    expect(roundDecimal('0.005', 2)).toBe('0.01')
    expect(roundDecimal('2.7', 2)).toBe('2.70')
    expect(roundDecimal('99.995', 2)).toBe('100.00')
    expect(roundDecimal('-1234.5', 0)).toBe('-1235')
    expect(roundDecimal('-0.001', 2)).toBe('0.00')
    expect(roundDecimal('12345678901234567890.12345', 4)).toBe('12345678901234567890.1235')
    expect(roundDecimal('1e5', 2)).toBeNull()
  })

  it('formats with thousands separators and the figure\'s decimals', () => {
    expect(formatFigure(2400, 0)).toBe('2,400')
    expect(formatFigure('91800.0000', 2)).toBe('91,800.00')
    expect(formatFigure('91800.0000', 0)).toBe('91,800')
    expect(formatFigure('2.70', 2)).toBe('2.70')
    expect(formatFigure(2.7, 2)).toBe('2.70')
    expect(formatFigure(1234567.891, 1)).toBe('1,234,567.9')
    expect(formatFigure(1e21, 0)).toBe('1,000,000,000,000,000,000,000')
    expect(formatFigure(null, 2)).toBe('—')
    expect(formatFigure(undefined, 2)).toBe('—')
    expect(formatFigure(Number.NaN, 2)).toBe('—')
  })

  it('heads a column with the label and the unit of the language', () => {
    expect(figureHeader(FIGURES[0]!, 'zh')).toBe('企业数（家）')
    expect(figureHeader(FIGURES[0]!, 'en')).toBe('Enterprises') // no English unit for a count
    expect(figureHeader(FIGURES[1]!, 'en')).toBe('R&D expenditure (10k yuan)')
  })
})

describe('the table', () => {
  it('sorts by a figure with missing values last, either way', () => {
    const names = (order: 'ascending' | 'descending') => sortRows(data().districts, 'rd_total', order).map((r) => r.region_name)
    expect(names('descending')).toEqual(['北仑区', '江北区', '海曙区'])
    expect(names('ascending')).toEqual(['江北区', '北仑区', '海曙区'])
    expect(sortRows(data().districts, 'region_code', 'ascending').map((r) => r.region_code)).toEqual(['330203', '330205', '330206'])
    expect(sortRows(data().districts, null, null).map((r) => r.region_code)).toEqual(['330205', '330203', '330206'])
  })

  it('shows the server\'s total as the summary row, formatted, ratios as sent', () => {
    expect(summaryCells(data(), '合计')).toEqual(['合计', '6,480', '212,145.51', '2.95'])
  })

  it('has no summary row for one district or without a total', () => {
    const one = data({ districts: data().districts.slice(0, 1), total: undefined })
    expect(summaryCells(one, '合计')).toBeNull()
    expect(summaryCells(data({ total: null }), 'Total')).toBeNull()
    expect(summaryCells(null, 'Total')).toBeNull()
  })

  it('draws one figure largest first, missing ones last as gaps', () => {
    expect(figureBars(data(), 'rd_total')).toEqual({ names: ['北仑区', '江北区', '海曙区'], values: [120345.505, 91800, null] })
  })
})

describe('the latest year with data', () => {
  const empty = (year: number): DistrictFigures => ({ year, figures: FIGURES, districts: [{ region_code: '330205', region_name: '江北区', values: { enterprises: null } }] })

  it('tries the hint, then this year and down', () => {
    expect(candidateYears(2026, 2013, 4)).toEqual([2013, 2026, 2025, 2024, 2023])
    expect(candidateYears(2026, 2025, 3)).toEqual([2025, 2026, 2024])
    expect(candidateYears(2026, null, 2)).toEqual([2026, 2025])
    expect(candidateYears(2026, 2030, 2)).toEqual([2026, 2025]) // a hint from the future is ignored
  })

  it('stops at the first year with data', async () => {
    const load = vi.fn(async (y: number) => (y === 2013 ? data() : empty(y)))
    const found = await findLatestYear([2026, 2015, 2014, 2013, 2012], load)
    expect(found?.year).toBe(2013)
    expect(load.mock.calls.map((c) => c[0])).toEqual([2026, 2015, 2014, 2013])
    expect(hasData(empty(2014))).toBe(false)
  })

  it('follows the server\'s years hint when it offers one', async () => {
    const load = vi.fn(async (y: number) => (y === 2013 ? data() : { ...empty(y), years: [2013, 2012] }))
    expect((await findLatestYear([2026, 2025], load))?.year).toBe(2013)
    expect(load.mock.calls.map((c) => c[0])).toEqual([2026, 2013])
  })

  it('answers the first year when none has data; a refused year counts as empty', async () => {
    const refuse = new ApiError(422, 'validation', { status: 422, code: 'validation' })
    const load = vi.fn(async (y: number) => { if (y === 2026) throw refuse; return empty(y) })
    expect((await findLatestYear([2026, 2025, 2024], load))?.year).toBe(2025)
    await expect(findLatestYear([2026], load)).rejects.toBe(refuse)
    const broken = vi.fn(async () => { throw new ApiError(500, 'internal', null) })
    await expect(findLatestYear([2026, 2025], broken)).rejects.toMatchObject({ status: 500 })
  })
})
