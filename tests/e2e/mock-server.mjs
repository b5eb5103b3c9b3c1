// A small stand-in for `kechuang serve`, implementing the docs/api.md endpoints the web app uses,
// with in-memory data, and serving web/dist with history fallback. It lets the browser test and
// the screenshot script run before (or without) the real server. Not used when KC_BASE_URL is set.
//
//   node tests/e2e/mock-server.mjs [port]      (admin / Admin-Passw0rd! by default)
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { registryApi, seedRegistry, submissionsApi } from './mock-registry.mjs'
import { withinScope } from './region_scope.mjs'
import { districtsApi } from './mock-districts.mjs'
import { indicatorsApi } from './mock-indicators.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const DEFAULT_DIST = path.resolve(here, '../../web/dist')
export const MOCK_ADMIN = { username: 'admin', password: 'Admin-Passw0rd!' }

export const MOCK_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' }

function now() { return new Date().toISOString() }


function seed(adminPassword) {
  const t0 = Date.parse('2026-11-20T08:00:00Z')
  const users = [
    { id: 1, username: 'admin', display_name: '系统管理员', role: 'admin', password: adminPassword },
    { id: 2, username: 'zhang.wei', display_name: '张伟', role: 'staff', password: 'Staff-Passw0rd!' },
    { id: 3, username: 'li.na', display_name: '李娜', role: 'reviewer', password: 'Review-Passw0rd!', must_change_password: true },
    { id: 4, username: 'acme', display_name: 'ACME 科技有限公司', role: 'enterprise', password: 'Acme-Passw0rd!!', disabled: true },
    { id: 5, username: 'viewer', display_name: 'Read Only', role: 'viewer', password: 'Viewer-Passw0rd!' },
    // Region scopes: a city (福州市, every code 3501…) and one district (鼓楼区).
    { id: 6, username: 'wang.fang', display_name: '王芳', role: 'staff', password: 'City-Passw0rd!', region_code: '350100' },
    { id: 7, username: 'chen.jie', display_name: '陈杰', role: 'staff', password: 'District-Passw0rd!', region_code: '350102' },
  ].map((u, i) => ({ region_code: null, disabled: false, must_change_password: false, locked_until: null, last_login_at: null,
    created_at: new Date(t0 + i * 3600e3).toISOString(), ...u }))
  const audit = users.slice(1).map((u, i) => ({ id: i + 1, at: u.created_at, actor: 'admin', ip: '127.0.0.1',
    action: 'user.create', entity: 'user', entity_id: String(u.id), before: null,
    after: { username: u.username, display_name: u.display_name, role: u.role } }))
  audit.push({ id: audit.length + 1, at: new Date(t0 + 86400e3).toISOString(), actor: 'admin', ip: '127.0.0.1',
    action: 'user.update', entity: 'user', entity_id: '4', before: { disabled: false, role: 'enterprise' },
    after: { disabled: true, role: 'enterprise' } })
  const logins = [
    { username: 'admin', success: true, reason: null },
    { username: 'zhang.wei', success: false, reason: 'bad_password' },
    { username: 'nobody', success: false, reason: 'unknown_user' },
    { username: 'acme', success: false, reason: 'disabled' },
  ].map((l, i) => ({ id: i + 1, at: new Date(t0 + i * 600e3).toISOString(), ip: '127.0.0.1', ...l }))
  return { users, audit, logins, sessions: new Map(), nextUser: users.length + 1, registry: seedRegistry() }
}

const publicUser = ({ password: _p, ...u }) => u
// What the real server lets each role call (route-roles.json, checked against it by
// tests/integration/mock-contract.test.mjs), sent with the user as the real /auth/me does.
const MAY = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'route-roles.json'), 'utf8')).may
const signedIn = (user, csrf) => ({ user: publicUser(user), csrf_token: csrf, may: MAY[user.role] ?? [] })

// `said`: the server's message code and params (src/app/messages.hpp), `{ message, params }`.
function problem(res, status, code, detail, errors, said) {
  const body = { type: `https://kechuang.dev/problems/${code}`, title: code, status, detail, code, ...said }
  if (errors) body.errors = errors
  res.writeHead(status, { 'Content-Type': 'application/problem+json' })
  res.end(JSON.stringify(body))
}

/** A user's region_code as the server checks it: a 6-digit code inside the administrator's own scope. */
function regionProblem(res, admin, code) {
  if (code === null || code === undefined) return null
  if (!/^\d{6}$/.test(String(code))) {
    return problem(res, 422, 'validation', 'region_code: must be 6 digits', [{ field: 'region_code', message: 'must be a GB/T 2260 code of 6 digits' }])
  }
  if (!withinScope(admin.region_code, code)) {
    return problem(res, 422, 'validation', `${code} is outside your scope.`, [{ field: 'region_code', message: `${code} is outside your scope` }],
      { message: 'region_outside_scope', params: { region: code } })
  }
  return null
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

function paged(items, url) {
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
  const size = Math.min(200, Math.max(1, Number(url.searchParams.get('page_size') ?? 20)))
  return { items: items.slice((page - 1) * size, page * size), total: items.length, page, page_size: size }
}

function inDateRange(at, url) {
  const from = url.searchParams.get('from'); const to = url.searchParams.get('to')
  const day = at.slice(0, 10)
  return (!from || day >= from) && (!to || day <= to)
}

function csv(res, name, rows) {
  const cell = (v) => `"${String(v ?? '').replaceAll('"', '""')}"`
  const keys = rows.length ? Object.keys(rows[0]) : ['id']
  const text = [keys.join(','), ...rows.map((r) => keys.map((k) => cell(typeof r[k] === 'object' ? JSON.stringify(r[k]) : r[k])).join(','))].join('\n')
  res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` })
  res.end(text)
}

function policyErrors(pw) {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(pw)).length
  if (pw.length < 10) return [{ field: 'new_password', message: 'must be at least 10 characters' }]
  if (classes < 3) return [{ field: 'new_password', message: 'must use 3 of 4 character classes' }]
  return null
}

async function readBody(req) {
  const chunks = []
  for await (const c of req) chunks.push(c)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return {}
  return JSON.parse(text)
}

function sessionOf(req, db) {
  const m = /(?:^|;\s*)kc_session=([^;]+)/.exec(req.headers.cookie ?? '')
  const s = m ? db.sessions.get(m[1]) : undefined
  return s ? { token: m[1], ...s, user: db.users.find((u) => u.id === s.userId) } : null
}

async function api(req, res, url, db) {
  const p = url.pathname.slice('/api/v1'.length)
  const m = req.method
  if (m === 'GET' && p === '/health') return json(res, 200, { status: 'ok', version: '0.1.0-mock', database: 'ok' })

  let body = {}
  if (m !== 'GET') {
    try { body = await readBody(req) } catch { return problem(res, 400, 'malformed_json', 'body is not JSON') }
  }
  if (m === 'POST' && p === '/auth/login') {
    const u = db.users.find((x) => x.username === body.username)
    if (body.username === 'locked') return problem(res, 423, 'locked', 'account locked')
    if (body.username === 'throttled') return problem(res, 429, 'throttled', 'too many attempts')
    const ok = u && !u.disabled && u.password === body.password
    db.logins.unshift({ id: db.logins.length + 1, at: now(), username: String(body.username), ip: '127.0.0.1',
      success: Boolean(ok), reason: ok ? null : !u ? 'unknown_user' : u.disabled ? 'disabled' : 'bad_password' })
    if (!ok) return problem(res, 401, 'unauthenticated', 'bad credentials')
    const token = randomBytes(16).toString('hex'); const csrf = randomBytes(16).toString('hex')
    db.sessions.set(token, { userId: u.id, csrf })
    u.last_login_at = now()
    res.setHeader('Set-Cookie', `kc_session=${token}; HttpOnly; SameSite=Strict; Path=/`)
    return json(res, 200, signedIn(u, csrf))
  }

  const s = sessionOf(req, db)
  if (!s) return problem(res, 401, 'unauthenticated', 'sign in first')
  if (m !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) return problem(res, 403, 'csrf', 'missing or wrong CSRF token')
  if (m === 'GET' && p === '/auth/me') return json(res, 200, signedIn(s.user, s.csrf))
  if (m === 'POST' && p === '/auth/logout') { db.sessions.delete(s.token); res.writeHead(204); return res.end() }
  if (m === 'POST' && p === '/auth/password') {
    if (body.current_password !== s.user.password) return problem(res, 422, 'validation', 'Validation failed', [{ field: 'current_password', message: 'is wrong' }])
    const errors = policyErrors(String(body.new_password ?? ''))
    if (errors) return problem(res, 422, 'validation', 'Validation failed', errors)
    s.user.password = body.new_password; s.user.must_change_password = false
    res.writeHead(204); return res.end()
  }
  if (s.user.must_change_password) return problem(res, 403, 'password_change_required', 'change your password first')
  // The header's district switcher: X-Kechuang-Region (or ?region= on plain download links).
  const narrowed = req.headers['x-kechuang-region'] || url.searchParams.get('region') || null
  db.lastRegion = narrowed
  if (narrowed && (!/^\d{6}$/.test(narrowed) || !withinScope(s.user.region_code, narrowed))) {
    return problem(res, 403, 'forbidden', `${narrowed} is outside your scope.`, undefined,
      { message: 'region_outside_scope', params: { region: narrowed } })
  }
  const region = narrowed ?? (s.user.role === 'enterprise' ? null : s.user.region_code ?? null)
  const send = (status, payload) => {
    if (payload === undefined) { res.writeHead(status); res.end() } else json(res, status, payload)
  }
  const fail = (status, code, detail, errors, said) => problem(res, status, code, detail, errors, said)
  // The home page's 通知公告: the mock holds none (publishing and reading them is tested against the
  // real server in run.mjs), so its pages show the empty panel instead of an error.
  if (m === 'GET' && p === '/notices') return json(res, 200, { ...paged([], url), unread: 0 })
  if (registryApi({ method: m, path: p, url, body, user: s.user, region, reg: db.registry, send, fail })) return
  if (districtsApi({ method: m, path: p, url, user: s.user, region, send, fail })) return
  if (indicatorsApi({ method: m, path: p, url, user: s.user, region, send, fail })) return
  if (submissionsApi({ method: m, path: p, url, body, user: s.user, reg: db.registry, send, fail })) return
  if (s.user.role !== 'admin') return problem(res, 403, 'forbidden', 'admin only')

  if (m === 'GET' && p === '/users') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase()
    return json(res, 200, paged(db.users.filter((u) => !q || u.username.includes(q) || u.display_name.toLowerCase().includes(q)).map(publicUser), url))
  }
  if (m === 'POST' && p === '/users') {
    const errors = []
    if (!/^[a-z][a-z0-9._-]{2,31}$/.test(body.username ?? '')) errors.push({ field: 'username', message: 'use 3-32 lower-case letters, digits, . _ -' })
    if (!body.display_name) errors.push({ field: 'display_name', message: 'is required' })
    if (errors.length) return problem(res, 422, 'validation', 'Validation failed', errors)
    const bad = regionProblem(res, s.user, body.region_code)
    if (bad) return bad
    if (db.users.some((u) => u.username.toLowerCase() === body.username.toLowerCase())) {
      return problem(res, 409, 'username_taken', `username: "${body.username}" is taken (usernames are unique regardless of case)`,
        [{ field: 'username', message: 'is already taken (regardless of case)' }])
    }
    const generated = body.password ? undefined : `Gen-${randomBytes(6).toString('hex')}!`
    const u = { id: db.nextUser++, username: body.username, display_name: body.display_name, department: body.department ?? '', role: body.role ?? 'viewer',
      disabled: false, must_change_password: true, locked_until: null, created_at: now(), last_login_at: null,
      password: body.password ?? generated, enterprise_id: body.enterprise_id ?? null,
      region_code: body.role === 'enterprise' ? null : body.region_code ?? null }
    db.users.push(u)
    return json(res, 201, generated ? { user: publicUser(u), initial_password: generated } : { user: publicUser(u) })
  }
  const um = /^\/users\/(\d+)(\/reset-password|\/sessions)?$/.exec(p)
  if (um) {
    const u = db.users.find((x) => x.id === Number(um[1]))
    if (!u) return problem(res, 404, 'not_found', `no user ${um[1]}`)
    if (m === 'PATCH' && !um[2]) {
      if ('region_code' in body) {
        const bad = regionProblem(res, s.user, body.region_code)
        if (bad) return bad
      }
      // As the server: an enterprise account sees its enterprise, and has no region scope.
      const role = body.role ?? u.role
      const scope = 'region_code' in body ? body.region_code : u.region_code
      if (role === 'enterprise' && scope !== null && scope !== undefined) {
        return problem(res, 422, 'validation', 'region_code: an enterprise account has no region scope',
          [{ field: 'region_code', message: 'an enterprise account has no region scope' }])
      }
      for (const k of ['display_name', 'department', 'role', 'disabled', 'region_code']) if (k in body) u[k] = body[k]
      return json(res, 200, { user: publicUser(u) })
    }
    if (m === 'POST' && um[2] === '/reset-password') {
      u.password = `Gen-${randomBytes(6).toString('hex')}!`; u.must_change_password = true
      return json(res, 200, { initial_password: u.password })
    }
    if (m === 'DELETE' && um[2] === '/sessions') {
      for (const [k, v] of db.sessions) if (v.userId === u.id) db.sessions.delete(k)
      res.writeHead(204); return res.end()
    }
  }
  const auditRows = () => {
    const f = (k) => url.searchParams.get(k) ?? ''
    return db.audit.filter((a) => (!f('actor') || a.actor === f('actor')) && (!f('action') || a.action === f('action')) &&
      (!f('entity') || a.entity === f('entity')) && (!f('q') || JSON.stringify(a).includes(f('q'))) && inDateRange(a.at, url)).slice().reverse()
  }
  if (m === 'GET' && p === '/audit') return json(res, 200, paged(auditRows(), url))
  if (m === 'GET' && p === '/audit/export') return csv(res, 'audit.csv', auditRows())
  if (m === 'GET' && p === '/audit/verify') return json(res, 200, { ok: true, records: db.audit.length })
  const loginRows = () => {
    const q = url.searchParams.get('q') ?? ''; const ok = url.searchParams.get('success')
    return db.logins.filter((l) => (!q || l.username.includes(q)) && (ok === null || String(l.success) === ok) && inDateRange(l.at, url))
  }
  if (m === 'GET' && p === '/login-log') return json(res, 200, paged(loginRows(), url))
  if (m === 'GET' && p === '/login-log/export') return csv(res, 'login-log.csv', loginRows())
  return problem(res, 404, 'not_found', `no route ${m} ${p}`)
}

async function serveStatic(res, url, distDir) {
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '')
  let file = path.resolve(distDir, rel)
  if (!file.startsWith(distDir)) { res.writeHead(403); return res.end() }
  const isFile = await stat(file).then((st) => st.isFile(), () => false)
  if (!isFile) file = path.join(distDir, 'index.html') // history fallback
  try {
    const data = await readFile(file)
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    res.end(data)
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end(`web/dist not built (${distDir})`)
  }
}

/** Starts the mock on 127.0.0.1 (port 0 = any free port); resolves to { url, close }. */
export function startMockServer({ port = 0, distDir = DEFAULT_DIST, adminPassword = MOCK_ADMIN.password } = {}) {
  const db = seed(adminPassword)
  const server = http.createServer((req, res) => {
    // As strict as a production server would be, so CSP problems show up here first.
    res.setHeader('Content-Security-Policy', MOCK_CSP)
    res.setHeader('X-Frame-Options', 'DENY')
    const url = new URL(req.url ?? '/', 'http://localhost')
    const handler = url.pathname.startsWith('/api/v1/') ? api(req, res, url, db) : serveStatic(res, url, distDir)
    handler.catch((e) => { if (!res.headersSent) problem(res, 500, 'internal', String(e)) })
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address()
      resolve({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r) }) })
    })
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startMockServer({ port: Number(process.argv[2] ?? 5180) })
  console.log(`mock Kechuang server on ${url} (admin / ${MOCK_ADMIN.password})`)
}
