import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import { setCsrfToken } from '@/api/client'
import LoginView from '@/views/LoginView.vue'
import { ADMIN, jsonResponse, mockFetch, problemResponse } from './helpers'

async function mountLogin(path = '/login') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginView },
      { path: '/', name: 'home', component: { template: '<div>home</div>' } },
      { path: '/audit', name: 'audit', component: { template: '<div>audit</div>' } },
      { path: '/change-password', name: 'change-password', component: { template: '<div>pw</div>' } },
    ],
  })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(LoginView, { global: { plugins: [pinia, router, i18n, ElementPlus] }, attachTo: document.body })
  return { wrapper, router }
}

async function submit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'], username: string, password: string) {
  await wrapper.find('input[name=username]').setValue(username)
  await wrapper.find('input[name=password]').setValue(password)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0)) // form validation resolves on a later tick
  await flushPromises()
}

describe('LoginView', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    setCsrfToken(null)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it.each([
    [problemResponse(401, 'unauthenticated'), '用户名或密码错误'],
    [problemResponse(423, 'locked'), '账户已被临时锁定，请稍后再试'],
    [problemResponse(429, 'throttled'), '登录尝试过于频繁，请稍后再试'],
  ])('shows the API refusal in words (%#)', async (response, text) => {
    mockFetch(response)
    const { wrapper, router } = await mountLogin()
    await submit(wrapper, 'admin', 'whatever-pw')
    expect(wrapper.find('[data-testid=login-error]').text()).toContain(text)
    expect(router.currentRoute.value.name).toBe('login')
  })

  it('says when a locked account opens again, in English too', async () => {
    setLocale('en')
    mockFetch(problemResponse(423, 'locked', { locked_until: '2026-11-27T10:30:00' }))
    const { wrapper } = await mountLogin()
    await submit(wrapper, 'admin', 'whatever-pw')
    expect(wrapper.find('[data-testid=login-error]').text()).toContain('This account is locked until 2026-11-27 10:30:00')
  })

  it('asks for both fields before calling the server', async () => {
    const { fn } = mockFetch()
    const { wrapper } = await mountLogin()
    await submit(wrapper, '', '')
    expect(fn).not.toHaveBeenCalled()
    await new Promise((r) => setTimeout(r, 200)) // Element Plus debounces showing the message
    expect(wrapper.text()).toContain('请输入用户名')
  })

  it('goes back to the page asked for after signing in', async () => {
    mockFetch(jsonResponse(200, { user: ADMIN, csrf_token: 't' }))
    const { wrapper, router } = await mountLogin('/login?redirect=/audit')
    await submit(wrapper, ' admin ', 'Right-pass1')
    expect(router.currentRoute.value.fullPath).toBe('/audit')
  })

  it('goes to the password page when the password must be changed', async () => {
    mockFetch(jsonResponse(200, { user: { ...ADMIN, must_change_password: true }, csrf_token: 't' }))
    const { wrapper, router } = await mountLogin('/login?redirect=/audit')
    await submit(wrapper, 'admin', 'Initial-pw1')
    expect(router.currentRoute.value.name).toBe('change-password')
  })
})
