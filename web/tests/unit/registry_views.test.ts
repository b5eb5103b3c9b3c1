import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import AppSidebar from '@/components/AppSidebar.vue'
import RegistryListView from '@/views/registry/RegistryListView.vue'
import { ADMIN, jsonResponse, mockFetch, signInAs } from './helpers'
import { KINDS } from './registry_fixture'

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

function setup(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  signInAs(ADMIN)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: { template: '<div />' } },
      { path: '/registry/:kind', name: 'registry-list', component: RegistryListView },
      { path: '/registry/:kind/:id(\\d+)', name: 'registry-detail', component: { template: '<div />' } },
    ],
  })
  void router.push(path)
  return { pinia, router }
}

const page = (items: unknown[], total = items.length) => jsonResponse(200, { items, total, page: 1, page_size: 20 })

describe('registry menu', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('lists every readable kind in the current language', async () => {
    mockFetch(jsonResponse(200, { kinds: KINDS }))
    const { pinia, router } = setup('/')
    await router.isReady()
    const w = mount(AppSidebar, { props: { collapsed: false }, global: { plugins: [pinia, router, i18n, ElementPlus] } })
    await settle()
    expect(w.find('[data-testid=menu-registry]').exists()).toBe(true)
    expect(w.find('[data-testid=menu-registry-enterprises]').text()).toBe('企业')
    expect(w.findAll('[data-testid^=menu-registry-]').map((e) => e.attributes('data-testid')))
      .toEqual(['menu-registry-enterprises', 'menu-registry-enterprise_years', 'menu-registry-hte_certificates', 'menu-registry-region_statistics'])
    setLocale('en')
    await settle()
    expect(w.find('[data-testid=menu-registry-enterprises]').text()).toBe('Enterprises')
    setLocale('zh-CN')
  })

  it('is hidden for a user who may read no kind', async () => {
    mockFetch(jsonResponse(200, { kinds: [] }))
    const { pinia, router } = setup('/')
    await router.isReady()
    const w = mount(AppSidebar, { props: { collapsed: false }, global: { plugins: [pinia, router, i18n, ElementPlus] } })
    await settle()
    expect(w.find('[data-testid=menu-registry]').exists()).toBe(false)
    expect(w.find('[data-testid=menu-home]').exists()).toBe(true)
  })
})

describe('registry list page', () => {
  beforeEach(() => setLocale('en'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it("shows a user over several districts the district of records placed through their enterprise", async () => {
    const kinds = KINDS.map((k) => ({ ...k, region_scope: k.name === 'enterprise_years' ? 'enterprise_id' : 'region_code' }))
    const acme = { id: 3, name: 'Acme', credit_code: '91350100M000100Y43', region_code: '330205' }
    // The kinds, the list, the enterprise filter's options, then the enterprise itself (looked up once).
    mockFetch(jsonResponse(200, { kinds }), page([{ id: 7, enterprise_id: 3, year: 2013 }]), page([acme]), jsonResponse(200, acme))
    const { pinia, router } = setup('/registry/enterprise_years')
    await router.isReady()
    const w = mount(RegistryListView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const headers = w.findAll('[data-testid=registry-table] thead th').map((h) => h.text())
    expect(headers[1]).toBe('District')
    expect(w.find('[data-testid=record-district]').text()).toContain('330205')
  })

  it('asks the server for what the URL says and shows the chosen columns', async () => {
    const { calls } = mockFetch(
      jsonResponse(200, { kinds: KINDS }),
      page([{ id: 3, name: 'Acme', credit_code: '91350100M000100Y43', registered_capital: '1234.5', above_size: true }], 41),
    )
    const { pinia, router } = setup('/registry/enterprises?q=acme&above_size=true&sort=-registered_capital&page=3')
    await router.isReady()
    const w = mount(RegistryListView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/registry/kinds',
      '/api/v1/registry/enterprises?page=3&page_size=20&q=acme&sort=-registered_capital&above_size=true',
    ])
    const headers = w.findAll('[data-testid=registry-table] thead th').map((h) => h.text())
    expect(headers[0]).toBe('') // the selection column (batch export; batch delete for writers)
    expect(headers.slice(1, 7)).toEqual(['Name', 'Unified social credit code', 'Region code (GB/T 2260)',
      'Industry (GB/T 4754-2017)', 'Registered on', 'Registered capital (10k yuan)'])
    expect(w.find('[data-testid=registry-row-title]').text()).toBe('Acme')
    expect(w.find('[data-testid=registry-table] tbody').text()).toContain('1,234.5')
    expect((w.find('[data-testid=registry-search]').element as HTMLInputElement).value).toBe('acme')
    expect(w.find('[data-testid=registry-create]').exists()).toBe(true)
    expect(w.findAll('[data-testid^=filter-]').map((e) => e.attributes('data-testid'))).toEqual(
      ['filter-credit_code', 'filter-region_code', 'filter-town', 'filter-industry_code', 'filter-above_size', 'filter-tech_field'])
  })

  it('exports the selected rows within the filter, and offers it only while rows are selected', async () => {
    const rows = [{ id: 3, name: 'Acme', credit_code: '91350100M000100Y43' }, { id: 5, name: 'Beta', credit_code: '91350100M000100Y44' }]
    const { calls } = mockFetch(jsonResponse(200, { kinds: KINDS }), page(rows), jsonResponse(200, {}))
    const { pinia, router } = setup('/registry/enterprises?above_size=true')
    await router.isReady()
    const w = mount(RegistryListView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const dropdown = w.findComponent({ name: 'ElDropdown' })
    expect(w.find('[data-testid=registry-export-selected-csv]').exists()).toBe(false)
    w.findComponent({ name: 'ElTable' }).vm.$emit('selection-change', rows)
    await settle()
    dropdown.vm.$emit('command', 'csv-selected')
    await settle()
    expect(decodeURIComponent(calls[2]!.url)).toBe('/api/v1/registry/enterprises/export?above_size=true&ids=3,5&format=csv&headers=en')
  })

  it('puts a new search into the URL, back on page 1, and asks again', async () => {
    const { calls } = mockFetch(jsonResponse(200, { kinds: KINDS }), page([]), page([]))
    const { pinia, router } = setup('/registry/enterprises?page=2')
    await router.isReady()
    const w = mount(RegistryListView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    await w.find('[data-testid=registry-search]').setValue('  闽江 ')
    await w.find('[data-testid=registry-search]').trigger('keyup', { key: 'Enter' })
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/registry/enterprises?q=%E9%97%BD%E6%B1%9F')
    expect(decodeURIComponent(calls[2]!.url)).toBe('/api/v1/registry/enterprises?page=1&page_size=20&q=闽江')
  })

  it('hides New for a kind the user may not write, and says so for an unknown kind', async () => {
    const readOnly = KINDS.map((k) => ({ ...k, writable: false }))
    mockFetch(jsonResponse(200, { kinds: readOnly }), page([]))
    const { pinia, router } = setup('/registry/region_statistics')
    await router.isReady()
    const w = mount(RegistryListView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    expect(w.find('[data-testid=registry-list-title]').text()).toBe('Region statistics')
    expect(w.find('[data-testid=registry-create]').exists()).toBe(false)
    await router.push('/registry/nothing')
    await settle()
    expect(w.find('[data-testid=registry-unknown]').exists()).toBe(true)
  })
})
