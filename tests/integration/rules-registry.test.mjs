// Explained verdicts for registry enterprises: the facts come from the registry's records, every
// condition carries value, threshold and rule, failed ones carry the smallest change that passes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, creditCode, freshSystem, kechuang } from './harness.mjs';

let sys;
let firm;
let bare;
before(async () => {
  sys = await freshSystem();
  firm = (await sys.admin.post('/api/v1/registry/enterprises', {
    credit_code: creditCode(8001), name: '评价样本科技', registered_on: '2015-03-01', tech_field: '1',
  })).json;
  for (const [year, sales, rd] of [[2022, '4000', '150'], [2023, '4500', '160'], [2024, '5000', '170']]) {
    const r = await sys.admin.post('/api/v1/registry/enterprise_years', {
      enterprise_id: firm.id, year, sales_revenue: sales, gross_income: sales, high_tech_revenue: '3000',
      ip_backed_revenue: '3000', rd_total: rd, employees: 100, st_staff: 8, total_assets: '6000', net_assets: '3000',
    });
    assert.equal(r.status, 201, r.text);
  }
  bare = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(8002), name: '无注册日期' })).json;
});
after(async () => { await sys?.server.stop(); });

test('an HTE evaluation of a registry enterprise explains every condition and gap', async () => {
  const r = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.policy, 'hte-2016');
  const result = r.json.results[0];
  assert.equal(result.id, firm.credit_code);
  const byCode = Object.fromEntries(result.conditions.map((c) => [c.code, c]));
  assert.deepEqual(Object.keys(byCode).sort(), ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
  // R&D 480 over sales 13,500 万元 is 3.56%; latest sales of exactly 5,000 万元 keep the 5% bar (≤ 5,000).
  assert.equal(byCode.E5.status, 'fail');
  assert.ok(Math.abs(byCode.E5.value - 480 / 13500) < 1e-9, String(byCode.E5.value));
  assert.equal(byCode.E5.threshold, 0.05);
  assert.match(byCode.E5.detail.zh, /国科发火/);
  assert.ok(byCode.E5.detail.en.length > 20);
  // S&T staff 8 of 100 is below 10%.
  assert.equal(byCode.E4.status, 'fail');
  assert.ok(result.failed.includes('E4') && result.failed.includes('E5'));
  assert.equal(result.verdict, 'not_recognised');
  const e5gap = result.gaps.find((g) => g.code === 'E5');
  assert.ok(e5gap.amount > 0);
  assert.match(e5gap.text.en, /R&D/);
  const e4gap = result.gaps.find((g) => g.code === 'E4');
  assert.equal(e4gap.count, 2, 'two more S&T staff reach 10%');
});

test('applying the suggested change makes the condition pass', async () => {
  const r = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  const e4gap = r.json.results[0].gaps.find((g) => g.code === 'E4');
  const years = await sys.admin.get(`/api/v1/registry/enterprise_years?enterprise_id=${firm.id}&year=2024`);
  const y = years.json.items[0];
  await sys.admin.patch(`/api/v1/registry/enterprise_years/${y.id}`, { st_staff: y.st_staff + e4gap.count });
  const again = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  const e4 = again.json.results[0].conditions.find((c) => c.code === 'E4');
  assert.equal(e4.status, 'pass');
});

test('SME evaluation of the same enterprise', async () => {
  const r = await sys.admin.get(`/api/v1/rules/sme/enterprises/${firm.id}?as_of=2025-03-31`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.policy, 'sme-2017');
  assert.ok(['qualified', 'not_qualified', 'needs_review'].includes(r.json.results[0].verdict));
  assert.equal(typeof r.json.results[0].score.total, 'number');
});

test('missing facts, bad dates, unknown policies and other enterprises are refused clearly', async () => {
  const missing = await sys.admin.get(`/api/v1/rules/hte/enterprises/${bare.id}?as_of=2025-05-20`);
  assert.equal(missing.status, 422);
  assert.equal(missing.json.errors[0].field, 'registered_on');
  assert.equal((await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=someday`)).status, 422);
  assert.equal((await sys.admin.get(`/api/v1/rules/xyz/enterprises/${firm.id}?as_of=2025-05-20`)).status, 422);
  assert.equal((await sys.admin.get('/api/v1/rules/hte/enterprises/999999?as_of=2025-05-20')).status, 404);
  kechuang(['user', 'add', '--db', sys.db, '--name', 'self-check', '--role', 'enterprise', '--enterprise-id', String(firm.id)], 'Self-Check-Pass-1\n');
  const c = new Client(sys.server.url);
  await c.login('self-check', 'Self-Check-Pass-1');
  assert.equal((await c.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`)).status, 200);
  assert.equal((await c.get(`/api/v1/rules/hte/enterprises/${bare.id}?as_of=2025-05-20`)).status, 403);
});
