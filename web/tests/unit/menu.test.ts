import { describe, expect, it } from 'vitest'
import { HomeFilled } from '@element-plus/icons-vue'
import { ROLES } from '@/api/types'
import { breadcrumbsFor, menuFor, searchMenu } from '@/router/menu'
import { pages, type PageDef } from '@/router/pages'

const names = (items: { name: string }[]) => items.map((i) => i.name)

describe('menu by role', () => {
  it('shows admins every page, business first and the system pages last', () => {
    expect(names(menuFor('admin'))).toEqual(['home', 'submissions', 'cultivation', 'programmes', 'index-studio', 'users', 'audit', 'login-log'])
    expect(menuFor('admin').filter((i) => i.group === 'system').map((i) => i.name)).toEqual(['users', 'audit', 'login-log'])
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
    expect(menuFor('admin').map((i) => i.path)).toEqual(['/', '/submissions', '/cultivation', '/programmes', '/index', '/users', '/audit', '/login-log'])
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

describe('menu search', () => {
  const pagesFound = [{ path: '/', label: '首页', testId: 'menu-home' }, { path: '/users', label: '用户管理', testId: 'menu-users' }]
  const kinds = [
    { name: 'enterprises', path: '/registry/enterprises', label: '企业', testId: 'menu-registry-enterprises' },
    { name: 'policy_documents', path: '/registry/policy_documents', label: '政策文件', testId: 'menu-registry-policy_documents' },
  ]
  it('finds pages and kinds by label or machine name, pages first', () => {
    expect(searchMenu('政策', pagesFound, kinds).map((e) => e.path)).toEqual(['/registry/policy_documents'])
    expect(searchMenu('POLICY', pagesFound, kinds).map((e) => e.path)).toEqual(['/registry/policy_documents'])
    expect(searchMenu('用户', pagesFound, kinds).map((e) => e.path)).toEqual(['/users'])
  })
  it('finds nothing for an empty query', () => {
    expect(searchMenu('  ', pagesFound, kinds)).toEqual([])
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
