import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError, api, buildUrl, getCsrfToken, requestRaw, setCsrfToken, setPasswordChangeRequiredHandler,
  setUnauthenticatedHandler,
} from '@/api/client'
import { jsonResponse, mockFetch, problemResponse } from './helpers'

describe('api client', () => {
  const onUnauthenticated = vi.fn()
  const onPasswordChange = vi.fn()

  beforeEach(() => {
    setCsrfToken(null)
    setUnauthenticatedHandler(onUnauthenticated)
    setPasswordChangeRequiredHandler(onPasswordChange)
    onUnauthenticated.mockReset()
    onPasswordChange.mockReset()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('builds URLs under /api/v1 and drops empty query values', () => {
    expect(buildUrl('/users', { q: 'li na', page: 2, page_size: 20, actor: '', from: undefined, to: null }))
      .toBe('/api/v1/users?q=li+na&page=2&page_size=20')
    expect(buildUrl('/health')).toBe('/api/v1/health')
  })

  it('sends cookies and no CSRF header on GET', async () => {
    setCsrfToken('tok-1')
    const { calls } = mockFetch(jsonResponse(200, { ok: 1 }))
    await expect(api.get('/users', { query: { page: 1 } })).resolves.toEqual({ ok: 1 })
    expect(calls[0]!.url).toBe('/api/v1/users?page=1')
    expect(calls[0]!.credentials).toBe('include')
    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined()
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('sends X-CSRF-Token and the JSON body on %s', async (method) => {
    setCsrfToken('tok-2')
    const { calls } = mockFetch(jsonResponse(200, {}))
    const body = method === 'DELETE' ? undefined : { a: 1 }
    await (method === 'POST' ? api.post('/x', body) : method === 'PUT' ? api.put('/x', body)
      : method === 'PATCH' ? api.patch('/x', body) : api.delete('/x'))
    expect(calls[0]!.method).toBe(method)
    expect(calls[0]!.headers['X-CSRF-Token']).toBe('tok-2')
    expect(calls[0]!.body).toEqual(body)
    if (body) expect(calls[0]!.headers['Content-Type']).toBe('application/json')
  })

  it('sends no CSRF header before a token is known', async () => {
    const { calls } = mockFetch(jsonResponse(200, {}))
    await api.post('/auth/login', { username: 'a' })
    expect('X-CSRF-Token' in calls[0]!.headers).toBe(false)
  })

  it('turns problem+json into an ApiError with field errors', async () => {
    mockFetch(problemResponse(422, 'validation', {
      title: 'Validation failed', detail: 'password too weak',
      errors: [{ field: 'new_password', message: 'too short', code: 'field.too_long', params: { max: 8 } }, { field: 'new_password', message: 'second' },
        { field: 'current_password', message: 'wrong' }, { bogus: true }],
    }))
    const error = await api.post('/auth/password', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const e = error as ApiError
    expect(e.status).toBe(422)
    expect(e.code).toBe('validation')
    expect(e.title).toBe('Validation failed')
    expect(e.detail).toBe('password too weak')
    expect(e.message).toBe('password too weak')
    expect(e.errors).toHaveLength(3) // the malformed entry is dropped
    expect(e.errors[0]).toEqual({ field: 'new_password', message: 'too short', code: 'field.too_long', params: { max: 8 } })
  })

  it('reports a non-JSON error by its HTTP status', async () => {
    mockFetch(new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    const e = (await api.get('/health').catch((x: unknown) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('http_502')
    expect(e.errors).toEqual([])
    expect(e.problem).toBeNull()
  })

  it('reports a network failure with code "network"', async () => {
    mockFetch(new TypeError('Failed to fetch'))
    const e = (await api.get('/health').catch((x: unknown) => x)) as ApiError
    expect(e.code).toBe('network')
    expect(e.status).toBe(0)
  })

  it('on 401 forgets the CSRF token and calls the redirect handler', async () => {
    setCsrfToken('tok-3')
    mockFetch(problemResponse(401, 'unauthenticated'))
    await expect(api.get('/users')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(getCsrfToken()).toBeNull()
  })

  it('sends a raw body with its own type and answers the Response (file uploads and downloads)', async () => {
    setCsrfToken('tok-5')
    const file = new Blob(['PK'], { type: 'application/octet-stream' })
    const { fn, calls } = mockFetch(new Response('PK-bytes', { status: 200, headers: { 'Content-Type': 'application/zip' } }))
    const response = await requestRaw('POST', '/index/convert', { query: { sheet: 'a' }, body: file, contentType: 'application/zip', accept: 'application/zip' })
    expect(await response.text()).toBe('PK-bytes')
    expect(calls[0]!.url).toBe('/api/v1/index/convert?sheet=a')
    expect(calls[0]!.headers).toMatchObject({ 'Content-Type': 'application/zip', Accept: 'application/zip', 'X-CSRF-Token': 'tok-5' })
    expect(fn.mock.calls[0]![1]!.body).toBe(file)
  })

  it('handles a raw call\'s 401 like any other: the token is forgotten and the user redirected', async () => {
    setCsrfToken('tok-6')
    mockFetch(problemResponse(401, 'unauthenticated'))
    await expect(requestRaw('POST', '/index/build', { query: { format: 'xlsx' }, body: '{}' })).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(getCsrfToken()).toBeNull()
  })

  it('does not redirect on 401 when the caller expects it (login, who-am-I)', async () => {
    mockFetch(problemResponse(401, 'unauthenticated'))
    await expect(api.post('/auth/login', {}, { noAuthRedirect: true })).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('sends the user to the password page on 403 password_change_required only', async () => {
    mockFetch(problemResponse(403, 'password_change_required'), problemResponse(403, 'forbidden'))
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'password_change_required' })
    expect(onPasswordChange).toHaveBeenCalledTimes(1)
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'forbidden' })
    expect(onPasswordChange).toHaveBeenCalledTimes(1)
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('returns undefined for 204 No Content', async () => {
    mockFetch(new Response(null, { status: 204 }))
    await expect(api.delete('/users/2/sessions')).resolves.toBeUndefined()
  })
})
