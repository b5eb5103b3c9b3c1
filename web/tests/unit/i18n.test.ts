import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { i18n, LOCALE_STORAGE_KEY, setLocale, storedLocale } from '@/i18n'
import { ROLES } from '@/api/types'
import { KNOWN_ERROR_CODES } from '@/utils/errors'
import { UNIT_KEYS } from '@/utils/registry'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(vue|ts)$/.test(name) ? [full] : []
  })
}

const zhKeys = flatten(zhCN as Tree)
const enKeys = flatten(en as Tree)
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('i18n messages', () => {
  it('has the same keys in zh-CN and en', () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([])
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([])
    expect(zhKeys.size).toBeGreaterThan(100)
  })

  it('has no empty texts and the same placeholders in both languages', () => {
    for (const [key, zh] of zhKeys) {
      const e = enKeys.get(key)!
      expect(zh.trim(), `zh-CN ${key}`).not.toBe('')
      expect(e.trim(), `en ${key}`).not.toBe('')
      expect(placeholders(e), `placeholders of ${key}`).toEqual(placeholders(zh))
    }
  })

  it('defines every literal key the source code uses', () => {
    const src = path.resolve(__dirname, '../../src')
    const used = new Set<string>()
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]!)
      for (const m of text.matchAll(/titleKey: '([\w.]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(50)
    expect([...used].filter((k) => !zhKeys.has(k))).toEqual([])
  })

  it('defines the keys built at run time (roles, error codes, reasons, problems, policy, registry)', () => {
    const dynamic = [
      ...ROLES.map((r) => `roles.${r}`),
      ...KNOWN_ERROR_CODES.map((c) => `errors.${c}`),
      ...['bad_password', 'locked', 'disabled', 'unknown_user', 'throttled'].map((r) => `loginLog.reasons.${r}`),
      ...['edited', 'inserted', 'deleted'].map((p) => `audit.problems.${p}`),
      'password.tooShort', 'password.tooFewClasses', 'lang.zh-CN', 'lang.en',
      ...Object.values(UNIT_KEYS),
      ...['create', 'update', 'delete'].map((a) => `registry.actions.${a}`),
      ...['required', 'tooLong', 'amount', 'range'].map((p) => `registry.invalid.${p}`),
    ]
    expect(dynamic.filter((k) => !zhKeys.has(k))).toEqual([])
  })
})

describe('language choice', () => {
  beforeEach(() => window.localStorage.clear())

  it('defaults to zh-CN and persists a switch to en', () => {
    expect(storedLocale()).toBe('zh-CN')
    setLocale('en')
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(storedLocale()).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(i18n.global.t('menu.home')).toBe('Home')
    setLocale('zh-CN')
    expect(i18n.global.t('menu.home')).toBe('首页')
  })

  it('ignores an unknown stored value', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(storedLocale()).toBe('zh-CN')
  })
})
