import { describe, expect, it } from 'vitest'
import { HomeFilled } from '@element-plus/icons-vue'
import { ROLES } from '@/api/types'
import { breadcrumbsFor, menuFor } from '@/router/menu'
import { pages, type PageDef } from '@/router/pages'

const names = (items: { name: string }[]) => items.map((i) => i.name)

describe('menu by role', () => {
  it('shows admins every page, in registry order', () => {
    expect(names(menuFor('admin'))).toEqual(['home', 'users', 'audit', 'login-log', 'submissions', 'cultivation', 'programmes', 'index-studio'])
  })

  it('shows staff the submissions to confirm, enterprise accounts their own', () => {
    expect(names(menuFor('staff'))).toEqual(['home', 'submissions', 'cultivation', 'programmes', 'index-studio'])
    expect(names(menuFor('enterprise'))).toEqual(['home', 'my-submissions'])
  })

  it('opens the index studio to the bureau roles, never to enterprise accounts', () => {
    for (const role of ['admin', 'staff', 'reviewer', 'viewer'] as const) expect(names(menuFor(role))).toContain('index-studio')
    expect(names(menuFor('enterprise'))).not.toContain('index-studio')
  })

  it('shows reviewers and viewers the policy pages open to them', () => {
    expect(names(menuFor('reviewer'))).toEqual(['home', 'cultivation', 'programmes', 'index-studio'])
    expect(names(menuFor('viewer'))).toEqual(['home', 'cultivation', 'index-studio'])
  })

  it('covers every role', () => {
    expect(ROLES.length).toBe(5)
  })

  it('shows nothing when nobody is signed in', () => {
    expect(menuFor(null)).toEqual([])
  })

  it('gives absolute paths for the router', () => {
    expect(menuFor('admin').map((i) => i.path)).toEqual(['/', '/users', '/audit', '/login-log', '/submissions', '/cultivation', '/programmes', '/index'])
  })

  it('follows the registry: a new entry appears for its roles only, hidden entries never', () => {
    const extra: PageDef[] = [
      ...pages,
      { name: 'review', path: 'review', titleKey: 'x', icon: HomeFilled, roles: ['reviewer', 'admin'], component: async () => ({}) },
      { name: 'detail', path: 'detail/:id', titleKey: 'y', icon: HomeFilled, inMenu: false, component: async () => ({}) },
    ]
    expect(names(menuFor('reviewer', extra))).toEqual(['home', 'cultivation', 'programmes', 'index-studio', 'review'])
    expect(names(menuFor('staff', extra))).toEqual(['home', 'submissions', 'cultivation', 'programmes', 'index-studio'])
    expect(names(menuFor('admin', extra))).toContain('review')
    expect(names(menuFor('admin', extra))).not.toContain('detail')
  })
})

describe('breadcrumbs', () => {
  it('are Home alone on the home page', () => {
    expect(breadcrumbsFor('home')).toEqual([{ titleKey: 'menu.home' }])
  })

  it('link Home then name the current page', () => {
    expect(breadcrumbsFor('users')).toEqual([{ titleKey: 'menu.home', path: '/' }, { titleKey: 'menu.users' }])
    expect(breadcrumbsFor('my-submissions')).toEqual([{ titleKey: 'menu.home', path: '/' }, { titleKey: 'menu.mySubmissions' }])
  })
})
