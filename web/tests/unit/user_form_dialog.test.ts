// The user form's PATCH: an account whose role changes to enterprise drops its region scope
// (region_code: null; the server refuses a scope on enterprise accounts), others keep theirs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, nextTick } from 'vue'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import { setCsrfToken } from '@/api/client'
import type { User } from '@/api/types'
import UserFormDialog from '@/components/users/UserFormDialog.vue'
import { ADMIN, jsonResponse, mockFetch, signInAs } from './helpers'

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

// The pickers fetch the registry and the region dictionary; here they only hand back a value.
const EnterprisePick = defineComponent({
  props: { modelValue: { type: Number, default: null } },
  emits: ['update:modelValue'],
  setup: (_p, { emit }) => () => h('button', { class: 'pick-enterprise', type: 'button', onClick: () => emit('update:modelValue', 5) }),
})
const RegionPick = defineComponent({ props: { modelValue: { type: String, default: null } }, setup: () => () => h('span') })

const STAFF: User = { ...ADMIN, id: 2, username: 'zhang.wei', display_name: '张伟', role: 'staff', region_code: '350104' }

async function openFor(user: User) {
  const pinia = createPinia()
  setActivePinia(pinia)
  signInAs(ADMIN)
  const wrapper = mount(UserFormDialog, {
    props: { user, modelValue: false },
    global: { plugins: [pinia, i18n, ElementPlus], stubs: { ReferenceSelect: EnterprisePick, RegionSelect: RegionPick } },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await settle()
  return wrapper
}

/** The dialog's own state (script setup), to change the role without driving the select's popper. */
const formOf = (wrapper: Awaited<ReturnType<typeof openFor>>) => (wrapper.vm as unknown as { form: { role: string } }).form

async function save(): Promise<void> {
  ;(document.querySelector('[data-testid=user-form-submit]') as HTMLButtonElement).click()
  await settle()
}

describe('UserFormDialog', () => {
  beforeEach(() => {
    setLocale('en')
    setCsrfToken('csrf-1')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('sends region_code null when the role is changed to enterprise', async () => {
    const { calls } = mockFetch(jsonResponse(200, { user: { ...STAFF, role: 'enterprise', region_code: null, enterprise_id: 5 } }))
    const wrapper = await openFor(STAFF)
    formOf(wrapper).role = 'enterprise'
    await nextTick()
    expect(document.querySelector('[data-testid=user-form-region]')).toBeNull() // the field is hidden for them
    ;(document.querySelector('.pick-enterprise') as HTMLButtonElement).click()
    await save()
    expect(calls).toHaveLength(1)
    expect(calls[0]!.method).toBe('PATCH')
    expect(calls[0]!.url).toBe('/api/v1/users/2')
    expect(calls[0]!.body).toMatchObject({ role: 'enterprise', enterprise_id: 5, region_code: null })
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ role: 'enterprise', region_code: null })
  })

  it('keeps the scope of an account that stays a bureau account', async () => {
    const { calls } = mockFetch(jsonResponse(200, { user: { ...STAFF, role: 'reviewer' } }))
    const wrapper = await openFor(STAFF)
    formOf(wrapper).role = 'reviewer'
    await nextTick()
    await save()
    expect(calls[0]!.body).toMatchObject({ role: 'reviewer', region_code: '350104', enterprise_id: null })
  })

  it('edits the unit/department, trimmed, and shows the server\'s error on it in the current language', async () => {
    const { calls } = mockFetch(jsonResponse(422, {
      code: 'validation', title: 'Validation failed', errors: [{ field: 'department', message: '单位/部门最多 100 个字符 / must be at most 100 characters' }],
    }))
    const wrapper = await openFor({ ...STAFF, department: '高新科' })
    const input = document.querySelector('[data-testid=user-form-department]') as HTMLInputElement
    expect(input.value).toBe('高新科')
    ;(wrapper.vm as unknown as { form: { department: string } }).form.department = '  区科技局办公室 '
    await nextTick()
    await save()
    expect(calls[0]!.body).toMatchObject({ department: '区科技局办公室' })
    expect(document.body.textContent).toContain('must be at most 100 characters')
    expect(document.body.textContent).not.toContain('单位/部门最多')
  })
})
