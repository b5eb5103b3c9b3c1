// The router: public pages, the forced password page, and the main layout holding the page registry.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { decide } from './guard'
import { pages } from './pages'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: readonly Role[]
    titleKey?: string
    passwordChange?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/LoginView.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('@/views/ForcePasswordView.vue'),
    meta: { passwordChange: true, titleKey: 'password.forcedTitle' },
  },
  {
    path: '/',
    component: () => import('@/layouts/MainLayout.vue'),
    children: pages.map((p) => ({
      path: p.path,
      name: p.name,
      component: p.component,
      meta: { requires: p.requires, unless: p.unless, titleKey: p.titleKey },
    })),
  },
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('@/views/ForbiddenView.vue'),
    meta: { titleKey: 'forbidden.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { public: true, titleKey: 'notFound.title' },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  try {
    await auth.ensureLoaded()
  } catch {
    auth.clear() // server unreachable: treat as signed out; the login page reports the error
  }
  return decide(to, { signedIn: auth.signedIn, mustChangePassword: auth.mustChangePassword, may: auth.allowed })
})
