// Route access rules as a pure function of the target route and the session, so they can be tested
// without a browser: public pages, sign-in, forced password change, then role.
import { pageAllows } from './menu'

export interface GuardTarget {
  name?: string | symbol | null
  fullPath: string
  meta: { public?: boolean; requires?: string; unless?: string; passwordChange?: boolean }
}

export interface GuardSession {
  signedIn: boolean
  mustChangePassword: boolean
  /** The routes the server lets the user call (SessionInfo.may). */
  may: ReadonlySet<string>
}

export type GuardDecision =
  | true
  | { name: 'login'; query?: { redirect: string } }
  | { name: 'home' }
  | { name: 'change-password' }
  | { name: 'forbidden'; query: { from: string } }

export function decide(to: GuardTarget, session: GuardSession): GuardDecision {
  if (to.name === 'login') return session.signedIn ? { name: 'home' } : true
  if (to.meta.public) return true
  if (!session.signedIn) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (session.mustChangePassword) return to.meta.passwordChange ? true : { name: 'change-password' }
  if (to.meta.passwordChange) return { name: 'home' } // the forced page only makes sense when forced
  if (!pageAllows(to.meta, session.may)) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
}

/** Only same-app paths are followed after login (never an absolute or protocol-relative URL). */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/'
  return value
}
