// Every endpoint × every role → the expected status. A route added without a row here fails the
// coverage test, so no endpoint ships without its access rule being checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, Client, creditCode, freshSystem } from './harness.mjs';

const ROLES = ['anonymous', 'admin', 'staff', 'reviewer', 'enterprise', 'viewer'];
const PASSWORD = 'Matrix-Pass-2024!';
const only = (role, ok, otherwise = 403) => (r) => (r === 'anonymous' ? 401 : r === role ? ok : otherwise);
const signedIn = (ok) => (r) => (r === 'anonymous' ? 401 : ok);
const everyone = (ok) => () => ok;
const readers = (ok) => (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : ok);
const writers = (ok) => (r) => (r === 'anonymous' ? 401 : r === 'admin' || r === 'staff' ? ok : 403);

let sys;
let targetId;
let enterpriseId;
let noticeId;  // a published notice of the whole installation
const deletable = {};
const clients = {};

// [method, route pattern, concrete path or function of context, body, expected(role)]
const MATRIX = [
  ['GET', '/api/v1/health', '/api/v1/health', undefined, everyone(200)],
  ['GET', '/api/v1/openapi.json', '/api/v1/openapi.json', undefined, everyone(200)],
  ['POST', '/api/v1/auth/login', '/api/v1/auth/login', { username: 'nobody-here', password: 'x' }, everyone(401)],
  ['GET', '/api/v1/auth/me', '/api/v1/auth/me', undefined, signedIn(200)],
  ['POST', '/api/v1/auth/password', '/api/v1/auth/password',
    { current_password: 'wrong-Password-1', new_password: 'Another-Pass-99' }, signedIn(422)],
  ['GET', '/api/v1/users', '/api/v1/users', undefined, only('admin', 200)],
  ['POST', '/api/v1/users', '/api/v1/users', (role) => ({ username: `made-by-${role}`, role: 'viewer' }), only('admin', 201)],
  ['PATCH', '/api/v1/users/{id}', () => `/api/v1/users/${targetId}`, { display_name: 'Renamed' }, only('admin', 200)],
  ['POST', '/api/v1/users/{id}/reset-password', () => `/api/v1/users/${targetId}/reset-password`, {}, only('admin', 200)],
  ['DELETE', '/api/v1/users/{id}/sessions', () => `/api/v1/users/${targetId}/sessions`, undefined, only('admin', 204)],
  ['GET', '/api/v1/audit', '/api/v1/audit', undefined, only('admin', 200)],
  ['GET', '/api/v1/audit/export', '/api/v1/audit/export', undefined, only('admin', 200)],
  ['GET', '/api/v1/audit/verify', '/api/v1/audit/verify', undefined, only('admin', 200)],
  ['GET', '/api/v1/login-log', '/api/v1/login-log', undefined, only('admin', 200)],
  ['GET', '/api/v1/login-log/export', '/api/v1/login-log/export', undefined, only('admin', 200)],
  ['GET', '/api/v1/registry/kinds', '/api/v1/registry/kinds', undefined, signedIn(200)],
  ['GET', '/api/v1/registry/{kind}', '/api/v1/registry/enterprises', undefined, readers(200)],
  ['POST', '/api/v1/registry/{kind}', '/api/v1/registry/enterprises',
    (role) => ({ credit_code: creditCode(5000 + ROLES.indexOf(role)), name: `由${role}创建` }), writers(201)],
  ['GET', '/api/v1/registry/{kind}/export', '/api/v1/registry/enterprises/export?format=csv', undefined, readers(200)],
  ['GET', '/api/v1/registry/{kind}/template', '/api/v1/registry/enterprises/template', undefined, writers(200)],
  ['POST', '/api/v1/registry/{kind}/import', '/api/v1/registry/enterprises/import?dry_run=true', 'credit_code,name\n', writers(200)],
  ['POST', '/api/v1/registry/{kind}/import/errors', '/api/v1/registry/enterprises/import/errors', 'credit_code,name\n', writers(200)],
  ['GET', '/api/v1/registry/{kind}/{id}', () => `/api/v1/registry/enterprises/${enterpriseId}`, undefined, readers(200)],
  ['PATCH', '/api/v1/registry/{kind}/{id}', () => `/api/v1/registry/enterprises/${enterpriseId}`, { tags: 'matrix' }, writers(200)],
  ['GET', '/api/v1/registry/{kind}/{id}/history', () => `/api/v1/registry/enterprises/${enterpriseId}/history`, undefined, readers(200)],
  ['DELETE', '/api/v1/registry/{kind}/{id}', (role) => `/api/v1/registry/enterprises/${deletable[role]}`, undefined, writers(204)],
  ['POST', '/api/v1/rules/{policy}/evaluate', '/api/v1/rules/hte/evaluate', { as_of: '2025-05-20', enterprises: [] },
    (r) => (r === 'anonymous' ? 401 : ['admin', 'staff', 'reviewer'].includes(r) ? 200 : 403)],
  ['GET', '/api/v1/rules/{policy}/enterprises/{id}', () => `/api/v1/rules/hte/enterprises/${enterpriseId}?as_of=2025-05-20`, undefined,
    (r) => (r === 'anonymous' ? 401 : ['admin', 'staff', 'reviewer'].includes(r) ? 200 : 403)],
  ['POST', '/api/v1/assess', '/api/v1/assess', {}, (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 422)],
  ['POST', '/api/v1/review/draw', '/api/v1/review/draw', {}, writers(422)],
  ['POST', '/api/v1/index/build', '/api/v1/index/build', { data: 'uCode\n', meta: 'Level,iCode\n' },
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 422)],
  ['POST', '/api/v1/index/uncertainty', '/api/v1/index/uncertainty', { data: 'uCode\n', meta: 'Level,iCode\n', vary: { vary: [] } },
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 422)],
  ['POST', '/api/v1/index/convert', '/api/v1/index/convert', 'not a workbook',
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 422)],
  ['GET', '/api/v1/index/region-data', '/api/v1/index/region-data?year=2013', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 422)],
  ['GET', '/api/v1/index/definitions', '/api/v1/index/definitions', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 200)],
  ['POST', '/api/v1/index/definitions', '/api/v1/index/definitions', { name: 'x', data_source: 'nowhere', meta: 'Level\n' }, writers(422)],
  ['GET', '/api/v1/index/definitions/{id}', '/api/v1/index/definitions/999999', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 404)],
  ['PUT', '/api/v1/index/definitions/{id}', '/api/v1/index/definitions/999999', { name: 'x', data_source: 'nowhere', meta: 'Level\n' }, writers(422)],
  ['DELETE', '/api/v1/index/definitions/{id}', '/api/v1/index/definitions/999999', undefined, writers(404)],
  ['GET', '/api/v1/cultivation/hte', '/api/v1/cultivation/hte?as_of=2025-05-20', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 200)],
  ['GET', '/api/v1/cultivation/tiers', '/api/v1/cultivation/tiers?from=2021&to=2024', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 200)],
  ['GET', '/api/v1/cultivation/deadlines', '/api/v1/cultivation/deadlines?year=2025', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 200)],
  ['GET', '/api/v1/programmes/facts', '/api/v1/programmes/facts', undefined, (r) => (r === 'anonymous' ? 401 : ['admin', 'staff', 'reviewer'].includes(r) ? 200 : 403)],
  ['GET', '/api/v1/programmes', '/api/v1/programmes', undefined, (r) => (r === 'anonymous' ? 401 : ['admin', 'staff', 'reviewer'].includes(r) ? 200 : 403)],
  ['POST', '/api/v1/programmes', '/api/v1/programmes', { code: 'x' }, only('admin', 422)],
  ['GET', '/api/v1/programmes/{id}', '/api/v1/programmes/999999', undefined, (r) => (r === 'anonymous' ? 401 : ['admin', 'staff', 'reviewer'].includes(r) ? 404 : 403)],
  ['PUT', '/api/v1/programmes/{id}', '/api/v1/programmes/999999', { code: 'x' }, only('admin', 422)],
  ['DELETE', '/api/v1/programmes/{id}', '/api/v1/programmes/999999', undefined, only('admin', 404)],
  ['GET', '/api/v1/programmes/{id}/enterprises/{enterprise}', () => `/api/v1/programmes/1/enterprises/${enterpriseId}?as_of=2025-04-01`, undefined,
    (r) => (r === 'anonymous' ? 401 : ['admin', 'staff', 'reviewer'].includes(r) ? 200 : 403)],
  ['GET', '/api/v1/districts/figures', '/api/v1/districts/figures?year=2013', undefined,
    (r) => (r === 'anonymous' ? 401 : r === 'enterprise' ? 403 : 200)],
  ['GET', '/api/v1/indicators', '/api/v1/indicators', undefined, readers(200)],
  ['GET', '/api/v1/assessments', '/api/v1/assessments', undefined, readers(200)],
  ['GET', '/api/v1/assessments/{code}', '/api/v1/assessments/national_monitoring?year=1900', undefined, readers(422)],
  // A year out of range is refused after the role check: 422 (not a missing route's 404).
  ['GET', '/api/v1/indicators/values', '/api/v1/indicators/values?year=1900', undefined, readers(422)],
  ['GET', '/api/v1/indicators/series', '/api/v1/indicators/series?from=2014&to=2013', undefined, readers(422)],
  ['GET', '/api/v1/indicators/targets', '/api/v1/indicators/targets', undefined, readers(200)],
  ['PUT', '/api/v1/indicators/targets', '/api/v1/indicators/targets', { code: 'hte_count', region_code: '330205', year: 2014, kind: 'multiple', target: 2 }, writers(422)],
  ['DELETE', '/api/v1/indicators/targets/{id}', '/api/v1/indicators/targets/999999', undefined, writers(404)],
  ['GET', '/api/v1/indicators/{code}/explain', '/api/v1/indicators/hte_count/explain?year=1900', undefined, readers(422)],
  ['PUT', '/api/v1/indicators/{code}', '/api/v1/indicators/matrix_entry', {}, only('admin', 422)],
  ['DELETE', '/api/v1/indicators/{code}', '/api/v1/indicators/never_saved', undefined, only('admin', 404)],
  // The matrix's enterprise account has no enterprise, so it may not list submissions either.
  ['GET', '/api/v1/submissions', '/api/v1/submissions', undefined, writers(200)],
  ['POST', '/api/v1/submissions/{id}/approve', '/api/v1/submissions/999999/approve', {}, writers(404)],
  ['POST', '/api/v1/submissions/{id}/reject', '/api/v1/submissions/999999/reject', { note: 'x' }, writers(404)],
  ['GET', '/api/v1/imports/failed', '/api/v1/imports/failed', undefined, writers(200)],
  // 通知公告: read by every signed-in user, written by administrators and staff.
  ['GET', '/api/v1/notices', '/api/v1/notices', undefined, signedIn(200)],
  ['GET', '/api/v1/notices/managed', '/api/v1/notices/managed', undefined, writers(200)],
  ['POST', '/api/v1/notices', '/api/v1/notices', (role) => ({ title: `由${role}起草`, body: '正文' }), writers(201)],
  ['PUT', '/api/v1/notices/{id}', () => `/api/v1/notices/${noticeId}`, { title: '矩阵公告', body: '改过的正文' }, writers(200)],
  ['POST', '/api/v1/notices/{id}/publish', '/api/v1/notices/999999/publish', {}, writers(404)],
  ['POST', '/api/v1/notices/{id}/withdraw', '/api/v1/notices/999999/withdraw', {}, writers(404)],
  ['DELETE', '/api/v1/notices/{id}', '/api/v1/notices/999999', undefined, writers(404)],
  ['POST', '/api/v1/notices/{id}/read', () => `/api/v1/notices/${noticeId}/read`, {}, signedIn(204)],
  // Last, because it ends the session the rows above use.
  ['POST', '/api/v1/auth/logout', '/api/v1/auth/logout', {}, signedIn(204)],
];

before(async () => {
  sys = await freshSystem();
  for (const role of ROLES.slice(2)) addUser(sys.db, `user-${role}`, role, PASSWORD);
  addUser(sys.db, 'target', 'viewer', PASSWORD);
  const list = await sys.admin.get('/api/v1/users?q=target');
  targetId = list.json.items[0].id;
  enterpriseId = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(4000), name: '矩阵企业', registered_on: '2015-01-01' })).json.id;
  for (const [i, role] of ROLES.entries()) {
    deletable[role] = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(4100 + i), name: `可删除${i}` })).json.id;
  }
  noticeId = (await sys.admin.post('/api/v1/notices', { title: '矩阵公告', body: '正文' })).json.id;
  assert.equal((await sys.admin.post(`/api/v1/notices/${noticeId}/publish`)).status, 200);
  clients.anonymous = new Client(sys.server.url);
  clients.admin = sys.admin;
  for (const role of ROLES.slice(2)) {
    clients[role] = new Client(sys.server.url);
    const r = await clients[role].login(`user-${role}`, PASSWORD);
    assert.equal(r.status, 200, `login as ${role}`);
  }
});

after(async () => { await sys?.server.stop(); });

test('every route of the OpenAPI document has a row in the matrix', async () => {
  const doc = await new Client(sys.server.url).get('/api/v1/openapi.json');
  const routes = [];
  for (const [path, ops] of Object.entries(doc.json.paths)) {
    for (const method of Object.keys(ops)) routes.push(`${method.toUpperCase()} ${path}`);
  }
  const covered = new Set(MATRIX.map(([m, p]) => `${m} ${p}`));
  for (const r of routes) assert.ok(covered.has(r), `no matrix row for ${r}`);
  assert.equal(covered.size, routes.length);
});

// The web shows pages and buttons from the "may" list of /auth/me: for every role-restricted route
// (one some role may call), the list holds it exactly when the matrix expects no 403 for that role.
// Refusals of the data scope, not of the role: the matrix's enterprise account is bound to no
// enterprise, so it may call these routes for its own enterprise only, and has none.
const SCOPE_REFUSALS = new Set(['GET /api/v1/rules/{policy}/enterprises/{id}', 'GET /api/v1/submissions',
  'GET /api/v1/programmes/{id}/enterprises/{enterprise}'].map((route) => `enterprise ${route}`));
test("the routes /auth/me says each role may call are the matrix's", async () => {
  const may = {};
  for (const role of ROLES.slice(1)) may[role] = new Set((await clients[role].get('/api/v1/auth/me')).json.may);
  const restricted = new Set(Object.values(may).flatMap((set) => [...set]));
  assert.ok(restricted.has('GET /api/v1/users'));
  for (const key of restricted) {
    const row = MATRIX.find(([m, p]) => `${m} ${p}` === key);
    assert.ok(row, `"may" names ${key}, which has no matrix row`);
    for (const role of ROLES.slice(1)) {
      const refused = row[4](role) === 403 && !SCOPE_REFUSALS.has(`${role} ${key}`);
      assert.equal(may[role].has(key), !refused, `${role} ${key}: "may" and the matrix disagree`);
    }
  }
});

for (const role of ROLES) {
  test(`role matrix: ${role}`, async () => {
    for (const [method, pattern, path, body, expected] of MATRIX) {
      const concrete = typeof path === 'function' ? path(role) : path;
      const payload = typeof body === 'function' ? body(role) : body;
      const r = await clients[role].request(method, concrete, payload ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
      assert.equal(r.status, expected(role), `${role} ${method} ${pattern}: ${r.text.slice(0, 200)}`);
    }
  });
}
