import { describe, expect, it } from 'vitest'
import { HomeFilled } from '@element-plus/icons-vue'
import { ROLES } from '@/api/types'
import { breadcrumbsFor, menuFor, searchMenu } from '@/router/menu'
import { pages, type PageDef } from '@/router/pages'
// What the server's /auth/me sends each role (checked against the server by tests/integration/mock-contract.test.mjs).
import routeRoles from '../../../tests/e2e/route-roles.json'

type Role = keyof typeof routeRoles.may
const mayOf = (role: Role): ReadonlySet<string> => new Set(routeRoles.may[role])

const names = (items: { name: string }[]) => items.map((i) => i.name)

describe('menu by role', () => {
  it('shows admins every page, business first and the system pages last', () => {
    expect(names(menuFor(mayOf('admin')))).toEqual(['home', 'submissions', 'cultivation', 'programmes', 'district-figures', 'indicators', 'index-studio', 'notices', 'users', 'audit', 'login-log'])
    expect(menuFor(mayOf('admin')).filter((i) => i.group === 'system').map((i) => i.name)).toEqual(['notices', 'users', 'audit', 'login-log'])
  })

  it('shows staff the submissions to confirm, enterprise accounts their own', () => {
    // Staff write the notices (通知公告, under 系统管理 as in RuoYi); the other system pages are the administrators'.
    expect(names(menuFor(mayOf('staff')))).toEqual(['home', 'submissions', 'cultivation', 'programmes', 'district-figures', 'indicators', 'index-studio', 'notices'])
    expect(names(menuFor(mayOf('enterprise')))).toEqual(['home', 'my-submissions'])
  })

  it('opens the index studio to the bureau roles, never to enterprise accounts', () => {
    for (const role of ['admin', 'staff', 'reviewer', 'viewer'] as const) expect(names(menuFor(mayOf(role)))).toContain('index-studio')
    expect(names(menuFor(mayOf('enterprise')))).not.toContain('index-studio')
  })

  it('shows reviewers and viewers the policy pages open to them', () => {
    expect(names(menuFor(mayOf('reviewer')))).toEqual(['home', 'cultivation', 'programmes', 'district-figures', 'indicators', 'index-studio'])
    expect(names(menuFor(mayOf('viewer')))).toEqual(['home', 'cultivation', 'district-figures', 'indicators', 'index-studio'])
  })

  it('opens the district comparison to the bureau roles, never to enterprise accounts', () => {
    for (const role of ['admin', 'staff', 'reviewer', 'viewer'] as const) expect(names(menuFor(mayOf(role)))).toContain('district-figures')
    expect(names(menuFor(mayOf('enterprise')))).not.toContain('district-figures')
  })

  it('opens the indicators page to the bureau roles, never to enterprise accounts', () => {
    for (const role of ['admin', 'staff', 'reviewer', 'viewer'] as const) expect(names(menuFor(mayOf(role)))).toContain('indicators')
    expect(names(menuFor(mayOf('enterprise')))).not.toContain('indicators')
  })

  it('covers every role', () => {
    expect(Object.keys(routeRoles.may).sort()).toEqual([...ROLES].sort())
  })

  it('shows nothing when nobody is signed in', () => {
    expect(menuFor(null)).toEqual([])
  })

  it('gives absolute paths for the router', () => {
    expect(menuFor(mayOf('admin')).map((i) => i.path)).toEqual(['/', '/submissions', '/cultivation', '/programmes', '/districts', '/indicators', '/index', '/notices', '/users', '/audit', '/login-log'])
  })

  it('follows the registry: a new entry appears for whoever may call its route, hidden entries never', () => {
    const extra: PageDef[] = [
      ...pages,
      { name: 'review', path: 'review', titleKey: 'x', icon: HomeFilled, requires: 'POST /api/v1/programmes', component: async () => ({}) },
      { name: 'detail', path: 'detail/:id', titleKey: 'y', icon: HomeFilled, inMenu: false, component: async () => ({}) },
    ]
    expect(names(menuFor(mayOf('reviewer'), extra))).toEqual(['home', 'cultivation', 'programmes', 'district-figures', 'indicators', 'index-studio'])
    expect(names(menuFor(new Set(['POST /api/v1/programmes']), extra))).toEqual(['home', 'review'])
    expect(names(menuFor(mayOf('admin'), extra))).toContain('review')
    expect(names(menuFor(mayOf('admin'), extra))).not.toContain('detail')
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
