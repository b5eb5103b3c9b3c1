import { describe, expect, it } from 'vitest'
import { decide, safeRedirect, type GuardSession, type GuardTarget } from '@/router/guard'

const anon: GuardSession = { signedIn: false, mustChangePassword: false, may: new Set() }
const admin: GuardSession = { signedIn: true, mustChangePassword: false, may: new Set(['GET /api/v1/users', 'POST /api/v1/submissions/{id}/approve']) }
const staff: GuardSession = { signedIn: true, mustChangePassword: false, may: new Set(['POST /api/v1/submissions/{id}/approve']) }
const enterprise: GuardSession = { signedIn: true, mustChangePassword: false, may: new Set(['GET /api/v1/submissions']) }
const forced: GuardSession = { signedIn: true, mustChangePassword: true, may: admin.may }

const usersPage: GuardTarget = { name: 'users', fullPath: '/users?page=2', meta: { requires: 'GET /api/v1/users' } }
const ownSubmissions: GuardTarget = { name: 'my-submissions', fullPath: '/my-submissions',
  meta: { requires: 'GET /api/v1/submissions', unless: 'POST /api/v1/submissions/{id}/approve' } }
const home: GuardTarget = { name: 'home', fullPath: '/', meta: {} }
const login: GuardTarget = { name: 'login', fullPath: '/login', meta: { public: true } }
const change: GuardTarget = { name: 'change-password', fullPath: '/change-password', meta: { passwordChange: true } }
const notFound: GuardTarget = { name: 'not-found', fullPath: '/nope', meta: { public: true } }

describe('route guard', () => {
  it('sends signed-out visitors to login, remembering where they were going', () => {
    expect(decide(usersPage, anon)).toEqual({ name: 'login', query: { redirect: '/users?page=2' } })
    expect(decide(home, anon)).toEqual({ name: 'login' })
  })

  it('lets anyone see public pages, and signed-in users skip the login page', () => {
    expect(decide(login, anon)).toBe(true)
    expect(decide(notFound, anon)).toBe(true)
    expect(decide(login, admin)).toEqual({ name: 'home' })
  })

  it('keeps a user who must change the password on the password page', () => {
    expect(decide(usersPage, forced)).toEqual({ name: 'change-password' })
    expect(decide(home, forced)).toEqual({ name: 'change-password' })
    expect(decide(change, forced)).toBe(true)
    expect(decide(change, admin)).toEqual({ name: 'home' })
  })

  it('refuses pages whose route the server does not let the user call', () => {
    expect(decide(usersPage, staff)).toEqual({ name: 'forbidden', query: { from: '/users?page=2' } })
    expect(decide(usersPage, admin)).toBe(true)
    expect(decide(home, staff)).toBe(true)
  })

  it("opens the enterprise's own submissions to those who file them, not to those who decide", () => {
    expect(decide(ownSubmissions, enterprise)).toBe(true)
    expect(decide(ownSubmissions, staff)).toEqual({ name: 'forbidden', query: { from: '/my-submissions' } })
  })
})

describe('redirect after login', () => {
  it('follows only same-app paths', () => {
    expect(safeRedirect('/audit?q=x')).toBe('/audit?q=x')
    expect(safeRedirect('//evil.example/')).toBe('/')
    expect(safeRedirect('https://evil.example/')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
    expect(safeRedirect(['/a'])).toBe('/')
  })
})
