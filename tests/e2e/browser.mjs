// Launches Debian's chromium through playwright-core with the project's headless flags and a fresh
// profile; shared by the browser test and the screenshot script. Never downloads a browser.
import { mkdtemp, rm, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.KC_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]
const here = path.dirname(fileURLToPath(import.meta.url))
export const RESULTS_DIR = process.env.KC_RESULTS_DIR ?? path.resolve(here, '../../test-results')

/** Resolves to { context, page, close }; the profile directory is removed on close. */
export async function launch({ viewport = { width: 1366, height: 800 } } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kc-e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined)
      await rm(profile, { recursive: true, force: true })
    },
  }
}

export async function screenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
