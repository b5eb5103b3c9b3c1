// The registry API: every kind's records created, validated, listed, changed, deleted and traced,
// and enterprise accounts confined to their own enterprise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, Client, creditCode, freshSystem, kechuang } from './harness.mjs';

let sys;
let acme;
let other;
before(async () => {
  sys = await freshSystem();
  acme = (await sys.admin.post('/api/v1/registry/enterprises', {
    credit_code: creditCode(1001), name: '科创新材料有限公司', above_size: true, tech_field: '4',
    registered_capital: '1500.5', region_code: '330106', industry_code: 'C3985', registered_on: '2010-03-01',
  })).json;
  other = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(1002), name: '别家科技' })).json;
});
after(async () => { await sys?.server.stop(); });

test('a created record comes back typed, with exact amounts', () => {
  assert.equal(acme.name, '科创新材料有限公司');
  assert.equal(acme.registered_capital, '1500.5');
  assert.equal(acme.above_size, true);
  assert.equal(acme.industry_code, 'C3985');
  assert.equal(acme.former_names, null);
});

test('an invalid credit code is refused with the reason', async () => {
  const code = creditCode(1003);
  const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
  const r = await sys.admin.post('/api/v1/registry/enterprises', { credit_code: wrongCheck, name: 'x' });
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].field, 'credit_code');
  assert.match(r.json.errors[0].message, /18|check|校验/);
  // The reason as a code with what it names, for the web to translate.
  assert.equal(r.json.errors[0].code, 'credit_code.check_char');
  assert.deepEqual(r.json.errors[0].params, { expected: code[17], actual: wrongCheck[17] });
});

test('validation names every bad field', async () => {
  const r = await sys.admin.post('/api/v1/registry/enterprise_years', {
    enterprise_id: acme.id, year: 1800, sales_revenue: '12.34567', employees: -3, colour: 'red',
  });
  assert.equal(r.status, 422);
  const fields = r.json.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['colour', 'employees', 'sales_revenue', 'year']);
  const codes = Object.fromEntries(r.json.errors.map((e) => [e.field, [e.code, e.params]]));
  assert.equal(codes.colour[0], 'record.unknown_field');
  assert.ok(codes.colour[1].kind_zh && codes.colour[1].kind_en, 'the kind travels in both languages');
  assert.equal(codes.sales_revenue[0], 'field.amount_decimals');
  assert.deepEqual(codes.year, ['field.out_of_range', { min: 1949, max: 2100 }]);
  assert.equal(codes.employees[0], 'field.out_of_range');
  const missing = await sys.admin.post('/api/v1/registry/enterprises', {});
  assert.deepEqual(missing.json.errors.map((e) => e.field).sort(), ['credit_code', 'name']);
  assert.ok(missing.json.errors.every((e) => e.code === 'field.required'));
});

test('references must exist and natural keys are unique', async () => {
  const dangling = await sys.admin.post('/api/v1/registry/enterprise_years', { enterprise_id: 99999, year: 2013 });
  assert.equal(dangling.status, 422);
  assert.equal(dangling.json.errors[0].field, 'enterprise_id');
  assert.equal(dangling.json.errors[0].code, 'record.no_linked');
  assert.equal(dangling.json.errors[0].params.id, 99999);
  const first = await sys.admin.post('/api/v1/registry/enterprise_years', { enterprise_id: acme.id, year: 2013, rd_total: 208 });
  assert.equal(first.status, 201);
  assert.equal(first.json.rd_total, '208');
  const dup = await sys.admin.post('/api/v1/registry/enterprise_years', { enterprise_id: acme.id, year: 2013 });
  assert.equal(dup.status, 422);
  assert.match(dup.json.errors[0].message, /already exists/);
  assert.deepEqual([dup.json.errors[0].code, dup.json.errors[0].params], ['record.duplicate_key_id', { id: first.json.id }]);
  const dupCode = await sys.admin.post('/api/v1/registry/enterprises', { credit_code: acme.credit_code.toLowerCase(), name: 'copy' });
  assert.equal(dupCode.status, 422, 'lower case folds to the same code');
});

test('an R&D total is the sum of its parts: filled in when left empty, refused with both figures when it differs', async () => {
  const filled = await sys.admin.post('/api/v1/registry/enterprise_years', {
    enterprise_id: acme.id, year: 2011, rd_personnel: '7000.5', rd_direct_inputs: '5000', rd_other: '0.25',
  });
  assert.equal(filled.status, 201);
  assert.equal(filled.json.rd_total, '12000.75');
  const wrong = await sys.admin.post('/api/v1/registry/enterprise_years', {
    enterprise_id: acme.id, year: 2012, rd_total: '13000', rd_personnel: '12000',
  });
  assert.equal(wrong.status, 422);
  assert.deepEqual(wrong.json.errors.map((e) => e.field), ['rd_total']);
  assert.match(wrong.json.errors[0].message, /13000/);
  assert.match(wrong.json.errors[0].message, /12000/);
  assert.equal(wrong.json.errors[0].code, 'record.sum_mismatch');
  assert.deepEqual([wrong.json.errors[0].params.stated, wrong.json.errors[0].params.parts], ['13000', '12000']);
  // Changing a part without the total is refused the same way; changing both is accepted.
  const part = await sys.admin.patch(`/api/v1/registry/enterprise_years/${filled.json.id}`, { rd_other: '1' });
  assert.equal(part.status, 422);
  assert.equal(part.json.errors[0].field, 'rd_total');
  const both = await sys.admin.patch(`/api/v1/registry/enterprise_years/${filled.json.id}`, { rd_other: '1', rd_total: '12001.5' });
  assert.equal(both.status, 200);
  assert.equal(both.json.rd_total, '12001.5');
  // The kinds API declares the sum, so the form can show it as the parts are typed.
  const kinds = await sys.admin.get('/api/v1/registry/kinds');
  const years = kinds.json.kinds.find((k) => k.name === 'enterprise_years');
  assert.deepEqual(years.sums.map((s) => s.total), ['rd_total']);
  assert.equal(years.sums[0].parts.length, 9);
});

test('list searches, filters, sorts and pages on the server', async () => {
  for (let i = 0; i < 5; i++) {
    await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(2000 + i), name: `分页企业${i}`, above_size: i % 2 === 0 });
  }
  const page = await sys.admin.get('/api/v1/registry/enterprises?q=%E5%88%86%E9%A1%B5&sort=-name&page_size=2&page=2');
  assert.equal(page.json.total, 5);
  assert.deepEqual(page.json.items.map((e) => e.name), ['分页企业2', '分页企业1']);
  const above = await sys.admin.get('/api/v1/registry/enterprises?q=%E5%88%86%E9%A1%B5&above_size=true');
  assert.equal(above.json.total, 3);
  const badFilter = await sys.admin.get('/api/v1/registry/enterprises?address=x&sort=nonsense');
  assert.equal(badFilter.status, 422);
  assert.deepEqual(badFilter.json.errors.map((e) => e.field).sort(), ['address', 'sort']);
});

test('updates are audited field by field and deletes respect dependants', async () => {
  const r = await sys.admin.patch(`/api/v1/registry/enterprises/${acme.id}`, { name: '科创新材料股份有限公司', tags: '236' });
  assert.equal(r.status, 200);
  const history = await sys.admin.get(`/api/v1/registry/enterprises/${acme.id}/history`);
  const last = history.json.items.at(-1);
  assert.equal(last.action, 'enterprises.update');
  assert.deepEqual(last.changes.map((c) => c.field).sort(), ['name', 'tags']);
  assert.equal(last.changes.find((c) => c.field === 'name').before, '科创新材料有限公司');
  const blocked = await sys.admin.del(`/api/v1/registry/enterprises/${acme.id}`);
  assert.equal(blocked.status, 409);
  // A sentence for a person, as a code the web translates (src/app/messages.hpp).
  assert.equal(blocked.json.message, 'has_dependants');
  const lone = await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(3001), name: '待删除' });
  assert.equal((await sys.admin.del(`/api/v1/registry/enterprises/${lone.json.id}`)).status, 204);
  const missing = await sys.admin.get(`/api/v1/registry/enterprises/${lone.json.id}`);
  assert.equal(missing.status, 404);
  assert.equal(missing.json.message, 'no_record');
  assert.deepEqual(missing.json.params, { id: lone.json.id, kind_zh: '企业', kind_en: 'Enterprises' });
  assert.equal(missing.json.detail, `No record ${lone.json.id} in Enterprises.`);
  const gone = await sys.admin.get(`/api/v1/registry/enterprises/${lone.json.id}/history`);
  assert.deepEqual(gone.json.items.map((h) => h.action), ['enterprises.create', 'enterprises.delete']);
});

test('unknown kinds and ids are 404', async () => {
  const spaceships = await sys.admin.get('/api/v1/registry/spaceships');
  assert.equal(spaceships.status, 404);
  assert.equal(spaceships.json.message, 'no_kind');
  assert.deepEqual(spaceships.json.params, { kind: 'spaceships' });
  const abc = await sys.admin.get('/api/v1/registry/enterprises/abc');
  assert.equal(abc.status, 404);
  assert.deepEqual([abc.json.message, abc.json.params], ['no_such_id', { id: 'abc' }]);
  // Each path names what it looks for.
  const user = await sys.admin.patch('/api/v1/users/abc', { display_name: 'x' });
  assert.deepEqual([user.status, user.json.message], [404, 'no_user']);
});

test('the kinds endpoint describes fields for the generic pages', async () => {
  const r = await sys.admin.get('/api/v1/registry/kinds');
  const enterprises = r.json.kinds.find((k) => k.name === 'enterprises');
  assert.deepEqual(enterprises.natural_key, ['credit_code']);
  assert.equal(enterprises.writable, true);
  assert.equal(enterprises.submit, undefined, 'staff write directly');
  const tech = enterprises.fields.find((f) => f.name === 'tech_field');
  assert.equal(tech.choices.length, 8);
  const years = r.json.kinds.find((k) => k.name === 'enterprise_years');
  assert.equal(years.fields.find((f) => f.name === 'sales_revenue').unit, '万元');
});

test('an enterprise account sees and reaches only its own enterprise', async () => {
  const add = kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', 'acme-user', '--role', 'enterprise', '--enterprise-id', String(acme.id)], 'Acme-Usr-Pass-1\n');
  assert.equal(add.status, 0, add.stderr);
  const c = new Client(sys.server.url);
  assert.equal((await c.login('acme-user', 'Acme-Usr-Pass-1')).status, 200);
  const list = await c.get('/api/v1/registry/enterprises');
  assert.deepEqual(list.json.items.map((e) => e.id), [acme.id]);
  assert.equal((await c.get(`/api/v1/registry/enterprises/${acme.id}`)).status, 200);
  assert.equal((await c.get(`/api/v1/registry/enterprises/${other.id}`)).status, 403);
  assert.equal((await c.get(`/api/v1/registry/enterprises/${other.id}/history`)).status, 403);
  const years = await c.get('/api/v1/registry/enterprise_years');
  assert.ok(years.json.items.every((y) => y.enterprise_id === acme.id));
  assert.equal((await c.patch(`/api/v1/registry/enterprises/${other.id}`, { name: 'hijacked' })).status, 403);
  assert.equal((await c.post('/api/v1/registry/enterprise_years', { enterprise_id: other.id, year: 2014 })).status, 403);
  assert.equal((await c.get('/api/v1/registry/region_statistics')).status, 403);
  const kinds = await c.get('/api/v1/registry/kinds');
  assert.ok(!kinds.json.kinds.some((k) => k.name === 'region_statistics'));
  assert.ok(!kinds.json.kinds.some((k) => k.name === 'hte_expert_reviews'), 'the panel\'s scores are not for enterprises');
  // What the account may file for confirmation comes with the kinds.
  const kind = (name) => kinds.json.kinds.find((k) => k.name === name);
  assert.deepEqual(kind('enterprises').submit, { create: false, edit: true });
  assert.deepEqual(kind('enterprise_years').submit, { create: true, edit: true });
  assert.equal(kind('patents').submit, undefined);
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises/${other.id}`)).json.name, '别家科技');
});

test('an enterprise files its own data; staff approve or reject it', async () => {
  kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', 'filer', '--role', 'enterprise', '--enterprise-id', String(acme.id)], 'Filing-Pass-2024!\n');
  const filer = new Client(sys.server.url);
  assert.equal((await filer.login('filer', 'Filing-Pass-2024!')).status, 200);

  const filed = await filer.post('/api/v1/registry/enterprise_years', { enterprise_id: acme.id, year: 2014, rd_total: '310.5' });
  assert.equal(filed.status, 202, filed.text);
  assert.equal(filed.json.submission.status, 'pending');
  const notYet = await sys.admin.get(`/api/v1/registry/enterprise_years?enterprise_id=${acme.id}&year=2014`);
  assert.equal(notYet.json.total, 0, 'nothing is written before confirmation');

  const invalid = await filer.post('/api/v1/registry/enterprise_years', { enterprise_id: acme.id, year: 2015, rd_total: 'lots' });
  assert.equal(invalid.status, 422, 'a submission is validated when filed');
  assert.equal((await filer.post('/api/v1/registry/enterprise_years', { enterprise_id: other.id, year: 2015 })).status, 403);
  assert.equal((await filer.post('/api/v1/registry/enterprises', { credit_code: creditCode(9001), name: '新' })).status, 403);

  const rename = await filer.patch(`/api/v1/registry/enterprises/${acme.id}`, { contact_phone: '0571-88888888' });
  assert.equal(rename.status, 202);

  const mine = await filer.get('/api/v1/submissions?status=pending');
  assert.equal(mine.json.total, 2);
  assert.equal((await filer.post(`/api/v1/submissions/${filed.json.submission.id}/approve`)).status, 403, 'enterprises cannot approve');

  const approved = await sys.admin.post(`/api/v1/submissions/${filed.json.submission.id}/approve`);
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.json.submission.status, 'approved');
  const written = await sys.admin.get(`/api/v1/registry/enterprise_years/${approved.json.submission.result_record_id}`);
  assert.equal(written.json.rd_total, '310.5');
  const again = await sys.admin.post(`/api/v1/submissions/${filed.json.submission.id}/approve`);
  assert.equal(again.status, 409);

  const rejected = await sys.admin.post(`/api/v1/submissions/${rename.json.submission.id}/reject`, { note: '电话号码有误' });
  assert.equal(rejected.json.submission.status, 'rejected');
  assert.equal(rejected.json.submission.note, '电话号码有误');
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises/${acme.id}`)).json.contact_phone, null);
  const history = await sys.admin.get(`/api/v1/registry/enterprise_years/${written.json.id}/history`);
  assert.equal(history.json.items[0].actor, 'admin', 'the approving staff member writes the record');
});
