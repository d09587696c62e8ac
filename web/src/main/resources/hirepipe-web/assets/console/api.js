// The console's only link to the server. The session is an HttpOnly cookie the browser sends by
// itself (same origin); this module keeps just the CSRF token, in memory, and sends it on every
// unsafe request. Nothing about the session is ever written to localStorage.
export const API = '/api/v1';
const SESSION = `${API}/auth/session`;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A failed call: `message` is in words; `fieldErrors` maps a field path to what is wrong with it. */
export class ApiProblem extends Error {
  constructor(status, problem, offline = false) {
    super(wordsFor(status, problem, offline));
    this.status = status;
    this.problem = problem || {};
    this.type = slugOf(this.problem.type);
    this.offline = offline;
    this.fieldErrors = fieldErrorsOf(this.problem);
  }

  /**
   * The endpoint is not there (yet): a feature of the API this installation does not have. A 404 about an id names
   * it ("Result 'ses_…' does not exist.", "There are no scored results of …"); one for a path the gateway has no
   * operation at says "There is nothing at /api/v1/…", or comes without a problem at all.
   */
  get missingEndpoint() {
    if (this.status === 405 || this.status === 501) return true;
    const detail = typeof this.problem.detail === 'string' ? this.problem.detail : '';
    return this.status === 404 && (this.type === 'no-route' || !detail || detail.startsWith('There is nothing at '));
  }
}

function slugOf(type) {
  if (!type) return 'unknown';
  const parts = String(type).split('/');
  return parts[parts.length - 1] || 'unknown';
}

/** Field errors from `errors: [{field, message}]`, or from a detail written as "field: message". */
function fieldErrorsOf(problem) {
  const errors = {};
  if (Array.isArray(problem.errors)) {
    for (const error of problem.errors) {
      if (error && error.field) errors[error.field] = error.message || 'is not valid';
    }
  }
  for (const name of ['field', 'parameter', 'param']) {
    const key = problem[name];
    // `errors` says it better where it names the field; a detail that starts by naming the field drops the name
    if (typeof key === 'string' && problem.detail && !(key in errors)) {
      errors[key] = problem.detail.startsWith(`${key}: `) ? problem.detail.slice(key.length + 2) : problem.detail;
    }
  }
  if (!Object.keys(errors).length && typeof problem.detail === 'string') {
    for (const part of problem.detail.split('; ')) {
      const match = part.match(/^([A-Za-z][\w.[\]]*): (.+)$/);
      if (match) errors[match[1]] = match[2];
    }
  }
  return errors;
}

function wordsFor(status, problem, offline) {
  if (offline) return 'Hirepipe cannot be reached. Check your connection and try again.';
  const detail = problem && typeof problem.detail === 'string' ? problem.detail : '';
  if (status === 401) return detail || 'Your session has ended. Sign in again.';
  if (status === 403) return detail || 'You are not allowed to do this.';
  if (status === 404) return detail || 'This could not be found. It may have been removed, or it belongs to someone else.';
  if (status === 409 || status === 412) return detail || 'Someone changed this in the meantime. Reload and try again.';
  if (status === 429) return 'Too many requests at once. Wait a moment and try again.';
  if (status >= 500) return detail && status === 503 ? detail : 'Hirepipe had a problem answering. Try again in a moment.';
  return detail || 'The request was not accepted.';
}

export class ConsoleApi {
  constructor() {
    this.csrfToken = null;
    this.user = null;
    /** Called when the session ends under the console's feet (expired, signed out elsewhere). */
    this.onSessionEnded = () => {};
  }

  async signIn(email, password) {
    const body = await this.call('POST', SESSION, { email, password }, { session: false });
    this.#use(body);
    return body;
  }

  /** Who is signed in (the cookie survives a reload; the CSRF token is fetched again). */
  async resume() {
    try {
      const body = await this.call('GET', SESSION, undefined, { session: false });
      this.#use(body);
      return body;
    } catch (problem) {
      if (problem.status === 401) return null;
      throw problem;
    }
  }

  async signOut() {
    try {
      await this.call('DELETE', SESSION, undefined, { session: false });
    } finally {
      this.csrfToken = null;
      this.user = null;
    }
  }

  get(path, query) { return this.call('GET', withQuery(path, query)); }
  /** `{ body, etag }`: the ETag names the state read, for an If-Match that refuses to overwrite someone else's change. */
  getTagged(path, query) { return this.call('GET', withQuery(path, query), undefined, { tagged: true }); }
  post(path, body, options) { return this.call('POST', path, body ?? {}, options); }
  put(path, body, options) { return this.call('PUT', path, body ?? {}, options); }
  patch(path, body, options) { return this.call('PATCH', path, body ?? {}, options); }
  delete(path, options) { return this.call('DELETE', path, undefined, options); }

  #use(body) {
    this.csrfToken = body.csrfToken;
    // The role only decides what the console offers; every service still checks each request itself.
    this.user = { email: body.email, tenantId: body.tenantId, expiresAt: body.expiresAt, role: body.role || null };
  }

  async call(method, path, body, { session = true, idempotencyKey = null, accept = 'application/json', ifMatch = null,
    tagged = false } = {}) {
    const headers = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (UNSAFE.has(method) && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (ifMatch) headers['If-Match'] = ifMatch;
    let response;
    try {
      response = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin', cache: 'no-store', redirect: 'error',
      });
    } catch (networkFailure) {
      throw new ApiProblem(0, null, true);
    }
    const text = await response.text().catch(() => '');
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
    if (!response.ok) {
      const problem = new ApiProblem(response.status, json);
      if (response.status === 401 && session) {
        this.csrfToken = null;
        this.onSessionEnded(problem);
      }
      throw problem;
    }
    return tagged ? { body: json ?? {}, etag: response.headers.get('ETag') } : json ?? {};
  }
}

/** `path?name=value&...`, leaving out empty values. */
export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A fresh key per user action, so a retried click never creates twice. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}
