// Sidebar items and breadcrumbs derived from the page registry, so both follow what the server lets
// the user call.
import type { Component } from 'vue'
import { pages as allPages, type PageDef } from './pages'

export interface MenuItem {
  name: string
  path: string
  titleKey: string
  icon: Component
  group?: 'system'
}

export interface Crumb {
  titleKey: string
  /** Link target; the last crumb (the current page) has none. */
  path?: string
}

/**
 * Whether a page is open to a user the server lets call `may` (SessionInfo.may); `null` when
 * nobody is signed in.
 */
export function pageAllows(page: Pick<PageDef, 'requires' | 'unless'>, may: ReadonlySet<string> | null): boolean {
  if (may === null) return false
  if (page.unless && may.has(page.unless)) return false
  return !page.requires || may.has(page.requires)
}

export function menuFor(may: ReadonlySet<string> | null, pages: readonly PageDef[] = allPages): MenuItem[] {
  return pages
    .filter((p) => p.inMenu !== false && pageAllows(p, may))
    .map((p) => ({ name: p.name, path: `/${p.path}`, titleKey: p.titleKey, icon: p.icon, group: p.group }))
}

export interface MenuEntry {
  path: string
  label: string
  testId: string
}

/**
 * The menu's page search: every page and registry kind whose label (or machine name) contains the
 * query, case-insensitively; pages first, in menu order.
 */
export function searchMenu(query: string, pages: readonly MenuEntry[], kinds: readonly (MenuEntry & { name: string })[]): MenuEntry[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const hit = (e: MenuEntry, extra = '') => e.label.toLowerCase().includes(q) || extra.toLowerCase().includes(q)
  return [...pages.filter((p) => hit(p)), ...kinds.filter((k) => hit(k, k.name))]
}

export function breadcrumbsFor(routeName: string | null | undefined, pages: readonly PageDef[] = allPages): Crumb[] {
  const home = pages.find((p) => p.path === '')
  const current = pages.find((p) => p.name === routeName)
  if (!home) return current ? [{ titleKey: current.titleKey }] : []
  if (!current || current === home) return [{ titleKey: home.titleKey }]
  return [{ titleKey: home.titleKey, path: '/' }, { titleKey: current.titleKey }]
}
