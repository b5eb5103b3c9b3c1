// Test helpers: canned fetch responses and a fetch mock that records requests.
import { vi } from 'vitest'
import type { User } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
// What the server's /auth/me sends each role (checked against the server by tests/integration/mock-contract.test.mjs).
import routeRoles from '../../../tests/e2e/route-roles.json'

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  })
}

export function problemResponse(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse(status, { type: `https://kechuang.dev/problems/${code}`, title: code, status, code, ...extra },
    'application/problem+json')
}

export interface Recorded {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
  credentials: RequestCredentials | undefined
}

/** Replaces global fetch; each call takes the next response from `responses`. */
export function mockFetch(...responses: Array<Response | Error>) {
  const calls: Recorded[] = []
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init?.credentials,
    })
    const next = responses.shift()
    if (!next) throw new Error(`unexpected fetch ${init?.method ?? 'GET'} ${String(input)}`)
    if (next instanceof Error) throw next
    return next
  })
  vi.stubGlobal('fetch', fn)
  return { fn, calls }
}

export const ADMIN = {
  id: 1, username: 'admin', display_name: 'Admin', department: '', role: 'admin' as const, disabled: false,
  must_change_password: false, locked_until: null, created_at: '2026-01-01T00:00:00Z', last_login_at: null,
}

/** Signs `user` in on the active Pinia with the routes the server lets its role call (the CSRF token untouched). */
export function signInAs(user: User): void {
  const auth = useAuthStore()
  auth.user = user
  auth.allowed = new Set(routeRoles.may[user.role])
}
