// The index studio page against a mocked API module: files → preview → build → results; server
// field errors next to the steps form; saving only for admin and staff; uncertainty request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import { ApiError } from '@/api/client'
import type { BuildResponse } from '@/api/index_engine'
import { ADMIN, signInAs } from './helpers'

vi.mock('@/api/index_engine', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/index_engine')>()
  return {
    ...real,
    buildIndex: vi.fn(),
    runUncertainty: vi.fn(),
    listDefinitions: vi.fn(async () => ({ items: [] })),
    getDefinition: vi.fn(),
    getRegionData: vi.fn(),
    convertXlsx: vi.fn(),
    exportXlsx: vi.fn(),
  }
})
// Canvas charts cannot draw in happy-dom; the chart components' data is tested in index_utils.test.ts.
vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="vchart-stub" />' } }))
const engine = await import('@/api/index_engine')
const { default: IndexStudioView } = await import('@/views/index/IndexStudioView.vue')

const META = 'Level,iCode,iName,Direction,Weight,Type,Parent\n1,a,Alpha,1,1,Indicator,Index\n1,b,Beta,1,1,Indicator,Index\n2,Index,Index,1,1,Aggregate,\n'
const DATA = 'uCode,uName,a,b\nX,Xland,1,2\nY,Yland,3,4\n'
const BUILT: BuildResponse = {
  results: { units: ['Y', 'X'], columns: ['Index'], scores: { Index: [100, 0] }, ranks: { Index: [1, 2] }, rank: [1, 2] },
  treat_details: [],
  screened_out: [],
  framework: [
    { code: 'a', name: 'Alpha', level: 1, parent: 'Index', direction: 1, weight: 1, effective_weight: 0.5 },
    { code: 'b', name: 'Beta', level: 1, parent: 'Index', direction: 1, weight: 1, effective_weight: 0.5 },
    { code: 'Index', name: 'Index', level: 2, parent: null, direction: 1, weight: 1, effective_weight: 1 },
  ],
  statistics: [],
  correlations: { codes: ['a', 'b', 'Index'], r: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] },
  alpha: [{ group: 'Index', alpha: 1 }],
}

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 20))
  await flushPromises()
}

function mountAs(role: 'admin' | 'viewer') {
  const pinia = createPinia()
  setActivePinia(pinia)
  signInAs({ ...ADMIN, role })
  return mount(IndexStudioView, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus] },
  })
}

async function upload(w: ReturnType<typeof mountAs>, which: 'data' | 'meta', name: string, text: string) {
  const input = w.get(`[data-testid="index-file-${which}"]`)
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
  await settle()
}

describe('IndexStudioView', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => { vi.mocked(engine.buildIndex).mockReset(); vi.mocked(engine.runUncertainty).mockReset() })

  it('previews uploaded files, builds with the default spec and shows the ranked units', async () => {
    vi.mocked(engine.buildIndex).mockResolvedValue(BUILT)
    const w = mountAs('admin')
    await settle()
    await upload(w, 'data', 'iData.csv', DATA)
    await upload(w, 'meta', 'iMeta.csv', META)
    expect(w.get('[data-testid="index-preview-summary"]').text()).toContain('2 个单元 × 2 个指标')
    expect(w.findAll('[data-testid="index-parse-problem"]')).toHaveLength(0)

    await w.get('[data-testid="index-build"]').trigger('click')
    await settle()
    expect(engine.buildIndex).toHaveBeenCalledWith({
      data: DATA, meta: META, analysis: true,
      spec: { steps: [{ op: 'normalise', method: 'minmax', params: [0, 100] }, { op: 'aggregate', method: 'amean' }] },
    })
    const units = w.findAll('[data-testid="index-unit"]').map((c) => c.text())
    const ranks = w.findAll('[data-testid="index-rank"]').map((c) => c.text())
    expect(units).toEqual(['Y', 'X'])
    expect(ranks).toEqual(['1', '2'])
    expect(w.get('[data-testid="index-results-table"]').text()).toContain('Yland')
    expect(w.find('[data-testid="index-save"]').exists()).toBe(true)

    setLocale('en')
    await settle()
    expect(w.get('[data-testid="index-studio-title"]').text()).toBe('Index studio')
    expect(w.get('[data-testid="index-results-table"]').text()).toContain('Rank')
    w.unmount()
  })

  it('shows a missing indicator column and the server\'s field errors next to the steps', async () => {
    vi.mocked(engine.buildIndex).mockRejectedValue(new ApiError(422, 'validation', {
      status: 422, code: 'validation', detail: 'invalid', errors: [{ field: 'spec', message: 'spec.steps[1].method: unknown method' }],
    }))
    const w = mountAs('viewer')
    await settle()
    await upload(w, 'data', 'iData.csv', 'uCode,a\nX,1\n')
    await upload(w, 'meta', 'iMeta.csv', META)
    expect(w.get('[data-testid="index-parse-problem"]').text()).toContain('指标 b 在 iData 中没有对应列')
    await w.get('[data-testid="index-build"]').trigger('click')
    await settle()
    expect(engine.buildIndex).not.toHaveBeenCalled()
    expect(w.get('[data-testid="index-build-error"]').text()).toContain('请先载入没有问题的 iData 与 iMeta')

    await upload(w, 'data', 'iData.csv', DATA)
    await w.get('[data-testid="index-build"]').trigger('click')
    await settle()
    expect(engine.buildIndex).toHaveBeenCalledTimes(1)
    expect(w.get('[data-testid="index-spec-error"]').text()).toContain('spec: spec.steps[1].method: unknown method')
    expect(w.find('[data-testid="index-save"]').exists()).toBe(false)
    w.unmount()
  })

  it('runs the uncertainty analysis on the built input with the vary form\'s factors', async () => {
    vi.mocked(engine.buildIndex).mockResolvedValue(BUILT)
    vi.mocked(engine.runUncertainty).mockResolvedValue({
      rank_stats: { units: ['X', 'Y'], nominal: [2, 1], mean: [1.9, 1.1], median: [2, 1], q5: [1, 1], q95: [2, 2] },
      sensitivity: [], runs: 100, failed_runs: 3,
    })
    const w = mountAs('admin')
    await settle()
    await upload(w, 'data', 'iData.csv', DATA)
    await upload(w, 'meta', 'iMeta.csv', META)
    await w.get('[data-testid="index-build"]').trigger('click')
    await settle()
    await w.get('#tab-uncertainty').trigger('click')
    await settle()
    await w.get('[data-testid="index-runs"] input').setValue('100')
    await w.get('[data-testid="index-runs"] input').trigger('blur')
    await w.get('[data-testid="index-uncertainty-run"]').trigger('click')
    await settle()
    expect(engine.runUncertainty).toHaveBeenCalledWith(expect.objectContaining({
      data: DATA, meta: META, runs: 100, seed: 1, sensitivity: false,
      vary: { vary: [{ factor: 'weights', noise: [{ level: 2, factor: 0.25 }], sets: 100 }] },
    }))
    expect(w.get('[data-testid="index-uncertainty-summary"]').text()).toBe('共 100 次运行，3 次失败')
    w.unmount()
  })
})
