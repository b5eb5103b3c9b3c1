// 通知公告: staff write and publish notices for their region; every signed-in user reads the
// published ones of theirs (an enterprise account those of its enterprise's district) and marks
// them read; bad input is a field error in both languages; every change is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, Client, creditCode, freshSystem, kechuang } from './harness.mjs';

const A = '330205';
const B = '330206';
const CITY = '330200';
let sys;
const c = {};  // signed-in clients by name
const ent = {};

function addScoped(name, role, region, extra = []) {
  const args = ['user', 'add', '--db', sys.db, '--name', name, '--role', role, '--no-password-change', ...extra];
  if (region) args.push('--region', region);
  const r = kechuang(args, ADMIN_PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
}

async function signIn(name) {
  const client = new Client(sys.server.url);
  assert.equal((await client.login(name, ADMIN_PASSWORD)).status, 200, name);
  return client;
}

// Writes and publishes a notice as `client`; returns it.
async function published(client, title, extra = {}) {
  const made = await client.post('/api/v1/notices', { title, body: `${title}的正文。\n第二行。`, ...extra });
  assert.equal(made.status, 201, made.text);
  const r = await client.post(`/api/v1/notices/${made.json.id}/publish`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

const titles = (r) => r.json.items.map((n) => n.title);

before(async () => {
  sys = await freshSystem();
  for (const [d, serial] of [[A, 9601], [B, 9602]]) {
    ent[d] = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(serial), name: `通知企业${d}`, region_code: d })).json;
  }
  const nowhere = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(9603), name: '无区县企业' })).json;
  addScoped('staff-a', 'staff', A);
  addScoped('staff-b', 'staff', B);
  addScoped('staff-city', 'staff', CITY);
  addScoped('viewer-a', 'viewer', A);
  addScoped('reviewer-all', 'reviewer', null);
  addScoped('ent-a', 'enterprise', null, ['--enterprise', String(ent[A].id)]);
  addScoped('ent-b', 'enterprise', null, ['--enterprise', String(ent[B].id)]);
  addScoped('ent-nowhere', 'enterprise', null, ['--enterprise', String(nowhere.id)]);
  for (const name of ['staff-a', 'staff-b', 'staff-city', 'viewer-a', 'reviewer-all', 'ent-a', 'ent-b', 'ent-nowhere']) {
    c[name] = await signIn(name);
  }
});
after(async () => { await sys?.server.stop(); });

test('a draft is seen by its editors only; published, its region reads it; withdrawn, nobody does', async () => {
  const draft = await c['staff-a'].post('/api/v1/notices', { title: '  2025年高企申报通知  ', body: '请于5月31日前提交材料。' });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.json.status, 'draft');
  assert.equal(draft.json.title, '2025年高企申报通知', 'the title is trimmed');
  assert.equal(draft.json.region_code, A, 'a district user writes for the district');
  assert.equal(draft.json.published_at, null);
  const id = draft.json.id;
  assert.ok(!titles(await c['ent-a'].get('/api/v1/notices')).includes('2025年高企申报通知'), 'a draft is not read');
  assert.ok(titles(await c['staff-a'].get('/api/v1/notices/managed')).includes('2025年高企申报通知'));

  const pub = await c['staff-a'].post(`/api/v1/notices/${id}/publish`);
  assert.equal(pub.status, 200, pub.text);
  assert.equal(pub.json.status, 'published');
  assert.match(pub.json.published_at, /^\d{4}-\d\d-\d\dT/);
  const again = await c['staff-a'].post(`/api/v1/notices/${id}/publish`);
  assert.equal(again.status, 409);
  assert.equal(again.json.message, 'notice_already_published');

  for (const reader of ['ent-a', 'viewer-a', 'staff-city', 'reviewer-all']) {
    const r = await c[reader].get('/api/v1/notices');
    assert.equal(r.status, 200, r.text);
    assert.ok(titles(r).includes('2025年高企申报通知'), `${reader} reads A's notice`);
  }
  assert.ok((await sys.admin.get('/api/v1/notices')).json.items.some((n) => n.id === id), 'the unscoped admin reads every notice');
  for (const reader of ['ent-b', 'staff-b', 'ent-nowhere']) {
    assert.ok(!titles(await c[reader].get('/api/v1/notices')).includes('2025年高企申报通知'), `${reader} never sees A's notice`);
  }

  const gone = await c['staff-a'].post(`/api/v1/notices/${id}/withdraw`);
  assert.equal(gone.status, 200, gone.text);
  assert.equal(gone.json.status, 'withdrawn');
  assert.ok(!titles(await c['ent-a'].get('/api/v1/notices')).includes('2025年高企申报通知'), 'withdrawn: no longer read');
  const twice = await c['staff-a'].post(`/api/v1/notices/${id}/withdraw`);
  assert.equal(twice.status, 409);
  assert.equal(twice.json.message, 'notice_not_published');
  assert.equal((await c['staff-a'].post(`/api/v1/notices/${id}/publish`)).status, 200, 'a withdrawn notice may be published again');
});

test('a city notice reaches its districts, an installation notice everyone; district B never sees A\'s', async () => {
  await published(c['staff-city'], '市级通知');
  await published(sys.admin, '全局通知');
  await published(c['staff-b'], '乙区通知');
  const seen = async (name) => titles(await c[name].get('/api/v1/notices?page_size=200'));
  for (const name of ['staff-a', 'ent-a', 'staff-b', 'ent-b']) {
    const list = await seen(name);
    assert.ok(list.includes('市级通知') && list.includes('全局通知'), `${name}: city and installation notices`);
    assert.equal(list.includes('乙区通知'), name.endsWith('-b'), `${name}: B's notice`);
  }
  assert.deepEqual((await seen('ent-nowhere')).filter((t) => t !== '全局通知'), [], 'an enterprise in no district reads the installation\'s only');
  const managedB = titles(await c['staff-b'].get('/api/v1/notices/managed?page_size=200'));
  assert.ok(!managedB.some((t) => t.includes('高企申报')), 'B manages no notice of A');
});

test('editors change only their scope\'s notices: others are 404, wider ones 403', async () => {
  const a = await published(c['staff-a'], '甲区专属');
  const city = (await c['staff-city'].get('/api/v1/notices/managed?page_size=200')).json.items.find((n) => n.title === '市级通知');
  const body = { title: '改', body: '改' };
  for (const [method, path] of [['PUT', `/api/v1/notices/${a.id}`], ['POST', `/api/v1/notices/${a.id}/withdraw`],
    ['POST', `/api/v1/notices/${a.id}/publish`], ['DELETE', `/api/v1/notices/${a.id}`]]) {
    const r = await c['staff-b'].request(method, path, method === 'PUT' ? body : method === 'POST' ? {} : undefined);
    assert.equal(r.status, 404, `B ${method} ${path}`);
    assert.equal(r.json.message, 'no_notice');
  }
  const wider = await c['staff-a'].request('PUT', `/api/v1/notices/${city.id}`, body);
  assert.equal(wider.status, 403);
  assert.equal(wider.json.message, 'record_of_another_district');
  assert.equal((await c['staff-a'].del(`/api/v1/notices/${city.id}`)).status, 403);
  const moved = await c['staff-a'].request('PUT', `/api/v1/notices/${a.id}`, { ...body, region_code: B });
  assert.equal(moved.status, 403, 'A cannot move its notice to B');
  assert.equal(moved.json.message, 'region_outside_scope');
  const wide = await c['staff-a'].post('/api/v1/notices', { title: '全局?', body: 'x', region_code: null });
  assert.equal(wide.status, 422, 'a district user writes no installation-wide notice');
  const cityToA = await c['staff-city'].post('/api/v1/notices', { title: '市发甲区', body: 'x', region_code: A });
  assert.equal(cityToA.status, 201, cityToA.text);
  assert.equal(cityToA.json.region_code, A, 'a city user may address one of its districts');
  const edited = await c['staff-a'].request('PUT', `/api/v1/notices/${a.id}`, { title: '甲区专属（更正）', body: '新正文' });
  assert.equal(edited.status, 200, edited.text);
  assert.deepEqual([edited.json.title, edited.json.status, edited.json.region_code], ['甲区专属（更正）', 'published', A]);
  assert.equal((await c['staff-a'].del(`/api/v1/notices/${a.id}`)).status, 204);
  assert.equal((await c['staff-a'].del(`/api/v1/notices/${a.id}`)).status, 404);
  assert.ok(!titles(await c['ent-a'].get('/api/v1/notices?page_size=200')).includes('甲区专属（更正）'));
});

test('title and body are checked, with field errors in both languages', async () => {
  const cases = [
    [{ title: '', body: 'x' }, ['title']],
    [{ title: '   ', body: '  ' }, ['title', 'body']],
    [{ title: '长'.repeat(201), body: 'x' }, ['title']],
    [{ title: 'x', body: 'y'.repeat(20001) }, ['body']],
    [{ title: 'a\nb', body: 'x' }, ['title']],
    [{ title: 'x', body: 'bad\u0000nul' }, ['body']],
    [{ title: 7, body: 'x' }, ['title']],
    [{ title: 'x', body: 'x', pinned: true }, ['pinned']],
    [{ title: 'x', body: 'x', region_code: '12345' }, ['region_code']],
  ];
  for (const [body, fields] of cases) {
    const r = await c['staff-a'].post('/api/v1/notices', body);
    assert.equal(r.status, 422, `${JSON.stringify(body).slice(0, 60)}: ${r.text.slice(0, 200)}`);
    assert.deepEqual(r.json.errors.map((e) => e.field).sort(), fields.sort(), JSON.stringify(r.json.errors));
  }
  const long = await c['staff-a'].post('/api/v1/notices', { title: '长'.repeat(201), body: 'x' });
  assert.match(long.json.errors[0].message, /最多 200 个字符.* \/ must be at most 200 characters/);
  const empty = await c['staff-a'].post('/api/v1/notices', { title: '', body: 'x' });
  assert.match(empty.json.errors[0].message, /^请填写标题 \/ is required$/);
  // The limits themselves pass: 200 characters of title, 20,000 of body (60,000 bytes in UTF-8).
  const full = await c['staff-a'].post('/api/v1/notices', { title: '长'.repeat(200), body: '文'.repeat(20000) });
  assert.equal(full.status, 201, full.text.slice(0, 300));
  assert.equal([...full.json.body].length, 20000);
  assert.equal((await c['staff-a'].request('PUT', `/api/v1/notices/${full.json.id}`, { title: '', body: 'x' })).status, 422);
  assert.equal((await c['staff-a'].get('/api/v1/notices/managed?status=pending')).status, 422);
  assert.equal((await c['staff-a'].post('/api/v1/notices/abc/publish')).status, 404);
  assert.equal((await c['staff-a'].post('/api/v1/notices/99999/publish')).status, 404);
  const malformed = await c['staff-a'].request('POST', '/api/v1/notices', '{"title":', { headers: { 'content-type': 'application/json' } });
  assert.equal(malformed.status, 400);
});

test('each reader marks notices read; the unread count and filter follow', async () => {
  const n = await published(c['staff-b'], '乙区待读');
  const before = await c['ent-b'].get('/api/v1/notices?page_size=200');
  const item = before.json.items.find((i) => i.id === n.id);
  assert.equal(item.read, false);
  assert.ok(before.json.unread >= 1);
  const unread = await c['ent-b'].get('/api/v1/notices?unread=true&page_size=200');
  assert.equal(unread.json.total, before.json.unread);
  assert.ok(unread.json.items.every((i) => !i.read));
  assert.equal((await c['ent-b'].post(`/api/v1/notices/${n.id}/read`)).status, 204);
  assert.equal((await c['ent-b'].post(`/api/v1/notices/${n.id}/read`)).status, 204, 'marking twice is fine');
  const after = await c['ent-b'].get('/api/v1/notices?page_size=200');
  assert.equal(after.json.items.find((i) => i.id === n.id).read, true);
  assert.equal(after.json.unread, before.json.unread - 1);
  const other = await c['staff-b'].get('/api/v1/notices?page_size=200');
  assert.equal(other.json.items.find((i) => i.id === n.id).read, false, 'read marks are per user');
  assert.equal((await c['ent-a'].post(`/api/v1/notices/${n.id}/read`)).status, 404, 'A\'s enterprise cannot reach B\'s notice');
  const draft = await c['staff-b'].post('/api/v1/notices', { title: '乙区草稿', body: 'x' });
  assert.equal((await c['ent-b'].post(`/api/v1/notices/${draft.json.id}/read`)).status, 404, 'a draft is not there to read');
});

test('readers may not write; every change is audited', async () => {
  for (const name of ['viewer-a', 'reviewer-all', 'ent-a']) {
    const r = await c[name].post('/api/v1/notices', { title: 'x', body: 'x' });
    assert.equal(r.status, 403, name);
    assert.equal((await c[name].get('/api/v1/notices/managed')).status, 403, name);
  }
  const made = await c['staff-a'].post('/api/v1/notices', { title: '审计样本', body: '正文' });
  const id = made.json.id;
  await c['staff-a'].post(`/api/v1/notices/${id}/publish`);
  await c['staff-a'].request('PUT', `/api/v1/notices/${id}`, { title: '审计样本2', body: '正文' });
  await c['staff-a'].post(`/api/v1/notices/${id}/withdraw`);
  await c['staff-a'].del(`/api/v1/notices/${id}`);
  const log = await sys.admin.get(`/api/v1/audit?entity=notice&entity_id=${id}&page_size=200`);
  const mine = log.json.items;
  assert.deepEqual(mine.map((e) => e.action).sort(),
    ['notice.create', 'notice.delete', 'notice.publish', 'notice.update', 'notice.withdraw']);
  assert.ok(mine.every((e) => e.actor === 'staff-a'));
  const update = mine.find((e) => e.action === 'notice.update');
  assert.equal(update.before.title, '审计样本');
  assert.equal(update.after.title, '审计样本2');
  const anonymous = await new Client(sys.server.url).get('/api/v1/notices');
  assert.equal(anonymous.status, 401);
});
