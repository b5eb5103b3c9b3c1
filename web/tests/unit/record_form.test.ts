import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import { setCsrfToken } from '@/api/client'
import type { RegistryRecord } from '@/api/registry'
import RecordForm from '@/components/registry/RecordForm.vue'
import { useRegistryStore } from '@/stores/registry'
import { jsonResponse, mockFetch, problemResponse } from './helpers'
import { KINDS, kindOf } from './registry_fixture'

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 200)) // validation and Element Plus's debounced messages
  await flushPromises()
}

function mountForm(kindName: string, record: RegistryRecord | null = null) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useRegistryStore().kinds = KINDS
  return mount(RecordForm, {
    props: { kind: kindOf(kindName), record },
    global: { plugins: [pinia, i18n, ElementPlus], stubs: { RouterLink: true } },
    attachTo: document.body,
  })
}

type Wrapper = ReturnType<typeof mountForm>
const itemOf = (w: Wrapper, field: string) => w.find(`[data-testid=form-item-${field}]`)
const errorOf = (w: Wrapper, field: string) => itemOf(w, field).find('.el-form-item__error').text?.()

const ACME: RegistryRecord = {
  id: 5, credit_code: '91350100M000100Y43', name: 'Acme', former_names: null, region_code: null, town: 'Gulou',
  industry_code: null, registered_on: '2020-01-02', registered_capital: '1234.5', address: null, contact_person: null,
  contact_phone: null, above_size: null, tech_field: '2', tags: null,
}

describe('RecordForm', () => {
  beforeEach(() => {
    setLocale('en')
    setCsrfToken('csrf-1')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('has an input per field type, required marks and units', async () => {
    mockFetch()
    const w = mountForm('enterprises')
    await settle()
    expect(itemOf(w, 'name').find('input[name=name]').attributes('maxlength')).toBe('200')
    expect(itemOf(w, 'former_names').find('textarea').exists()).toBe(true)
    expect(itemOf(w, 'registered_on').find('.el-date-editor').exists()).toBe(true)
    expect(itemOf(w, 'above_size').find('.el-switch').exists()).toBe(true)
    expect(itemOf(w, 'tech_field').find('.el-select').exists()).toBe(true)
    expect(itemOf(w, 'registered_capital').find('.el-input-group__append').text()).toBe('10k yuan')
    expect(itemOf(w, 'credit_code').classes()).toContain('is-required')
    expect(itemOf(w, 'name').classes()).toContain('is-required')
    expect(itemOf(w, 'town').classes()).not.toContain('is-required')
    expect(itemOf(w, 'name').find('label').text()).toBe('Name')
  })

  it('checks required fields before calling the server', async () => {
    const { fn } = mockFetch()
    const w = mountForm('enterprises')
    await w.find('form').trigger('submit')
    await settle()
    expect(fn).not.toHaveBeenCalled()
    expect(errorOf(w, 'name')).toBe('Required')
    expect(errorOf(w, 'credit_code')).toBe('Required')
  })

  it('shows the server field errors on their fields, in the current language', async () => {
    const { calls } = mockFetch(problemResponse(422, 'validation', {
      detail: '1 field is invalid.',
      errors: [{
        field: 'credit_code', message: "check character should be '6', not '4'",
        code: 'credit_code.check_char', params: { expected: '6', actual: '4' },
      }],
    }))
    const w = mountForm('enterprises')
    await w.find('input[name=credit_code]').setValue('91350100M000100Y44')
    await w.find('input[name=name]').setValue('  Acme  ')
    await w.find('form').trigger('submit')
    await settle()
    expect(calls).toHaveLength(1)
    expect(calls[0]!.method).toBe('POST')
    expect(calls[0]!.url).toBe('/api/v1/registry/enterprises')
    expect(calls[0]!.body).toEqual({ credit_code: '91350100M000100Y44', name: 'Acme' })
    expect(errorOf(w, 'credit_code')).toBe("check character should be '6', not '4'")
    expect(w.find('[data-testid=record-form-error]').text()).toContain('check the fields marked in red')
    setLocale('zh-CN')
    await settle()
    expect(errorOf(w, 'credit_code')).toBe('校验码错误：第18位应为“6”，实际为“4”')
    setLocale('en')
  })

  it('sends only the changed fields when editing, and reports the saved record', async () => {
    const saved = { ...ACME, name: 'Acme Ltd', town: null }
    const { calls } = mockFetch(jsonResponse(200, saved))
    const w = mountForm('enterprises', ACME)
    await w.find('input[name=name]').setValue('Acme Ltd')
    await w.find('input[name=town]').setValue('')
    await w.find('form').trigger('submit')
    await settle()
    expect(calls).toHaveLength(1)
    expect(calls[0]!.method).toBe('PATCH')
    expect(calls[0]!.url).toBe('/api/v1/registry/enterprises/5')
    expect(calls[0]!.headers['X-CSRF-Token']).toBe('csrf-1')
    expect(calls[0]!.body).toEqual({ name: 'Acme Ltd', town: null })
    expect(w.emitted('saved')?.[0]).toEqual([saved, true])
  })

  it('reports a change filed for confirmation (202) instead of a saved record', async () => {
    const submission = {
      id: 3, kind: 'enterprises', record_id: 5, enterprise_id: 5, values: { name: 'Acme Ltd' }, status: 'pending',
      submitted_by: 'acme', submitted_at: '2026-11-27T04:00:00Z', decided_by: null, decided_at: null, note: null,
      result_record_id: null,
    }
    const { calls } = mockFetch(jsonResponse(202, { submission }))
    const w = mountForm('enterprises', ACME)
    await w.find('input[name=name]').setValue('Acme Ltd')
    await w.find('form').trigger('submit')
    await settle()
    expect(calls[0]!.method).toBe('PATCH')
    expect(w.emitted('submitted')?.[0]).toEqual([submission])
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('does not call the server when nothing changed', async () => {
    const { fn } = mockFetch()
    const w = mountForm('enterprises', ACME)
    await w.find('form').trigger('submit')
    await settle()
    expect(fn).not.toHaveBeenCalled()
    expect(w.emitted('saved')?.[0]).toEqual([ACME, false])
  })

  it('offers the referenced kind\'s records for a reference field', async () => {
    const { calls } = mockFetch(jsonResponse(200, { items: [{ id: 1, name: 'Acme', credit_code: '91350100M000100Y43' }], total: 1, page: 1, page_size: 20 }))
    const w = mountForm('enterprise_years')
    await settle()
    expect(itemOf(w, 'enterprise_id').find('.el-select').exists()).toBe(true)
    expect(calls[0]!.url).toBe('/api/v1/registry/enterprises?page_size=20')
    // A year is picked with a year picker; a count keeps its number input.
    expect(itemOf(w, 'year').find('.el-date-editor--year').exists()).toBe(true)
    expect(itemOf(w, 'year').find('.el-input-number').exists()).toBe(false)
    expect(itemOf(w, 'employees').find('.el-input-number').exists()).toBe(true)
  })

  it('sends a picked year as a number', async () => {
    const { calls } = mockFetch(
      jsonResponse(200, { items: [], total: 0, page: 1, page_size: 20 }),
      jsonResponse(201, { id: 9, enterprise_id: 1, year: 2024 }),
    )
    const w = mountForm('enterprise_years', { id: 3, enterprise_id: 1, year: 2023 } as RegistryRecord)
    await settle()
    const picker = w.findAllComponents({ name: 'ElDatePicker' }).find((c) => c.props('type') === 'year')!
    expect(picker.props('modelValue')).toBe('2023')
    picker.vm.$emit('update:modelValue', '2024')
    await w.find('form').trigger('submit')
    await settle()
    const sent = calls.find((c) => c.method === 'PATCH')!
    expect(sent.body).toEqual({ year: 2024 })
  })

  it('picks a region from the GB/T 2260 list and names a stored code', async () => {
    mockFetch()
    const w = mountForm('enterprises', { ...ACME, region_code: '330205' })
    await settle()
    const cascader = itemOf(w, 'region_code').find('.el-cascader')
    expect(cascader.exists()).toBe(true)
    expect((cascader.find('input').element as HTMLInputElement).value).toBe('浙江省 / 宁波市 / 江北区')
  })

  it('keeps a stored region code the list does not hold', async () => {
    mockFetch()
    const w = mountForm('enterprises', { ...ACME, region_code: '339999' })
    await settle()
    const input = itemOf(w, 'region_code').find('.el-cascader input').element as HTMLInputElement
    expect(input.value).toBe('339999 (not in the division list)')
  })
})
