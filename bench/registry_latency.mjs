// HTTP latency of registry list queries, for bench/registry_bench.sh.
//
//   node bench/registry_latency.mjs --url http://127.0.0.1:PORT --user admin --password P \
//        --requests 300 --max-seconds 120 --towns A,B,C --industries I6513,C3812
//
// Signs in, warms up, then sends the requests of each query shape one after another (one client,
// no concurrency) and prints one JSON line per shape: {"shape","n","p50_ms","p90_ms","p99_ms",
// "max_ms","mean_ms","total_mean"}. Loopback only; the request count and the wall time are bounded.
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const base = args.url;
if (!base || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(base)) {
  console.error('registry_latency: --url must be a loopback http://127.0.0.1:PORT address');
  process.exit(2);
}
const requests = Math.min(Math.max(Number(args.requests ?? 300), 10), 5000);
const maxSeconds = Math.min(Number(args['max-seconds'] ?? 120), 900);
const towns = (args.towns ?? '').split(',').filter(Boolean);
const industries = (args.industries ?? '').split(',').filter(Boolean);
const deadline = performance.now() + maxSeconds * 1000;

let cookie = '';
let csrf = '';
async function call(method, path, body) {
  const headers = {};
  if (cookie) headers.cookie = cookie;
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const setCookie = res.headers.get('set-cookie');
  const m = setCookie && setCookie.match(/kc_session=([^;]*)/);
  if (m) cookie = `kc_session=${m[1]}`;
  const text = await res.text();
  return { status: res.status, text };
}

const login = await call('POST', '/api/v1/auth/login', { username: args.user ?? 'admin', password: args.password });
if (login.status !== 200) {
  console.error(`registry_latency: login failed (${login.status}): ${login.text.slice(0, 200)}`);
  process.exit(1);
}
csrf = JSON.parse(login.text).csrf_token;

const pick = (list, i) => list[i % list.length];
const enc = encodeURIComponent;
// Each shape builds the i-th request path; values and pages rotate so the same query is not
// simply repeated.
const shapes = {
  // The case: one filter, a sort on another column, a page that is not the first.
  'filter+sort+page': (i) =>
    `/api/v1/registry/enterprises?town=${enc(pick(towns, i))}&sort=${i % 2 ? '-' : ''}registered_capital&page=${1 + (i % 5)}&page_size=20`,
  'filter2+sort+page': (i) =>
    `/api/v1/registry/enterprises?above_size=${i % 2}&industry_code=${enc(pick(industries, i))}&sort=-registered_on&page=${1 + (i % 3)}&page_size=20`,
  // Context: no filter, so the sort and the total run over all enterprises.
  'sort+page (no filter)': (i) => `/api/v1/registry/enterprises?sort=${i % 2 ? '-' : ''}name&page=${1 + (i % 50)}&page_size=20`,
  'q search+page': (i) => `/api/v1/registry/enterprises?q=${enc(pick(towns, i).slice(0, 2))}&page=${1 + (i % 5)}&page_size=20`,
};

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
let failed = false;
for (const [shape, path] of Object.entries(shapes)) {
  for (let i = 0; i < 10; ++i) await call('GET', path(i)); // warm-up, not counted
  const times = [];
  let total = 0;
  for (let i = 0; i < requests && performance.now() < deadline; ++i) {
    const t0 = performance.now();
    const r = await call('GET', path(i));
    times.push(performance.now() - t0);
    if (r.status !== 200) {
      console.error(`registry_latency: ${path(i)} answered ${r.status}: ${r.text.slice(0, 200)}`);
      failed = true;
      break;
    }
    total += JSON.parse(r.text).total;
  }
  times.sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  console.log(JSON.stringify({
    shape,
    n: times.length,
    p50_ms: round(quantile(times, 0.5)),
    p90_ms: round(quantile(times, 0.9)),
    p99_ms: round(quantile(times, 0.99)),
    max_ms: round(times[times.length - 1]),
    mean_ms: round(times.reduce((a, b) => a + b, 0) / times.length),
    total_mean: Math.round(total / Math.max(times.length, 1)),
  }));
  if (failed) break;
}
process.exit(failed ? 1 : 0);
