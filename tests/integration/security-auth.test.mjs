// Security review, sign-in and sessions: username enumeration, the lockout race, password-change
// throttling, login CSRF, the session cap, and sign-in during a long CLI import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PASSWORD, BIN, DB_KIND, addUser, Client, creditCode, freshSystem, kechuang, rawSql, startServer } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

// A request from a chosen loopback address (127.0.0.0/8 all reaches the server), so the
// per-address sign-in throttle does not mix the tests' attempts.
let nextAddress = 10;
const freshAddress = () => { nextAddress += 1; return `127.0.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 2}`; };

function send(base, method, path, { body, headers = {}, localAddress } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress,
      headers: { ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers },
      agent: false,
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        let json = null;
        if ((res.headers['content-type'] ?? '').includes('json') && text) json = JSON.parse(text);
        resolve({ status: res.statusCode, headers: res.headers, json, text });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const login = (base, username, password, opts = {}) => send(base, 'POST', '/api/v1/auth/login', {
  body: JSON.stringify({ username, password }),
  headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
  localAddress: opts.localAddress,
});

async function userId(name) {
  const r = await sys.admin.get(`/api/v1/users?q=${encodeURIComponent(name)}`);
  return r.json.items.find((u) => u.username === name).id;
}

async function loginLog(name) {
  const r = await sys.admin.get(`/api/v1/login-log?q=${encodeURIComponent(name)}&page_size=200`);
  assert.equal(r.status, 200);
  return r.json.items.filter((e) => e.username === name);
}

test('low: username enumeration — unknown, locked-with-wrong-password and disabled-with-wrong-password get the same answer', async () => {
  addUser(sys.db, 'enum-real', 'staff', 'Enum-Test-Real-2024!');
  addUser(sys.db, 'enum-off', 'staff', 'Enum-Test-Off-2024!');
  assert.equal((await sys.admin.patch(`/api/v1/users/${await userId('enum-off')}`, { disabled: true })).status, 200);
  const answers = [];
  let address;
  for (const name of ['enum-real', 'enum-off', 'enum-ghost']) {
    address = freshAddress();  // 7 failures per address stay under its throttle (20)
    for (let i = 0; i < 7; i++) {
      const r = await login(sys.server.url, name, 'Wrong-Guess-2024!', { localAddress: address });
      answers.push({ name, i, status: r.status, body: r.json, cookie: r.headers['set-cookie'] ?? null });
    }
  }
  const first = answers[0];
  assert.equal(first.status, 401);
  for (const a of answers) {
    assert.deepEqual({ status: a.status, body: a.body, cookie: a.cookie },
      { status: first.status, body: first.body, cookie: null }, `${a.name} attempt ${a.i + 1}`);
  }
  // The real account is locked by now (the log and the admin's view say so), yet answers the same.
  const reasons = (await loginLog('enum-real')).map((e) => e.reason);
  assert.ok(reasons.includes('locked'), reasons.join(','));
  const users = await sys.admin.get('/api/v1/users?q=enum-real');
  assert.ok(users.json.items[0].locked_until, 'the administrator sees the lock');
  // A locked account is never told so, even with the right password (its password is not checked).
  const right = await login(sys.server.url, 'enum-real', 'Enum-Test-Real-2024!', { localAddress: freshAddress() });
  assert.deepEqual({ status: right.status, body: right.json }, { status: first.status, body: first.body });
  // Only the right password of a disabled (not locked) account learns that it is disabled.
  addUser(sys.db, 'enum-off2', 'staff', 'Enum-Test-Off2-2024!');
  assert.equal((await sys.admin.patch(`/api/v1/users/${await userId('enum-off2')}`, { disabled: true })).status, 200);
  const off = await login(sys.server.url, 'enum-off2', 'Enum-Test-Off2-2024!', { localAddress: freshAddress() });
  assert.equal(off.status, 403);
  assert.equal(off.json.code, 'disabled');
});

test('low: lockout race — 40 barrier-started parallel wrong logins check at most 5 passwords', async () => {
  for (let round = 0; round < 3; round++) {
    const name = `racer-${round}`;
    addUser(sys.db, name, 'viewer', 'Race-Test-Pass-2024!');
    // Every request from its own address: the per-address throttle must not be what stops them.
    const addresses = Array.from({ length: 40 }, () => freshAddress());
    let release;
    const gate = new Promise((r) => { release = r; });
    const attempts = addresses.map(async (localAddress) => {
      await gate;
      return login(sys.server.url, name, 'Wrong-Guess-2024!', { localAddress });
    });
    release();
    const results = await Promise.all(attempts);
    assert.ok(results.every((r) => r.status === 401), results.map((r) => r.status).join(','));
    const log = await loginLog(name);
    assert.equal(log.length, 40, 'every attempt is logged');
    const checked = log.filter((e) => e.reason === 'bad_password').length;
    assert.ok(checked <= 5, `round ${round}: ${checked} passwords were checked, at most 5 are allowed`);
    assert.equal(log.filter((e) => e.reason === 'locked').length, 40 - checked);
    // Locked: the right password is not accepted now.
    assert.equal((await login(sys.server.url, name, 'Race-Test-Pass-2024!', { localAddress: freshAddress() })).status, 401);
  }
});

test('low: /auth/password has no attempt limit and logs nothing — wrong current passwords are throttled and logged', async () => {
  addUser(sys.db, 'changer', 'viewer', 'Change-Test-Pass-2024!');
  const c = new Client(sys.server.url);
  assert.equal((await c.login('changer', 'Change-Test-Pass-2024!')).status, 200);
  const statuses = [];
  let last;
  for (let i = 0; i < 8; i++) {
    last = await c.post('/api/v1/auth/password', { current_password: `Wrong-${i}-Pass-2024!`, new_password: 'Brand-New-Pass-2024!' });
    statuses.push(last.status);
  }
  assert.deepEqual(statuses, [422, 422, 422, 422, 422, 423, 423, 423]);
  assert.equal(last.json.code, 'locked');
  assert.ok(Number(last.headers.get('retry-after')) > 0, 'Retry-After says when to try again');
  // While locked, not even the right current password is checked.
  const right = await c.post('/api/v1/auth/password', { current_password: 'Change-Test-Pass-2024!', new_password: 'Brand-New-Pass-2024!' });
  assert.equal(right.status, 423);
  const reasons = (await loginLog('changer')).map((e) => e.reason);
  assert.equal(reasons.filter((r) => r === 'password_change_bad_password').length, 5);
  assert.equal(reasons.filter((r) => r === 'password_change_locked').length, 4);

  // A successful change is in the login log and the audit log.
  addUser(sys.db, 'changer2', 'viewer', 'Change-Two-Pass-2024!');
  const d = new Client(sys.server.url);
  await d.login('changer2', 'Change-Two-Pass-2024!');
  assert.equal((await d.post('/api/v1/auth/password', { current_password: 'nope-Wrong-2024!', new_password: 'Change-Two-New-2024!' })).status, 422);
  assert.equal((await d.post('/api/v1/auth/password', { current_password: 'Change-Two-Pass-2024!', new_password: 'Change-Two-New-2024!' })).status, 204);
  const entries = await loginLog('changer2');
  assert.deepEqual(entries.slice(0, 2).map((e) => [e.reason, e.success]),
    [['password_change', true], ['password_change_bad_password', false]]);
  const audit = await sys.admin.get(`/api/v1/audit?entity=user&entity_id=${await userId('changer2')}`);
  assert.ok(audit.json.items.some((e) => e.action === 'user.password_change'));
});

test('low: login CSRF — a cross-site text/plain form body with Origin: evil neither signs in nor sets a cookie', async () => {
  const base = sys.server.url;
  const credentials = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });
  const origin = base; // what a browser sends on a same-origin POST: http://127.0.0.1:PORT
  const tries = [
    [{ 'content-type': 'text/plain', origin: 'http://evil.example' }, 403, 'bad_origin'],
    [{ 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    [{ 'content-type': 'multipart/form-data; boundary=x' }, 415, 'unsupported_media_type'],
    [{}, 415, 'unsupported_media_type'],
    [{ 'content-type': 'application/json', origin: 'http://evil.example' }, 403, 'bad_origin'],
    [{ 'content-type': 'application/json', origin: 'null' }, 403, 'bad_origin'],
    [{ 'content-type': 'application/json', origin: `${origin}.evil.example` }, 403, 'bad_origin'],
  ];
  for (const [headers, status, code] of tries) {
    const r = await send(base, 'POST', '/api/v1/auth/login', { body: credentials, headers });
    assert.equal(r.status, status, JSON.stringify(headers));
    assert.equal(r.json.code, code, JSON.stringify(headers));
    assert.equal(r.headers['set-cookie'], undefined, 'no session cookie');
  }
  // A browser's same-origin sign-in and node's fetch without Origin both pass.
  const same = await send(base, 'POST', '/api/v1/auth/login', {
    body: credentials, headers: { 'content-type': 'application/json; charset=utf-8', origin } });
  assert.equal(same.status, 200);
  assert.equal((await new Client(base).login('admin', ADMIN_PASSWORD)).status, 200);

  // Signed in: every state-changing request is checked too, CSRF token or not.
  const plain = await sys.admin.request('POST', '/api/v1/users', JSON.stringify({ username: 'csrf-plain', role: 'viewer' }),
    { headers: { 'content-type': 'text/plain' } });
  assert.equal(plain.status, 415);
  const evil = await sys.admin.patch(`/api/v1/users/${await userId('admin')}`, { display_name: 'owned' },
    { headers: { origin: 'https://evil.example' } });
  assert.equal(evil.status, 403);
  assert.equal(evil.json.code, 'bad_origin');
  const logout = await sys.admin.request('POST', '/api/v1/auth/logout', undefined, { headers: { origin: 'https://evil.example' } });
  assert.equal(logout.status, 403, 'a cross-site sign-out is refused too');
  assert.equal((await sys.admin.get('/api/v1/auth/me')).status, 200);

  // Uploads keep their documented file types; text/plain is not one of them.
  const file = `credit_code,name\n${creditCode(99101)},跨站\n`;
  const csvUpload = await sys.admin.request('POST', '/api/v1/registry/enterprises/import?dry_run=true', file,
    { headers: { 'content-type': 'text/csv; charset=utf-8', origin } });
  assert.equal(csvUpload.status, 200);
  const plainUpload = await sys.admin.request('POST', '/api/v1/registry/enterprises/import?dry_run=true', file,
    { headers: { 'content-type': 'text/plain' } });
  assert.equal(plainUpload.status, 415);
  const formConvert = await sys.admin.request('POST', '/api/v1/index/convert', 'x', { headers: { 'content-type': 'multipart/form-data; boundary=x' } });
  assert.equal(formConvert.status, 415);

  // --allowed-origin admits a public name a proxy serves under another Host.
  const other = await startServer(sys.db, ['--allowed-origin', 'https://kc.example.org']);
  try {
    const viaProxy = await send(other.url, 'POST', '/api/v1/auth/login', {
      body: credentials, headers: { 'content-type': 'application/json', origin: 'https://kc.example.org' } });
    assert.equal(viaProxy.status, 200);
    const elsewhere = await send(other.url, 'POST', '/api/v1/auth/login', {
      body: credentials, headers: { 'content-type': 'application/json', origin: 'https://kc.example.net' } });
    assert.equal(elsewhere.status, 403);
  } finally {
    await other.stop();
  }
});

test('low: no cap on concurrent sessions per account — signing in beyond the cap ends the oldest session', async () => {
  addUser(sys.db, 'many-tabs', 'viewer', 'Tabs-Test-Pass-2024!');
  const clients = [];
  for (let i = 0; i < 8; i++) {
    const c = new Client(sys.server.url);
    assert.equal((await c.login('many-tabs', 'Tabs-Test-Pass-2024!')).status, 200);
    clients.push(c);
  }
  const alive = [];
  for (const c of clients) alive.push((await c.get('/api/v1/auth/me')).status);
  assert.deepEqual(alive, [401, 401, 401, 200, 200, 200, 200, 200], 'the default cap is 5; the oldest ended');

  const capped = await startServer(sys.db, ['--max-sessions-per-user', '2']);
  try {
    const tabs = [];
    for (let i = 0; i < 3; i++) {
      const c = new Client(capped.url);
      assert.equal((await c.login('many-tabs', 'Tabs-Test-Pass-2024!')).status, 200);
      tabs.push(c);
    }
    const statuses = [];
    for (const c of tabs) statuses.push((await c.get('/api/v1/auth/me')).status);
    assert.deepEqual(statuses, [401, 200, 200]);
  } finally {
    await capped.stop();
  }
});

test('med: a CLI import longer than 10 s locks out web writes — sign-in succeeds while the import runs', { timeout: 240000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-import-lock-'));
  let proc;
  try {
    addUser(sys.db, 'importer-peer', 'staff', 'Peer-Import-Test-2024!');
    // Enough enterprises that an `import --update` of them (one write transaction, an audit
    // record per changed record) lasts longer than SQLite's 10 s busy timeout.
    // PostgreSQL's row locks never made sign-in wait; a smaller file keeps its (slower,
    // statement-per-row) import short while still running during the sign-in.
    const rows = DB_KIND === 'postgres' ? 30000 : 250000;
    const writeFile = async (path, name) => {
      const out = createWriteStream(path);
      out.write('credit_code,name\n');
      for (let i = 0; i < rows; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j++) chunk += `${creditCode(1000000 + j, '330108')},${name}${j}\n`;
        if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      }
      await new Promise((r) => out.end(r));
    };
    const first = join(dir, 'firms.csv');
    const renamed = join(dir, 'renamed.csv');
    await writeFile(first, '导入企业');
    await writeFile(renamed, '改名企业');
    const initial = kechuang(['import', '--db', sys.db, 'enterprises', first]);
    assert.equal(initial.status, 0, initial.stderr);

    let stderr = '';
    proc = spawn(BIN, ['import', '--db', sys.db, 'enterprises', renamed, '--update'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise((r) => proc.on('exit', (code) => r(code)));

    // Wait until the import holds its write transaction.
    const started = Date.now();
    for (;;) {
      assert.equal(proc.exitCode, null, `the import ended before it could be observed: ${stderr}`);
      if (DB_KIND === 'postgres') {
        const open = rawSql(sys.db, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid() AND state <> 'idle' AND now() - xact_start > interval '200 milliseconds'").trim();
        if (Number(open) > 0) break;
      } else {
        try {
          rawSql(sys.db, 'PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;');
        } catch (e) {
          if (/locked|busy/i.test(String(e.stderr ?? e.message))) break;
          throw e;
        }
      }
      assert.ok(Date.now() - started < 60000, 'the import did not start writing within a minute');
      await sleep(50);
    }

    const c = new Client(sys.server.url);
    const signedIn = await c.login('importer-peer', 'Peer-Import-Test-2024!');
    assert.equal(proc.exitCode, null, 'the import was still running when the sign-in was answered');
    assert.equal(signedIn.status, 200, signedIn.text);
    const me = await c.get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(proc.exitCode, null, 'the import was still running after the session was used');
    assert.equal(await exited, 0, stderr);
  } finally {
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
