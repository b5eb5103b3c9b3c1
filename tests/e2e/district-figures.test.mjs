// Browser test of the district comparison page (区县对比) against the mock server: a city user's
// districts side by side with the total pinned below, the latest year with data to start, sorting,
// the chart's figure, a click narrowing the header's switcher, a district user's single row, and
// the phone layout (the table scrolls under its fixed first column; nothing wider than the
// screen). Screenshots at 1440 and 375 px in both languages go to test-results/district-figures/.
//   node --test tests/e2e/district-figures.test.mjs        (needs web/dist: cd web && npx vite build)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { mkdir } from 'node:fs/promises'
import { launch, RESULTS_DIR } from './browser.mjs'
import { startMockServer, MOCK_ADMIN } from './mock-server.mjs'

const dir = path.join(RESULTS_DIR, 'district-figures')
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

async function signOut(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-logout').click()
  await page.waitForURL(/\/login/)
}

const shot = async (page, name) => {
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
}

const table = (page) => page.getByTestId('district-figures-table')
/** The district names in table order (the fixed column's copy is the one shown). */
const districtNames = (page) => table(page).locator('.el-table__body-wrapper tbody tr td:first-child [data-testid=district-row] > :first-child')
  .allTextContents()
const footer = (page) => table(page).locator('.el-table__footer-wrapper tr').first().locator('td').allTextContents()

async function noWiderThanScreen(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
  assert.ok(scroll <= width, `page is ${scroll} px wide on a ${width} px screen`)
}

test('a city user compares the districts of the city', async () => {
  const browser = await launch({ viewport: { width: 1440, height: 900 } })
  const { page } = browser
  page.setDefaultTimeout(15000)
  try {
    await signIn(page, 'wang.fang', 'City-Passw0rd!')
    await page.getByTestId('menu-district-figures').click()
    await page.waitForURL(/\/districts\?year=2013/) // the latest year with data
    await table(page).locator('[data-testid=district-row]').first().waitFor()
    assert.equal(await page.getByTestId('district-figures-year').locator('input').inputValue(), '2013')
    assert.deepEqual((await districtNames(page)).map((s) => s.trim()), ['鼓楼区', '台江区', '仓山区', '马尾区', '晋安区', '长乐区'])
    const headers = await table(page).locator('.el-table__header-wrapper th').allTextContents()
    assert.ok(headers.some((h) => h.includes('企业数（家）')), `headers: ${headers}`)
    assert.ok(headers.some((h) => h.includes('R&D经费支出（万元）')))
    const first = table(page).locator('.el-table__body-wrapper tbody tr').first()
    assert.equal(await first.getByTestId('figure-enterprises').textContent(), '2,400')
    assert.equal(await first.getByTestId('figure-rd_total').textContent(), '91,800.00')
    const last = table(page).locator('.el-table__body-wrapper tbody tr').last()
    assert.equal(await last.getByTestId('figure-rd_total').textContent(), '—') // missing
    const total = (await footer(page)).map((s) => s.trim())
    assert.equal(total[0], '合计')
    assert.equal(total[1], '10,330')
    assert.equal(total[4], '312,681.50')
    assert.equal(total[6], '2.16') // the ratio as the server recomputed it, not a sum
    await page.getByTestId('district-figures-chart').locator('canvas').first().waitFor()
    await shot(page, 'city-zh-CN-1440')

    // Sorting by R&D expenditure: largest first, the missing one last; the total stays below.
    await table(page).locator('.el-table__header-wrapper th', { hasText: 'R&D经费支出' }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid=district-figures-table] tbody tr [data-testid=district-row]')?.textContent?.includes('鼓楼区'))
    assert.deepEqual((await districtNames(page)).map((s) => s.trim()), ['鼓楼区', '仓山区', '马尾区', '晋安区', '台江区', '长乐区'])
    assert.equal((await footer(page))[0].trim(), '合计')

    // Another year; a year without data says so.
    const year = page.getByTestId('district-figures-year').locator('input')
    await year.click()
    await page.locator('.el-year-table td', { hasText: '2012' }).click()
    await page.waitForURL(/year=2012/)
    await page.waitForFunction(() => document.querySelector('[data-testid=figure-enterprises]')?.textContent === '2,208')
    await year.click()
    await page.locator('.el-year-table td', { hasText: '2011' }).click()
    await page.getByTestId('district-figures-empty').waitFor()
    await year.click()
    await page.locator('.el-year-table td', { hasText: '2013' }).click()
    await table(page).waitFor()

    // A click on a district narrows the header's switcher (and the page) to it; the year stays.
    await table(page).getByTestId('district-pick').filter({ hasText: '台江区' }).first().click()
    await page.getByTestId('district-figures-narrowed').waitFor()
    assert.equal(await page.getByTestId('district-switch').locator('input').inputValue(), '台江区')
    assert.match(page.url(), /year=2013/)
    assert.deepEqual((await districtNames(page)).map((s) => s.trim()), ['台江区'])
    assert.equal(await table(page).locator('.el-table__footer-wrapper').count(), 0, 'no total for one district')
    await page.getByTestId('district-figures-all').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=district-figures-table] .el-table__body-wrapper tbody tr').length === 6)
    assert.equal(await page.getByTestId('district-switch').locator('input').inputValue(), '全部区县')

    // English: labels and units from the response in the language chosen.
    await signOut(page)
    await signIn(page, 'wang.fang', 'City-Passw0rd!', 'en')
    await page.goto(`${mock.url}/districts`)
    await table(page).locator('[data-testid=district-row]').first().waitFor()
    const en = await table(page).locator('.el-table__header-wrapper th').allTextContents()
    assert.ok(en.includes('Enterprises') && en.includes('R&D expenditure (10k yuan)'), `headers: ${en}`)
    assert.equal((await footer(page))[0].trim(), 'Total')
    await shot(page, 'city-en-1440')

    // A phone: the page fits; the table scrolls sideways under its fixed district column.
    await page.setViewportSize({ width: 375, height: 812 })
    await page.waitForTimeout(400)
    await noWiderThanScreen(page)
    const wrapper = table(page).locator('.el-table__body-wrapper .el-scrollbar__wrap').first()
    const sizes = await wrapper.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    assert.ok(sizes.scroll > sizes.client, 'the figures scroll sideways')
    await wrapper.evaluate((el) => { el.scrollLeft = 300 })
    await page.waitForTimeout(200)
    assert.ok(await table(page).locator('.el-table-fixed-column--left').first().isVisible(), 'the district column stays')
    await shot(page, 'city-en-375')
    await page.getByTestId('lang-zh-CN').click().catch(() => undefined)
    await signOut(page)
    await signIn(page, 'wang.fang', 'City-Passw0rd!')
    await page.goto(`${mock.url}/districts?year=2013`)
    await table(page).locator('[data-testid=district-row]').first().waitFor()
    await noWiderThanScreen(page)
    await shot(page, 'city-zh-CN-375')
  } finally {
    await browser.close()
  }
})

test('a district user sees their own district only; the whole installation sees all', async () => {
  const browser = await launch({ viewport: { width: 1440, height: 900 } })
  const { page } = browser
  page.setDefaultTimeout(15000)
  try {
    await signIn(page, 'chen.jie', 'District-Passw0rd!')
    await page.goto(`${mock.url}/districts`)
    await table(page).locator('[data-testid=district-row]').first().waitFor()
    assert.deepEqual((await districtNames(page)).map((s) => s.trim()), ['鼓楼区'])
    assert.equal(await table(page).locator('.el-table__footer-wrapper').count(), 0)
    assert.equal(await page.getByTestId('district-pick').count(), 0, 'nothing to narrow to')
    assert.equal(await page.getByTestId('district-figures-chart').count(), 0)
    await shot(page, 'district-zh-CN-1440')

    await signOut(page)
    await signIn(page, MOCK_ADMIN.username, MOCK_ADMIN.password)
    await page.goto(`${mock.url}/districts?year=2013`)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=district-figures-table] .el-table__body-wrapper tbody tr').length === 6)
    await page.goto(`${mock.url}/districts?year=1800`) // refused by the server: its problem is shown
    await page.getByTestId('district-figures-error').waitFor()
  } finally {
    await browser.close()
  }
})
