// The district comparison page against canned answers: the first load looks for the latest year
// with data (the registry's latest figures year first), keeps it in the address, and shows the
// server's total as the summary row; one district has no total; a refused year shows the problem.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import type { DistrictFigures } from '@/api/districts'
import DistrictFiguresView from '@/views/DistrictFiguresView.vue'
import { ADMIN, jsonResponse, mockFetch, problemResponse, signInAs } from './helpers'

vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="vchart-stub" />' } }))

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

const FIGURES = [
  { code: 'enterprises', label: { zh: '企业数', en: 'Enterprises' }, unit: { zh: '家', en: '' }, additive: true, decimals: 0 },
  { code: 'rd_total', label: { zh: '研发经费', en: 'R&D expenditure' }, unit: { zh: '万元', en: '10k yuan' }, additive: true, decimals: 2 },
  { code: 'rd_gdp', label: { zh: '研发强度', en: 'R&D intensity' }, unit: { zh: '%', en: '%' }, additive: false, decimals: 2 },
]
const rows = [
  { region_code: '330205', region_name: '江北区', values: { enterprises: 2400, rd_total: '91800.0000', rd_gdp: '2.70' } },
  { region_code: '330206', region_name: '北仑区', values: { enterprises: 980, rd_total: '120345.5050', rd_gdp: '3.10' } },
]
const figures = (year: number, withData = true, over: Partial<DistrictFigures> = {}): DistrictFigures => ({
  year,
  figures: FIGURES,
  districts: withData ? rows : rows.map((r) => ({ ...r, values: { enterprises: null, rd_total: null, rd_gdp: null } })),
  total: { region_code: '3302', values: withData ? { enterprises: 3380, rd_total: '212145.5050', rd_gdp: '2.91' } : {} },
  ...over,
})
const latestYear = (year: number) => jsonResponse(200, { items: [{ id: 1, year }], total: 1, page: 1, page_size: 1 })

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  signInAs({ ...ADMIN, region_code: '330200' })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/districts', component: DistrictFiguresView }] })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(DistrictFiguresView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}

const footer = () => [...document.querySelectorAll('.el-table__footer-wrapper td')].map((td) => td.textContent?.trim())

describe('district comparison page', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('starts at the latest year with data and pins the server\'s total below', async () => {
    const thisYear = new Date().getFullYear()
    const { calls } = mockFetch(latestYear(2015), jsonResponse(200, figures(2015, false)), jsonResponse(200, figures(thisYear, false)),
      ...Array.from({ length: thisYear - 2015 - 1 }, (_, i) => jsonResponse(200, figures(thisYear - 1 - i, false))),
      jsonResponse(200, figures(2014)))
    const { router } = await mountAt('/districts')
    const asked = calls.filter((c) => c.url.startsWith('/api/v1/districts/figures')).map((c) => new URL(c.url, 'http://x').searchParams.get('year'))
    expect(asked[0]).toBe('2015') // the registry's latest figures year first
    expect(asked.at(-1)).toBe('2014')
    expect(router.currentRoute.value.query.year).toBe('2014')
    expect(document.body.textContent).toContain('企业数（家）')
    expect(document.body.textContent).toContain('91,800.00')
    expect(footer().slice(0, 4)).toEqual(['合计', '3,380', '212,145.51', '2.91'])
  })

  it('loads the year in the address; one district has no total row', async () => {
    const { calls } = mockFetch(jsonResponse(200, figures(2013, true, { districts: rows.slice(0, 1), total: undefined })))
    await mountAt('/districts?year=2013')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('/api/v1/districts/figures?year=2013')
    expect(document.body.textContent).toContain('江北区')
    expect(document.querySelector('.el-table__footer-wrapper')).toBeNull()
  })

  it('shows the server\'s problem for a refused year', async () => {
    mockFetch(problemResponse(422, 'validation', { detail: 'year: must be a year from 1949 to 2100' }))
    await mountAt('/districts?year=1800')
    expect(document.querySelector('[data-testid=district-figures-error]')?.textContent).toContain('year: must be a year from 1949 to 2100')
  })
})
