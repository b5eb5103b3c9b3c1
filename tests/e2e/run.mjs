// Browser test of the web app against a running server (the real `kechuang serve` or the mock):
// sign in, switch language, open the users page, sign out.
//   KC_BASE_URL=http://127.0.0.1:8080 KC_ADMIN_USER=admin KC_ADMIN_PASSWORD=… node --test tests/e2e/run.mjs
// On a failing step a full-page screenshot is written to test-results/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launch, screenshot } from './browser.mjs'

const BASE = process.env.KC_BASE_URL?.replace(/\/+$/, '')
const USER = process.env.KC_ADMIN_USER
const PASSWORD = process.env.KC_ADMIN_PASSWORD
const TIMEOUT = Number(process.env.KC_E2E_TIMEOUT_MS ?? 15000)

/** Each step screenshots the page if it fails, so a red run shows what the browser saw. */
function stepper(t, page) {
  return (name, fn) => t.test(name, async () => {
    try {
      await fn()
    } catch (e) {
      const file = await screenshot(page, `e2e-failure-${name.replace(/\W+/g, '-')}`).catch(() => null)
      if (file) e.message += `\n  screenshot: ${file}`
      throw e
    }
  })
}

async function signIn(page, username, password) {
  await page.goto(`${BASE}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

async function signOut(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-logout').click()
  await page.waitForURL(/\/login(\?|$)/)
}

test('admin signs in, switches language, sees the users page and signs out', async (t) => {
  assert.ok(BASE, 'set KC_BASE_URL to the server under test, e.g. http://127.0.0.1:8080')
  assert.ok(USER && PASSWORD, 'set KC_ADMIN_USER and KC_ADMIN_PASSWORD to an admin account')

  const browser = await launch()
  const { page } = browser
  page.setDefaultTimeout(TIMEOUT)
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const cspViolations = []
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()) })

  const step = stepper(t, page)

  try {
    await step('login page is shown for a signed-out visitor', async () => {
      await page.goto(`${BASE}/users`)
      await page.waitForURL(/\/login(\?|$)/)
      await page.getByTestId('login-title').waitFor()
    })

    await step('wrong password is refused with a message', async () => {
      await page.getByTestId('login-username').fill(USER)
      await page.getByTestId('login-password').fill(`${PASSWORD}-wrong`)
      await page.getByTestId('login-submit').click()
      const error = page.getByTestId('login-error')
      await error.waitFor()
      assert.match(await error.innerText(), /用户名或密码错误|Wrong username or password/)
    })

    await step('admin signs in and lands on the page asked for', async () => {
      await page.getByTestId('login-password').fill(PASSWORD)
      await page.getByTestId('login-submit').click()
      await page.waitForURL((u) => !u.pathname.startsWith('/login'))
      if (new URL(page.url()).pathname === '/change-password') {
        assert.fail(`${USER} must change the password first; use an admin account without must_change_password`)
      }
      assert.equal(new URL(page.url()).pathname, '/users', 'the redirect after login goes back to /users')
      await page.getByTestId('menu-home').click()
      await page.waitForURL((u) => u.pathname === '/')
      assert.equal(await page.getByTestId('home-username').innerText(), USER)
    })

    await step('language switch changes visible text and persists', async () => {
      const homeItem = page.getByTestId('menu-home')
      assert.equal((await homeItem.innerText()).trim(), '首页', 'a fresh profile starts in Chinese')
      await page.getByTestId('lang-en').click()
      await page.waitForFunction(() => document.querySelector('[data-testid=menu-home]')?.textContent?.trim() === 'Home')
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
      await page.reload()
      await homeItem.waitFor()
      assert.equal((await homeItem.innerText()).trim(), 'Home', 'the choice survives a reload')
      await page.getByTestId('lang-zh-CN').click()
      await page.waitForFunction(() => document.querySelector('[data-testid=menu-home]')?.textContent?.trim() === '首页')
    })

    await step('users page lists the admin', async () => {
      await page.getByTestId('menu-users').click()
      await page.waitForURL((u) => u.pathname === '/users')
      const names = page.getByTestId('users-table').getByTestId('user-row-username')
      await names.first().waitFor()
      const all = await names.allInnerTexts()
      assert.ok(all.map((s) => s.trim()).includes(USER), `users table lists ${USER}; it shows ${JSON.stringify(all)}`)
    })

    await step('logout returns to the login page', async () => {
      await page.getByTestId('user-menu').click()
      await page.getByTestId('menu-logout').click()
      await page.waitForURL(/\/login(\?|$)/)
      await page.getByTestId('login-title').waitFor()
      // The session is really gone: a protected page sends us back to login.
      await page.goto(`${BASE}/audit`)
      await page.waitForURL(/\/login\?redirect=(%2F|\/)audit$/)
    })

    await step('no uncaught errors and no CSP violations in the page', async () => {
      assert.deepEqual(pageErrors, [])
      assert.deepEqual(cspViolations, [])
    })
  } finally {
    await browser.close()
  }
})

test('a new user gets a generated password, must change it, and sees only their pages', async (t) => {
  assert.ok(BASE && USER && PASSWORD, 'set KC_BASE_URL, KC_ADMIN_USER and KC_ADMIN_PASSWORD')
  const browser = await launch()
  const { page } = browser
  page.setDefaultTimeout(TIMEOUT)
  const step = stepper(t, page)
  const username = `e2e${Date.now().toString(36)}`
  const newPassword = 'Fresh-Passw0rd-2026'
  let initial = ''

  try {
    await step('admin creates a staff user and sees the generated password once', async () => {
      await page.goto(`${BASE}/login`)
      await page.getByTestId('lang-en').click()
      await signIn(page, USER, PASSWORD)
      await page.getByTestId('menu-users').click()
      await page.getByTestId('users-create').click()
      await page.getByTestId('user-form-username').fill(username)
      await page.getByTestId('user-form-display-name').fill('E2E Staff')
      await page.getByTestId('user-form-submit').click()
      const shown = page.getByTestId('initial-password')
      await shown.waitFor()
      initial = (await shown.innerText()).trim()
      assert.ok(initial.length >= 10, `a generated password is shown (got ${JSON.stringify(initial)})`)
      await page.keyboard.press('Escape')
      const names = page.getByTestId('users-table').getByTestId('user-row-username')
      await page.waitForFunction((u) => [...document.querySelectorAll('[data-testid=user-row-username]')]
        .some((e) => e.textContent.trim() === u), username)
      assert.ok((await names.allInnerTexts()).map((x) => x.trim()).includes(username))
      await signOut(page)
    })

    await step('the new user is sent to the password page and the policy is enforced', async () => {
      await signIn(page, username, initial)
      assert.equal(new URL(page.url()).pathname, '/change-password')
      await page.goto(`${BASE}/users`)
      await page.waitForURL((u) => u.pathname === '/change-password')
      const form = page.getByTestId('change-password-form')
      await form.locator('input[name=current_password]').fill(initial)
      await form.locator('input[name=new_password]').fill('short')
      await form.locator('input[name=confirm_password]').fill('short')
      await page.getByTestId('change-password-submit').click()
      await form.locator('.el-form-item__error').first().waitFor()
      assert.equal(new URL(page.url()).pathname, '/change-password')
      await form.locator('input[name=new_password]').fill(newPassword)
      await form.locator('input[name=confirm_password]').fill(newPassword)
      await page.getByTestId('change-password-submit').click()
      await page.waitForURL((u) => u.pathname === '/')
    })

    await step('a staff user sees only Home and is refused admin pages', async () => {
      await page.getByTestId('menu-home').waitFor()
      assert.equal(await page.getByTestId('menu-users').count(), 0)
      assert.equal(await page.getByTestId('menu-audit').count(), 0)
      await page.goto(`${BASE}/audit`)
      await page.getByTestId('forbidden').waitFor()
      await page.goto(`${BASE}/`)
      await signOut(page)
      await signIn(page, username, newPassword)
      assert.equal(new URL(page.url()).pathname, '/', 'the new password works and is no longer forced')
    })
  } finally {
    await browser.close()
  }
})
