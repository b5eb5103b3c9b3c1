// Every endpoint × every region scope → what each may see and do. Records of several kinds lie
// in district A (330205) and district B (330206); the subjects are staff of A, staff of B, staff of
// their city (330200), an enterprise account of an enterprise of A, an administrator of A and an
// unscoped administrator. Out-of-scope ids are 404, lists and exports hold only the scope, an
// import row for another district is a row error. A route added without a row here fails the
// coverage test, as in role-matrix.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, Client, creditCode, freshSystem, kechuang, newDatabase, patentNumber, startServer } from './harness.mjs';

const A = '330205';
const B = '330206';
const CITY = '330200';
const SUBJECTS = ['a', 'b', 'city', 'ent', 'adminA', 'admin'];
// The districts each bureau subject oversees; the enterprise account sees its own enterprise only.
const SCOPE = { a: [A], b: [B], city: [A, B], adminA: [A], admin: [A, B, null], ent: [] };
const sees = (s, district) => SCOPE[s].includes(district);
const isAdmin = (s) => s === 'admin' || s === 'adminA';

let sys;
const clients = {};
const ent = {};   // the enterprises of A and B
const rec = {};   // rec[kind] = {A: record, B: record}
const del = {};   // del[subject] = {A: id, B: id}: enterprises each subject tries to delete
const prog = {};  // programmes: A, B, and the installation's seed
const progDel = {};
const def = {};   // index definitions: A, B, all
const defDel = {};
const subs = {};  // subs[subject] = {A: id, B: id}: pending submissions each subject decides
const note = {};  // published notices of A, B and the whole installation
const noteOf = {};  // noteOf[subject] = {draft: {A, B}, live: {A, B}, gone: {A, B}}: notices each subject acts on
let targetId;
let serial = 7000;
const KINDS = ['enterprises', 'enterprise_years', 'patents', 'platforms'];

function addScoped(name, role, region, extra = []) {
  const args = ['user', 'add', '--db', sys.db, '--name', name, '--role', role, '--no-password-change', ...extra];
  if (region) args.push('--region', region);
  const r = kechuang(args, ADMIN_PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
}

async function signIn(name) {
  const c = new Client(sys.server.url);
  const r = await c.login(name, ADMIN_PASSWORD);
  assert.equal(r.status, 200, `login as ${name}: ${r.text}`);
  return c;
}

async function made(r, what) {
  assert.ok(r.status === 201 || r.status === 200, `${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

const META = 'Level,iCode,iName,Direction,Weight,Unit,Parent,Type\n1,gdp,GDP,1,1,,Index,Indicator\n2,Index,Index,1,1,,,Aggregate\n';
const definitionBody = (name, region) => ({
  name, data_source: 'region_statistics', meta: META, ...(region === undefined ? {} : { region_code: region }),
});
const programmeBody = (code, region) => ({
  code, zh: `${code} 项目`, en: `${code} programme`, kind: 'tier',
  conditions: [{ code: 'C1', zh: '销售收入', en: 'Sales', expr: 'sales_revenue >= 1' }],
  ...(region === undefined ? {} : { region_code: region }),
});

before(async () => {
  sys = await freshSystem();
  const admin = sys.admin;
  for (const [d, name] of [[A, '甲区矩阵企业'], [B, '乙区矩阵企业']]) {
    ent[d] = await made(await admin.post('/api/v1/registry/enterprises', {
      credit_code: creditCode(serial++), name, region_code: d, registered_on: '2015-01-01',
    }), `enterprise of ${d}`);
  }
  for (const kind of KINDS) rec[kind] = {};
  for (const [i, d] of [A, B].entries()) {
    rec.enterprises[d] = ent[d];
    rec.enterprise_years[d] = await made(await admin.post('/api/v1/registry/enterprise_years', {
      enterprise_id: ent[d].id, year: 2013, sales_revenue: '100',
    }), 'year');
    rec.patents[d] = await made(await admin.post('/api/v1/registry/patents', {
      application_no: patentNumber(800 + i, 2013), kind: 'invention', filed_on: '2013-01-05', status: 'pending',
      enterprise_id: ent[d].id,
    }), 'patent');
    rec.platforms[d] = await made(await admin.post('/api/v1/registry/platforms', {
      name: `${d}矩阵平台`, kind: 'other', region_code: d,
    }), 'platform');
    await made(await admin.post('/api/v1/registry/region_statistics', {
      region_code: d, region_name: `${d}区`, year: 2013, gdp: '100',
    }), 'region statistics');
  }
  for (const s of SUBJECTS) {
    del[s] = {};
    for (const d of [A, B]) {
      del[s][d] = (await made(await admin.post('/api/v1/registry/enterprises', {
        credit_code: creditCode(serial++), name: `可删除${s}${d}`, region_code: d,
      }), 'deletable')).id;
    }
  }
  for (const d of [A, B]) {
    prog[d] = await made(await admin.post('/api/v1/programmes', programmeBody(`matrix-${d}`, d)), `programme ${d}`);
    assert.equal(prog[d].region_code, d);
    def[d] = await made(await admin.post('/api/v1/index/definitions', definitionBody(`矩阵 ${d}`, d)), `definition ${d}`);
    assert.equal(def[d].region_code, d);
  }
  prog.all = (await admin.get('/api/v1/programmes')).json.items.find((p) => p.code === '100-hte-pool');
  assert.equal(prog.all.region_code, null, 'the shipped programmes are the whole installation\'s');
  def.all = await made(await admin.post('/api/v1/index/definitions', definitionBody('矩阵 全部')), 'definition');
  assert.equal(def.all.region_code, null, 'an unscoped user\'s definition is the installation\'s');
  for (const s of ['admin', 'adminA']) {
    progDel[s] = {};
    for (const d of [A, B]) progDel[s][d] = (await made(await admin.post('/api/v1/programmes', programmeBody(`del-${s.toLowerCase()}-${d}`, d)), 'programme')).id;
  }
  for (const s of SUBJECTS) {
    defDel[s] = {};
    for (const d of [A, B]) defDel[s][d] = (await made(await admin.post('/api/v1/index/definitions', definitionBody(`可删除 ${s} ${d}`, d)), 'definition')).id;
  }

  const notice = async (title, region, publish) => {
    const n = await made(await admin.post('/api/v1/notices', { title, body: `${title}。`, region_code: region }), title);
    if (publish) await made(await admin.post(`/api/v1/notices/${n.id}/publish`), `publish ${title}`);
    return n;
  };
  for (const d of [A, B]) note[d] = await notice(`${d}公告`, d, true);
  note.all = await notice('全局公告', null, true);
  for (const s of SUBJECTS) {
    noteOf[s] = { draft: {}, live: {}, gone: {} };
    for (const d of [A, B]) {
      noteOf[s].draft[d] = (await notice(`${s} ${d} 草稿`, d, false)).id;
      noteOf[s].live[d] = (await notice(`${s} ${d} 待撤回`, d, true)).id;
      noteOf[s].gone[d] = (await notice(`${s} ${d} 待删除`, d, false)).id;
    }
  }

  addScoped('staff-a', 'staff', A);
  addScoped('staff-b', 'staff', B);
  addScoped('staff-city', 'staff', CITY);
  addScoped('admin-a', 'admin', A);
  addScoped('ent-a', 'enterprise', null, ['--enterprise', String(ent[A].id)]);
  addScoped('ent-b', 'enterprise', null, ['--enterprise', String(ent[B].id)]);
  addScoped('target', 'viewer', null);
  targetId = (await admin.get('/api/v1/users?q=target')).json.items[0].id;
  clients.a = await signIn('staff-a');
  clients.b = await signIn('staff-b');
  clients.city = await signIn('staff-city');
  clients.adminA = await signIn('admin-a');
  clients.ent = await signIn('ent-a');
  clients.admin = admin;
  const entB = await signIn('ent-b');
  // Pending submissions (an enterprise's edits of its own record), two per subject.
  for (const s of SUBJECTS) {
    subs[s] = {};
    for (const [d, filer] of [[A, clients.ent], [B, entB]]) {
      const r = await filer.patch(`/api/v1/registry/enterprises/${ent[d].id}`, { contact_person: `联系人${s}` });
      assert.equal(r.status, 202, r.text);
      subs[s][d] = r.json.submission.id;
    }
  }
});
after(async () => { await sys?.server.stop(); });

// The district of a record as the unscoped admin reads it: its own region_code, or its enterprise's.
const districtOfEnterprise = {};
async function districtOf(kind, item) {
  if (item.region_code !== undefined) return item.region_code;
  const id = item.enterprise_id;
  if (!(id in districtOfEnterprise)) {
    districtOfEnterprise[id] = (await sys.admin.get(`/api/v1/registry/enterprises/${id}`)).json.region_code;
  }
  return districtOfEnterprise[id];
}

// The ids of `kind` the subject should list: those the unscoped admin lists that lie in its scope.
async function expectedIds(s, kind) {
  const all = (await sys.admin.get(`/api/v1/registry/${kind}?page_size=200`)).json.items;
  const out = [];
  for (const item of all) {
    if (s === 'ent' ? (kind === 'enterprises' ? item.id : item.enterprise_id) === ent[A].id : sees(s, await districtOf(kind, item))) {
      out.push(item.id);
    }
  }
  return out.sort((x, y) => x - y);
}

// The text of an XLSX download's sheet and shared strings (an export, or an import's error file).
async function xlsxText(c, path, body) {
  const headers = body === undefined ? { cookie: c.cookie } : { cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'content-type': 'text/csv' };
  const res = await fetch(sys.server.url + path, { method: body === undefined ? 'GET' : 'POST', body, headers });
  if (res.status !== 200) return { status: res.status, text: '' };
  const dir = mkdtempSync(join(tmpdir(), 'kc-scope-'));
  try {
    const file = join(dir, 'errors.xlsx');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const read = (name) => { try { return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' }); } catch { return ''; } };
    return { status: 200, text: read('xl/sharedStrings.xml') + read('xl/worksheets/sheet1.xml') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function is(r, status, what) {
  assert.equal(r.status, status, `${what}: ${r.text.slice(0, 300)}`);
  return r;
}

// Status for a route on a record of district `d`: the scope's 200 (or `ok`), else 404; the
// enterprise account's is given separately (its role may refuse first).
const inScope = (s, d, ok = 200, entStatus = 403) => (s === 'ent' ? entStatus : sees(s, d) ? ok : 404);
const bureauOnly = (s, ok) => (s === 'ent' ? 403 : ok);
const writers = (s, ok) => (s === 'ent' ? 403 : ok);
const onlyAdmin = (s, ok) => (s === 'admin' ? ok : 403);
// Whose notices of district `d` a subject reads: its scope's; the enterprise account its enterprise's (A).
const readsNotice = (s, d) => (s === 'ent' ? d === A : sees(s, d));

// [method, route pattern, async check(subject, client)]
const MATRIX = [
  ['GET', '/api/v1/health', async (s, c) => is(await c.get('/api/v1/health'), 200, s)],
  ['GET', '/api/v1/openapi.json', async (s, c) => is(await c.get('/api/v1/openapi.json'), 200, s)],
  ['POST', '/api/v1/auth/login', async (s, c) => is(await new Client(sys.server.url).post('/api/v1/auth/login', { username: 'nobody', password: 'x' }), 401, s)],
  ['GET', '/api/v1/auth/me', async (s, c) => {
    const me = is(await c.get('/api/v1/auth/me'), 200, s);
    const region = { a: A, b: B, city: CITY, adminA: A, admin: null, ent: null }[s];
    assert.equal(me.json.user.region_code, region, `${s}'s scope`);
  }],
  ['POST', '/api/v1/auth/password', async (s, c) => is(await c.post('/api/v1/auth/password', { current_password: 'wrong-Password-1', new_password: 'Another-Pass-99' }), 422, s)],
  // Accounts are managed by administrators of the whole installation only.
  ['GET', '/api/v1/users', async (s, c) => is(await c.get('/api/v1/users'), onlyAdmin(s, 200), s)],
  ['POST', '/api/v1/users', async (s, c) => is(await c.post('/api/v1/users', { username: `scope-made-${s}`, role: 'viewer' }), onlyAdmin(s, 201), s)],
  ['PATCH', '/api/v1/users/{id}', async (s, c) => is(await c.patch(`/api/v1/users/${targetId}`, { display_name: `by ${s}` }), onlyAdmin(s, 200), s)],
  ['POST', '/api/v1/users/{id}/reset-password', async (s, c) => is(await c.post(`/api/v1/users/${targetId}/reset-password`, {}), onlyAdmin(s, 200), s)],
  ['DELETE', '/api/v1/users/{id}/sessions', async (s, c) => is(await c.del(`/api/v1/users/${targetId}/sessions`), onlyAdmin(s, 204), s)],
  // The audit and login logs hold every district's records and accounts.
  ['GET', '/api/v1/audit', async (s, c) => is(await c.get('/api/v1/audit'), onlyAdmin(s, 200), s)],
  ['GET', '/api/v1/audit/export', async (s, c) => is(await c.get('/api/v1/audit/export', { raw: true }), onlyAdmin(s, 200), s)],
  ['GET', '/api/v1/audit/verify', async (s, c) => is(await c.get('/api/v1/audit/verify'), onlyAdmin(s, 200), s)],
  ['GET', '/api/v1/login-log', async (s, c) => is(await c.get('/api/v1/login-log'), onlyAdmin(s, 200), s)],
  ['GET', '/api/v1/login-log/export', async (s, c) => is(await c.get('/api/v1/login-log/export', { raw: true }), onlyAdmin(s, 200), s)],
  ['GET', '/api/v1/registry/kinds', async (s, c) => is(await c.get('/api/v1/registry/kinds'), 200, s)],
  ['GET', '/api/v1/registry/{kind}', async (s, c) => {
    for (const kind of KINDS) {
      const r = await c.get(`/api/v1/registry/${kind}?page_size=200`);
      // Platforms are no enterprise's: the enterprise account may not read them.
      if (s === 'ent' && kind === 'platforms') { is(r, 403, 'ent lists platforms'); continue; }
      is(r, 200, `${s} lists ${kind}`);
      const want = await expectedIds(s, kind);
      assert.equal(r.json.total, want.length, `${s}: total of ${kind}`);
      assert.deepEqual(r.json.items.map((i) => i.id).sort((x, y) => x - y), want, `${s}: ${kind} listed`);
    }
  }],
  ['POST', '/api/v1/registry/{kind}', async (s, c) => {
    const own = { a: A, b: B, city: A, adminA: A, admin: null }[s];
    if (s === 'ent') {
      is(await c.post('/api/v1/registry/enterprises', { credit_code: creditCode(serial++), name: 'x' }), 403, s);
      return;
    }
    // Without a district: the district user's, none for the installation; a city user must say.
    const plain = await c.post('/api/v1/registry/enterprises', { credit_code: creditCode(serial++), name: `${s}新建` });
    if (s === 'city') {
      is(plain, 422, s);
      assert.equal(plain.json.errors[0].field, 'region_code');
      assert.equal(plain.json.errors[0].code, 'scope.choose_district');
    } else {
      assert.equal(is(plain, 201, s).json.region_code, own, `${s}'s new enterprise`);
    }
    for (const d of [A, B]) {
      const r = await c.post('/api/v1/registry/enterprises', { credit_code: creditCode(serial++), name: `${s}新建${d}`, region_code: d });
      is(r, sees(s, d) ? 201 : 422, `${s} creates in ${d}`);
      if (r.status === 422) assert.equal(r.json.errors[0].field, 'region_code');
      // A record hanging off the other district's enterprise: that enterprise is not found.
      const year = await c.post('/api/v1/registry/enterprise_years', { enterprise_id: ent[d].id, year: 2030 + SUBJECTS.indexOf(s) });
      is(year, sees(s, d) ? 201 : 422, `${s} adds a year to ${d}'s enterprise`);
      if (year.status === 422) assert.equal(year.json.errors[0].field, 'enterprise_id');
    }
  }],
  ['GET', '/api/v1/registry/{kind}/export', async (s, c) => {
    for (const kind of KINDS) {
      const r = await c.get(`/api/v1/registry/${kind}/export?format=csv`, { raw: true });
      if (s === 'ent' && kind === 'platforms') { is(r, 403, 'ent exports platforms'); continue; }
      is(r, 200, `${s} exports ${kind}`);
      const rows = r.text.trim().split('\n').length - 1;
      assert.equal(rows, (await expectedIds(s, kind)).length, `${s}: rows of the ${kind} export`);
    }
    const csv = await c.get('/api/v1/registry/enterprises/export?format=csv', { raw: true });
    if (csv.status !== 200) return;
    const xlsx = await xlsxText(c, '/api/v1/registry/enterprises/export?format=xlsx');
    assert.equal(xlsx.status, 200, `${s}: XLSX export`);
    for (const d of [A, B]) {
      const visible = s === 'ent' ? d === A : sees(s, d);
      assert.equal(csv.text.includes(ent[d].name), visible, `${s}: ${d}'s enterprise in the export`);
      assert.equal(xlsx.text.includes(ent[d].name), visible, `${s}: ${d}'s enterprise in the XLSX export`);
    }
  }],
  ['GET', '/api/v1/registry/{kind}/template', async (s, c) => is(await c.get('/api/v1/registry/enterprises/template', { raw: true }), writers(s, 200), s)],
  ['POST', '/api/v1/registry/{kind}/import', async (s, c) => {
    const rows = [A, B].map((d) => `${creditCode(serial++)},${s}导入${d},${d}`);
    const file = `credit_code,name,region_code\n${rows.join('\n')}\n`;
    const csv = { headers: { 'content-type': 'text/csv' } };
    const dry = await c.request('POST', '/api/v1/registry/enterprises/import?dry_run=true', file, csv);
    if (s === 'ent') { is(dry, 403, s); return; }
    is(dry, 200, `${s} dry run`);
    const expectedErrors = [A, B].map((d, i) => (sees(s, d) ? null : i + 2)).filter((x) => x !== null);
    assert.deepEqual(dry.json.errors.map((e) => e.row), expectedErrors, `${s}: dry-run row errors`);
    assert.ok(dry.json.errors.every((e) => e.column === 'region_code'), `${s}: errors on region_code`);
    // For real: a row for another district stops the file, and nothing is written.
    const real = is(await c.request('POST', '/api/v1/registry/enterprises/import', file, csv), 200, `${s} import`);
    assert.deepEqual(real.json.errors.map((e) => e.row), expectedErrors, `${s}: row errors`);
    assert.equal(real.json.committed, expectedErrors.length === 0, `${s}: committed`);
    const written = (await sys.admin.get(`/api/v1/registry/enterprises?q=${encodeURIComponent(`${s}导入`)}`)).json.total;
    assert.equal(written, expectedErrors.length === 0 ? 2 : 0, `${s}: rows written`);
    // A row hanging off another district's enterprise (named by its credit code) is a row error.
    const years = `enterprise_id,year\n${ent[A].credit_code},2040\n${ent[B].credit_code},2040\n`;
    const refs = is(await c.request('POST', '/api/v1/registry/enterprise_years/import?dry_run=true', years, csv), 200, `${s} years`);
    assert.deepEqual(refs.json.errors.map((e) => [e.row, e.column]), expectedErrors.map((row) => [row, 'enterprise_id']), `${s}: references`);
    // A file of its own district's rows only is written.
    const ownDistrict = SCOPE[s][0];
    const ok = await c.request('POST', '/api/v1/registry/enterprises/import', `credit_code,name,region_code\n${creditCode(serial++)},${s}本区导入,${ownDistrict}\n`, csv);
    assert.equal(is(ok, 200, `${s} imports its own`).json.committed, true, ok.text);
  }],
  ['POST', '/api/v1/registry/{kind}/import/errors', async (s, c) => {
    const other = `${creditCode(serial++)},${s}错误行,${B}`;
    const r = await xlsxText(c, '/api/v1/registry/enterprises/import/errors', `credit_code,name,region_code\n${other}\n`);
    assert.equal(r.status, writers(s, 200), s);
    if (r.status === 200) assert.equal(r.text.includes(B), !sees(s, B), `${s}: B's row in the error file`);
  }],
  ['GET', '/api/v1/registry/{kind}/{id}', async (s, c) => {
    for (const kind of KINDS) {
      for (const d of [A, B]) {
        const r = await c.get(`/api/v1/registry/${kind}/${rec[kind][d].id}`);
        if (s === 'ent') {
          if (d === A && kind !== 'platforms') is(r, 200, `ent reads its own ${kind}`);
          else assert.ok([403, 404].includes(r.status), `ent reads ${d}'s ${kind}: ${r.status}`);
        } else {
          is(r, inScope(s, d), `${s} reads ${d}'s ${kind}`);
        }
      }
    }
  }],
  ['PATCH', '/api/v1/registry/{kind}/{id}', async (s, c) => {
    for (const d of [A, B]) {
      const name = `${d}矩阵平台 改于${s}`;
      const r = await c.patch(`/api/v1/registry/platforms/${rec.platforms[d].id}`, { name });
      is(r, inScope(s, d), `${s} edits ${d}'s platform`);
      const after = (await sys.admin.get(`/api/v1/registry/platforms/${rec.platforms[d].id}`)).json.name;
      assert.equal(after === name, r.status === 200, `${s}: ${d}'s platform changed only when allowed`);
    }
    if (s === 'ent') {
      is(await c.patch(`/api/v1/registry/enterprises/${ent[B].id}`, { tags: 'x' }), 403, 'ent edits another enterprise');
      return;
    }
    // Moving a record out of one's scope is refused like creating it there, also through the
    // enterprise it hangs off.
    for (const d of [A, B]) {
      if (!sees(s, d)) continue;
      const other = d === A ? B : A;
      if (!sees(s, other)) {
        const repoint = await c.patch(`/api/v1/registry/enterprise_years/${rec.enterprise_years[d].id}`, { enterprise_id: ent[other].id });
        is(repoint, 422, `${s} hangs ${d}'s year off ${other}'s enterprise`);
        assert.equal(repoint.json.errors[0].field, 'enterprise_id');
        assert.equal((await sys.admin.get(`/api/v1/registry/enterprise_years/${rec.enterprise_years[d].id}`)).json.enterprise_id, ent[d].id);
      }
      const move = await c.patch(`/api/v1/registry/platforms/${rec.platforms[d].id}`, { region_code: other });
      if (sees(s, other)) {
        is(move, 200, `${s} moves a platform within its scope`);
        is(await c.patch(`/api/v1/registry/platforms/${rec.platforms[d].id}`, { region_code: d }), 200, 'moved back');
      } else {
        is(move, 422, `${s} moves a platform out of its scope`);
        assert.equal(move.json.errors[0].field, 'region_code');
        assert.equal((await sys.admin.get(`/api/v1/registry/platforms/${rec.platforms[d].id}`)).json.region_code, d);
      }
    }
  }],
  ['GET', '/api/v1/registry/{kind}/{id}/history', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.get(`/api/v1/registry/enterprises/${ent[d].id}/history`);
      if (s === 'ent') assert.ok(d === A ? r.status === 200 : [403, 404].includes(r.status), `ent history of ${d}: ${r.status}`);
      else is(r, inScope(s, d), `${s} history of ${d}`);
    }
  }],
  ['DELETE', '/api/v1/registry/{kind}/{id}', async (s, c) => {
    for (const d of [A, B]) {
      is(await c.del(`/api/v1/registry/enterprises/${del[s][d]}`), inScope(s, d, 204), `${s} deletes in ${d}`);
      const left = (await sys.admin.get(`/api/v1/registry/enterprises/${del[s][d]}`)).status;
      assert.equal(left, s !== 'ent' && sees(s, d) ? 404 : 200, `${s}: ${d}'s record kept unless allowed`);
    }
  }],
  // Facts sent in the body, not read from the registry: nothing of a district to leak.
  ['POST', '/api/v1/rules/{policy}/evaluate', async (s, c) => {
    is(await c.post('/api/v1/rules/hte/evaluate', { as_of: '2025-05-20', enterprises: [] }), bureauOnly(s, 200), s);
  }],
  ['GET', '/api/v1/rules/{policy}/enterprises/{id}', async (s, c) => {
    // The enterprise account reads its own enterprise's verdict only.
    for (const d of [A, B]) is(await c.get(`/api/v1/rules/hte/enterprises/${ent[d].id}?as_of=2014-05-20`), inScope(s, d, 200, d === A ? 200 : 403), `${s} verdict of ${d}`);
  }],
  // Engines over documents: nothing in them lies in a district; the roles decide.
  ['POST', '/api/v1/assess', async (s, c) => is(await c.post('/api/v1/assess', {}), bureauOnly(s, 422), s)],
  ['POST', '/api/v1/review/draw', async (s, c) => is(await c.post('/api/v1/review/draw', {}), s === 'ent' ? 403 : 422, s)],
  ['POST', '/api/v1/index/build', async (s, c) => is(await c.post('/api/v1/index/build', { data: 'uCode\n', meta: 'Level,iCode\n' }), bureauOnly(s, 422), s)],
  ['POST', '/api/v1/index/uncertainty', async (s, c) => is(await c.post('/api/v1/index/uncertainty', { data: 'uCode\n', meta: 'Level,iCode\n', vary: { vary: [] } }), bureauOnly(s, 422), s)],
  ['POST', '/api/v1/index/convert', async (s, c) => is(await c.post('/api/v1/index/convert', 'not a workbook'), bureauOnly(s, 422), s)],
  ['GET', '/api/v1/index/region-data', async (s, c) => {
    const r = is(await c.get('/api/v1/index/region-data?year=2013'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    const text = JSON.stringify(r.json);
    for (const d of [A, B]) assert.equal(text.includes(d), sees(s, d), `${s}: ${d}'s statistics`);
  }],
  ['GET', '/api/v1/index/definitions', async (s, c) => {
    const r = is(await c.get('/api/v1/index/definitions'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    const ids = new Set(r.json.items.map((i) => i.id));
    for (const d of [A, B]) assert.equal(ids.has(def[d].id), sees(s, d), `${s}: ${d}'s definition listed`);
    assert.ok(ids.has(def.all.id), `${s}: the installation's definition listed`);
    assert.ok(r.json.items.every((i) => i.region_code === null || SCOPE[s].includes(i.region_code) || i.region_code === CITY),
      `${s}: only in-scope definitions`);
  }],
  ['POST', '/api/v1/index/definitions', async (s, c) => {
    const plain = await c.post('/api/v1/index/definitions', definitionBody(`${s} 新定义`));
    if (s === 'ent') { is(plain, 403, s); return; }
    const own = { a: A, b: B, city: CITY, adminA: A, admin: null }[s];
    assert.equal(is(plain, 201, s).json.region_code, own, `${s}'s new definition lies in its scope`);
    for (const d of [A, B]) {
      const r = await c.post('/api/v1/index/definitions', definitionBody(`${s} 定义 ${d}`, d));
      is(r, sees(s, d) ? 201 : 403, `${s} saves a definition for ${d}`);
      if (r.status === 403) assert.equal(r.json.message, 'region_outside_scope');
    }
    const wide = await c.post('/api/v1/index/definitions', definitionBody(`${s} 全部`, null));
    is(wide, s === 'admin' ? 201 : 422, `${s} saves one for the whole installation`);
  }],
  ['GET', '/api/v1/index/definitions/{id}', async (s, c) => {
    for (const d of [A, B]) is(await c.get(`/api/v1/index/definitions/${def[d].id}`), inScope(s, d), `${s} reads ${d}'s definition`);
    is(await c.get(`/api/v1/index/definitions/${def.all.id}`), bureauOnly(s, 200), `${s} reads the installation's`);
  }],
  ['PUT', '/api/v1/index/definitions/{id}', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.request('PUT', `/api/v1/index/definitions/${def[d].id}`, { ...definitionBody(`矩阵 ${d}`), description: `由 ${s}` });
      is(r, inScope(s, d), `${s} replaces ${d}'s definition`);
      if (r.status === 200) assert.equal(r.json.region_code, d, 'the region is kept');
      const other = d === A ? B : A;
      if (r.status === 200 && !sees(s, other)) {
        const move = await c.request('PUT', `/api/v1/index/definitions/${def[d].id}`, definitionBody(`矩阵 ${d}`, other));
        is(move, 403, `${s} moves ${d}'s definition out of its scope`);
      }
    }
    const wide = await c.request('PUT', `/api/v1/index/definitions/${def.all.id}`, definitionBody('矩阵 全部'));
    is(wide, s === 'ent' ? 403 : s === 'admin' ? 200 : 403, `${s} replaces the installation's`);
    if (wide.status === 403 && s !== 'ent') assert.equal(wide.json.message, 'record_of_another_district');
  }],
  ['DELETE', '/api/v1/index/definitions/{id}', async (s, c) => {
    for (const d of [A, B]) {
      is(await c.del(`/api/v1/index/definitions/${defDel[s][d]}`), inScope(s, d, 204), `${s} deletes ${d}'s definition`);
      const left = (await sys.admin.get(`/api/v1/index/definitions/${defDel[s][d]}`)).status;
      assert.equal(left, s !== 'ent' && sees(s, d) ? 404 : 200);
    }
  }],
  ['GET', '/api/v1/cultivation/hte', async (s, c) => {
    const r = is(await c.get('/api/v1/cultivation/hte?as_of=2014-05-20'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    const listed = new Set(r.json.items.map((i) => i.enterprise_id));
    for (const d of [A, B]) if (!sees(s, d)) assert.ok(!listed.has(ent[d].id), `${s}: ${d}'s enterprise on the board`);
  }],
  ['GET', '/api/v1/cultivation/tiers', async (s, c) => {
    const r = is(await c.get('/api/v1/cultivation/tiers?from=2013&to=2014'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    for (const d of [A, B]) if (!sees(s, d)) assert.ok(!JSON.stringify(r.json).includes(ent[d].name), `${s}: ${d} on the tier board`);
  }],
  ['GET', '/api/v1/cultivation/deadlines', async (s, c) => {
    const r = is(await c.get('/api/v1/cultivation/deadlines?year=2014'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    for (const d of [A, B]) if (!sees(s, d)) assert.ok(!JSON.stringify(r.json).includes(ent[d].name), `${s}: ${d} on the deadlines`);
  }],
  ['GET', '/api/v1/districts/figures', async (s, c) => {
    const r = is(await c.get('/api/v1/districts/figures?year=2013'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    const listed = r.json.districts.map((d) => d.region_code);
    for (const d of [A, B]) assert.equal(listed.includes(d), sees(s, d), `${s}: ${d} among the districts`);
    const a = r.json.districts.find((d) => d.region_code === A);
    if (a) assert.ok(a.values.enterprises >= 1, `${s}: A's enterprises counted`);
    assert.equal(r.json.total !== null, listed.length >= 2, `${s}: a total with two districts or more`);
  }],
  ['GET', '/api/v1/indicators', async (s, c) => is(await c.get('/api/v1/indicators'), bureauOnly(s, 200), s)],
  ['GET', '/api/v1/assessments', async (s, c) => is(await c.get('/api/v1/assessments'), bureauOnly(s, 200), s)],
  ['GET', '/api/v1/assessments/{code}', async (s, c) => {
    // A and B are judged together (one city); each subject sees the results of its districts only.
    // Naming the city is widening a district user's scope, refused as every ?region= beyond it is.
    const r = is(await c.get(`/api/v1/assessments/change_on_last_year?year=2013&region=${CITY}`),
      s === 'ent' || s === 'a' || s === 'b' || s === 'adminA' ? 403 : 200, s);
    if (r.status === 200) assert.deepEqual(r.json.units.map((u) => u.code).sort(), SCOPE[s].filter(Boolean).sort(), `${s}: the city's units`);
    const own = await c.get('/api/v1/assessments/change_on_last_year?year=2013');
    if (s === 'ent') { is(own, 403, s); return; }
    if (s === 'admin') return;  // no home district in this installation: the region must be named
    is(own, 200, `${s}: own scope`);
    assert.deepEqual(own.json.units.map((u) => u.code).sort(), SCOPE[s].filter(Boolean).sort(), `${s}: units`);
    for (const d of [A, B]) if (!sees(s, d)) assert.ok(!JSON.stringify(own.json).includes(`"${d}"`), `${s}: nothing of ${d}`);
  }],
  ['GET', '/api/v1/indicators/values', async (s, c) => {
    // Each district has one patent filed in 2013: a district counts its own, the city both.
    for (const d of [A, B]) {
      const r = await c.get(`/api/v1/indicators/values?year=2013&region=${d}&codes=patent_applications`);
      is(r, s === 'ent' ? 403 : sees(s, d) ? 200 : 403, `${s} computes ${d}`);
      if (r.status === 200) assert.equal(r.json.values[0].value, 1, `${s}: ${d}'s patents`);
      else if (s !== 'ent') assert.equal(r.json.message, 'region_outside_scope');
    }
    const city = await c.get(`/api/v1/indicators/values?year=2013&region=${CITY}&codes=patent_applications`);
    is(city, s === 'ent' ? 403 : sees(s, A) && sees(s, B) ? 200 : 403, `${s} computes the city`);
    if (city.status === 200) assert.equal(city.json.values[0].value, 2, `${s}: the city's patents`);
  }],
  ['GET', '/api/v1/indicators/series', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.get(`/api/v1/indicators/series?from=2012&to=2013&region=${d}&codes=patent_applications`);
      is(r, s === 'ent' ? 403 : sees(s, d) ? 200 : 403, `${s}: ${d}'s series`);
      if (r.status === 200) assert.deepEqual(r.json.series[0].points.map((p) => p.value), [null, 1], `${s}: ${d}'s patents by year`);
    }
  }],
  ['PUT', '/api/v1/indicators/targets', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.request('PUT', '/api/v1/indicators/targets', { code: 'patent_applications', region_code: d, year: 2014, target: 2, kind: 'multiple', base_year: 2013 });
      is(r, s === 'ent' ? 403 : sees(s, d) ? 200 : 403, `${s} sets ${d}'s target`);
      if (r.status === 200) assert.equal(r.json.base_value, 1, `${s}: ${d}'s 2013 patents`);
    }
  }],
  ['GET', '/api/v1/indicators/targets', async (s, c) => {
    const r = is(await c.get('/api/v1/indicators/targets'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    const regions = new Set(r.json.items.map((t) => t.region_code));
    for (const d of [A, B]) assert.equal(regions.has(d), sees(s, d), `${s}: ${d}'s targets listed`);
  }],
  ['DELETE', '/api/v1/indicators/targets/{id}', async (s, c) => {
    // B's target, set by the unscoped administrator if no subject before has set it.
    const ofB = (await sys.admin.request('PUT', '/api/v1/indicators/targets', { code: 'hte_count', region_code: B, year: 2014, target: 1 })).json;
    if (s === 'ent') { is(await c.del(`/api/v1/indicators/targets/${ofB.id}`), 403, s); return; }
    is(await c.del(`/api/v1/indicators/targets/${ofB.id}`), sees(s, B) ? 204 : 404, `${s} deletes B's target`);
  }],
  ['GET', '/api/v1/indicators/{code}/explain', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.get(`/api/v1/indicators/patent_applications/explain?year=2013&region=${d}`);
      is(r, s === 'ent' ? 403 : sees(s, d) ? 200 : 403, `${s} explains ${d}`);
      if (r.status === 200) assert.deepEqual(r.json.records.map((x) => x.id), [rec.patents[d].id], `${s}: ${d}'s patent only`);
    }
  }],
  ['PUT', '/api/v1/indicators/{code}', async (s, c) => {
    const r = await c.request('PUT', `/api/v1/indicators/scope_${s.toLowerCase()}`, { zh: '专利', en: 'Patents', formula: 'count(patents)' });
    is(r, s === 'admin' ? 200 : 403, `${s} saves a catalogue entry`);
    if (s === 'adminA') assert.equal(r.json.message, 'indicator_catalogue_admins');
  }],
  ['DELETE', '/api/v1/indicators/{code}', async (s, c) => {
    is(await c.del('/api/v1/indicators/scope_admin'), s === 'admin' ? 204 : 403, `${s} removes a catalogue entry`);
  }],
  ['GET', '/api/v1/programmes/facts', async (s, c) => is(await c.get('/api/v1/programmes/facts'), bureauOnly(s, 200), s)],
  ['GET', '/api/v1/programmes', async (s, c) => {
    const r = is(await c.get('/api/v1/programmes'), bureauOnly(s, 200), s);
    if (r.status !== 200) return;
    const ids = new Set(r.json.items.map((i) => i.id));
    for (const d of [A, B]) assert.equal(ids.has(prog[d].id), sees(s, d), `${s}: ${d}'s programme listed`);
    assert.ok(ids.has(prog.all.id), `${s}: the installation's programme listed`);
  }],
  ['POST', '/api/v1/programmes', async (s, c) => {
    const plain = await c.post('/api/v1/programmes', programmeBody(`new-${s.toLowerCase()}`));
    if (!isAdmin(s)) { is(plain, 403, s); return; }
    assert.equal(is(plain, 201, s).json.region_code, s === 'admin' ? null : A, `${s}'s new programme`);
    for (const d of [A, B]) {
      const r = await c.post('/api/v1/programmes', programmeBody(`new-${s.toLowerCase()}-${d}`, d));
      is(r, sees(s, d) ? 201 : 403, `${s} creates a programme for ${d}`);
      if (r.status === 403) assert.equal(r.json.message, 'region_outside_scope');
    }
    is(await c.post('/api/v1/programmes', programmeBody(`new-${s.toLowerCase()}-all`, null)), s === 'admin' ? 201 : 422, `${s}: installation-wide`);
  }],
  ['GET', '/api/v1/programmes/{id}', async (s, c) => {
    for (const d of [A, B]) is(await c.get(`/api/v1/programmes/${prog[d].id}`), inScope(s, d), `${s} reads ${d}'s programme`);
    is(await c.get(`/api/v1/programmes/${prog.all.id}`), bureauOnly(s, 200), `${s} reads the installation's programme`);
  }],
  ['PUT', '/api/v1/programmes/{id}', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.request('PUT', `/api/v1/programmes/${prog[d].id}`, programmeBody(`matrix-${d}`));
      is(r, isAdmin(s) ? (sees(s, d) ? 200 : 404) : 403, `${s} replaces ${d}'s programme`);
      if (r.status === 200) assert.equal(r.json.region_code, d, 'the region is kept');
    }
    const seed = await c.request('PUT', `/api/v1/programmes/${prog.all.id}`, { ...prog.all.definition });
    is(seed, s === 'admin' ? 200 : 403, `${s} replaces the installation's programme`);
    if (s === 'adminA') assert.equal(seed.json.message, 'record_of_another_district');
  }],
  ['DELETE', '/api/v1/programmes/{id}', async (s, c) => {
    if (!isAdmin(s)) { is(await c.del(`/api/v1/programmes/${prog[B].id}`), 403, s); return; }
    for (const d of [A, B]) is(await c.del(`/api/v1/programmes/${progDel[s][d]}`), sees(s, d) ? 204 : 404, `${s} deletes ${d}'s programme`);
    if (s === 'adminA') {
      assert.equal((await sys.admin.get(`/api/v1/programmes/${progDel[s][B]}`)).status, 200, 'B\'s programme kept');
      is(await c.del(`/api/v1/programmes/${prog.all.id}`), 403, 'adminA deletes the installation\'s programme');
    }
  }],
  ['GET', '/api/v1/programmes/{id}/enterprises/{enterprise}', async (s, c) => {
    const check = (p, e) => c.get(`/api/v1/programmes/${p}/enterprises/${e}?as_of=2014-04-01`);
    // The installation's programme, for each district's enterprise.
    for (const d of [A, B]) {
      const r = await check(prog.all.id, ent[d].id);
      is(r, s === 'ent' ? (d === A ? 200 : 403) : inScope(s, d), `${s} checks ${d}'s enterprise`);
    }
    // A district's programme applies to its own enterprises only.
    is(await check(prog[A].id, ent[A].id), s === 'ent' ? 200 : inScope(s, A), `${s}: A's programme for A's enterprise`);
    // Not found for everyone: unseen programme, unseen enterprise, or a programme not for it.
    is(await check(prog[B].id, ent[A].id), 404, `${s}: B's programme for A's enterprise`);
  }],
  ['GET', '/api/v1/submissions', async (s, c) => {
    const r = is(await c.get('/api/v1/submissions?page_size=200'), 200, s);
    const ids = new Set(r.json.items.map((i) => i.id));
    for (const d of [A, B]) {
      const visible = s === 'ent' ? d === A : sees(s, d);
      assert.equal(ids.has(subs[s][d]), visible, `${s}: ${d}'s submission listed`);
    }
    assert.equal(r.json.total, r.json.items.length);
  }],
  ['POST', '/api/v1/submissions/{id}/approve', async (s, c) => {
    is(await c.post(`/api/v1/submissions/${subs[s][B]}/approve`, {}), s === 'ent' ? 403 : inScope(s, B), `${s} approves B's`);
  }],
  ['POST', '/api/v1/submissions/{id}/reject', async (s, c) => {
    is(await c.post(`/api/v1/submissions/${subs[s][A]}/reject`, { note: '退回' }), s === 'ent' ? 403 : inScope(s, A), `${s} rejects A's`);
  }],
  // Failed imports: each user's own (an import's rows lie in its user's scope); the unscoped administrator's all.
  ['GET', '/api/v1/imports/failed', async (s, c) => {
    const r = is(await c.get('/api/v1/imports/failed'), writers(s, 200), s);
    if (r.status !== 200) return;
    const users = new Set(r.json.items.map((i) => i.actor));
    if (s !== 'admin') for (const u of users) assert.equal(u, { a: 'staff-a', b: 'staff-b', city: 'staff-city', adminA: 'admin-a' }[s], `${s} sees ${u}'s`);
  }],
  // 通知公告: readers see their region's, the divisions' it lies in and the installation's (the
  // enterprise account those of its enterprise's district, A); editors change their scope's only.
  ['GET', '/api/v1/notices', async (s, c) => {
    const ids = new Set(is(await c.get('/api/v1/notices?page_size=200'), 200, s).json.items.map((n) => n.id));
    for (const d of [A, B]) assert.equal(ids.has(note[d].id), readsNotice(s, d), `${s} reads ${d}'s notice`);
    assert.ok(ids.has(note.all.id), `${s} reads the installation's notice`);
  }],
  ['GET', '/api/v1/notices/managed', async (s, c) => {
    const r = is(await c.get('/api/v1/notices/managed?page_size=200'), writers(s, 200), s);
    if (r.status !== 200) return;
    const ids = new Set(r.json.items.map((n) => n.id));
    for (const d of [A, B]) assert.equal(ids.has(noteOf[s].draft[d]), sees(s, d), `${s} manages ${d}'s drafts`);
  }],
  ['POST', '/api/v1/notices', async (s, c) => {
    const plain = is(await c.post('/api/v1/notices', { title: `${s} 新公告`, body: 'x' }), writers(s, 201), s);
    if (plain.status !== 201) return;
    assert.equal(plain.json.region_code, { a: A, b: B, city: CITY, adminA: A, admin: null }[s], `${s}'s notice lies in its scope`);
    for (const d of [A, B]) {
      const r = await c.post('/api/v1/notices', { title: `${s} 致 ${d}`, body: 'x', region_code: d });
      is(r, sees(s, d) ? 201 : 403, `${s} writes for ${d}`);
    }
  }],
  ['PUT', '/api/v1/notices/{id}', async (s, c) => {
    for (const d of [A, B]) {
      const r = await c.request('PUT', `/api/v1/notices/${note[d].id}`, { title: `${d}公告`, body: `由 ${s} 修改` });
      is(r, inScope(s, d), `${s} edits ${d}'s notice`);
      if (r.status === 200) assert.equal(r.json.region_code, d, 'the region is kept');
    }
    const wide = await c.request('PUT', `/api/v1/notices/${note.all.id}`, { title: '全局公告', body: 'x' });
    is(wide, s === 'ent' ? 403 : s === 'admin' ? 200 : 403, `${s} edits the installation's notice`);
  }],
  ['POST', '/api/v1/notices/{id}/publish', async (s, c) => {
    for (const d of [A, B]) is(await c.post(`/api/v1/notices/${noteOf[s].draft[d]}/publish`), inScope(s, d), `${s} publishes ${d}'s draft`);
  }],
  ['POST', '/api/v1/notices/{id}/withdraw', async (s, c) => {
    for (const d of [A, B]) is(await c.post(`/api/v1/notices/${noteOf[s].live[d]}/withdraw`), inScope(s, d), `${s} withdraws ${d}'s notice`);
  }],
  ['DELETE', '/api/v1/notices/{id}', async (s, c) => {
    for (const d of [A, B]) {
      is(await c.del(`/api/v1/notices/${noteOf[s].gone[d]}`), inScope(s, d, 204), `${s} deletes ${d}'s notice`);
      const left = (await sys.admin.get('/api/v1/notices/managed?page_size=200')).json.items.some((n) => n.id === noteOf[s].gone[d]);
      assert.equal(left, !(s !== 'ent' && sees(s, d)), `${d}'s notice after ${s}'s delete`);
    }
  }],
  ['POST', '/api/v1/notices/{id}/read', async (s, c) => {
    for (const d of [A, B]) is(await c.post(`/api/v1/notices/${note[d].id}/read`), readsNotice(s, d) ? 204 : 404, `${s} reads ${d}'s notice`);
    is(await c.post(`/api/v1/notices/${note.all.id}/read`), 204, `${s} reads the installation's notice`);
  }],
  ['POST', '/api/v1/auth/logout', async (s, c) => is(await c.post('/api/v1/auth/logout'), 204, s)],
];

test('every route of the OpenAPI document has a row in the scope matrix', async () => {
  const doc = await new Client(sys.server.url).get('/api/v1/openapi.json');
  const routes = [];
  for (const [path, ops] of Object.entries(doc.json.paths)) {
    for (const method of Object.keys(ops)) routes.push(`${method.toUpperCase()} ${path}`);
  }
  const covered = new Set(MATRIX.map(([m, p]) => `${m} ${p}`));
  for (const r of routes) assert.ok(covered.has(r), `no scope-matrix row for ${r}`);
  assert.equal(covered.size, routes.length);
});

for (const s of SUBJECTS) {
  test(`scope matrix: ${s}`, async () => {
    // The unscoped admin's session is the fixtures' too: it signs out last, in its own test.
    const client = s === 'admin' ? await signIn('admin') : clients[s];
    for (const [method, pattern, check] of MATRIX) {
      await check(s, client).catch((e) => { e.message = `${method} ${pattern}: ${e.message}`; throw e; });
    }
  });
}

test('a city user narrowed to district A sees only A, and cannot narrow outside its city', async () => {
  const city = await signIn('staff-city');
  const toA = { headers: { 'X-Kechuang-Region': A } };
  const list = await city.get('/api/v1/registry/enterprises?page_size=200', toA);
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((i) => i.id).sort((x, y) => x - y), await expectedIds('a', 'enterprises'));
  assert.equal((await city.get(`/api/v1/registry/enterprises/${ent[B].id}`, toA)).status, 404);
  assert.equal((await city.get(`/api/v1/registry/enterprises/${ent[B].id}`)).status, 200, 'without narrowing');
  const csv = await city.get(`/api/v1/registry/platforms/export?format=csv&region=${A}`, { raw: true });
  assert.match(csv.text, new RegExp(`${A}矩阵平台`));
  assert.doesNotMatch(csv.text, new RegExp(`${B}矩阵平台`));
  const progs = new Set((await city.get('/api/v1/programmes', toA)).json.items.map((p) => p.id));
  assert.ok(progs.has(prog[A].id) && !progs.has(prog[B].id));
  const defs = new Set((await city.get('/api/v1/index/definitions', toA)).json.items.map((d) => d.id));
  assert.ok(defs.has(def[A].id) && !defs.has(def[B].id));
  assert.equal((await city.get(`/api/v1/index/definitions/${def[B].id}`, toA)).status, 404);
  // Narrowed, a city user's new definition lies in the district it narrowed to.
  const made = await city.post('/api/v1/index/definitions', definitionBody('城市收窄'), toA);
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.region_code, A);
  for (const path of ['/api/v1/registry/enterprises', '/api/v1/programmes', '/api/v1/index/definitions', '/api/v1/submissions']) {
    const outside = await city.get(path, { headers: { 'X-Kechuang-Region': '330106' } });
    assert.equal(outside.status, 403, path);
    assert.equal(outside.json.message, 'region_outside_scope');
  }
  const staffA = await signIn('staff-a');
  assert.equal((await staffA.get('/api/v1/programmes', { headers: { 'X-Kechuang-Region': CITY } })).status, 403, 'no widening');
});

test("a submission moving a record to another district is refused to an approver outside it", async () => {
  const firm = await made(await sys.admin.post('/api/v1/registry/enterprises', {
    credit_code: creditCode(serial++), name: '甲区迁出企业', region_code: A,
  }), 'enterprise');
  addScoped('ent-move', 'enterprise', null, ['--enterprise', String(firm.id)]);
  const filer = await signIn('ent-move');
  const move = await filer.patch(`/api/v1/registry/enterprises/${firm.id}`, { region_code: B });
  assert.equal(move.status, 202, move.text);
  const staffA = await signIn('staff-a');
  const refused = await staffA.post(`/api/v1/submissions/${move.json.submission.id}/approve`, {});
  assert.equal(refused.status, 422, refused.text);
  assert.equal(refused.json.errors[0].field, 'region_code');
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises/${firm.id}`)).json.region_code, A, 'not moved');
  const city = await signIn('staff-city');
  assert.equal((await city.post(`/api/v1/submissions/${move.json.submission.id}/approve`, {})).status, 200, 'inside the city');
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises/${firm.id}`)).json.region_code, B);
  assert.equal((await staffA.get(`/api/v1/registry/enterprises/${firm.id}`)).status, 404, 'now out of A');
});

test('two servers on one database see the same scopes, a change through one applying on the other', async () => {
  const db = newDatabase();
  for (const [name, role, region] of [['chief', 'admin', null], ['staff-x', 'staff', A]]) {
    const args = ['user', 'add', '--db', db, '--name', name, '--role', role, '--no-password-change'];
    if (region) args.push('--region', region);
    assert.equal(kechuang(args, ADMIN_PASSWORD + '\n').status, 0);
  }
  const one = await startServer(db);
  const two = await startServer(db);
  try {
    const root = new Client(one.url);
    assert.equal((await root.login('chief', ADMIN_PASSWORD)).status, 200);
    const made = {};
    for (const d of [A, B]) {
      made[d] = (await root.post('/api/v1/registry/enterprises', { credit_code: creditCode(serial++), name: `双机${d}`, region_code: d })).json;
      assert.equal((await root.post('/api/v1/programmes', programmeBody(`two-${d}`, d))).status, 201);
    }
    const staff = new Client(two.url);
    assert.equal((await staff.login('staff-x', ADMIN_PASSWORD)).status, 200);
    const seen = async () => ({
      enterprises: (await staff.get('/api/v1/registry/enterprises')).json.items.map((e) => e.region_code),
      programmes: (await staff.get('/api/v1/programmes')).json.items.map((p) => p.region_code).filter(Boolean),
      other: (await staff.get(`/api/v1/registry/enterprises/${made[B].id}`)).status,
    });
    assert.deepEqual(await seen(), { enterprises: [A], programmes: [A], other: 404 });
    const id = (await root.get('/api/v1/users?q=staff-x')).json.items[0].id;
    assert.equal((await root.patch(`/api/v1/users/${id}`, { region_code: B })).status, 200);
    assert.deepEqual(await seen(), { enterprises: [B], programmes: [B], other: 200 }, 'server 2 applies server 1\'s change');
    assert.equal((await root.patch(`/api/v1/users/${id}`, { region_code: CITY })).status, 200);
    const city = await seen();
    assert.deepEqual(city.enterprises.sort(), [A, B]);
    assert.deepEqual(city.programmes.sort(), [A, B]);
  } finally {
    await one.stop();
    await two.stop();
  }
});
