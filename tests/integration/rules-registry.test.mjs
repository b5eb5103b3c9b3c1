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
  // The points the score can reach from the bands the data gives (no patents: IP quantity E, 0).
  const range = r.json.score_range;
  const item = (name) => range.items.find((i) => i.item === name);
  assert.deepEqual(item('ip_quantity'), { item: 'ip_quantity', band: result.score.bands.ip_quantity, min: 0, max: 0 });
  assert.equal(item('transfer').band, result.score.bands.transfer);
  assert.deepEqual([item('rd_management').min, item('rd_management').max], [0, 20]);
  assert.equal(item('rd_management').band, null);
  const sum = (k) => range.items.reduce((t, i) => t + i[k], 0);
  assert.equal(range.total_min, sum('min'));
  assert.equal(range.total_max, Math.min(30, range.items.filter((i) => i.item.startsWith('ip_')).reduce((t, i) => t + i.max, 0))
    + range.items.filter((i) => !i.item.startsWith('ip_')).reduce((t, i) => t + i.max, 0));
  assert.equal(range.pass_mark_exclusive, 70);
  const sme = await sys.admin.get(`/api/v1/rules/sme/enterprises/${firm.id}?as_of=2025-03-31`);
  assert.equal(sme.json.score_range, null, 'SME scores are computed, not banded');
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

test('a date before the 2016 measures is judged by them and flagged, as the pipeline does', async () => {
  const old = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2015-05-20`);
  assert.equal(old.status, 200, old.text);
  assert.equal(old.json.policy, 'hte-2016');
  assert.match(old.json.policy_note.zh, /2015-05-20/);
  assert.match(old.json.policy_note.en, /hte-2016/);
  const now = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  assert.equal(now.json.policy_note, null);
  const pipeline = await sys.admin.get('/api/v1/cultivation/hte?as_of=2015-05-20');
  assert.equal(pipeline.json.policy, 'hte-2016');
  assert.deepEqual(pipeline.json.policy_note, old.json.policy_note);
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
  assert.equal(missing.json.errors[0].code, 'policy.registration_date_needed');
  assert.equal((await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=someday`)).status, 422);
  assert.equal((await sys.admin.get(`/api/v1/rules/xyz/enterprises/${firm.id}?as_of=2025-05-20`)).status, 422);
  assert.equal((await sys.admin.get('/api/v1/rules/hte/enterprises/999999?as_of=2025-05-20')).status, 404);
  kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', 'self-check', '--role', 'enterprise', '--enterprise-id', String(firm.id)], 'Self-Chk-Pass-1\n');
  const c = new Client(sys.server.url);
  await c.login('self-check', 'Self-Chk-Pass-1');
  assert.equal((await c.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`)).status, 200);
  assert.equal((await c.get(`/api/v1/rules/hte/enterprises/${bare.id}?as_of=2025-05-20`)).status, 403);
});

test('a stored expert review completes E7 for bureau users, not for the enterprise itself', async () => {
  const before = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  const e7 = (r) => r.json.results[0].conditions.find((c) => c.code === 'E7');
  assert.equal(e7(before).status, 'unknown');
  assert.equal(before.json.expert_review, null);

  kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', 'panel-lead', '--role', 'reviewer'], 'Panel-Ld-Pass-1\n');
  const reviewer = new Client(sys.server.url);
  await reviewer.login('panel-lead', 'Panel-Ld-Pass-1');
  const scores = { ip_advancement: '6', ip_core_support: '6', ip_quantity: '5', ip_acquisition: '6',
    transfer: '24.6', rd_management: '16', growth_net_assets: '4', growth_sales: '4' };
  const over = await reviewer.post('/api/v1/registry/hte_expert_reviews', {
    enterprise_id: firm.id, reviewed_on: '2025-04-10', ...scores, transfer: '31', experts: 5 });
  assert.equal(over.status, 422);
  assert.equal(over.json.errors[0].field, 'transfer');
  assert.match(over.json.errors[0].message, /30/);
  assert.deepEqual([over.json.errors[0].code, over.json.errors[0].params], ['field.out_of_range', { min: 0, max: 30 }]);
  const small = await reviewer.post('/api/v1/registry/hte_expert_reviews', {
    enterprise_id: firm.id, reviewed_on: '2025-04-10', ...scores, experts: 3 });
  assert.equal(small.status, 422, 'a panel has at least five experts');
  // 6+6+5+6 = 23 IP + 24.6 + 16 + 8 = 71.6 points: passes (> 70).
  const saved = await reviewer.post('/api/v1/registry/hte_expert_reviews', {
    enterprise_id: firm.id, reviewed_on: '2025-04-10', ...scores, experts: 5 });
  assert.equal(saved.status, 201, saved.text);
  // A later review, after the application date, does not count for it.
  const later = await reviewer.post('/api/v1/registry/hte_expert_reviews', {
    enterprise_id: firm.id, reviewed_on: '2025-09-01', ...scores, transfer: '10', experts: 5 });
  assert.equal(later.status, 201, later.text);

  const after = await reviewer.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  assert.equal(after.status, 200, after.text);
  assert.equal(e7(after).status, 'pass');
  assert.ok(Math.abs(after.json.results[0].score.total - 71.6) < 1e-9, JSON.stringify(after.json.results[0].score));
  assert.deepEqual(after.json.expert_review, { id: saved.json.id, reviewed_on: '2025-04-10' });
  const afterLater = await sys.admin.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-10-01`);
  assert.equal(e7(afterLater).status, 'fail', '23 + 10 + 16 + 8 = 57 points');
  assert.equal(afterLater.json.expert_review.reviewed_on, '2025-09-01');

  // The enterprise sees neither the reviews nor a verdict completed by them.
  const self = new Client(sys.server.url);
  await self.login('self-check', 'Self-Chk-Pass-1');
  assert.equal((await self.get(`/api/v1/registry/hte_expert_reviews/${saved.json.id}`)).status, 403);
  const own = await self.get(`/api/v1/rules/hte/enterprises/${firm.id}?as_of=2025-05-20`);
  assert.equal(e7(own).status, 'unknown');
  assert.equal(own.json.expert_review, null);
});
