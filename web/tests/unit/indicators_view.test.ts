// The indicators page against canned answers, routed by path: with the series it starts at the
// series' latest year with data and reads the change from it; without it (a server that does not
// serve the series) it tries the years downward past 404 indicator_no_data, computes the change
// from the year before's values and says so; a missing value is a dash; a refused year shows the
// server's problem.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import IndicatorsView from '@/views/IndicatorsView.vue'
import { ADMIN, jsonResponse, problemResponse, signInAs } from './helpers'

vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="vchart-stub" />' } }))

const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 30))
  }
}

const def = (code: string, zh: string, unit: string, measure: string) =>
  ({ code, zh, en: code, unit, direction: 1, measure, formula: 'null', basis_zh: '', basis_en: '', builtin: true })
const CATALOGUE = [
  def('rd', '企业研发经费支出', '万元', 'amount'),
  def('share', '研发经费占GDP比重', '%', 'ratio'),
  def('patents', '专利申请量', '件', 'count'),
]
const VALUES: Record<number, Record<string, number | null>> = {
  2012: { rd: 80000, share: 2.5, patents: 500 },
  2013: { rd: 91800.5, share: 2.7, patents: 450 },
}
const values = (year: number) => ({
  year, region: '330205',
  values: CATALOGUE.map((d) => ({ code: d.code, value: VALUES[year]![d.code] ?? null, unit: d.unit, records: 1, updated_at: null })),
})
const noData = (year: number) => problemResponse(404, 'not_found', { message: 'indicator_no_data', params: { region: '330205', year } })

/** A fetch answering by path; `series` null: the server does not serve it (405, as before it existed). */
function serve(series: unknown) {
  const asked: string[] = []
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://x')
    asked.push(url.pathname + url.search)
    const year = Number(url.searchParams.get('year'))
    switch (url.pathname) {
      case '/api/v1/registry/kinds': return jsonResponse(200, { kinds: [] })
      case '/api/v1/indicators': return jsonResponse(200, { items: CATALOGUE })
      case '/api/v1/indicators/series':
        return series === null ? problemResponse(405, 'method_not_allowed', { detail: 'This resource accepts: PUT, DELETE.' }) : jsonResponse(200, series)
      case '/api/v1/indicators/values':
        if (year < 1949) return problemResponse(422, 'validation', { detail: 'year: must be a year from 1949 to 2100' })
        return VALUES[year] ? jsonResponse(200, values(year)) : noData(year)
      default: throw new Error(`unexpected fetch ${url.pathname}`)
    }
  }))
  return asked
}

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  signInAs({ ...ADMIN, region_code: '330205' })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/indicators', component: IndicatorsView }] })
  await router.push(path)
  await router.isReady()
  mount(IndicatorsView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
  await settle()
  return router
}

const cell = (id: string) => document.querySelector(`[data-testid=${id}]`)?.textContent?.trim()

describe('indicators page', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('starts at the series\' latest year with data and reads the change from it', async () => {
    const thisYear = new Date().getFullYear()
    const point = (year: number, value: number | null, change: number | null, growth: number | null) => ({ year, value, change, growth })
    const asked = serve({
      region: '330205', from: thisYear - 14, to: thisYear,
      series: [
        { code: 'rd', unit: '万元', points: [point(2012, 80000, null, null), point(2013, 91800.5, 11800.5, 14.7506), point(2014, null, null, null)] },
        { code: 'patents', unit: '件', points: [point(2013, 450, -50, -10)] },
      ],
    })
    const router = await mountAt('/indicators')
    expect(router.currentRoute.value.query.year).toBe('2013')
    expect(asked.filter((a) => a.startsWith('/api/v1/indicators/values'))).toEqual(['/api/v1/indicators/values?year=2013'])
    expect(cell('indicator-value-rd')).toBe('91,800.5')
    expect(cell('indicator-value-share')).toBe('2.70')
    expect(cell('indicator-value-patents')).toBe('450')
    expect(cell('indicator-growth-rd')).toBe('+14.75%')
    expect(document.querySelector('[data-testid=indicator-growth-patents]')?.className).toContain('kc-bad')
    expect(cell('indicator-change-share')).toBe('—') // the series has no point for it
    expect(document.querySelector('[data-testid=indicators-no-series]')).toBeNull()
    expect(document.querySelector('[data-testid=indicator-chart]')).not.toBeNull()
  })

  it('without the series, tries the years downward and computes the change from the year before', async () => {
    const asked = serve(null)
    const router = await mountAt('/indicators')
    const years = asked.filter((a) => a.startsWith('/api/v1/indicators/values')).map((a) => Number(a.slice(-4)))
    expect(years[0]).toBe(new Date().getFullYear())
    expect(years.slice(-2)).toEqual([2013, 2012]) // the latest with data, then the year before it
    expect(router.currentRoute.value.query.year).toBe('2013')
    expect(cell('indicator-change-rd')).toBe('+11,800.5')
    expect(cell('indicator-growth-rd')).toBe('+14.75%')
    expect(cell('indicator-change-share')).toBe('+0.20')
    expect(cell('indicator-growth-patents')).toBe('-10.00%')
    expect(cell('indicators-no-series')).toContain('历年数据暂不可用')
    expect(document.querySelector('[data-testid=indicator-chart]')).toBeNull()
  })

  it('shows a year with nothing recorded, and the server\'s problem for a refused year', async () => {
    serve(null)
    await mountAt('/indicators?year=2011')
    expect(cell('indicators-empty')).toContain('2011年没有记录任何数据')
    document.body.innerHTML = ''
    serve(null)
    await mountAt('/indicators?year=1800')
    expect(cell('indicators-error')).toContain('year: must be a year from 1949 to 2100')
  })
})
