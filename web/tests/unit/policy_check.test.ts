import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import PolicyCheck from '@/components/policy/PolicyCheck.vue'
import { jsonResponse, problemResponse } from './helpers'

const RULES = {
  policy: 'hte-2016', as_of: '2026-11-27',
  results: [{
    id: 'x', verdict: 'not_recognised', failed: ['E2'],
    conditions: [
      { code: 'E1', status: 'pass', value: 4289, threshold: 365, unit: 'days', detail: { zh: '注册满一年', en: 'Registered a year' } },
      { code: 'E4', status: 'unknown', value: 0.125, threshold: 0.1, unit: 'share', detail: { zh: '科技人员', en: 'S&T staff' } },
    ],
    score: { bands: { ip_quantity: 'E' }, total: null },
    gaps: [{ code: 'E2', field: 'ip', years: [], amount: null, count: 1, fixable: true, text: { zh: '需取得知识产权', en: 'Obtain IP' } }],
  }],
  expert_review: { id: 41, reviewed_on: '2026-10-09' },
  score_range: {
    items: [
      { item: 'ip_quantity', band: 'E', min: 0, max: 0 },
      { item: 'transfer', band: 'C', min: 13, max: 18 },
      { item: 'rd_management', band: null, min: 0, max: 20 },
    ],
    total_min: 13, total_max: 38, pass_mark_exclusive: 70,
  },
  policy_note: { zh: '2014-06-01 早于现行认定办法的施行日期', en: '2014-06-01 is before the first encoded version took effect' },
}

describe('PolicyCheck', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => vi.unstubAllGlobals())

  it('shows the verdict, formatted conditions, score and gaps in the current language', async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input)
      urls.push(url)
      if (url.includes('/rules/')) return jsonResponse(200, RULES)
      if (url.endsWith('/programmes')) return problemResponse(403, 'forbidden', { detail: '无权限 / forbidden' })
      throw new Error(`unexpected ${url}`)
    }))
    const w = mount(PolicyCheck, {
      props: { id: 7, asOf: '2014-06-01' }, global: { plugins: [i18n, ElementPlus, createPinia()], stubs: { RouterLink: RouterLinkStub } },
    })
    await flushPromises()
    expect(urls.some((u) => u.endsWith('/api/v1/rules/hte/enterprises/7?as_of=2014-06-01'))).toBe(true) // the date it was given
    expect(w.get('[data-testid="policy-note"]').text()).toContain('早于现行认定办法')
    expect(w.get('[data-testid="policy-verdict"]').text()).toBe('不符合认定条件')
    const table = w.get('[data-testid="policy-conditions"]').text()
    expect(table).toContain('4289 天')
    expect(table).toContain('12.5%')
    expect(table).toContain('10%')
    expect(table).toContain('注册满一年')
    expect(w.get('[data-testid="policy-score"]').text()).toContain('知识产权数量档次')
    expect(w.get('[data-testid="policy-gap-E2"]').text()).toContain('需取得知识产权')
    // The points within reach: per item band and range, and the total against the pass mark.
    const range = w.get('[data-testid="policy-score-range"]').text()
    expect(range).toContain('科技成果转化能力')
    expect(range).toContain('13–18')
    expect(range).toContain('专家评定')
    expect(w.get('[data-testid="policy-score-total-range"]').text()).toContain('总分可能 13–38 分，须高于 70 分')
    expect(w.get('[data-testid="policy-score-total-range"]').text()).toContain('即使各项取档内最高分也无法通过')
    // The review that completed the score links to its record.
    const review = w.get('[data-testid="policy-expert-review"]')
    expect(review.text()).toContain('2026-10-09')
    expect(review.findComponent(RouterLinkStub).props('to')).toMatchObject({ name: 'registry-detail', params: { kind: 'hte_expert_reviews', id: 41 } })
    expect(w.find('[data-testid="policy-enter-review"]').exists()).toBe(false) // kinds not loaded: not writable
    setLocale('en')
    await flushPromises()
    expect(w.get('[data-testid="policy-gap-E2"]').text()).toContain('Obtain IP')
    expect(w.get('[data-testid="policy-conditions"]').text()).toContain('4289 days')
    w.unmount()
  })

  it('without a date starts from the year after the enterprise\'s latest figures when they are old', async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input)
      urls.push(url)
      if (url.includes('/registry/enterprise_years')) return jsonResponse(200, { items: [{ id: 3, enterprise_id: 7, year: 2014 }], total: 1, page: 1, page_size: 1 })
      if (url.includes('/rules/')) return jsonResponse(200, RULES)
      if (url.endsWith('/programmes')) return problemResponse(403, 'forbidden', { detail: '无权限 / forbidden' })
      throw new Error(`unexpected ${url}`)
    }))
    const w = mount(PolicyCheck, {
      props: { id: 7 }, global: { plugins: [i18n, ElementPlus, createPinia()], stubs: { RouterLink: RouterLinkStub } },
    })
    await flushPromises()
    expect(urls[0]).toContain('/registry/enterprise_years?enterprise_id=7&sort=-year')
    const rules = urls.filter((u) => u.includes('/rules/'))
    expect(rules).toEqual(['/api/v1/rules/hte/enterprises/7?as_of=2015-06-01']) // loaded once, on the settled date
    w.unmount()
  })
})
