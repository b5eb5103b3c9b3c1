import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import { setCsrfToken } from '@/api/client'
import ChangePasswordForm from '@/components/ChangePasswordForm.vue'
import { mockFetch, problemResponse } from './helpers'

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 200)) // validation and Element Plus's debounced messages
  await flushPromises()
}

async function fillAndSubmit(current: string, next: string, confirm = next) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(ChangePasswordForm, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  await wrapper.find('input[name=current_password]').setValue(current)
  await wrapper.find('input[name=new_password]').setValue(next)
  await wrapper.find('input[name=confirm_password]').setValue(confirm)
  await wrapper.find('form').trigger('submit')
  await settle()
  return wrapper
}

const itemError = (wrapper: Awaited<ReturnType<typeof fillAndSubmit>>, input: string) =>
  wrapper.find(`input[name=${input}]`).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

describe('ChangePasswordForm', () => {
  beforeEach(() => {
    setLocale('en')
    setCsrfToken('csrf-1')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the policy', async () => {
    mockFetch()
    const wrapper = await fillAndSubmit('', '')
    expect(wrapper.text()).toContain('at least 10 characters')
  })

  it('checks the policy before calling the server', async () => {
    const { fn } = mockFetch()
    const wrapper = await fillAndSubmit('Old-password1', 'alllowercase')
    expect(fn).not.toHaveBeenCalled()
    expect(itemError(wrapper, 'new_password')).toBe('Use at least 3 of: upper-case letters, lower-case letters, digits, other symbols')
  })

  it('refuses a confirmation that differs', async () => {
    const { fn } = mockFetch()
    const wrapper = await fillAndSubmit('Old-password1', 'New-password2', 'New-password3')
    expect(fn).not.toHaveBeenCalled()
    expect(itemError(wrapper, 'confirm_password')).toBe('The two new passwords do not match')
  })

  it('puts the server field errors on the matching fields', async () => {
    const { calls } = mockFetch(problemResponse(422, 'validation', {
      errors: [{ field: 'current_password', message: 'is wrong' }, { field: 'new_password', message: 'was used before' }],
    }))
    const wrapper = await fillAndSubmit('Old-password1', 'New-password2')
    expect(calls[0]).toMatchObject({ url: '/api/v1/auth/password', method: 'POST',
      body: { current_password: 'Old-password1', new_password: 'New-password2' } })
    expect(calls[0]!.headers['X-CSRF-Token']).toBe('csrf-1')
    expect(itemError(wrapper, 'current_password')).toBe('is wrong')
    expect(itemError(wrapper, 'new_password')).toBe('was used before')
    expect(wrapper.find('[data-testid=change-password-error]').exists()).toBe(false)
  })

  it('shows a password rule\'s code on its field in the user\'s language', async () => {
    mockFetch(problemResponse(422, 'password_common', { errors: [{ field: 'new_password', message: 'is on the list of common passwords' }] }))
    const wrapper = await fillAndSubmit('Old-password1', 'Password123!')
    expect(itemError(wrapper, 'new_password')).toBe('This password is too common (also with digits or symbols added at the end); choose another')
  })

  it('shows the own-name rule in Chinese too', async () => {
    setLocale('zh-CN')
    mockFetch(problemResponse(422, 'password_contains_name', { errors: [{ field: 'new_password', message: 'must not contain the account\'s username or display name' }] }))
    const wrapper = await fillAndSubmit('Old-password1', 'Zhangwei-2024!')
    expect(itemError(wrapper, 'new_password')).toBe('密码不能包含用户名或显示名称')
  })

  it('shows other failures above the button', async () => {
    mockFetch(problemResponse(429, 'throttled'))
    const wrapper = await fillAndSubmit('Old-password1', 'New-password2')
    expect(wrapper.find('[data-testid=change-password-error]').text()).toContain('Too many requests; try again later')
  })

  it('emits done after a successful change', async () => {
    mockFetch(new Response(null, { status: 204 }))
    const wrapper = await fillAndSubmit('Old-password1', 'New-password2')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })
})
