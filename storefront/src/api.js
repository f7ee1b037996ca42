// Every call to the API goes through here, to the gateway that served the page (same origin: no CORS, and the
// session cookie stays SameSite=Strict). The access token lives only in this module's memory; the refresh token is an
// httpOnly cookie the page never sees (user-service's /api/auth/session).

/** An answer that was not a success: the RFC 9457 problem the system sent, or one made up for a network failure. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || 'Something went wrong';
    this.detail = problem.detail || '';
    this.traceId = problem.traceId || null;
    this.errors = problem.errors || [];
    this.retryAfter = problem.retryAfter || null;
  }
}

const SESSION = '/api/auth/session';
// Sent with every session call: a cross-site form cannot send it (user-service refuses calls without it).
const SESSION_HEADERS = { 'X-Requested-With': 'microshop-storefront' };

// Only a hint that this browser holds a session cookie (the cookie itself is out of the page's reach), so that a
// visitor who never logged in does not send a refresh bound to fail. No token, nothing personal.
const SESSION_HINT = 'microshop.session';

let accessToken = null;
let refreshTimer = null;
let refreshing = null;
const sessionListeners = new Set();

/** Calls back with the user (or null) whenever the session starts, is refreshed or ends. */
export function onSessionChange(listener) {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function currentToken() {
  return accessToken;
}

/**
 * What the page may show about the user, read from the access token's claims. For display only: the gateway and the
 * services check the token, the page does not have to.
 */
export function currentUser() {
  if (!accessToken) return null;
  const claims = JSON.parse(decodeBase64Url(accessToken.split('.')[1]));
  return { id: claims.sub, roles: claims.roles || [] };
}

export function isAdmin(user) {
  return Boolean(user && user.roles.includes('ADMIN'));
}

function decodeBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function startSession(answer) {
  accessToken = answer.accessToken;
  localStorage.setItem(SESSION_HINT, '1');
  clearTimeout(refreshTimer);
  // A new token well before this one expires, so no call ever goes out with an expired one.
  refreshTimer = setTimeout(() => refreshSession().catch(() => {}), Math.max(5, answer.expiresIn * 0.8) * 1000);
  sessionListeners.forEach((listener) => listener(currentUser()));
}

function endSession() {
  accessToken = null;
  localStorage.removeItem(SESSION_HINT);
  clearTimeout(refreshTimer);
  sessionListeners.forEach((listener) => listener(null));
}

/** Logs in; the refresh cookie is set by the answer. */
export async function logIn(email, password) {
  startSession(await call(SESSION, { method: 'POST', body: { email, password }, headers: SESSION_HEADERS, auth: false }));
}

/** At start-up: the session this browser still has, if it logged in earlier (null when it did not). */
export function resumeSession() {
  return localStorage.getItem(SESSION_HINT) ? refreshSession().then(currentUser) : Promise.resolve(null);
}

/**
 * Trades the refresh cookie for a new access token (at start-up, before expiry, after a 401). Calls at the same time
 * share one request: the cookie's token is single-use, and a second use would end the log-in.
 */
export function refreshSession() {
  if (!refreshing) {
    refreshing = oneTabAtATime(() => call(`${SESSION}/refresh`, { method: 'POST', headers: SESSION_HEADERS, auth: false }))
      .then(startSession, (failure) => {
        endSession();
        throw failure;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/**
 * Tabs of this shop share the cookie: two refreshing at once would present the same single-use token twice, and the
 * second use would end the log-in for all of them. A lock of the browser's (Web Locks) makes them take turns, so each
 * presents the cookie the previous one received.
 */
function oneTabAtATime(refresh) {
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('microshop.session-refresh', refresh)
    : refresh();
}

/** Ends the log-in on the server (every copy of the cookie stops working) and here. */
export async function logOut() {
  try {
    await call(SESSION, { method: 'DELETE', headers: SESSION_HEADERS, auth: false });
  } finally {
    endSession();
  }
}

/**
 * One API call. JSON in and out; a problem answer becomes an ApiError. A 401 on a call with a token refreshes the
 * session once and tries again.
 */
export async function call(path, { method = 'GET', body, headers = {}, auth = true } = {}) {
  const answer = await send(path, method, body, headers, auth);
  if (answer.status === 401 && auth && accessToken) {
    try {
      await refreshSession();
    } catch {
      throw await errorOf(answer);
    }
    return read(await send(path, method, body, headers, auth));
  }
  return read(answer);
}

async function send(path, method, body, headers, auth) {
  const allHeaders = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) allHeaders['Content-Type'] = 'application/json';
  if (auth && accessToken) allHeaders.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(path, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { title: 'No connection', detail: 'The shop cannot be reached; check your connection.' });
  }
}

async function read(answer) {
  if (!answer.ok) throw await errorOf(answer);
  if (answer.status === 204) return null;
  const text = await answer.text();
  return text ? JSON.parse(text) : null;
}

async function errorOf(answer) {
  let problem = {};
  try {
    problem = await answer.json();
  } catch {
    problem = { title: answer.statusText || `HTTP ${answer.status}` };
  }
  return new ApiError(answer.status, { ...problem, retryAfter: answer.headers.get('Retry-After') });
}
