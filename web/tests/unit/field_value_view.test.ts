import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { i18n, setLocale } from '@/i18n'
import type { FieldDef } from '@/api/registry'
import FieldValueView from '@/components/registry/FieldValueView.vue'
import { loadRegions } from '@/utils/regions'
import { kindOf } from './registry_fixture'

const region = kindOf('enterprises').fields.find((f) => f.name === 'region_code') as FieldDef

async function shown(value: string | null) {
  setLocale('zh-CN')
  const w = mount(FieldValueView, { props: { field: region, value }, global: { plugins: [createPinia(), i18n], stubs: { RouterLink: true } } })
  await loadRegions()
  await flushPromises()
  return w
}

describe('FieldValueView', () => {
  it('names a region code’s division, with its whole path on hover', async () => {
    const w = await shown('330205')
    expect(w.text()).toBe('330205 江北区')
    expect(w.find('span').attributes('title')).toBe('浙江省 / 宁波市 / 江北区')
  })

  it('shows a code the dictionary lacks as it is, and a dash when empty', async () => {
    expect((await shown('339999')).text()).toBe('339999')
    expect((await shown(null)).text()).toBe('—')
  })
})
