// The one HTTP client of the front end: every call to /api/v1 goes through here so that cookies,
// the CSRF header, the district chosen in the header, problem+json errors and the "session ended"
// redirect are handled in one place.

export const API_BASE = '/api/v1'

/** Parameters of a message: figures and texts its translation puts into the sentence. */
export type MessageParams = Record<string, string | number>

/**
 * One field-level message from a 422 problem: `code` (src/domain/field_messages.hpp) and `params`
 * for the translation (utils/errors.ts refusalText); `message` is the server's English rendering.
 */
export interface FieldError {
  field: string
  message: string
  code?: string
  params?: MessageParams
}

/** RFC 9457 problem details as the server sends them (docs/api.md). */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  errors?: FieldError[]
  [extra: string]: unknown
}

/** A failed API call. `code` is the server's stable code, or `network` / `http_<status>`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly errors: FieldError[]
  readonly problem: Problem | null

  constructor(status: number, code: string, problem: Problem | null, fallbackMessage = '') {
    const detail = problem?.detail ?? ''
    const title = problem?.title ?? ''
    super(detail || title || fallbackMessage || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.title = title
    this.detail = detail
    this.errors = Array.isArray(problem?.errors) ? problem.errors.filter(isFieldError) : []
    this.problem = problem
  }

}

function isFieldError(v: unknown): v is FieldError {
  return typeof v === 'object' && v !== null &&
    typeof (v as FieldError).field === 'string' && typeof (v as FieldError).message === 'string'
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  /** Sent as JSON. */
  body?: unknown
  /** Set for calls where 401 is an expected answer (login, the initial "who am I"). */
  noAuthRedirect?: boolean
  signal?: AbortSignal
}

type Handler = (error: ApiError) => void

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

let csrfToken: string | null = null
let onUnauthenticated: Handler = () => {
  // Without a router-aware handler (set in main.ts) fall back to a full page load.
  const here = window.location.pathname + window.location.search
  if (!window.location.pathname.startsWith('/login')) {
    window.location.assign(`/login?redirect=${encodeURIComponent(here)}`)
  }
}
let onPasswordChangeRequired: Handler | null = null
/** The district the header's switcher narrows every request to (null: the user's whole scope). */
let regionChoice: string | null = null

/** The request header (and, for plain download links, the query parameter) naming that district. */
export const REGION_HEADER = 'X-Kechuang-Region'
export const REGION_QUERY = 'region'

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

export function getCsrfToken(): string | null {
  return csrfToken
}

/** Narrows every following request to one district (a six-digit code), or not (null). */
export function setRegionChoice(code: string | null): void {
  regionChoice = code
}

export function getRegionChoice(): string | null {
  return regionChoice
}

/** Called on 401 (session missing or expired) unless the request opted out. */
export function setUnauthenticatedHandler(handler: Handler): void {
  onUnauthenticated = handler
}

/** Called on 403 `password_change_required`. */
export function setPasswordChangeRequiredHandler(handler: Handler | null): void {
  onPasswordChangeRequired = handler
}

/** Builds `/api/v1<path>?…`, leaving out empty values so filters stay optional. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

/**
 * A URL for a plain link (a download the browser fetches itself, without our headers): as
 * buildUrl, with the switcher's district as `?region=`.
 */
export function linkUrl(path: string, query?: Query): string {
  return buildUrl(path, { ...query, [REGION_QUERY]: regionChoice })
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /[/+]json\b/i.test(contentType)
}

async function readProblem(response: Response): Promise<Problem | null> {
  if (!isJson(response.headers.get('Content-Type'))) return null
  try {
    const parsed: unknown = await response.json()
    return typeof parsed === 'object' && parsed !== null ? (parsed as Problem) : null
  } catch {
    return null
  }
}

/** A body that is not JSON (an uploaded file) and the answer types accepted (a file download). */
export interface RawRequestOptions extends Omit<RequestOptions, 'body'> {
  body?: BodyInit
  contentType?: string
  accept?: string
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, ...rest } = options
  const response = await requestRaw(method, path, {
    ...rest,
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : 'application/json',
    accept: 'application/json',
  })
  if (response.status === 204 || !isJson(response.headers.get('Content-Type'))) {
    return undefined as T
  }
  return (await response.json()) as T
}

/**
 * The call itself, answered with the Response so that files can be read as blobs: cookies, the
 * CSRF header, problem+json errors and the 401 / password-change handlers as for every call.
 */
export async function requestRaw(method: string, path: string, options: RawRequestOptions = {}): Promise<Response> {
  const upper = method.toUpperCase()
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' }
  if (options.contentType) headers['Content-Type'] = options.contentType
  if (STATE_CHANGING.has(upper) && csrfToken) headers['X-CSRF-Token'] = csrfToken
  if (regionChoice) headers[REGION_HEADER] = regionChoice

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: upper,
      headers,
      credentials: 'include',
      body: options.body,
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, 'network', null, cause instanceof Error ? cause.message : String(cause))
  }

  if (!response.ok) {
    const problem = await readProblem(response)
    const code = typeof problem?.code === 'string' ? problem.code : `http_${response.status}`
    const error = new ApiError(response.status, code, problem, response.statusText)
    if (response.status === 401 && !options.noAuthRedirect) {
      csrfToken = null
      onUnauthenticated(error)
    } else if (response.status === 403 && code === 'password_change_required' && onPasswordChangeRequired) {
      onPasswordChangeRequired(error)
    }
    throw error
  }
  return response
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}
