// The district's own programmes: shipped examples, conditions checked when saved, explained
// verdicts and capped subsidies for registry enterprises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, creditCode, freshSystem, kechuang } from './harness.mjs';

let sys;
let firm;
let pool;
let navigator;

before(async () => {
  sys = await freshSystem();
  firm = (await sys.admin.post('/api/v1/registry/enterprises', {
    credit_code: creditCode(9301), name: '培育库样本', registered_on: '2016-04-01',
  })).json;
  const y = await sys.admin.post('/api/v1/registry/enterprise_years', {
    enterprise_id: firm.id, year: 2024, sales_revenue: '4000', rd_total: '300', employees: 100, st_staff: 12,
  });
  assert.equal(y.status, 201, y.text);
  const list = await sys.admin.get('/api/v1/programmes');
  pool = list.json.items.find((p) => p.code === '100-hte-pool');
  navigator = list.json.items.find((p) => p.code === '236-navigator');
});
after(async () => { await sys?.server.stop(); });

test('the seed report\'s two programmes ship as editable examples', () => {
  assert.ok(pool && navigator);
  assert.equal(navigator.definition.kind, 'tier');
  assert.equal(pool.definition.subsidy.cap, 20);
});

test('an enterprise is checked condition by condition, with a capped subsidy', async () => {
  const r = await sys.admin.get(`/api/v1/programmes/${pool.id}/enterprises/${firm.id}?as_of=2025-04-01`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.data_year, 2024);
  assert.equal(r.json.verdict, 'qualified');
  assert.deepEqual(r.json.conditions.map((c) => [c.code, c.status]), [['P1', 'pass'], ['P2', 'pass'], ['P3', 'pass'], ['P4', 'pass']]);
  const p3 = r.json.conditions.find((c) => c.code === 'P3');
  assert.equal(p3.comparisons[0].value, 0.075);
  assert.equal(p3.comparisons[0].threshold, 0.03);
  assert.deepEqual(p3.facts.map((f) => f.name).sort(), ['rd_total', 'sales_revenue']);
  // 10% of 300 万元 is 30, capped at 20.
  assert.deepEqual([r.json.subsidy.amount, r.json.subsidy.capped], ['20', true]);

  const nav = await sys.admin.get(`/api/v1/programmes/${navigator.id}/enterprises/${firm.id}?as_of=2025-04-01`);
  assert.equal(nav.json.verdict, 'not_qualified');
  assert.equal(nav.json.conditions.find((c) => c.code === 'N2').status, 'fail');
  const noData = await sys.admin.get(`/api/v1/programmes/${pool.id}/enterprises/${firm.id}?as_of=2030-04-01`);
  // No figures for 2029: the ratios are unknown, so the verdict waits for data instead of failing.
  assert.equal(noData.json.verdict, 'needs_review');
  assert.equal(noData.json.subsidy, undefined);
});

test('saving checks every expression and names the path and position', async () => {
  const bad = structuredClone(pool.definition);
  bad.code = 'broken';
  bad.conditions[1].expr = 'sales_revenu >= 500';
  bad.conditions[2].expr = 'rd_total / sales_revenue >= ';
  const r = await sys.admin.post('/api/v1/programmes', bad);
  assert.equal(r.status, 422);
  const fields = r.json.errors.map((e) => e.field);
  assert.deepEqual(fields, ['conditions[1].expr', 'conditions[2].expr']);
  assert.match(r.json.errors[0].message, /unknown field 'sales_revenu'/);
  assert.match(r.json.errors[1].message, /character 29/);
  // The rules engine words its expression errors in both languages; they travel as a pair.
  assert.deepEqual(r.json.errors.map((e) => e.code), ['policy.expression', 'policy.expression']);
  assert.match(r.json.errors[0].params.detail_en, /unknown field 'sales_revenu'/);
  assert.match(r.json.errors[0].params.detail_zh, /未知字段“sales_revenu”/);
  const staff = await (async () => {
    kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', 'prog-staff', '--role', 'staff'], 'Pgm-Staff-Pass-1\n');
    const c = new Client(sys.server.url);
    await c.login('prog-staff', 'Pgm-Staff-Pass-1');
    return c;
  })();
  assert.equal((await staff.post('/api/v1/programmes', pool.definition)).status, 403);
});

test('an administrator edits a programme and the next check follows it', async () => {
  const changed = structuredClone(pool.definition);
  changed.subsidy.cap = 50;
  const r = await sys.admin.request('PUT', `/api/v1/programmes/${pool.id}`, changed);
  assert.equal(r.status, 200, r.text);
  const again = await sys.admin.get(`/api/v1/programmes/${pool.id}/enterprises/${firm.id}?as_of=2025-04-01`);
  assert.deepEqual([again.json.subsidy.amount, again.json.subsidy.capped], ['30', false]);
  const history = await sys.admin.get('/api/v1/audit?action=programme.update');
  assert.equal(history.json.total, 1);
});

test('enterprise accounts check only their own enterprise', async () => {
  const other = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(9302), name: '他家', registered_on: '2016-04-01' })).json;
  kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', 'prog-firm', '--role', 'enterprise', '--enterprise-id', String(firm.id)], 'Pgm-Firm-Pass-1\n');
  const c = new Client(sys.server.url);
  await c.login('prog-firm', 'Pgm-Firm-Pass-1');
  assert.equal((await c.get(`/api/v1/programmes/${pool.id}/enterprises/${firm.id}?as_of=2025-04-01`)).status, 200);
  assert.equal((await c.get(`/api/v1/programmes/${pool.id}/enterprises/${other.id}?as_of=2025-04-01`)).status, 403);
});
