// vue-i18n set-up: zh-CN by default, en as the alternative; the choice persists in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
// The server's messages (src/app/messages.hpp); tests/unit/app/messages_test.cpp keeps them in step.
import problemsZhCN from './problems.zh-CN.json'
import problemsEn from './problems.en.json'
// The server's field errors (src/domain/field_messages.hpp); tests/unit/app/field_messages_test.cpp
// keeps them in step.
import fieldErrorsZhCN from './field_errors.zh-CN.json'
import fieldErrorsEn from './field_errors.en.json'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'kc.locale'

export const messages = {
  'zh-CN': { ...zhCN, problem: problemsZhCN, fieldError: fieldErrorsZhCN },
  en: { ...en, problem: problemsEn, fieldError: fieldErrorsEn },
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(saved) ? saved : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE // storage may be disabled; the default language still works
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'en',
  messages,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // not persisted, but the switch still applies to this page
  }
}
