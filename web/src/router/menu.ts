// Sidebar items and breadcrumbs derived from the page registry, so both follow the role rules.
import type { Component } from 'vue'
import type { Role } from '@/api/types'
import { pages as allPages, type PageDef } from './pages'

export interface MenuItem {
  name: string
  path: string
  titleKey: string
  icon: Component
}

export interface Crumb {
  titleKey: string
  /** Link target; the last crumb (the current page) has none. */
  path?: string
}

export function pageAllows(page: Pick<PageDef, 'roles'>, role: Role | null): boolean {
  if (role === null) return false
  return !page.roles || page.roles.length === 0 || page.roles.includes(role)
}

export function menuFor(role: Role | null, pages: readonly PageDef[] = allPages): MenuItem[] {
  return pages
    .filter((p) => p.inMenu !== false && pageAllows(p, role))
    .map((p) => ({ name: p.name, path: `/${p.path}`, titleKey: p.titleKey, icon: p.icon }))
}

export function breadcrumbsFor(routeName: string | null | undefined, pages: readonly PageDef[] = allPages): Crumb[] {
  const home = pages.find((p) => p.path === '')
  const current = pages.find((p) => p.name === routeName)
  if (!home) return current ? [{ titleKey: current.titleKey }] : []
  if (!current || current === home) return [{ titleKey: home.titleKey }]
  return [{ titleKey: home.titleKey, path: '/' }, { titleKey: current.titleKey }]
}
