import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, getCsrfToken, setCsrfToken } from '@/api/client'
import { useAuthStore } from '@/stores/auth'
import { ADMIN, jsonResponse, mockFetch, problemResponse } from './helpers'
import { vi } from 'vitest'

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setCsrfToken(null)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('signs in: keeps the user and the CSRF token for later writes', async () => {
    const { calls } = mockFetch(
      jsonResponse(200, { user: ADMIN, csrf_token: 'csrf-abc', may: ['GET /api/v1/users'] }),
      new Response(null, { status: 204 }),
    )
    const auth = useAuthStore()
    await auth.login('admin', 'Secret-pass1')
    expect(calls[0]).toMatchObject({ url: '/api/v1/auth/login', method: 'POST', body: { username: 'admin', password: 'Secret-pass1' } })
    expect(auth.signedIn).toBe(true)
    expect(auth.may('GET /api/v1/users')).toBe(true)
    expect(auth.may('POST /api/v1/users')).toBe(false)
    expect(getCsrfToken()).toBe('csrf-abc')

    await auth.logout()
    expect(calls[1]).toMatchObject({ url: '/api/v1/auth/logout', method: 'POST' })
    expect(calls[1]!.headers['X-CSRF-Token']).toBe('csrf-abc')
    expect(auth.signedIn).toBe(false)
    expect(auth.may('GET /api/v1/users')).toBe(false)
    expect(getCsrfToken()).toBeNull()
  })

  it('keeps the user signed out after bad credentials', async () => {
    mockFetch(problemResponse(401, 'unauthenticated'))
    const auth = useAuthStore()
    await expect(auth.login('admin', 'nope')).rejects.toMatchObject({ status: 401 })
    expect(auth.signedIn).toBe(false)
  })

  it('restores the session from /auth/me once, and treats 401 as signed out', async () => {
    const { calls } = mockFetch(jsonResponse(200, { user: { ...ADMIN, role: 'staff' }, csrf_token: 't1' }))
    const auth = useAuthStore()
    await auth.ensureLoaded()
    await auth.ensureLoaded()
    expect(calls).toHaveLength(1)
    expect(auth.role).toBe('staff')
    expect(getCsrfToken()).toBe('t1')

    setActivePinia(createPinia())
    mockFetch(problemResponse(401, 'unauthenticated'))
    const fresh = useAuthStore()
    await fresh.fetchMe()
    expect(fresh.loaded).toBe(true)
    expect(fresh.signedIn).toBe(false)
  })

  it('passes other /auth/me failures on to the caller', async () => {
    mockFetch(problemResponse(500, 'internal'))
    await expect(useAuthStore().fetchMe()).rejects.toBeInstanceOf(ApiError)
  })

  it('signs out locally even when the logout call fails', async () => {
    mockFetch(jsonResponse(200, { user: ADMIN, csrf_token: 'x' }), new TypeError('offline'))
    const auth = useAuthStore()
    await auth.login('admin', 'pw')
    await expect(auth.logout()).rejects.toMatchObject({ code: 'network' })
    expect(auth.signedIn).toBe(false)
  })

  it('clears must_change_password after a successful change', async () => {
    const { calls } = mockFetch(
      jsonResponse(200, { user: { ...ADMIN, must_change_password: true }, csrf_token: 'c' }),
      new Response(null, { status: 204 }),
    )
    const auth = useAuthStore()
    await auth.login('admin', 'Initial-pw1')
    expect(auth.mustChangePassword).toBe(true)
    await auth.changePassword('Initial-pw1', 'Brand-new-pw2')
    expect(calls[1]!.body).toEqual({ current_password: 'Initial-pw1', new_password: 'Brand-new-pw2' })
    expect(auth.mustChangePassword).toBe(false)
  })

  it('keeps must_change_password when the policy refuses the new password', async () => {
    mockFetch(
      jsonResponse(200, { user: { ...ADMIN, must_change_password: true }, csrf_token: 'c' }),
      problemResponse(422, 'validation', { errors: [{ field: 'new_password', message: 'too short' }] }),
    )
    const auth = useAuthStore()
    await auth.login('admin', 'Initial-pw1')
    const e = (await auth.changePassword('Initial-pw1', 'short').catch((x: unknown) => x)) as ApiError
    expect(e.errors).toEqual([{ field: 'new_password', message: 'too short' }])
    expect(auth.mustChangePassword).toBe(true)
  })
})
