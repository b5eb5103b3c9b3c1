// HTTP latency and throughput of registry lists by region scope, for bench/scope_bench.sh.
//
//   node bench/scope_latency.mjs --url http://127.0.0.1:PORT --password P \
//        --requests 200 --concurrency 4 --max-seconds 600 --towns A,B,C --years 2012,2013
//
// Signs in four clients — `admin` (no scope), `district` (region 330205), `city` (region 330200,
// the city: prefix 3302) and `city` again sending `X-Kechuang-Region: 330206` (the header's
// district switcher) — and, route by route, sends the same requests for each scope:
//   latency:    --requests requests per scope, one at a time; request i of every scope is sent
//               before request i + 1 of any, in a rotating order, so that a change in the
//               machine's load falls on all four scopes alike;
//   throughput: the same requests again in 5 rounds, each round every scope in turn with
//               --concurrency requests in flight, req/s = requests / the scope's summed time.
// Prints one JSON line per route and scope: {"route","scope","n","p50_ms","p95_ms","p99_ms",
// "mean_ms","rps","total"} (total: the list's `total` of page 1, i.e. how many records the scope
// sees). Loopback only; the request count and the wall time are bounded.
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const base = args.url;
if (!base || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(base)) {
  console.error('scope_latency: --url must be a loopback http://127.0.0.1:PORT address');
  process.exit(2);
}
const requests = Math.min(Math.max(Number(args.requests ?? 200), 10), 5000);
const concurrency = Math.min(Math.max(Number(args.concurrency ?? 4), 1), 64);
const maxSeconds = Math.min(Number(args['max-seconds'] ?? 600), 3600);
const towns = (args.towns ?? '').split(',').filter(Boolean);
const years = (args.years ?? '').split(',').filter(Boolean);
const only = (args.routes ?? '').split(',').filter(Boolean);
const deadline = performance.now() + maxSeconds * 1000;
if (!towns.length || !years.length) {
  console.error('scope_latency: --towns and --years are required');
  process.exit(2);
}

class Client {
  constructor(user, region) {
    this.user = user;
    this.region = region;
    this.cookie = '';
  }
  async call(method, path, body) {
    const headers = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.region) headers['X-Kechuang-Region'] = this.region;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const m = (res.headers.get('set-cookie') ?? '').match(/kc_session=([^;]*)/);
    if (m) this.cookie = `kc_session=${m[1]}`;
    return { status: res.status, text: await res.text() };
  }
  async login() {
    const r = await this.call('POST', '/api/v1/auth/login', { username: this.user, password: args.password });
    if (r.status !== 200) throw new Error(`login of ${this.user} failed (${r.status}): ${r.text.slice(0, 200)}`);
  }
  // Sends one GET; throws unless it answers 200. Returns the parsed body.
  async get(path) {
    const r = await this.call('GET', path);
    if (r.status !== 200) throw new Error(`${this.user}${this.region ? ' @' + this.region : ''}: ${path} answered ${r.status}: ${r.text.slice(0, 200)}`);
    return r.text;
  }
}

const scopes = {
  unscoped: new Client('admin'),
  'district 330205': new Client('district'),
  'city 330200': new Client('city'),
  'city 330200 → 330206': new Client('city', '330206'),
};
const admin = scopes.unscoped;
await admin.login();
await scopes['district 330205'].login();
await scopes['city 330200'].login();
scopes['city 330200 → 330206'].cookie = scopes['city 330200'].cookie; // the same session, narrowed per request

const pick = (list, i) => list[i % list.length];
const enc = encodeURIComponent;
// Request i of each route; pages rotate (1…50, i.e. OFFSET up to 980) so the same query is not
// simply repeated, and each scope gets the same sequence.
const routes = {
  enterprises: (i) => `/api/v1/registry/enterprises?page=${1 + (i % 50)}&page_size=20`,
  enterprise_years: (i) => `/api/v1/registry/enterprise_years?page=${1 + (i % 50)}&page_size=20`,
  'enterprises town=T': (i) => `/api/v1/registry/enterprises?town=${enc(pick(towns, i))}&page=${1 + (i % 10)}&page_size=20`,
  'enterprise_years year=Y': (i) => `/api/v1/registry/enterprise_years?year=${enc(pick(years, i))}&page=${1 + (i % 10)}&page_size=20`,
};

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const round = (x) => Math.round(x * 100) / 100;
const names = Object.keys(scopes);
try {
  for (const [route, path] of Object.entries(routes)) {
    if (only.length && !only.includes(route)) continue;
    const totals = {};
    for (const name of names) {
      totals[name] = JSON.parse(await scopes[name].get(path(0))).total;
      for (let i = 1; i < 10; ++i) await scopes[name].get(path(i)); // warm-up, not counted
    }
    // Latency: one request at a time, interleaved across the scopes.
    const times = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < requests && performance.now() < deadline; ++i) {
      for (let k = 0; k < names.length; ++k) {
        const name = names[(i + k) % names.length];
        const t0 = performance.now();
        await scopes[name].get(path(i));
        times[name].push(performance.now() - t0);
      }
    }
    // Throughput: `concurrency` requests in flight, in rounds alternating the scopes.
    const busy = Object.fromEntries(names.map((n) => [n, { ms: 0, n: 0 }]));
    const rounds = 5;
    const perRound = Math.max(Math.floor(requests / rounds), concurrency);
    for (let r = 0; r < rounds && performance.now() < deadline; ++r) {
      for (let k = 0; k < names.length; ++k) {
        const name = names[(r + k) % names.length];
        let next = 0;
        const t0 = performance.now();
        await Promise.all(Array.from({ length: concurrency }, async () => {
          while (next < perRound) await scopes[name].get(path(r * perRound + next++));
        }));
        busy[name].ms += performance.now() - t0;
        busy[name].n += perRound;
      }
    }
    for (const name of names) {
      const t = times[name].sort((a, b) => a - b);
      console.log(JSON.stringify({
        route,
        scope: name,
        n: t.length,
        p50_ms: round(quantile(t, 0.5)),
        p95_ms: round(quantile(t, 0.95)),
        p99_ms: round(quantile(t, 0.99)),
        mean_ms: round(t.reduce((a, b) => a + b, 0) / t.length),
        rps: Math.round(busy[name].n / (busy[name].ms / 1000)),
        total: totals[name],
      }));
    }
  }
} catch (e) {
  console.error(`scope_latency: ${e.message}`);
  process.exit(1);
}
