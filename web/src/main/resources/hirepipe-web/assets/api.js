// The only module that talks to the server. API_PREFIX is the one place that knows which
// version of the public API the page speaks.
export const API_PREFIX = '/api/v1';
const AUTH_PREFIX = `${API_PREFIX}/auth`;
const ASSESSMENT = `${API_PREFIX}/candidate/assessment`;

/** A failed call, with words a candidate understands in `message`. */
export class ApiError extends Error {
  constructor({ status = 0, type = 'offline', detail = '', properties = {}, offline = false }) {
    super(wordsFor(status, type, properties, offline));
    this.status = status;
    this.type = type;
    this.detail = detail;
    this.properties = properties;
    this.offline = offline;
  }

  /** Worth trying again later: the network or the server failed, not the request. */
  get retryable() {
    return this.offline || this.status >= 500 || this.status === 429;
  }
}

/** The type slug of a problem+json type URI (https://hirepipe.io/problems/session-closed → session-closed). */
function slugOf(typeUri) {
  if (!typeUri) return 'unknown';
  const parts = String(typeUri).split('/');
  return parts[parts.length - 1] || 'unknown';
}

function wordsFor(status, type, properties, offline) {
  if (offline) return 'You appear to be offline. Your answers are kept on this device and sent when the connection returns.';
  switch (type) {
    case 'invalid-invitation':
      return 'This link is not valid. Check that you opened the whole link from your invitation email.';
    case 'invitation-unavailable':
      return unavailableWords(properties.invitationStatus);
    case 'invitation-revoked':
      return unavailableWords('REVOKED');
    case 'invitation-expired':
      return unavailableWords('EXPIRED');
    case 'session-closed':
      return 'The time for this assessment is over, so this answer was not accepted.';
    case 'session-submitted':
      return 'This assessment has already been submitted, so it can no longer be changed.';
    case 'session-not-started':
      return 'The assessment has not been started yet.';
    case 'session-busy':
      return 'Your last answers are still being saved. Please try again in a moment.';
    case 'invalid-answer':
      return 'This answer does not fit the question. Please choose again.';
    case 'invalid-request':
      if ((properties.errors || []).some((error) => error.field === 'text')) {
        return 'This answer is longer than an answer may be. Shorten it and it is saved again.';
      }
      break;
    default:
      break;
  }
  if (status === 401) return 'Your access to this assessment has run out. Open the link from your invitation email again.';
  if (status === 403 || status === 404) return 'This assessment could not be found. Open the link from your invitation email again.';
  if (status === 413) return 'This answer is too long. Shorten it and it is saved again.';
  if (status === 429) return 'Too many requests at once. Please wait a moment.';
  if (status >= 500) return 'Hirepipe cannot be reached right now. Your answers are kept on this device and sent as soon as it is back.';
  return 'Something went wrong. Please try again.';
}

export function unavailableWords(invitationStatus) {
  switch (invitationStatus) {
    case 'REVOKED': return 'This invitation was withdrawn by the recruiter.';
    case 'EXPIRED': return 'This invitation has expired: it was not started in time.';
    case 'SUBMITTED':
    case 'SCORED': return 'This assessment has already been submitted.';
    default: return 'This invitation can no longer be used.';
  }
}

export class ApiClient {
  constructor() {
    this.token = null;
    this.tokenExpiresAt = 0;
    // Server clock minus this device's clock, in ms; the countdown adds it to Date.now().
    this.clockOffsetMs = 0;
  }

  /** Exchanges the invitation link's token for a candidate token. */
  async exchange(invitationToken) {
    const body = await this.#call('POST', `${AUTH_PREFIX}/candidate`, { invitationToken }, { auth: false });
    this.#useToken(body);
    return body;
  }

  /** A new candidate token bound to the session's current deadline (after extra time was given). */
  async renew() {
    const body = await this.#call('POST', `${AUTH_PREFIX}/candidate/renew`, null);
    this.#useToken(body);
    return body;
  }

  assessment() { return this.#call('GET', ASSESSMENT); }
  start() { return this.#call('POST', `${ASSESSMENT}/start`, null); }
  session() { return this.#call('GET', `${ASSESSMENT}/session`); }
  submit() { return this.#call('POST', `${ASSESSMENT}/submit`, null); }

  saveAnswer(questionId, sequence, answer) {
    const body = { sequence, ...answer };
    return this.#call('PUT', `${ASSESSMENT}/answers/${encodeURIComponent(questionId)}`, body);
  }

  /** Fire-and-forget friendly: `keepalive` lets the last batch leave while the page is being hidden. */
  sendSignals(signals, { keepalive = false } = {}) {
    return this.#call('POST', `${ASSESSMENT}/signals/batch`, { signals }, { keepalive });
  }

  /** Now on the server's clock, in ms since the epoch. */
  serverNow() {
    return Date.now() + this.clockOffsetMs;
  }

  #useToken(body) {
    this.token = body.token;
    this.tokenExpiresAt = Date.parse(body.expiresAt) || 0;
  }

  async #call(method, path, body, { auth = true, keepalive = false } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined && body !== null) headers['Content-Type'] = 'application/json';
    if (auth && this.token) headers.Authorization = `Bearer ${this.token}`;
    const sentAt = Date.now();
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined || body === null ? (method === 'GET' ? undefined : '') : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        keepalive,
      });
    } catch (networkFailure) {
      throw new ApiError({ offline: true });
    }
    const receivedAt = Date.now();
    const text = await response.text().catch(() => '');
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
    if (json && typeof json.serverTime === 'string') {
      // The answer was written about half-way through the round trip.
      this.clockOffsetMs = Date.parse(json.serverTime) - (sentAt + receivedAt) / 2;
    }
    if (!response.ok) {
      const problem = json || {};
      const { type, title, status, detail, instance, ...properties } = problem;
      throw new ApiError({ status: response.status, type: slugOf(type), detail: detail || '', properties });
    }
    return json;
  }
}
