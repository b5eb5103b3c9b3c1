// Browser test of region scopes against the mock server (its seeded scoped accounts): the users
// page's 管辖范围 column and picker, and the header's district switcher, which narrows every API
// request (X-Kechuang-Region) and the registry list. Screenshots at 1440 and 375 px in both
// languages go to test-results/districts/.
//   node --test tests/e2e/districts.test.mjs        (needs web/dist: cd web && npx vite build)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { mkdir } from 'node:fs/promises'
import { launch, RESULTS_DIR } from './browser.mjs'
import { startMockServer, MOCK_ADMIN } from './mock-server.mjs'

const dir = path.join(RESULTS_DIR, 'districts')
let mock
before(async () => { mock = await startMockServer(); await mkdir(dir, { recursive: true }) })
after(async () => { await mock?.close() })

async function signIn(page, username, password, lang = 'zh-CN') {
  await page.goto(`${mock.url}/login`)
  await page.getByTestId(`lang-${lang}`).click()
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

/** Waits until the record form's 所属区县 picker shows `label`. */
async function regionInForm(page, label) {
  const input = page.getByTestId('form-item-region_code').locator('input').first()
  await input.waitFor()
  await page.waitForFunction(([el, want]) => el.value === want, [await input.elementHandle(), label])
}

const shot = async (page, name) => {
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
}

test('the users page shows and sets a user\'s scope', async () => {
  const browser = await launch({ viewport: { width: 1440, height: 900 } })
  const { page } = browser
  page.setDefaultTimeout(15000)
  try {
    await signIn(page, MOCK_ADMIN.username, MOCK_ADMIN.password)
    await page.goto(`${mock.url}/users`)
    const row = (name) => page.locator('tr', { has: page.getByTestId('user-row-username').getByText(name, { exact: true }) })
    await row('wang.fang').getByTestId('user-row-scope').getByText('350100 福州市').waitFor()
    assert.equal(await row('admin').getByTestId('user-row-scope').textContent(), '全部')
    assert.equal(await row('chen.jie').getByTestId('user-row-scope').textContent(), '350102 鼓楼区')
    assert.equal(await row('acme').getByTestId('user-row-scope').textContent(), '—')
    await shot(page, 'users-zh-CN-1440')

    // Give zhang.wei the district 仓山区 (福建省 / 福州市 / 仓山区) with the cascader.
    await row('zhang.wei').getByTestId('user-edit').click()
    const field = page.getByTestId('user-form-region')
    await field.locator('input').first().click()
    const panel = page.locator('.el-cascader-panel').last()
    await panel.getByText('福建省', { exact: true }).click()
    await panel.getByText('福州市', { exact: true }).click()
    await panel.locator('.el-cascader-node', { hasText: '仓山区' }).locator('.el-radio').click()
    await page.keyboard.press('Escape')
    await shot(page, 'users-form-zh-CN-1440')
    const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes('/api/v1/users/2'))
    await page.getByTestId('user-form-submit').click()
    assert.equal(JSON.parse((await patch).postData()).region_code, '350104')
    await row('zhang.wei').getByTestId('user-row-scope').getByText('350104 仓山区').waitFor()

    // An enterprise account has no scope field.
    await row('acme').getByTestId('user-edit').click()
    await page.getByTestId('user-form').waitFor()
    assert.equal(await page.getByTestId('user-form-region').count(), 0)
  } finally {
    await browser.close()
  }
})

test('a city user narrows the app to one district; a district user has no switcher', async () => {
  const browser = await launch({ viewport: { width: 1440, height: 900 } })
  const { page } = browser
  page.setDefaultTimeout(15000)
  const regionHeaders = []
  page.on('request', (r) => { if (r.url().includes('/api/v1/')) regionHeaders.push([r.url(), r.headers()['x-kechuang-region']]) })
  try {
    await signIn(page, 'wang.fang', 'City-Passw0rd!')
    await page.goto(`${mock.url}/registry/enterprises`)
    await page.getByTestId('registry-row-title').first().waitFor()
    assert.equal(await page.getByTestId('registry-row-title').count(), 3) // 鼓楼区, 台江区, 马尾区: all in 福州市
    const picker = page.getByTestId('district-switch')
    assert.equal(await picker.locator('input').inputValue(), '全部区县')
    assert.ok(regionHeaders.every(([, h]) => h === undefined), 'no region header while "all" is chosen')
    await shot(page, 'switch-all-zh-CN-1440')

    await picker.locator('input').click()
    await page.locator('.kc-district-popper .el-cascader-node', { hasText: '鼓楼区' }).click()
    await page.getByTestId('registry-row-title').first().waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=registry-row-title]').length === 1)
    assert.equal(await picker.locator('input').inputValue(), '鼓楼区')
    const list = regionHeaders.filter(([u]) => /\/registry\/enterprises\?/.test(u)).at(-1)
    assert.equal(list[1], '350102', 'the list is asked for with X-Kechuang-Region')
    await shot(page, 'switch-district-zh-CN-1440')

    // Kept across a reload; a new record starts in the chosen district.
    await page.reload()
    await page.getByTestId('registry-row-title').first().waitFor()
    assert.equal(await picker.locator('input').inputValue(), '鼓楼区')
    await page.getByTestId('registry-create').click()
    await page.getByTestId('record-form').waitFor()
    await regionInForm(page, '福建省 / 福州市 / 鼓楼区')

    // English, then a phone: the switcher still fits in the header.
    await page.goto(`${mock.url}/registry/enterprises`)
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-logout').click()
    await page.waitForURL(/\/login/)
    await signIn(page, 'wang.fang', 'City-Passw0rd!', 'en')
    await page.goto(`${mock.url}/registry/enterprises`)
    await page.getByTestId('registry-row-title').first().waitFor()
    await shot(page, 'switch-district-en-1440')
    await page.setViewportSize({ width: 375, height: 740 })
    await page.waitForTimeout(300)
    const box = await picker.boundingBox()
    const menu = await page.getByTestId('user-menu').boundingBox()
    assert.ok(box && menu && menu.x + menu.width <= 375 && box.x + box.width <= menu.x, 'switcher and user menu fit at 375 px')
    await shot(page, 'switch-district-en-375')
    await picker.locator('input').click()
    await page.locator('.kc-district-popper .el-cascader-node', { hasText: 'All districts' }).click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=registry-row-title]').length === 3)
    await page.getByTestId('lang-zh-CN').click().catch(() => undefined)
    await shot(page, 'switch-all-zh-CN-375')

    // A district user's scope is one district: nothing to switch.
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-logout').click()
    await page.waitForURL(/\/login/)
    await signIn(page, 'chen.jie', 'District-Passw0rd!')
    await page.goto(`${mock.url}/registry/enterprises`)
    await page.getByTestId('registry-row-title').first().waitFor()
    assert.equal(await page.getByTestId('district-switch').count(), 0)
    assert.equal(await page.getByTestId('registry-row-title').count(), 1)
    await page.getByTestId('registry-create').click()
    await regionInForm(page, '福建省 / 福州市 / 鼓楼区')
  } finally {
    await browser.close()
  }
})
