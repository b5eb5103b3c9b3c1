import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'
import { actionInWords } from '@/utils/audit_words'
import { KINDS } from './registry_fixture'

function words(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  const { t, te } = i18n.global
  return (action: string) => actionInWords(action, KINDS, locale === 'en' ? 'en' : 'zh', (k) => t(k), (k) => te(k))
}

describe('audit actions in words', () => {
  it('name registry kinds by their label and the verb in the language', () => {
    expect(words('zh-CN')('enterprises.update')).toBe('修改企业')
    expect(words('en')('enterprises.update')).toBe('Update Enterprises')
    expect(words('zh-CN')('enterprises.export')).toBe('导出企业')
  })
  it('name the system entities from the catalogue', () => {
    expect(words('zh-CN')('user.create')).toBe('新建用户')
    expect(words('en')('user.reset_password')).toBe('Reset password of user')
    expect(words('zh-CN')('audit_log.export')).toBe('导出审计日志')
  })
  it('keep codes they do not know', () => {
    expect(words('en')('widget.frobnicate')).toBe('frobnicate widget')
    expect(words('en')('plain')).toBe('plain')
  })
})
