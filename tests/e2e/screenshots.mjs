// Takes screenshots of the main pages in both languages into test-results/screenshots/, so a person
// can check the layout. Uses KC_BASE_URL/KC_ADMIN_USER/KC_ADMIN_PASSWORD when set, else the mock.
import { launch, RESULTS_DIR } from './browser.mjs'
import { startMockServer, MOCK_ADMIN } from './mock-server.mjs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

const mock = process.env.KC_BASE_URL ? null : await startMockServer()
const BASE = process.env.KC_BASE_URL ?? mock.url
const USER = process.env.KC_ADMIN_USER ?? MOCK_ADMIN.username
const PASSWORD = process.env.KC_ADMIN_PASSWORD ?? MOCK_ADMIN.password
const dir = path.join(RESULTS_DIR, 'screenshots')
await mkdir(dir, { recursive: true })

const browser = await launch()
const { page } = browser
page.setDefaultTimeout(15000)
const shot = async (name) => {
  await page.waitForTimeout(400) // let transitions and charts settle
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
  console.log(path.join(dir, `${name}.png`))
}
/** The registry's list, detail (with the enterprise's years), history and form with a field error. */
async function registryShots(lang) {
  await page.getByTestId('menu-registry-enterprises').click()
  const title = page.getByTestId('registry-row-title').first()
  if (!(await title.waitFor({ timeout: 3000 }).then(() => true, () => false))) return // no enterprises yet
  await shot(`registry-list-${lang}`)
  await title.click()
  await page.getByTestId('registry-fields').waitFor()
  await page.getByTestId('related-enterprise_years').locator('tbody tr').first().waitFor().catch(() => undefined)
  await shot(`registry-detail-${lang}`)
  await page.getByTestId('related-enterprise_years').scrollIntoViewIfNeeded()
  await shot(`registry-detail-related-${lang}`)
  await page.getByRole('tab', { name: lang === 'en' ? 'History' : '变更历史' }).click()
  await page.getByTestId('history-entry').first().waitFor()
  await shot(`registry-history-${lang}`)
  await page.getByTestId('registry-edit').click()
  const code = page.getByTestId('form-item-credit_code')
  await code.locator('input').fill('91350100M000100Y44')
  await page.getByTestId('record-form-submit').click()
  await code.locator('.el-form-item__error').waitFor()
  await shot(`registry-form-${lang}`)
  await page.getByTestId('menu-registry-enterprise_years').click()
  await page.getByTestId('registry-row-title').first().waitFor()
  await shot(`registry-years-${lang}`)
  await page.getByTestId('registry-create').click()
  await page.getByTestId('record-form').waitFor()
  await shot(`registry-years-new-${lang}`)
}

try {
  for (const lang of ['zh-CN', 'en']) {
    await page.goto(`${BASE}/login`)
    await page.getByTestId(`lang-${lang}`).click()
    await page.getByTestId('login-title').waitFor()
    await page.getByTestId('login-username').fill(USER)
    await page.getByTestId('login-password').fill('wrong-password')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('login-error').waitFor()
    await shot(`login-${lang}`)
    await page.getByTestId('login-password').fill(PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.waitForURL((u) => u.pathname === '/')
    await page.getByTestId('home-health').waitFor()
    await shot(`home-${lang}`)
    await page.getByTestId('menu-users').click()
    await page.getByTestId('user-row-username').first().waitFor()
    await shot(`users-${lang}`)
    await page.getByTestId('users-create').click()
    await page.getByTestId('user-form-submit').click()
    await shot(`users-create-invalid-${lang}`)
    await page.keyboard.press('Escape')
    await page.getByTestId('menu-audit').click()
    await page.locator('[data-testid=audit-table] .el-table__expand-icon').last().click()
    await shot(`audit-${lang}`)
    await page.getByTestId('menu-login-log').click()
    await page.getByTestId('login-log-table').locator('tbody tr').first().waitFor()
    await shot(`login-log-${lang}`)
    await registryShots(lang)
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-change-password').click()
    await page.getByTestId('change-password-form').waitFor()
    await page.getByTestId('change-password-submit').click()
    await shot(`change-password-${lang}`)
    await page.keyboard.press('Escape')
    await page.goto(`${BASE}/no/such/page`)
    await page.getByTestId('not-found').waitFor()
    await shot(`not-found-${lang}`)
    await page.goto(`${BASE}/`)
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-logout').click()
    await page.waitForURL(/\/login/)
  }
  if (mock) {
    // Pages only the mock's seeded accounts can show: forced password change and a refused page.
    await page.goto(`${BASE}/login`)
    await page.getByTestId('lang-zh-CN').click()
    await page.getByTestId('login-username').fill('li.na')
    await page.getByTestId('login-password').fill('Review-Passw0rd!')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('forced-password-title').waitFor()
    await shot('forced-password-zh-CN')
    await page.goto(`${BASE}/users`)
    await page.getByTestId('forced-password-title').waitFor()
    await page.getByTestId('forced-logout').click()
    await page.waitForURL(/\/login/)
    await page.getByTestId('login-username').fill('viewer')
    await page.getByTestId('login-password').fill('Viewer-Passw0rd!')
    await page.getByTestId('login-submit').click()
    await page.waitForURL((u) => u.pathname === '/')
    await page.goto(`${BASE}/audit`)
    await page.getByTestId('forbidden').waitFor()
    await shot('forbidden-viewer-zh-CN')
  }
} finally {
  await browser.close()
  await mock?.close()
}
