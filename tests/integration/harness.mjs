// Test harness for the HTTP integration suite: fresh databases (SQLite file or a new database on
// the temporary PostgreSQL server), real `kechuang serve` processes on free loopback ports, and a
// client that keeps the session cookie and sends the CSRF token.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';

export const BIN = process.env.KC_BIN ?? resolve(import.meta.dirname ?? '.', '../../build/kechuang');
export const DB_KIND = process.env.KC_TEST_DB ?? 'sqlite';
// Not containing the username: a password containing the account's own name is refused.
export const ADMIN_PASSWORD = 'Kc-Root-Pass-2024!';

let counter = 0;

// PostgreSQL has no default audit keyring (docs/operations.md, "Audit key and anchors"): every
// kechuang process this test file starts shares one, as the servers of one deployment would.
if (DB_KIND === 'postgres' && !process.env.KECHUANG_AUDIT_KEY_FILE) {
  process.env.KECHUANG_AUDIT_KEY_FILE = join(mkdtempSync(join(tmpdir(), 'kc-key-')), 'audit-key');
}

// The audit keyring file the database's commands use (the default beside a SQLite file).
export function auditKeyFile(db) {
  return db.startsWith('postgresql://') ? process.env.KECHUANG_AUDIT_KEY_FILE : `${db}.audit-key`;
}

// A new, empty database of the kind under test; returns its --db target.
export function newDatabase() {
  if (DB_KIND === 'postgres') {
    const name = `kc_test_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
    execFileSync(join(process.env.KC_PG_BIN, 'createdb'),
      ['-h', '127.0.0.1', '-p', process.env.KC_PG_PORT, '-U', 'kechuang', name]);
    return `postgresql://kechuang@127.0.0.1:${process.env.KC_PG_PORT}/${name}`;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kc-it-'));
  return join(dir, 'kechuang.db');
}

// Runs a kechuang command; returns {status, stdout, stderr}.
export function kechuang(args, input = '') {
  try {
    const stdout = execFileSync(BIN, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

// `kechuang user add`; a given password need not be changed (`--no-password-change`, as automation
// uses it) unless `mustChange` is set.
export function addUser(db, name, role, password, { mustChange = false } = {}) {
  const flags = password && !mustChange ? ['--no-password-change'] : [];
  const r = kechuang(['user', 'add', '--db', db, '--name', name, '--role', role, ...flags], password ? password + '\n' : '');
  if (r.status !== 0) throw new Error(`user add ${name} failed: ${r.stderr}`);
  return r.stdout;
}

// A static web directory standing in for web/dist, so these tests do not depend on the front end.
export function fakeWebDir() {
  const dir = mkdtempSync(join(tmpdir(), 'kc-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kechuang</title><div id="app"></div>');
  writeFileSync(join(dir, 'assets', 'app-3f2a1b.js'), 'console.log("kechuang");\n'.repeat(200));
  return dir;
}

// Starts `kechuang serve`; resolves once it prints its address.
export async function startServer(db, extraArgs = []) {
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', fakeWebDir(), ...extraArgs];
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout} ${stderr}`)), 20000);
    proc.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/Listening on (http:\/\/[^/\s]+)\//);
      if (m) { clearTimeout(timer); resolvePromise(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  return {
    url,
    proc,
    logs: () => stderr,
    stdout: () => stdout,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null) return proc.exitCode;
      const done = new Promise((r) => proc.on('exit', (code) => r(code)));
      proc.kill(signal);
      return done;
    },
  };
}

// A browser-like client: cookie jar, CSRF header on state-changing requests.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }

  async request(method, path, body, { headers = {}, raw = false } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('X-CSRF-Token' in h)) h['X-CSRF-Token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      const raw = typeof body === 'string' || body instanceof Uint8Array;
      payload = raw ? body : JSON.stringify(body);
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(/kc_session=([^;]*)/);
      if (m) this.cookie = m[1] ? `kc_session=${m[1]}` : '';
    }
    const text = await res.text();
    let json = null;
    if (!raw && text && (res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text);
    return { status: res.status, headers: res.headers, json, text };
  }

  get(path, opts) { return this.request('GET', path, undefined, opts); }
  post(path, body, opts) { return this.request('POST', path, body ?? {}, opts); }
  patch(path, body, opts) { return this.request('PATCH', path, body ?? {}, opts); }
  del(path, opts) { return this.request('DELETE', path, undefined, opts); }

  async login(username, password) {
    const r = await this.post('/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.json.csrf_token;
    return r;
  }
}

// A server on a fresh database with one admin; returns {db, server, admin}.
export async function freshSystem(extraArgs = []) {
  const db = newDatabase();
  addUser(db, 'admin', 'admin', ADMIN_PASSWORD);
  const server = await startServer(db, extraArgs);
  const admin = new Client(server.url);
  const r = await admin.login('admin', ADMIN_PASSWORD);
  if (r.status !== 200) throw new Error(`admin login failed: ${r.text}`);
  return { db, server, admin };
}

// Fresh systems started on demand by one test file, every server stopped when the file ends.
// Call it at the file's top level: `const system = freshSystems();` then `await system([args])`.
export function freshSystems() {
  const servers = [];
  after(async () => { await Promise.all(servers.map((s) => s.stop())); });
  return async (extraArgs = []) => {
    const sys = await freshSystem(extraArgs);
    servers.push(sys.server);
    return sys;
  };
}

// Runs SQL directly against the database under test (sqlite3 or psql), as an attacker or
// operator with database access would.
export function rawSql(db, sql) {
  if (db.startsWith('postgresql://')) {
    return execFileSync(join(process.env.KC_PG_BIN, 'psql'), [db, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { encoding: 'utf8' });
  }
  return execFileSync('sqlite3', [db, sql], { encoding: 'utf8' });
}

// A valid 统一社会信用代码 (GB 32100) built from a serial number, for test records.
const CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCode(serial, region = '330106') {
  const body = String(serial).padStart(8, '0');
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...body].reduce((s, ch, i) => s + parseInt(ch, 36) * orgWeights[i], 0);
  const orgCheck = (11 - (orgSum % 11)) % 11;
  const first17 = `91${region}${body}${orgCheck === 10 ? 'X' : orgCheck}`;
  const sum = [...first17].reduce((s, ch, i) => s + CC_CHARS.indexOf(ch) * CC_WEIGHTS[i], 0);
  return first17 + CC_CHARS[(31 - (sum % 31)) % 31];
}

// A valid Chinese patent application number: year, type digit 1 (invention), serial, check digit.
export function patentNumber(serial, year = 2023) {
  const digits = `${year}1${String(serial).padStart(7, '0')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const check = [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0) % 11;
  return `${digits}.${check === 10 ? 'X' : check}`;
}
