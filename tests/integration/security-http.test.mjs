// Security of the HTTP server's edge: the trusted proxy, body limits before authentication, slow
// clients, the heavy lane, malformed targets, the access log of rejections and HSTS. Every load
// here is bounded in count and time, targets 127.0.0.1 only and stops by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMIN_PASSWORD, addUser, Client, freshSystems } from './harness.mjs';

const PASSWORD = 'Edge-Pass-2024!';
const ASEM = resolve(import.meta.dirname, '../reference/asem');

const system = freshSystems();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const portOf = (url) => Number(new URL(url).port);

// One request over a fresh socket, written as given; resolves with what the server answered
// before it closed (or before `waitMs`).
function rawExchange(url, text, { localAddress, waitMs = 5000 } = {}) {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port: portOf(url), localAddress });
    const chunks = [];
    let done = false;
    const finish = (closed) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const data = Buffer.concat(chunks);
      const head = data.toString('latin1').split('\r\n\r\n')[0];
      const status = Number((head.match(/^HTTP\/1\.1 (\d{3})/) ?? [])[1] ?? 0);
      resolvePromise({ status, head, body: data.subarray(head.length + 4), closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('connect', () => socket.write(typeof text === 'string' ? Buffer.from(text, 'latin1') : text));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => {});
    socket.on('close', () => finish(true));
  });
}

// GET with given headers from a chosen local address (127.0.0.2 is a different client).
function get(url, path, headers = {}, localAddress = undefined) {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: portOf(url), path, headers, localAddress, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

function rssKb(pid) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(m[1]);
}

function accessLines(server) {
  return server.logs().split('\n').filter((l) => l.includes('"event":"request"')).map((l) => JSON.parse(l));
}

// The server logs a request after its response is written: wait (bounded) for the line.
async function logged(server, predicate) {
  for (let i = 0; i < 50; i++) {
    const line = accessLines(server).find(predicate);
    if (line) return line;
    await sleep(100);
  }
  return undefined;
}

function metric(text, name) {
  const m = text.match(new RegExp(`^${name.replace(/[{}"]/g, (c) => `\\${c}`)} (\\d+)$`, 'm'));
  return m ? Number(m[1]) : NaN;
}

test('med: X-Forwarded-For is forgeable — the address the trusted proxy appended is taken', async () => {
  // The test itself is the proxy on loopback; the client wrote "127.0.0.1" in front.
  const { server, admin } = await system(['--trust-proxy']);
  const forged = await get(server.url, '/metrics', { 'X-Forwarded-For': '127.0.0.1, 203.0.113.9' });
  assert.equal(forged.status, 403, 'a forged loopback hop does not open /metrics');
  const direct = await get(server.url, '/metrics');
  assert.equal(direct.status, 200, 'the proxy host itself still reads /metrics');
  const line = await logged(server, (l) => l.path === '/metrics' && l.status === 403);
  assert.equal(line.ip, '203.0.113.9', 'the access log names the real client');

  // Sign-in throttles and the login log use the same address.
  const c = new Client(server.url);
  await c.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'wrong-password-1' },
    { headers: { 'X-Forwarded-For': '10.9.9.9, 198.51.100.23' } });
  const log = await admin.get('/api/v1/login-log?success=false');
  assert.deepEqual(log.json.items.map((e) => e.ip), ['198.51.100.23']);

  // Only a trusted peer's headers count: with a proxy list that leaves loopback out, a loopback
  // client's X-Forwarded-For is ignored.
  const other = await system(['--trusted-proxy', '10.0.0.0/8']);
  const ignored = await get(other.server.url, '/metrics', { 'X-Forwarded-For': '203.0.113.9' });
  assert.equal(ignored.status, 200);
  const ignoredLine = await logged(other.server, (l) => l.path === '/metrics');
  assert.equal(ignoredLine.ip, '127.0.0.1');
});

test('med: bodies up to 16 MiB buffered before authentication — small limit first, caps on bytes in flight', async () => {
  const { server, admin } = await system();
  const pid = server.proc.pid;
  await admin.get('/api/v1/health');
  const before = rssKb(pid);

  // 60 unauthenticated sign-ins declaring 16 MiB, each sending 4 MiB and withholding the rest.
  const chunk = Buffer.alloc(4 * 1024 * 1024, 0x61);
  const sockets = [];
  const results = await Promise.all(Array.from({ length: 60 }, () => new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port: portOf(server.url) });
    sockets.push(socket);
    let answer = '';
    let settled = false;
    const settle = (how) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise({ how, status: Number((answer.match(/^HTTP\/1\.1 (\d{3})/) ?? [])[1] ?? 0) });
    };
    // The bound: a server that buffers keeps the sockets open; then measure after the writes.
    const timer = setTimeout(() => settle('held'), 8000);
    socket.on('connect', () => {
      socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 16777216\r\n\r\n');
      socket.write(chunk);
    });
    socket.on('data', (d) => { answer += d.toString('latin1'); });
    socket.on('error', () => {});
    socket.on('close', () => settle('closed'));
  })));
  await sleep(300);
  const grown = rssKb(pid) - before;
  for (const s of sockets) s.destroy();
  assert.ok(grown < 100 * 1024, `the server's RSS grew by ${grown} kB, more than 100 MB`);
  for (const r of results) {
    assert.ok(r.how === 'closed', 'every hoarding connection is cut');
    assert.ok(r.status === 413 || r.status === 0, `answered ${r.status}`);
  }
  assert.ok(results.some((r) => r.status === 413), 'the refusals name the limit with 413');

  // An upload route checks the session before the body: no cookie, no body read, 401 at once.
  const upload = await rawExchange(server.url, 'POST /api/v1/registry/enterprises/import HTTP/1.1\r\nHost: x\r\n' +
    'Content-Type: text/csv\r\nContent-Length: 16777216\r\n\r\n', { waitMs: 8000 });
  assert.equal(upload.status, 401, upload.head);
  const problem = JSON.parse(upload.body.toString());
  assert.equal(problem.status, 401);

  // A signed-in uploader may hold at most --max-in-flight-mb-per-ip of unanswered bodies.
  const capped = await system(['--max-in-flight-mb-per-ip', '32', '--max-heavy-per-user', '8']);
  const held = [];
  const answers = [];
  for (let i = 0; i < 3; i++) {
    const socket = connect({ host: '127.0.0.1', port: portOf(capped.server.url) });
    held.push(socket);
    answers.push(new Promise((resolvePromise) => {
      let text = '';
      socket.on('data', (d) => { text += d.toString('latin1'); resolvePromise(text); });
      socket.on('error', () => {});
      socket.on('close', () => resolvePromise(text));
    }));
    socket.write(`POST /api/v1/registry/enterprises/import HTTP/1.1\r\nHost: x\r\nCookie: ${capped.admin.cookie}\r\n` +
      `X-CSRF-Token: ${capped.admin.csrf}\r\nContent-Type: text/csv\r\nContent-Length: 16777216\r\n\r\n`);
    await sleep(200);  // admitted one after the other
  }
  const third = await answers[2];
  assert.match(third, /^HTTP\/1\.1 429/);
  assert.match(third, /too_many_bytes_in_flight/);
  for (const s of held) s.destroy();
  const metrics = await get(capped.server.url, '/metrics');
  assert.equal(metric(metrics.body, 'kc_http_refused_total{reason="in_flight_bytes_per_ip"}'), 1);
  assert.ok(metric((await get(server.url, '/metrics')).body, 'kc_http_refused_total{reason="body_too_large"}') >= 1);
});

test('med: slowloris — a per-address connection cap and a short header timeout', async () => {
  const { server } = await system();
  const port = portOf(server.url);
  const slow = [];
  const outcomes = [];
  for (let i = 0; i < 200; i++) {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('error', () => {});
    socket.on('data', (d) => { answer += d.toString('latin1'); });
    outcomes.push(new Promise((resolvePromise) => socket.on('close', () => resolvePromise(answer))));
    socket.on('connect', () => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n'));
    slow.push(socket);
  }
  let open = 200;
  outcomes.forEach((p) => p.then(() => { open--; }));
  const trickle = setInterval(() => {
    for (const [i, s] of slow.entries()) if (!s.destroyed) s.write(`X-Slow-${i}: y\r\n`);
  }, 1000);
  try {
    await sleep(500);
    // Another client is served while the slow ones hold their connections.
    const health = await get(server.url, '/api/v1/health', {}, '127.0.0.2');
    assert.equal(health.status, 200);
    assert.ok(open > 0, 'the health check was answered while the slow clients were connected');

    // The slow ones are closed by the server within the header timeout (5 s) and some slack.
    const all = Promise.all(outcomes);
    const bounded = await Promise.race([all.then(() => true), sleep(15000).then(() => false)]);
    assert.ok(bounded, `${open} slow connections were still open after 15 s`);
    const answers = await all;
    assert.ok(answers.every((a) => !a.startsWith('HTTP/1.1 200')), 'no slow request was served');
    assert.ok(answers.some((a) => a.startsWith('HTTP/1.1 429') && a.includes('too_many_connections')));
  } finally {
    clearInterval(trickle);
    for (const s of slow) s.destroy();
  }
  const text = (await get(server.url, '/metrics')).body;
  const capped = metric(text, 'kc_http_refused_total{reason="connections_per_ip"}');
  const timedOut = metric(text, 'kc_http_refused_total{reason="header_timeout"}');
  assert.ok(capped >= 1 && timedOut >= 1, text);
  assert.equal(capped + timedOut, 200, 'each slow connection was refused at the cap or cut at the timeout');
  assert.ok(timedOut <= 64, 'one address holds at most 64 connections');
});

test('med: a viewer can occupy every worker — heavy requests have their own lane and a per-user limit', async () => {
  const { db, server } = await system();
  addUser(db, 'watcher', 'viewer', PASSWORD);
  const viewer = new Client(server.url);
  assert.equal((await viewer.login('watcher', PASSWORD)).status, 200);
  const data = readFileSync(join(ASEM, 'ASEM_iData.csv'), 'utf8');
  const meta = readFileSync(join(ASEM, 'ASEM_iMeta.csv'), 'utf8');
  const spec = JSON.parse(readFileSync(join(ASEM, 'example-spec.json'), 'utf8'));
  const vary = { vary: [{ factor: 'aggregate', values: [{ method: 'amean' }, { method: 'gmean' }] },
    { factor: 'weights', noise: [{ level: 2, factor: 0.25 }], sets: 50 }] };
  const body = { data, meta, spec, vary, runs: 10000, seed: 11 };

  let finished = 0;
  const heavy = [1, 2, 3, 4].map(() => viewer.post('/api/v1/index/uncertainty', body).then((r) => { finished++; return r; }));
  // The refused ones come back at once; while the others run, health and sign-in are answered.
  const first = await Promise.race(heavy);
  assert.equal(first.status, 429, first.text.slice(0, 200));
  const health = await new Client(server.url).get('/api/v1/health');
  assert.equal(health.status, 200);
  const signIn = await new Client(server.url).login('admin', ADMIN_PASSWORD);
  assert.equal(signIn.status, 200);
  const runningWhenAnswered = 4 - finished;
  const results = await Promise.all(heavy);
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 200, 429, 429]);
  assert.ok(runningWhenAnswered >= 1, 'health and sign-in did not wait for the heavy requests');
  for (const r of results.filter((x) => x.status === 429)) {
    assert.equal(r.json.code, 'heavy_request_limit');
    assert.ok(Number(r.headers.get('retry-after')) > 0);
  }
  assert.ok(await logged(server, (l) => l.status === 429 && l.path === '/api/v1/index/uncertainty'),
    'the 429s are in the access log');
});

test('low: invalid UTF-8 in a path or query — 400 bad_target, valid JSON in the answer and the log', async () => {
  const { server, admin } = await system();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const path of ['/api/v1/registry/%FF%FE', '/api/v1/registry/enterprises?q=%C0%AF']) {
    const r = await admin.get(path);
    assert.equal(r.status, 400, `${path}: ${r.text}`);
    assert.equal(r.json.code, 'bad_target');
  }
  const raw = await rawExchange(server.url, 'GET /api/v1/registry/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(raw.status, 400, raw.head);
  const problem = JSON.parse(decoder.decode(raw.body));
  assert.ok(['bad_target', 'bad_request'].includes(problem.code));
  const logged = server.logs().split('\n').filter((l) => l.includes('"status":400'));
  assert.ok(logged.length >= 3, 'the rejections are logged');
  for (const line of logged) {
    const entry = JSON.parse(decoder.decode(Buffer.from(line, 'utf8')));
    assert.equal(entry.event, 'request');
    assert.doesNotMatch(entry.path, /[\u0080-\u00ff\ufffd]/, 'invalid bytes are escaped');
  }
});

test('low: 400/413/431 rejections never reach the access log — now they do, in the same shape', async () => {
  const { server, admin } = await system();
  const bad = await rawExchange(server.url, 'NOT HTTP AT ALL\r\n\r\n');
  assert.equal(bad.status, 400);
  const huge = await rawExchange(server.url, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
  assert.equal(huge.status, 431);
  const tooLarge = await admin.post('/api/v1/users', JSON.stringify({ username: 'x'.repeat(100_000) })).catch((e) => ({ error: e }));
  if (!tooLarge.error) assert.equal(tooLarge.status, 413);
  const shape = Object.keys(await logged(server, (l) => l.status === 200)).sort();
  for (const status of [400, 413, 431]) {
    const line = await logged(server, (l) => l.status === status);
    assert.ok(line, `a ${status} line in the access log`);
    assert.deepEqual(Object.keys(line).sort(), shape);
  }
  assert.equal((await logged(server, (l) => l.status === 413)).path, '/api/v1/users');
});

test('low: no HSTS behind TLS — sent when a trusted proxy says https, never over plain HTTP', async () => {
  const hsts = 'max-age=31536000; includeSubDomains';
  const proxied = await system(['--trust-proxy']);
  const viaTls = await get(proxied.server.url, '/api/v1/health', { 'X-Forwarded-Proto': 'https' });
  assert.equal(viaTls.headers['strict-transport-security'], hsts);
  const viaHttp = await get(proxied.server.url, '/api/v1/health', { 'X-Forwarded-Proto': 'http' });
  assert.equal(viaHttp.headers['strict-transport-security'], undefined);
  const plain = await get(proxied.server.url, '/api/v1/health');
  assert.equal(plain.headers['strict-transport-security'], undefined);
  // Not from an untrusted peer, and not without --trust-proxy.
  const untrusted = await system(['--trusted-proxy', '10.0.0.0/8']);
  const claimed = await get(untrusted.server.url, '/api/v1/health', { 'X-Forwarded-Proto': 'https' });
  assert.equal(claimed.headers['strict-transport-security'], undefined);
  const direct = await system();
  const noProxy = await get(direct.server.url, '/api/v1/health', { 'X-Forwarded-Proto': 'https' });
  assert.equal(noProxy.headers['strict-transport-security'], undefined);
});
