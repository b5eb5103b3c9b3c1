// Many districts on one installation: users scoped to a district or a city see and change only
// the records inside their scope (others are 404), lists, counts, exports and imports included; a
// city user narrows a request to one district; a change of scope applies on the next request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, Client, creditCode, freshSystem, kechuang } from './harness.mjs';

const A = '330205';
const B = '330206';
let sys;
let a;
let b;
const users = {};

async function signedIn(name, region) {
  const r = kechuang(['user', 'add', '--db', sys.db, '--name', name, '--role', 'staff', '--region', region,
    '--no-password-change'], ADMIN_PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`region ${region}`));
  const client = new Client(sys.server.url);
  assert.equal((await client.login(name, ADMIN_PASSWORD)).status, 200);
  return client;
}

before(async () => {
  sys = await freshSystem();
  a = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(5101), name: '甲区企业', region_code: A })).json;
  b = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(5102), name: '乙区企业', region_code: B })).json;
  for (const e of [a, b]) {
    assert.equal((await sys.admin.post('/api/v1/registry/enterprise_years', { enterprise_id: e.id, year: 2013 })).status, 201);
  }
  users.a = await signedIn('staff-a', A);
  users.b = await signedIn('staff-b', B);
  users.city = await signedIn('staff-city', '330200');
});
after(async () => { await sys?.server.stop(); });

const names = (r) => r.json.items.map((e) => e.name).sort();

test('a district user lists, counts and exports only their district', async () => {
  const list = await users.a.get('/api/v1/registry/enterprises');
  assert.equal(list.status, 200);
  assert.equal(list.json.total, 1);
  assert.deepEqual(names(list), ['甲区企业']);
  const years = await users.a.get('/api/v1/registry/enterprise_years');
  assert.deepEqual(years.json.items.map((y) => y.enterprise_id), [a.id], 'scoped through the enterprise');
  const csv = await users.a.get('/api/v1/registry/enterprises/export?format=csv', { raw: true });
  assert.equal(csv.status, 200);
  assert.match(csv.text, /甲区企业/);
  assert.doesNotMatch(csv.text, /乙区企业/);
});

test("another district's record is not found, whatever is asked of it", async () => {
  assert.equal((await users.a.get(`/api/v1/registry/enterprises/${b.id}`)).status, 404);
  assert.equal((await users.a.patch(`/api/v1/registry/enterprises/${b.id}`, { name: 'x' })).status, 404);
  assert.equal((await users.a.del(`/api/v1/registry/enterprises/${b.id}`)).status, 404);
  const dangling = await users.a.post('/api/v1/registry/enterprise_years', { enterprise_id: b.id, year: 2014 });
  assert.equal(dangling.status, 422);
  assert.equal(dangling.json.errors[0].field, 'enterprise_id', 'a reference outside the scope is no such record');
  assert.equal(dangling.json.errors[0].code, 'record.no_linked');
  // Its credit code is taken, but the clash does not name the other district's record.
  const clash = await users.a.post('/api/v1/registry/enterprises', { credit_code: b.credit_code, name: 'copy' });
  assert.equal(clash.status, 422);
  assert.doesNotMatch(clash.json.errors[0].message, new RegExp(`${b.id}`));
  assert.deepEqual([clash.json.errors[0].code, clash.json.errors[0].params], ['record.duplicate_key', {}], 'no id in the params either');
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises/${b.id}`)).json.name, '乙区企业', 'nothing changed');
});

test("a district user's new records lie in their district, and never in another", async () => {
  const made = await users.a.post('/api/v1/registry/enterprises', { credit_code: creditCode(5103), name: '甲区新企业' });
  assert.equal(made.status, 201);
  assert.equal(made.json.region_code, A, 'filled from the scope');
  const elsewhere = await users.a.post('/api/v1/registry/enterprises', { credit_code: creditCode(5104), name: 'x', region_code: B });
  assert.equal(elsewhere.status, 422);
  assert.equal(elsewhere.json.errors[0].field, 'region_code');
  assert.deepEqual([elsewhere.json.errors[0].code, elsewhere.json.errors[0].params], ['scope.outside', { region: B, scope: A }]);
  // A patent of an enterprise takes the enterprise's district.
  const patent = await sys.admin.post('/api/v1/registry/patents', {
    application_no: '2013100000011', kind: 'invention', filed_on: '2013-01-05', status: 'pending', enterprise_id: b.id,
  });
  assert.equal(patent.status, 201, patent.text);
  assert.equal(patent.json.region_code, B);
  assert.equal((await users.a.get('/api/v1/registry/patents')).json.total, 0);
  assert.equal((await users.b.get('/api/v1/registry/patents')).json.total, 1);
  // Each district numbers its own competitions.
  for (const u of [users.a, users.b]) {
    const c = await u.post('/api/v1/registry/competitions', { edition: 1, year: 2013, title: '创新设计大赛' });
    assert.equal(c.status, 201, c.text);
  }
});

test('an import row for another district is a row error, and nothing is written', async () => {
  const file = `credit_code,name,region_code\n${creditCode(5105)},甲区导入,${A}\n${creditCode(5106)},乙区导入,${B}\n${b.credit_code},乙区企业改,\n`;
  const r = await users.a.request('POST', '/api/v1/registry/enterprises/import?update=true', file, { headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.committed, false);
  assert.deepEqual(r.json.errors.map((e) => [e.row, e.column]), [[3, 'region_code'], [4, 'credit_code']]);
  assert.deepEqual(r.json.errors.map((e) => e.code), ['scope.outside', 'row.other_district']);
  assert.equal((await users.a.get('/api/v1/registry/enterprises?q=导入')).json.total, 0);
});

test('a city user sees every district, and narrows to one inside the city only', async () => {
  const all = await users.city.get('/api/v1/registry/enterprises?q=区企业');
  assert.deepEqual(names(all), ['乙区企业', '甲区企业']);
  const one = await users.city.get('/api/v1/registry/enterprises?q=区企业', { headers: { 'X-Kechuang-Region': B } });
  assert.deepEqual(names(one), ['乙区企业']);
  const byQuery = await users.city.get(`/api/v1/registry/enterprises?q=区企业&region=${A}`);
  assert.deepEqual(names(byQuery), ['甲区企业']);
  const outside = await users.city.get('/api/v1/registry/enterprises', { headers: { 'X-Kechuang-Region': '330106' } });
  assert.equal(outside.status, 403);
  assert.equal(outside.json.message, 'region_outside_scope');
  const widen = await users.a.get('/api/v1/registry/enterprises', { headers: { 'X-Kechuang-Region': '330200' } });
  assert.equal(widen.status, 403, 'a district user cannot widen their scope');
  const noDistrict = await users.city.post('/api/v1/registry/platforms', { name: '市级平台', kind: 'other' });
  assert.equal(noDistrict.status, 422);
  assert.equal(noDistrict.json.errors[0].field, 'region_code', 'a city user says which district');
  assert.equal(noDistrict.json.errors[0].code, 'scope.choose_district');
});

test("a change of scope applies on the user's next request; scoped admins do not manage accounts", async () => {
  const me = await users.b.get('/api/v1/auth/me');
  assert.equal(me.json.user.region_code, B);
  const id = me.json.user.id;
  const bad = await sys.admin.patch(`/api/v1/users/${id}`, { region_code: '33020' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].field, 'region_code');
  assert.deepEqual([bad.json.errors[0].code, bad.json.errors[0].params], ['region_code.length', { text: '33020' }]);
  assert.equal((await sys.admin.patch(`/api/v1/users/${id}`, { region_code: A })).status, 200);
  assert.deepEqual(names(await users.b.get('/api/v1/registry/enterprises?q=区企业')), ['甲区企业']);
  assert.equal((await sys.admin.patch(`/api/v1/users/${id}`, { region_code: null })).json.user.region_code, null);
  assert.equal((await users.b.get('/api/v1/registry/enterprises?q=区企业')).json.total, 2);

  const r = kechuang(['user', 'add', '--db', sys.db, '--name', 'admin-a', '--role', 'admin', '--region', A,
    '--no-password-change'], ADMIN_PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
  const admin = new Client(sys.server.url);
  await admin.login('admin-a', ADMIN_PASSWORD);
  const refused = await admin.get('/api/v1/users');
  assert.equal(refused.status, 403);
  assert.equal(refused.json.message, 'installation_admins_only');
  // The pages the web offers follow: a district administrator is not offered accounts or logs.
  const may = (await admin.get('/api/v1/auth/me')).json.may;
  for (const route of ['GET /api/v1/users', 'GET /api/v1/audit', 'GET /api/v1/login-log']) assert.ok(!may.includes(route), route);
  assert.ok(may.includes('POST /api/v1/programmes'), 'the rest of an administrator\'s routes stay');
  assert.ok((await sys.admin.get('/api/v1/auth/me')).json.may.includes('GET /api/v1/users'));
});

test('boards, verdicts and region statistics hold only the scope', async () => {
  const hte = await users.a.get('/api/v1/cultivation/hte?as_of=2014-05-20');
  assert.equal(hte.status, 200, hte.text);
  assert.ok(hte.json.items.length > 0);
  assert.ok(hte.json.items.every((i) => i.enterprise_id !== b.id), 'no enterprise of district B on the board');
  const tiers = await users.a.get('/api/v1/cultivation/tiers?from=2013&to=2014');
  assert.equal(tiers.status, 200, tiers.text);
  const none = Object.fromEntries(tiers.json.counts.map((c) => [c.year, c.none]));
  const all = Object.fromEntries((await sys.admin.get('/api/v1/cultivation/tiers?from=2013&to=2014')).json.counts.map((c) => [c.year, c.none]));
  assert.ok(none[2013] < all[2013], `district A counts ${none[2013]} of the installation's ${all[2013]}`);
  assert.equal((await users.a.get(`/api/v1/rules/hte/enterprises/${b.id}?as_of=2014-01-01`)).status, 404);
  const verdict = `/api/v1/rules/hte/enterprises/${b.id}?as_of=2014-01-01`;
  assert.equal((await users.b.get(verdict)).status, (await sys.admin.get(verdict)).status, 'answered in its own district as for the whole installation');
  for (const [code, name] of [[A, '甲区'], [B, '乙区']]) {
    const r = await sys.admin.post('/api/v1/registry/region_statistics', { region_code: code, region_name: name, year: 2013, gdp: '100' });
    assert.equal(r.status, 201, r.text);
  }
  const data = await users.a.get('/api/v1/index/region-data?year=2013');
  assert.equal(data.status, 200, data.text);
  assert.doesNotMatch(JSON.stringify(data.json), /330206/);
  assert.match(JSON.stringify(data.json), /330205/);
});

test("records placed through an enterprise follow it: imported years are scoped, and move when it moves", async () => {
  const firm = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(5107), name: '迁区企业', region_code: A })).json;
  const file = `enterprise_id,year\n${firm.credit_code},2011\n${firm.credit_code},2012\n`;
  const imported = await sys.admin.request('POST', '/api/v1/registry/enterprise_years/import', file, { headers: { 'content-type': 'text/csv' } });
  assert.deepEqual([imported.json.committed, imported.json.created], [true, 2], imported.text);
  const cert = await sys.admin.post('/api/v1/registry/hte_certificates', { enterprise_id: firm.id, certificate_no: 'GR201133000107', issued_on: '2011-10-01', status: 'valid' });
  assert.equal(cert.status, 201, cert.text);
  const years = (client, headers = {}) => client.get(`/api/v1/registry/enterprise_years?enterprise_id=${firm.id}`, { headers });
  const inB = { 'X-Kechuang-Region': B };
  assert.equal((await years(users.a)).json.total, 2, 'imported rows lie in the enterprise\'s district');
  assert.equal((await years(users.city, inB)).json.total, 0);

  assert.equal((await sys.admin.patch(`/api/v1/registry/enterprises/${firm.id}`, { region_code: B })).status, 200);
  const left = await years(users.a);
  assert.equal(left.status, 200);
  assert.equal(left.json.total, 0, 'gone from the district the enterprise left');
  assert.equal((await users.a.get(`/api/v1/registry/hte_certificates/${cert.json.id}`)).status, 404);
  assert.equal((await users.a.get(`/api/v1/registry/enterprise_years?year=2011`)).json.items.filter((y) => y.enterprise_id === firm.id).length, 0);
  const arrived = await years(users.city, inB);
  assert.equal(arrived.json.total, 2, 'in the district it moved to');
  assert.ok(arrived.json.items.every((y) => !('scope_district' in y)), 'the copied district is no field of the record');
  assert.equal((await users.city.get('/api/v1/registry/hte_certificates', { headers: inB })).json.items.filter((c) => c.enterprise_id === firm.id).length, 1);
});
