// Browser test of the indicators page (指标) against the mock server: a city user's catalogue for
// the latest year with data (the city's sum), values by their measure, a dash for missing ones,
// the change on the year before coloured by direction, another year, the provenance drawer of an
// additive value (paged records linking to the registry) and of a ratio (numerator and
// denominator), the truncated notice, both languages, and the phone layout (the table fits the
// screen with the growth under each value; nothing wider than the screen). Screenshots at 1440
// and 375 px in both languages go to test-results/indicators/.
//   node --test tests/e2e/indicators.test.mjs        (needs web/dist: cd web && npx vite build)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { mkdir } from 'node:fs/promises'
import { launch, RESULTS_DIR } from './browser.mjs'
import { startMockServer } from './mock-server.mjs'

const dir = path.join(RESULTS_DIR, 'indicators')
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
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
}

const text = async (page, id) => (await page.getByTestId(id).first().textContent()).trim()
const drawer = (page) => page.locator('.el-drawer').filter({ has: page.getByTestId('provenance-formula') })

async function noWiderThanScreen(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
  assert.ok(scroll <= width, `page is ${scroll} px wide on a ${width} px screen`)
}

test('a city user reads the indicators of the city and where a value comes from', async () => {
  const browser = await launch({ viewport: { width: 1440, height: 900 } })
  const { page } = browser
  page.setDefaultTimeout(15000)
  try {
    await signIn(page, 'wang.fang', 'City-Passw0rd!')
    await page.getByTestId('menu-indicators').click()
    await page.waitForURL(/\/indicators\?year=2013/) // the latest year with data, from the series
    await page.getByTestId('indicator-table').locator('[data-testid=indicator-row]').first().waitFor()
    assert.equal(await page.getByTestId('indicators-year').locator('input').inputValue(), '2013')
    assert.match(await text(page, 'indicators-region'), /福州市/)
    await page.getByTestId('indicators-sum-note').waitFor()
    const names = (await page.getByTestId('indicator-table').locator('.el-table__body-wrapper [data-testid=indicator-row]').allTextContents()).map((s) => s.trim())
    assert.equal(names[0], '企业研发经费支出')
    // By measure: an amount in 万元 with separators and trimmed decimals, a ratio with 2, a count.
    assert.equal(await text(page, 'indicator-value-rd_expenditure_enterprise'), '312,681.5')
    assert.equal(await text(page, 'indicator-value-rd_gdp_enterprise'), '2.16')
    assert.equal(await text(page, 'indicator-value-hte_count'), '1,149')
    // Missing: a dash (a statistic one district lacks), never 0.
    assert.equal(await text(page, 'indicator-value-fiscal_st_share'), '—')
    await page.getByTestId('indicator-value-fiscal_st_share').first().hover()
    await page.locator('.el-popper', { hasText: '数据缺失' }).first().waitFor()
    // The change on 2012: up and green for R&D, down and red for patent applications.
    assert.equal(await text(page, 'indicator-change-rd_expenditure_enterprise'), '+25,014.52')
    assert.equal(await text(page, 'indicator-growth-rd_expenditure_enterprise'), '+8.70%')
    assert.match(await page.getByTestId('indicator-growth-rd_expenditure_enterprise').first().getAttribute('class'), /kc-good/)
    assert.equal(await text(page, 'indicator-growth-patent_applications'), '-5.66%')
    assert.match(await page.getByTestId('indicator-growth-patent_applications').first().getAttribute('class'), /kc-bad/)
    assert.equal(await text(page, 'indicator-growth-fiscal_st_share'), '—')
    await page.getByTestId('indicator-chart').locator('canvas').first().waitFor()
    await shot(page, 'city-zh-CN-1440')

    // The records behind an additive value: paged, each linking to its registry record.
    await page.getByTestId('indicator-value-rd_expenditure_enterprise').first().click()
    const d = drawer(page)
    await d.getByTestId('provenance-records').locator('tbody tr').first().waitFor()
    assert.equal(await d.getByTestId('provenance-value').textContent(), '312,681.5')
    assert.match(await d.getByTestId('provenance-formula').textContent(), /sum\(enterprise_years\.rd_total/)
    assert.match(await d.textContent(), /共 25 条记录/)
    assert.equal(await d.getByTestId('provenance-records').locator('tbody tr').count(), 20)
    assert.equal((await d.getByTestId('provenance-kind').first().textContent()).trim(), '企业年度数据')
    assert.equal((await d.getByTestId('provenance-share').first().textContent()).trim(), '36,720')
    const link = d.getByTestId('provenance-record').first()
    assert.match(await link.getAttribute('href'), /^\/registry\/enterprise_years\/\d+$/)
    await shot(page, 'drawer-zh-CN-1440')
    await d.locator('.el-pagination .btn-next').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=provenance-records] tbody tr').length === 5)
    await d.locator('.el-drawer__close-btn').click()
    await d.waitFor({ state: 'hidden' })

    // A ratio: its numerator's and denominator's records.
    await page.getByTestId('indicator-value-rd_gdp_enterprise').first().click()
    await d.getByTestId('provenance-denominator').locator('tbody tr').first().waitFor()
    assert.equal(await d.getByTestId('provenance-numerator').locator('tbody tr').count(), 20)
    assert.equal(await d.getByTestId('provenance-denominator').locator('tbody tr').count(), 6)
    assert.equal((await d.getByTestId('provenance-denominator').getByTestId('provenance-kind').first().textContent()).trim(), '地区统计')
    assert.equal(await d.getByTestId('provenance-share').count(), 0, 'a ratio has no shares')
    await d.locator('.el-drawer__close-btn').click()
    await d.waitFor({ state: 'hidden' })

    // Thousands of counted certificates: the drawer says it lists part of them.
    await page.getByTestId('indicator-value-hte_count').first().click()
    await d.getByTestId('provenance-truncated').waitFor()
    assert.match(await d.getByTestId('provenance-truncated').textContent(), /1,000/)
    await d.locator('.el-drawer__close-btn').click()
    await d.waitFor({ state: 'hidden' })

    // Another year; a year with nothing recorded says so.
    const year = page.getByTestId('indicators-year').locator('input')
    await year.click()
    await page.locator('.el-year-table td', { hasText: '2012' }).click()
    await page.waitForURL(/year=2012/)
    await page.waitForFunction(() => document.querySelector('[data-testid=indicator-value-hte_count]')?.textContent?.trim() === '1,058')
    assert.equal(await text(page, 'indicator-growth-patent_applications'), '+17.78%')
    await year.click()
    await page.locator('.el-year-table td', { hasText: '2010' }).click()
    await page.getByTestId('indicators-empty').waitFor()
    assert.match(await text(page, 'indicators-empty'), /2010年没有记录任何数据/)

    // A district chosen in the header: that district's own values.
    await page.goto(`${mock.url}/indicators?year=2013`)
    await page.getByTestId('district-switch').locator('input').click()
    await page.locator('.kc-district-popper .el-cascader-node', { hasText: '长乐区' }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid=indicator-value-hte_count]')?.textContent?.trim() === '98')
    assert.match(await text(page, 'indicators-region'), /长乐区/)
    assert.equal(await page.getByTestId('indicators-sum-note').count(), 0)
    assert.equal(await text(page, 'indicator-value-rd_expenditure_enterprise'), '—')
    await page.getByTestId('district-switch').locator('input').click()
    await page.locator('.kc-district-popper .el-cascader-node', { hasText: '全部区县' }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid=indicator-value-hte_count]')?.textContent?.trim() === '1,149')

    // English: names, units and the drawer in English.
    await signOut(page)
    await signIn(page, 'wang.fang', 'City-Passw0rd!', 'en')
    await page.goto(`${mock.url}/indicators`)
    await page.getByTestId('indicator-table').locator('[data-testid=indicator-row]').first().waitFor()
    await page.waitForURL(/year=2013/)
    const en = (await page.getByTestId('indicator-table').locator('.el-table__body-wrapper [data-testid=indicator-row]').allTextContents()).map((s) => s.trim())
    assert.equal(en[0], 'Enterprise R&D expenditure')
    assert.equal(await text(page, 'indicator-value-rd_expenditure_enterprise'), '312,681.5')
    assert.match(await page.getByTestId('indicator-table').textContent(), /10k yuan/)
    await page.getByTestId('indicator-value-fiscal_st_share').first().hover()
    await page.locator('.el-popper', { hasText: 'No data' }).first().waitFor()
    await shot(page, 'city-en-1440')
    await page.getByTestId('indicator-value-rd_gdp_enterprise').first().click()
    await d.getByTestId('provenance-denominator').locator('tbody tr').first().waitFor()
    assert.match(await d.textContent(), /Numerator/)
    assert.equal((await d.getByTestId('provenance-denominator').getByTestId('provenance-kind').first().textContent()).trim(), 'Region statistics')
    await shot(page, 'drawer-en-1440')
    await d.locator('.el-drawer__close-btn').click()
    await d.waitFor({ state: 'hidden' })

    // A phone: the page and the table fit the screen, the growth under each value.
    await page.setViewportSize({ width: 375, height: 812 })
    await page.waitForTimeout(400)
    await noWiderThanScreen(page)
    const wrapper = page.getByTestId('indicator-table').locator('.el-table__body-wrapper .el-scrollbar__wrap').first()
    const sizes = await wrapper.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    assert.ok(sizes.scroll <= sizes.client, `the table is ${sizes.scroll} px wide in ${sizes.client} px`)
    assert.equal(await page.getByTestId('indicator-table').locator('th', { hasText: 'Growth' }).count(), 0)
    assert.equal(await text(page, 'indicator-growth-rd_expenditure_enterprise'), '+8.70%')
    assert.ok(await page.getByTestId('indicator-growth-rd_expenditure_enterprise').first().isVisible())
    await shot(page, 'city-en-375')
    await page.getByTestId('indicator-value-rd_expenditure_enterprise').first().click()
    await d.getByTestId('provenance-records').locator('tbody tr').first().waitFor()
    await shot(page, 'drawer-en-375')
    await d.locator('.el-drawer__close-btn').click()
    await d.waitFor({ state: 'hidden' })
    await signOut(page)
    await signIn(page, 'wang.fang', 'City-Passw0rd!')
    await page.goto(`${mock.url}/indicators?year=2013`)
    await page.getByTestId('indicator-table').locator('[data-testid=indicator-row]').first().waitFor()
    await noWiderThanScreen(page)
    await shot(page, 'city-zh-CN-375')
  } finally {
    await browser.close()
  }
})

test('a district user sees their own district; a refused year shows the server\'s problem', async () => {
  const browser = await launch({ viewport: { width: 1440, height: 900 } })
  const { page } = browser
  page.setDefaultTimeout(15000)
  try {
    await signIn(page, 'chen.jie', 'District-Passw0rd!')
    await page.goto(`${mock.url}/indicators`)
    await page.getByTestId('indicator-table').locator('[data-testid=indicator-row]').first().waitFor()
    assert.match(await text(page, 'indicators-region'), /鼓楼区/)
    assert.equal(await text(page, 'indicator-value-hte_count'), '318')
    assert.equal(await page.getByTestId('district-switch').count(), 0, 'nothing to narrow to')
    await page.goto(`${mock.url}/indicators?year=1800`) // refused by the server: its problem is shown
    await page.getByTestId('indicators-error').waitFor()
  } finally {
    await browser.close()
  }
})
