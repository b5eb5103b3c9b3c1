import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useAuthStore } from '@/stores/auth'
import { useRegistryStore } from '@/stores/registry'
import { ADMIN, jsonResponse, mockFetch, problemResponse } from './helpers'
import { KINDS } from './registry_fixture'

describe('registry store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('loads the kinds once per signed-in user and forgets them on sign-out', async () => {
    const { calls } = mockFetch(jsonResponse(200, { kinds: KINDS }), jsonResponse(200, { kinds: KINDS.slice(0, 1) }))
    const auth = useAuthStore()
    const registry = useRegistryStore()
    await registry.ensureLoaded()
    expect(calls).toHaveLength(0) // nobody signed in: nothing to ask
    auth.user = ADMIN
    await Promise.all([registry.ensureLoaded(), registry.ensureLoaded()])
    await registry.ensureLoaded()
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/registry/kinds'])
    expect(registry.kinds.map((k) => k.name)).toEqual(['enterprises', 'enterprise_years', 'hte_certificates', 'region_statistics'])
    expect(registry.kind('enterprises')?.title_field).toBe('name')
    auth.user = { ...ADMIN, id: 2, role: 'enterprise' }
    await registry.ensureLoaded()
    expect(registry.kinds.map((k) => k.name)).toEqual(['enterprises'])
    auth.user = null
    await registry.ensureLoaded()
    expect(registry.kinds).toEqual([])
  })

  it('keeps an error and tries again on the next call', async () => {
    mockFetch(problemResponse(500, 'internal'), jsonResponse(200, { kinds: KINDS }))
    useAuthStore().user = ADMIN
    const registry = useRegistryStore()
    await registry.ensureLoaded()
    expect(registry.kinds).toEqual([])
    expect(registry.error).not.toBeNull()
    await registry.ensureLoaded()
    expect(registry.kinds).toHaveLength(4)
  })

  it('looks a referenced record up once and caches it', async () => {
    const { calls } = mockFetch(jsonResponse(200, { id: 7, name: 'Acme' }), problemResponse(404, 'not_found'))
    useAuthStore().user = ADMIN
    const registry = useRegistryStore()
    const [a, b] = await Promise.all([registry.lookup('enterprises', 7), registry.lookup('enterprises', 7)])
    expect(a).toEqual({ id: 7, name: 'Acme' })
    expect(b).toBe(a)
    expect(registry.cached('enterprises', 7)?.name).toBe('Acme')
    expect(await registry.lookup('enterprises', 8)).toBeNull()
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/registry/enterprises/7', '/api/v1/registry/enterprises/8'])
    registry.remember('enterprises', { id: 7, name: 'Acme Ltd' })
    expect(registry.cached('enterprises', 7)?.name).toBe('Acme Ltd')
  })
})
