// A user's region scope (users.region_code): a district (330205), a city (330200: every code
// starting 3302), a province (330000: prefix 33) or null, the whole installation. Pure rules for the
// header's district switcher, the users page and new records; the server applies the same scope.
import { regionPath, type RegionNode } from './regions'
import type { User } from '@/api/types'

export type ScopeLevel = 'all' | 'province' | 'city' | 'district'

export function scopeLevel(code: string | null | undefined): ScopeLevel {
  if (!code) return 'all'
  if (/^\d{2}0000$/.test(code)) return 'province'
  if (/^\d{4}00$/.test(code)) return 'city'
  return 'district'
}

/** The code prefix a scope covers ('' for the whole installation). */
export function scopePrefix(code: string | null | undefined): string {
  const level = scopeLevel(code)
  if (level === 'all') return ''
  if (level === 'province') return code!.slice(0, 2)
  if (level === 'city') return code!.slice(0, 4)
  return code!
}

/** Whether `code` lies inside the scope. */
export function withinScope(scope: string | null | undefined, code: string): boolean {
  return code.startsWith(scopePrefix(scope))
}

/** A single district's code when the user's scope is one district (new records start with it). */
export function userDistrict(user: Pick<User, 'role' | 'region_code'> | null): string | null {
  if (!user || user.role === 'enterprise') return null
  return scopeLevel(user.region_code) === 'district' ? user.region_code! : null
}

/**
 * Whether the header offers the district switcher: to bureau users whose scope is wider than one
 * district (a city, a province or the whole installation); enterprise accounts see their
 * enterprise only, and a district user has nothing to narrow.
 */
export function showsSwitcher(user: Pick<User, 'role' | 'region_code'> | null): boolean {
  if (!user || user.role === 'enterprise') return false
  return scopeLevel(user.region_code) !== 'district'
}

/**
 * The part of the dictionary inside a scope, as picker options: the whole tree for null, else the
 * scope's own node (with everything below it) as the one root. Empty when the dictionary lacks it.
 */
export function scopeOptions(tree: readonly RegionNode[], scope: string | null | undefined): RegionNode[] {
  if (!scope) return [...tree]
  const node = regionPath(tree, scope).at(-1)
  return node ? [node] : []
}

/**
 * The switcher's choices: the districts inside the scope, grouped as the dictionary groups them
 * (cities under a province; for the whole installation provinces, cities, districts). Only the
 * leaves are districts; a city scope gives its districts as a flat list.
 */
export function switcherOptions(tree: readonly RegionNode[], scope: string | null | undefined): RegionNode[] {
  const level = scopeLevel(scope)
  if (level === 'district') return []
  if (level === 'all') return [...tree]
  const node = regionPath(tree, scope!).at(-1)
  return node?.children ? [...node.children] : []
}

/** "330205 北仑区": the code and the dictionary's name of it (the code alone when unknown). */
export function scopeLabel(tree: readonly RegionNode[], code: string): string {
  const name = regionPath(tree, code).at(-1)?.label
  return name ? `${code} ${name}` : code
}
