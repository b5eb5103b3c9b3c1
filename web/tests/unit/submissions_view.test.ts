import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import { setCsrfToken } from '@/api/client'
import type { Submission } from '@/api/submissions'
import SubmissionsView from '@/views/SubmissionsView.vue'
import RegistryListView from '@/views/registry/RegistryListView.vue'
import { ADMIN, jsonResponse, mockFetch, problemResponse, signInAs } from './helpers'
import { KINDS } from './registry_fixture'

const ENTERPRISE_USER = { ...ADMIN, id: 9, username: 'acme', role: 'enterprise' as const, enterprise_id: 5 }
/** The kinds as GET /registry/kinds answers an enterprise account: nothing writable, two kinds to file. */
const SUBMIT: Record<string, { create: boolean; edit: boolean }> = {
  enterprises: { create: false, edit: true }, enterprise_years: { create: true, edit: true },
}
const READ_ONLY_KINDS = KINDS.map((k) => ({ ...k, writable: false, ...(SUBMIT[k.name] ? { submit: SUBMIT[k.name] } : {}) }))

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

function submission(over: Partial<Submission> = {}): Submission {
  return {
    id: 1, kind: 'enterprise_years', record_id: null, enterprise_id: 5,
    values: { enterprise_id: '5', year: '2024', sales_revenue: '1234.5' },
    status: 'pending', submitted_by: 'acme', submitted_at: '2026-11-27T04:00:00Z',
    decided_by: null, decided_at: null, note: null, result_record_id: null, ...over,
  }
}
const page = (items: unknown[]) => jsonResponse(200, { items, total: items.length, page: 1, page_size: 20 })
const ACME = { id: 5, credit_code: '91350100M000100Y43', name: 'Acme', town: 'Gulou', above_size: false }

function mountAt(user: typeof ADMIN | typeof ENTERPRISE_USER, path: string, component: unknown = SubmissionsView) {
  const pinia = createPinia()
  setActivePinia(pinia)
  signInAs(user)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/submissions', component: SubmissionsView },
      { path: '/registry/:kind', name: 'registry-list', component: component as never },
      { path: '/registry/:kind/:id(\\d+)', component: { template: '<div />' } },
    ],
  })
  void router.push(path)
  return { pinia, router, mounted: async () => {
    await router.isReady()
    const w = mount(path.startsWith('/registry') ? (component as never) : SubmissionsView, {
      global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body,
    })
    await settle()
    return w
  } }
}

describe('submissions page (staff)', () => {
  beforeEach(() => {
    setLocale('en')
    setCsrfToken('csrf-1')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('lists pending submissions with labelled values, before → after for a change', async () => {
    const change = submission({ id: 2, kind: 'enterprises', record_id: 5, values: { name: 'Acme Ltd', town: 'Gulou' } })
    const { calls } = mockFetch(
      jsonResponse(200, { kinds: KINDS }),
      page([change, submission()]),
      jsonResponse(200, ACME), // the record changed, for "before"
      jsonResponse(200, ACME), // the enterprise links' look-up
    )
    const w = await mountAt(ADMIN, '/submissions').mounted()
    expect(calls[1]!.url).toBe('/api/v1/submissions?status=pending&page=1&page_size=20')
    const cards = w.findAll('[data-testid^=submission-][data-status]')
    expect(cards).toHaveLength(2)
    expect(cards[0]!.find('[data-testid=submission-kind]').text()).toBe('Enterprises')
    const rows = cards[0]!.findAll('[data-testid=submission-values] tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([['Name', 'Acme', 'Acme Ltd'], ['Street or town', 'Gulou', 'Gulou(unchanged)']])
    const yearRows = cards[1]!.findAll('[data-testid=submission-values] tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(yearRows[1]).toEqual(['Year', '2024'])
    expect(yearRows[2]).toEqual(['Sales revenue (10k yuan)', '1,234.5'])
    expect(cards[0]!.find('[data-testid=submission-approve]').exists()).toBe(true)
  })

  it('approves and reloads; shows the server\'s 409', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const { calls } = mockFetch(
      jsonResponse(200, { kinds: KINDS }),
      page([submission()]),
      jsonResponse(200, ACME),
      jsonResponse(200, { submission: submission({ status: 'approved', result_record_id: 8 }) }),
      page([]),
    )
    const w = await mountAt(ADMIN, '/submissions').mounted()
    await w.find('[data-testid=submission-approve]').trigger('click')
    await settle()
    expect(calls[3]!.method).toBe('POST')
    expect(calls[3]!.url).toBe('/api/v1/submissions/1/approve')
    expect(calls[3]!.headers['X-CSRF-Token']).toBe('csrf-1')
    expect(calls[4]!.url).toContain('/api/v1/submissions?status=pending')

    mockFetch(
      jsonResponse(200, { kinds: KINDS }),
      page([submission()]),
      jsonResponse(200, ACME),
      problemResponse(409, 'conflict', { detail: 'This submission was already approved.' }),
    )
    document.body.innerHTML = ''
    const w2 = await mountAt(ADMIN, '/submissions').mounted()
    await w2.find('[data-testid=submission-approve]').trigger('click')
    await settle()
    expect(w2.find('[data-testid=submission-error]').text()).toContain('This submission was already approved.')
  })

  it('shows 422 field errors with their labels', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    mockFetch(
      jsonResponse(200, { kinds: KINDS }),
      page([submission()]),
      jsonResponse(200, ACME),
      problemResponse(422, 'validation', { detail: 'Validation failed', errors: [{ field: 'year', message: 'a record with this key already exists', code: 'record.duplicate_key', params: {} }] }),
    )
    const w = await mountAt(ADMIN, '/submissions').mounted()
    await w.find('[data-testid=submission-approve]').trigger('click')
    await settle()
    expect(w.find('[data-testid=submission-error]').text()).toContain('Year: a record with this key already exists')
  })

  it('needs a note to reject, then sends it', async () => {
    const { calls } = mockFetch(
      jsonResponse(200, { kinds: KINDS }),
      page([submission()]),
      jsonResponse(200, ACME),
      jsonResponse(200, { submission: submission({ status: 'rejected', note: 'Wrong year' }) }),
      page([]),
    )
    const w = await mountAt(ADMIN, '/submissions').mounted()
    await w.find('[data-testid=submission-reject]').trigger('click')
    await settle()
    const confirm = () => document.querySelector<HTMLButtonElement>('[data-testid=reject-confirm]')!
    confirm().click()
    await settle()
    await new Promise((r) => setTimeout(r, 200))
    expect(calls).toHaveLength(3)
    expect(document.body.textContent).toContain('Give a reason')
    const note = document.querySelector<HTMLTextAreaElement>('[data-testid=reject-note]')!
    note.value = ' Wrong year '
    note.dispatchEvent(new Event('input'))
    await settle()
    confirm().click()
    await settle()
    expect(calls[3]!.url).toBe('/api/v1/submissions/1/reject')
    expect(calls[3]!.body).toEqual({ note: 'Wrong year' })
  })

  it('filters by status', async () => {
    const { calls } = mockFetch(jsonResponse(200, { kinds: KINDS }), page([]), page([]))
    const w = await mountAt(ADMIN, '/submissions').mounted()
    await w.find('[data-testid=submissions-filter-rejected] input').setValue(true)
    await settle()
    expect(calls[2]!.url).toBe('/api/v1/submissions?status=rejected&page=1&page_size=20')
  })
})

describe('my submissions (enterprise account)', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('lists every status with the staff note and no decision buttons', async () => {
    const { calls } = mockFetch(
      jsonResponse(200, { kinds: READ_ONLY_KINDS }),
      page([submission({ status: 'rejected', decided_by: 'staff1', decided_at: '2026-11-27T05:00:00Z', note: '数据有误' })]),
      jsonResponse(200, ACME),
    )
    const w = await mountAt(ENTERPRISE_USER, '/submissions').mounted()
    expect(calls[1]!.url).toBe('/api/v1/submissions?page=1&page_size=20')
    expect(w.find('[data-testid=submissions-title]').text()).toBe('我的填报')
    expect(w.find('[data-testid=submission-status]').text()).toBe('已退回')
    expect(w.find('[data-testid=submission-note]').text()).toBe('数据有误')
    expect(w.find('[data-testid=submission-approve]').exists()).toBe(false)
  })

  it('sees New on its years and Edit on its enterprise, not on other kinds', async () => {
    // kinds, the enterprise filter's picker, the list, the enterprise link's look-up
    mockFetch(jsonResponse(200, { kinds: READ_ONLY_KINDS }), page([ACME]), page([{ id: 3, enterprise_id: 5, year: 2024 }]), jsonResponse(200, ACME))
    const years = await mountAt(ENTERPRISE_USER, '/registry/enterprise_years', RegistryListView).mounted()
    expect(years.find('[data-testid=registry-create]').exists()).toBe(true)
    expect(years.find('[data-testid=registry-row-edit]').exists()).toBe(true)
    document.body.innerHTML = ''

    mockFetch(jsonResponse(200, { kinds: READ_ONLY_KINDS }), page([ACME]))
    const enterprises = await mountAt(ENTERPRISE_USER, '/registry/enterprises', RegistryListView).mounted()
    expect(enterprises.find('[data-testid=registry-create]').exists()).toBe(false)
    expect(enterprises.find('[data-testid=registry-row-edit]').exists()).toBe(true)
    document.body.innerHTML = ''

    mockFetch(jsonResponse(200, { kinds: READ_ONLY_KINDS }), page([ACME]), page([{ id: 1, enterprise_id: 5, certificate_no: 'GR1', status: 'valid' }]), jsonResponse(200, ACME))
    const certs = await mountAt(ENTERPRISE_USER, '/registry/hte_certificates', RegistryListView).mounted()
    expect(certs.find('[data-testid=registry-create]').exists()).toBe(false)
    expect(certs.find('[data-testid=registry-row-edit]').exists()).toBe(false)
  })
})
