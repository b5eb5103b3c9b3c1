// The pages inside the main layout, as data: one entry gives a route, a sidebar item (filtered by
// role) and a breadcrumb. To add a page, add an entry here and its view under src/views/.
import type { Component } from 'vue'
import { Bell, DataAnalysis, DataLine, Document, DocumentChecked, EditPen, FolderOpened, Histogram, HomeFilled, Tickets, TrendCharts, Trophy, User } from '@element-plus/icons-vue'

export interface PageDef {
  /** Route name, also the stable id used by tests and the menu. */
  name: string
  /** Path relative to the layout root ('' is the home page). */
  path: string
  /** i18n key of the menu label, page title and breadcrumb. */
  titleKey: string
  icon: Component
  /**
   * The API route the page needs, as the server lists it in SessionInfo.may ("GET /api/v1/users"):
   * the page is open to whoever the server lets call it. Missing means every signed-in user.
   */
  requires?: string
  /** Hidden from those who may call this route (the enterprise's own submissions vs. staff's queue). */
  unless?: string
  /** Set to false for pages reachable by link but not listed in the sidebar. */
  inMenu?: boolean
  /** 'system' pages (users, logs) are grouped under 系统管理 at the end of the menu, as RuoYi does. */
  group?: 'system'

  component: () => Promise<unknown>
}

export const pages: readonly PageDef[] = [
  {
    name: 'home',
    path: '',
    titleKey: 'menu.home',
    icon: HomeFilled,
    component: () => import('@/views/HomeView.vue'),
  },
  // Enterprise self-service: staff confirm what enterprise accounts filed; an enterprise sees its own.
  {
    name: 'submissions',
    path: 'submissions',
    titleKey: 'menu.submissions',
    icon: DocumentChecked,
    requires: 'POST /api/v1/submissions/{id}/approve',
    component: () => import('@/views/SubmissionsView.vue'),
  },
  {
    name: 'my-submissions',
    path: 'my-submissions',
    titleKey: 'menu.mySubmissions',
    icon: EditPen,
    requires: 'GET /api/v1/submissions',
    unless: 'POST /api/v1/submissions/{id}/approve',
    component: () => import('@/views/SubmissionsView.vue'),
  },
  // Policy pages: the HTE cultivation tiers (梯队培育) and the district's own programmes (区级政策).
  {
    name: 'cultivation',
    path: 'cultivation',
    titleKey: 'menu.cultivation',
    icon: DataAnalysis,
    requires: 'GET /api/v1/cultivation/tiers',
    component: () => import('@/views/CultivationView.vue'),
  },
  {
    name: 'programmes',
    path: 'programmes',
    titleKey: 'menu.programmes',
    icon: Trophy,
    requires: 'GET /api/v1/programmes',
    component: () => import('@/views/ProgrammesView.vue'),
  },
  // 区县对比: the districts of a city or province side by side (a district user sees its own row).
  {
    name: 'district-figures',
    path: 'districts',
    titleKey: 'menu.districtFigures',
    icon: Histogram,
    requires: 'GET /api/v1/districts/figures',
    component: () => import('@/views/DistrictFiguresView.vue'),
  },
  // 指标: the indicator catalogue computed from the registry for one year and region, each value
  // opening the records behind it (analysis pages, next to the district comparison).
  {
    name: 'indicators',
    path: 'indicators',
    titleKey: 'menu.indicators',
    icon: DataLine,
    requires: 'GET /api/v1/indicators/values',
    component: () => import('@/views/IndicatorsView.vue'),
  },
  // Composite indices (指数工作室): build, analyse and save index definitions. Saving is for admin
  // and staff (the page hides it from the others; the server enforces it).
  {
    name: 'index-studio',
    path: 'index',
    titleKey: 'menu.indexStudio',
    icon: TrendCharts,
    requires: 'GET /api/v1/index/definitions',
    component: () => import('@/views/index/IndexStudioView.vue'),
  },
  // System administration, last in the menu. 通知公告 stands there as in RuoYi; administrators and
  // staff write them, every user reads them on the home page.
  {
    name: 'notices',
    path: 'notices',
    titleKey: 'menu.notices',
    icon: Bell,
    requires: 'GET /api/v1/notices/managed',
    group: 'system',
    component: () => import('@/views/NoticesView.vue'),
  },
  {
    name: 'users',
    path: 'users',
    titleKey: 'menu.users',
    icon: User,
    requires: 'GET /api/v1/users',
    group: 'system',
    component: () => import('@/views/UsersView.vue'),
  },
  {
    name: 'audit',
    path: 'audit',
    titleKey: 'menu.audit',
    icon: Document,
    requires: 'GET /api/v1/audit',
    group: 'system',
    component: () => import('@/views/AuditView.vue'),
  },
  {
    name: 'login-log',
    path: 'login-log',
    titleKey: 'menu.loginLog',
    icon: Tickets,
    requires: 'GET /api/v1/login-log',
    group: 'system',
    component: () => import('@/views/LoginLogView.vue'),
  },
  // The registry's generic pages serve every kind declared on the server (GET /registry/kinds);
  // the sidebar lists the kinds the user may read (AppSidebar), so these stay out of the menu. The
  // server decides who may read or write a kind.
  {
    name: 'registry-list',
    path: 'registry/:kind',
    titleKey: 'menu.registry',
    icon: FolderOpened,
    inMenu: false,
    component: () => import('@/views/registry/RegistryListView.vue'),
  },
  {
    name: 'registry-new',
    path: 'registry/:kind/new',
    titleKey: 'menu.registry',
    icon: FolderOpened,
    inMenu: false,
    component: () => import('@/views/registry/RegistryFormView.vue'),
  },
  {
    name: 'registry-detail',
    path: 'registry/:kind/:id(\\d+)',
    titleKey: 'menu.registry',
    icon: FolderOpened,
    inMenu: false,
    component: () => import('@/views/registry/RegistryDetailView.vue'),
  },
  {
    name: 'registry-edit',
    path: 'registry/:kind/:id(\\d+)/edit',
    titleKey: 'menu.registry',
    icon: FolderOpened,
    inMenu: false,
    component: () => import('@/views/registry/RegistryFormView.vue'),
  },
]
