// Runs the browser test against the mock server (for working on the front end without the C++
// server): starts tests/e2e/mock-server.mjs on a free port, then `node --test run.mjs` against it.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMockServer, MOCK_ADMIN } from './mock-server.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const mock = await startMockServer()
const child = spawn(process.execPath, ['--test', path.join(here, 'run.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, KC_BASE_URL: mock.url, KC_ADMIN_USER: MOCK_ADMIN.username, KC_ADMIN_PASSWORD: MOCK_ADMIN.password },
})
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await mock.close()
process.exit(code)
