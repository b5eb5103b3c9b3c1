// The cultivation pipeline sorts registry enterprises by what the HTE rules say of them, and the
// deadlines list follows the certificates and registrations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { creditCode, freshSystem, patentNumber } from './harness.mjs';

let sys;
const ids = {};

async function enterprise(key, serial, staff, extra = {}) {
  const e = await sys.admin.post('/api/v1/registry/enterprises', {
    credit_code: creditCode(serial), name: key, registered_on: '2015-03-01', tech_field: '1', ...extra,
  });
  assert.equal(e.status, 201, e.text);
  ids[key] = e.json.id;
  for (const year of [2022, 2023, 2024]) {
    const r = await sys.admin.post('/api/v1/registry/enterprise_years', {
      enterprise_id: e.json.id, year, sales_revenue: '4000', gross_income: '4000', high_tech_revenue: '3000',
      ip_backed_revenue: '3000', rd_total: '300', employees: 100, st_staff: staff, total_assets: '6000', net_assets: '3000',
    });
    assert.equal(r.status, 201, r.text);
  }
  const p = await sys.admin.post('/api/v1/registry/patents', {
    application_no: patentNumber(serial), kind: 'invention', filed_on: '2021-01-05',
    granted_on: '2023-01-01', status: 'valid', enterprise_id: e.json.id, owner_name: key,
  });
  assert.equal(p.status, 201, p.text);
}

before(async () => {
  sys = await freshSystem();
  await enterprise('ready', 9101, 12);
  await enterprise('close', 9102, 8);
  ids.incomplete = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(9103), name: 'incomplete' })).json.id;
  const cert = await sys.admin.post('/api/v1/registry/hte_certificates', {
    enterprise_id: ids.close, certificate_no: 'GR202233000001', issued_on: '2022-12-24', valid_until: '2025-12-23', status: 'valid',
  });
  assert.equal(cert.status, 201, cert.text);
});
after(async () => { await sys?.server.stop(); });

test('enterprises are sorted into candidate, within reach and incomplete', async () => {
  const r = await sys.admin.get('/api/v1/cultivation/hte?as_of=2025-05-20');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const byName = Object.fromEntries(r.json.items.map((i) => [i.name, i]));
  assert.equal(byName.ready.category, 'candidate', JSON.stringify(byName.ready));
  assert.equal(byName.close.category, 'within_reach', JSON.stringify(byName.close));
  assert.deepEqual(byName.close.failed, ['E4']);
  assert.match(byName.close.gaps[0].en, /S&T staff/);
  assert.equal(byName.incomplete.category, 'incomplete');
  assert.deepEqual(r.json.counts, { candidate: 1, certified: 0, far: 0, incomplete: 1, within_reach: 1 });
  const xlsx = await sys.admin.get('/api/v1/cultivation/hte?as_of=2025-05-20&format=xlsx', { raw: true });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
});

test('a certified enterprise that meets every condition is counted as certified', async () => {
  await sys.admin.post('/api/v1/registry/hte_certificates', {
    enterprise_id: ids.ready, certificate_no: 'GR202333000002', issued_on: '2023-11-20', valid_until: '2026-11-19', status: 'valid',
  });
  const r = await sys.admin.get('/api/v1/cultivation/hte?as_of=2025-05-20');
  assert.equal(r.json.counts.certified, 1);
});

test('deadlines list expiring certificates and the annual dates', async () => {
  const r = await sys.admin.get('/api/v1/cultivation/deadlines?year=2025');
  assert.equal(r.status, 200);
  // This year's and next year's expiries.
  assert.deepEqual(r.json.certificates_expiring.map((c) => c.certificate_no), ['GR202233000001', 'GR202333000002']);
  assert.equal((await sys.admin.get('/api/v1/cultivation/deadlines?year=2027')).json.certificates_expiring.length, 0);
  const due = Object.fromEntries(r.json.deadlines.map((d) => [d.what, d.due]));
  assert.deepEqual(due, { sme_annual_update: '2025-03-31', hte_annual_report: '2025-05-31' });
  assert.equal((await sys.admin.get('/api/v1/cultivation/deadlines?year=nonsense')).status, 422);
  const xlsx = await sys.admin.get('/api/v1/cultivation/deadlines?year=2025&format=xlsx', { raw: true });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition'), /deadlines-2025\.xlsx/);
  assert.equal(xlsx.text.slice(0, 2), 'PK', 'a zip (xlsx) file');
  assert.equal((await sys.admin.get('/api/v1/cultivation/hte?as_of=someday')).status, 422);
});

test('the tier board reconstructs each year end and counts the moves between tiers', async () => {
  // ready: SME in 2022, certified 2023-11-20 (previous test); close: certified 2022-12-24, navigator
  // from mid-2024; incomplete: nothing; founded: registered in 2024.
  assert.equal((await sys.admin.post('/api/v1/registry/sme_registrations', {
    enterprise_id: ids.ready, registration_no: '2022330100A0000001', year: 2022 })).status, 201);
  assert.equal((await sys.admin.post('/api/v1/registry/programme_tiers', {
    enterprise_id: ids.close, programme: 'p236', tier: 'tier1', entered_on: '2024-06-01' })).status, 201);
  assert.equal((await sys.admin.post('/api/v1/registry/enterprises', {
    credit_code: creditCode(9104), name: 'founded', registered_on: '2024-02-01' })).status, 201);

  const r = await sys.admin.get('/api/v1/cultivation/tiers?from=2021&to=2024');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.tiers, ['leading', 'hte', 'sme', 'none']);
  const counts = Object.fromEntries(r.json.counts.map((c) => [c.year, c]));
  assert.deepEqual(counts[2021], { year: 2021, leading: 0, hte: 0, sme: 0, none: 3 });
  assert.deepEqual(counts[2022], { year: 2022, leading: 0, hte: 1, sme: 1, none: 1 });
  assert.deepEqual(counts[2023], { year: 2023, leading: 0, hte: 2, sme: 0, none: 1 });
  assert.deepEqual(counts[2024], { year: 2024, leading: 1, hte: 1, sme: 0, none: 2 });
  const moves = r.json.flows.filter((f) => f.to_year === 2024).map((f) => `${f.from}>${f.to}:${f.count}`).sort();
  assert.deepEqual(moves, ['hte>hte:1', 'hte>leading:1', 'none>none:1', 'not_registered>none:1']);
  const up2022 = r.json.flows.filter((f) => f.to_year === 2022).map((f) => `${f.from}>${f.to}:${f.count}`).sort();
  assert.deepEqual(up2022, ['none>hte:1', 'none>none:1', 'none>sme:1']);

  const xlsx = await sys.admin.get('/api/v1/cultivation/tiers?from=2021&to=2024&format=xlsx', { raw: true });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal((await sys.admin.get('/api/v1/cultivation/tiers?from=2024&to=2021')).status, 422);
  assert.equal((await sys.admin.get('/api/v1/cultivation/tiers?from=1990&to=2024')).status, 422, 'at most 30 years');
  assert.equal((await sys.admin.get('/api/v1/cultivation/tiers?from=abc')).status, 422);
});

test('a certificate counts only while it is in force on the date asked about', async () => {
  const certifiedOn = async (asOf) => {
    const r = await sys.admin.get(`/api/v1/cultivation/hte?as_of=${asOf}`);
    assert.equal(r.status, 200, r.text);
    return Object.fromEntries(r.json.items.map((i) => [i.name, i.certified]));
  };
  // close: issued 2022-12-24, valid until 2025-12-23; ready: issued 2023-11-20, until 2026-11-19.
  assert.deepEqual([(await certifiedOn('2022-06-01')).close, (await certifiedOn('2022-06-01')).ready], [false, false],
    'not yet issued');
  assert.equal((await certifiedOn('2023-06-01')).close, true);
  assert.equal((await certifiedOn('2023-06-01')).ready, false);
  assert.equal((await certifiedOn('2025-12-23')).close, false, 'expired on its last day');
  // A revocation ends it from its date on, whatever the record's status says today.
  const certs = await sys.admin.get(`/api/v1/registry/hte_certificates?enterprise_id=${ids.ready}`);
  const cert = certs.json.items[0];
  assert.equal((await sys.admin.patch(`/api/v1/registry/hte_certificates/${cert.id}`,
    { status: 'revoked', revoked_on: '2024-08-01' })).status, 200);
  assert.equal((await certifiedOn('2024-07-31')).ready, true);
  assert.equal((await certifiedOn('2024-08-01')).ready, false);
});
