// The recruiter console: a hash-routed page per task, drawn into <main>. The session is an HttpOnly
// cookie; if it ends while a form is half filled, the form's values wait in sessionStorage (never the
// session itself) and come back after signing in again.
import { h, show } from '../dom.js';
import { ConsoleApi } from './api.js';
import { announce, field, formError, input, needsAdministrator, onSubmit, page, showProblem } from './ui.js';

const api = new ConsoleApi();
const nav = document.getElementById('console-nav');
const who = document.getElementById('who');
const FORM_KEY = 'hirepipe.console.form:';

// Each page's module is loaded when it is first shown, so signing in costs only what it uses.
const view = (load, name) => async (ctx, id) => (await load())[name](ctx, id ?? null);
const dashboard = () => import('./dashboard.js');
const questions = () => import('./questions.js');
const tests = () => import('./tests.js');
const invitations = () => import('./invitations.js');
const results = () => import('./results.js');
const admin = () => import('./admin.js');
const analysis = () => import('./analysis.js');
const team = () => import('./team.js');
const audit = () => import('./audit.js');
const privacy = () => import('./privacy.js');
const webhooks = () => import('./webhooks.js');

const routes = [
  [/^\/$/, view(dashboard, 'render')],
  [/^\/questions$/, view(questions, 'renderList')],
  [/^\/questions\/new$/, view(questions, 'renderEditor')],
  [/^\/questions\/([\w.:-]+)$/, view(questions, 'renderEditor')],
  [/^\/tests$/, view(tests, 'renderList')],
  [/^\/tests\/new$/, view(tests, 'renderEditor')],
  [/^\/tests\/([\w.:-]+)$/, view(tests, 'renderEditor')],
  [/^\/tests\/([\w.:-]+)\/analysis$/, view(analysis, 'render')],
  [/^\/questions\/([\w.:-]+)\/analysis$/, view(analysis, 'renderQuestion')],
  [/^\/invitations$/, view(invitations, 'render')],
  [/^\/results$/, view(results, 'renderTable')],
  [/^\/results\/([\w.:-]+)$/, view(results, 'renderResult')],
  [/^\/api-keys$/, view(admin, 'renderApiKeys')],
  [/^\/emails$/, view(admin, 'renderEmails')],
  [/^\/team$/, view(team, 'render')],
  [/^\/audit$/, view(audit, 'render')],
  [/^\/privacy$/, view(privacy, 'renderSettings')],
  [/^\/erasures$/, view(privacy, 'renderErasures')],
  [/^\/webhooks$/, view(webhooks, 'renderList')],
  [/^\/webhooks\/([\w.:-]+)$/, view(webhooks, 'renderSubscription')],
];

// Without a role in the session answer (an older gateway) the pages are offered and the server decides.
const isAdmin = () => !api.user?.role || api.user.role === 'ADMIN';

// Pages for administrators, by route: others are told so politely instead of meeting a refused request.
const ADMIN_PAGE_NAMES = {
  '/api-keys': 'the API keys', '/team': 'the team', '/audit': 'the audit log',
  '/privacy': 'the privacy settings', '/erasures': 'candidate erasure', '/webhooks': 'the webhooks',
};

function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  return hash.split('?')[0];
}

export function routeQuery() {
  const hash = location.hash.replace(/^#/, '');
  const index = hash.indexOf('?');
  return new URLSearchParams(index >= 0 ? hash.slice(index + 1) : '');
}

/**
 * Thrown into a page whose answer arrives after the recruiter moved on to another page (or the same
 * one again), so a slow page never draws over the current one. It looks like an ended session to the
 * pages, which all stop quietly on a 401; the render loop below ignores it.
 */
class Superseded extends Error {
  constructor() {
    super('superseded by a newer page');
    this.status = 401;
    this.superseded = true;
  }
}

let generation = 0;

/** The API as one page render sees it: answers for a page that is no longer shown are dropped. */
function apiFor(renderGeneration) {
  const current = (promise) => promise.then(
    (value) => { if (renderGeneration !== generation) throw new Superseded(); return value; },
    (problem) => { if (renderGeneration !== generation) throw new Superseded(); throw problem; });
  return {
    get: (...args) => current(api.get(...args)),
    getTagged: (...args) => current(api.getTagged(...args)),
    post: (...args) => current(api.post(...args)),
    put: (...args) => current(api.put(...args)),
    patch: (...args) => current(api.patch(...args)),
    delete: (...args) => current(api.delete(...args)),
    get user() { return api.user; },
  };
}

const ctx = {
  api,
  navigate(path) {
    if (location.hash === `#${path}`) render(); else location.hash = path;
  },
  query: routeQuery,
};

// --- keeping a half-filled form across a sign-in ---------------------------------------------------

function formControls() {
  return [...document.querySelectorAll('#main input, #main textarea, #main select')]
    .filter((control) => control.type !== 'password' && control.type !== 'file' && control.type !== 'hidden');
}

function keepForm() {
  const values = formControls().map((control) => ({
    field: control.dataset.field || control.name || '',
    value: control.type === 'checkbox' || control.type === 'radio' ? control.checked : control.value,
  }));
  if (values.some((entry) => entry.value !== '' && entry.value !== false)) {
    try { sessionStorage.setItem(FORM_KEY + currentRoute(), JSON.stringify(values)); } catch (full) { /* kept in memory only */ }
  }
}

function restoreForm() {
  const key = FORM_KEY + currentRoute();
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (broken) { saved = null; }
  if (!saved) return;
  sessionStorage.removeItem(key);
  const controls = formControls();
  saved.forEach((entry, index) => {
    const control = controls[index];
    if (!control || (control.dataset.field || control.name || '') !== entry.field) return;
    if (typeof entry.value === 'boolean') control.checked = entry.value; else control.value = entry.value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
  announce('Your unsaved changes were restored.');
  const heading = document.querySelector('#main h1');
  heading?.insertAdjacentElement('afterend',
    h('div', { class: 'notice', role: 'status' }, h('p', {}, 'You were signed in again. What you had typed is back; nothing was saved yet.')));
}

// --- signing in and out ------------------------------------------------------------------------------

function showSignedIn(signedIn) {
  nav.hidden = !signedIn;
  for (const item of nav.querySelectorAll('[data-admin]')) item.hidden = !(signedIn && isAdmin());
  if (!signedIn) {
    show(who);
    return;
  }
  show(who,
    h('p', {}, h('span', { class: 'visually-hidden' }, 'Signed in as '), api.user.email),
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  try {
    await api.signOut();
  } catch (problem) {
    // The cookie is cleared either way; the server refused only if the session had already ended.
  }
  showSignedIn(false);
  renderSignIn('You are signed out.');
}

function renderSignIn(notice) {
  showSignedIn(false);
  const email = input({ type: 'email', autocomplete: 'username', required: true });
  const password = input({ type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'form narrow', novalidate: true },
    formError(),
    field('Email', email, { field: 'email' }),
    field('Password', password, { field: 'password' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
    h('p', {}, h('a', { href: '#/forgot-password' }, 'Forgot your password?')));
  onSubmit(form, async () => {
    try {
      await api.signIn(email.value.trim(), password.value);
      showSignedIn(true);
      await render();
      restoreForm();
    } catch (problem) {
      showProblem(form, problem);
    }
  });
  page('Sign in', notice ? h('div', { class: 'notice', role: 'status' }, h('p', {}, notice)) : null, form);
  document.body.dataset.page = 'sign-in';
}

api.onSessionEnded = () => {
  keepForm();
  renderSignIn('Your session has ended. Sign in again to continue: what you were typing is kept.');
};

// --- routing -------------------------------------------------------------------------------------------

// Pages reached without a session: choosing a password from an emailed link, and asking for a link.
const PUBLIC_ROUTES = new Set(['/set-password', '/forgot-password']);

async function renderPublic() {
  const { renderSetPassword, renderForgotPassword } = await team();
  document.body.dataset.page = currentRoute().slice(1);
  if (currentRoute() === '/set-password') {
    renderSetPassword(api, routeQuery().get('token'), (notice) => {
      history.replaceState(null, '', `${location.pathname}#/`);
      renderSignIn(notice);
    });
  } else {
    renderForgotPassword(api);
  }
}

async function render() {
  if (PUBLIC_ROUTES.has(currentRoute())) {
    if (currentRoute() === '/set-password' && !routeQuery().get('token')) return;
    await renderPublic();
    return;
  }
  if (!api.user) {
    if (currentRoute() === '/') renderSignIn();
    return;
  }
  const route = currentRoute();
  for (const link of nav.querySelectorAll('a')) {
    const target = link.getAttribute('href').slice(1);
    const active = target === '/' ? route === '/' : route === target || route.startsWith(`${target}/`);
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  generation += 1;
  const pageContext = { ...ctx, api: apiFor(generation) };
  // A page under an administrator's page (one webhook subscription) is an administrator's page too.
  const section = `/${route.split('/')[1]}`;
  if (!isAdmin() && Object.hasOwn(ADMIN_PAGE_NAMES, section)) {
    document.body.dataset.page = route.split('/')[1];
    needsAdministrator(ADMIN_PAGE_NAMES[section]);
    return;
  }
  for (const [pattern, handler] of routes) {
    const match = route.match(pattern);
    if (match) {
      document.body.dataset.page = route.split('/')[1] || 'dashboard';
      try {
        await handler(pageContext, ...match.slice(1).map(decodeURIComponent));
      } catch (problem) {
        if (problem.status === 401) return;
        page('Something went wrong', h('div', { class: 'notice error', role: 'alert' }, h('p', {}, problem.message || String(problem))));
      }
      return;
    }
  }
  page('Page not found', h('p', {}, 'There is no such page in the console. ', h('a', { href: '#/' }, 'Go to the dashboard'), '.'));
}

window.addEventListener('hashchange', () => render());

(async () => {
  if (PUBLIC_ROUTES.has(currentRoute())) {
    await renderPublic();
    return;
  }
  const user = await api.resume().catch(() => null);
  if (user) {
    showSignedIn(true);
    await render();
  } else {
    renderSignIn();
  }
})();
