// The tenant's people, for admins: invite by email (a set-password link goes out), change roles, deactivate.
// Also the two pages reached without a session: setting a password from an emailed link, and asking for one.
import { h, show } from '../dom.js';
import { API, ApiProblem } from './api.js';
import { actionButton, announce, askFirstButton, badge, button, clearProblems, field, formError, input, onSubmit, page, problemNotice, select,
  showProblem, table, when } from './ui.js';

const ROLES = [['VIEWER', 'Viewer: reads results'], ['RECRUITER', 'Recruiter: questions, tests, invitations, results'],
  ['ADMIN', 'Admin: also people, API keys, webhooks, settings']];

export async function render(ctx) {
  const { api } = ctx;
  const email = input({ type: 'email', autocomplete: 'off', maxlength: 254, required: true });
  const role = select(ROLES, { value: 'RECRUITER' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'invite-heading' },
    h('h2', { id: 'invite-heading' }, 'Invite someone'),
    formError(),
    field('Email', email, { field: 'email', hint: 'They get a link to choose a password; it works once, for three days.' }),
    field('Role', role, { field: 'role' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Send invitation')));
  const listArea = h('div', {}, h('p', {}, 'Loading…'));
  onSubmit(form, async () => {
    clearProblems(form);
    try {
      const user = await api.post(`${API}/users`, { email: email.value.trim(), role: role.value });
      email.value = '';
      announce(`Invitation sent to ${user.email}.`);
      await drawList(api, listArea);
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    }
  });
  page('Team', form, h('section', { 'aria-labelledby': 'team-heading' }, h('h2', { id: 'team-heading' }, 'People'), listArea));
  await drawList(api, listArea);
}

async function drawList(api, area) {
  const error = h('p', { class: 'field-error', role: 'alert' });
  // Done, the list is drawn again and the keyboard goes on from the row's button named `then`, not the page's top.
  const act = async (call, words, then) => {
    error.textContent = '';
    try {
      await call();
    } catch (problem) {
      if (problem.status !== 401) error.textContent = problem.message;
      return false;
    }
    announce(words);
    await drawList(api, area);
    area.querySelector(`button[aria-label="${CSS.escape(then)}"]`)?.focus();
    return true;
  };
  try {
    const people = (await api.get(`${API}/users`)).items || [];
    show(area, table('People of your organisation', [
      ['Email', (u) => u.email],
      ['Role', (u) => {
        const choice = select(ROLES.map(([value]) => [value, value.charAt(0) + value.slice(1).toLowerCase()]),
          { value: u.role, 'aria-label': `Role of ${u.email}` });
        // Applied by its own button, not on change: on a closed select each arrow key is a change, and would save
        // every role passed on the way (a viewer made an admin on the way to recruiter).
        const apply = actionButton('Change role', async () => {
          const chosen = choice.value;
          const changed = await act(() => api.patch(`${API}/users/${encodeURIComponent(u.id)}`, { role: chosen }),
            `${u.email} is now ${chosen.toLowerCase()}.`, `Change the role of ${u.email}`);
          // Refused: the box shows the role the person still has, beside the reason.
          if (!changed) choice.value = u.role;
        }, { 'aria-label': `Change the role of ${u.email}` });
        return h('div', { class: 'inline' }, choice, apply);
      }],
      ['Status', (u) => badge(u.status.toLowerCase(), u.status)],
      ['Since', (u) => when(u.createdAt)],
      ['Access', (u) => (u.status === 'DEACTIVATED'
        ? button('Reactivate', () => act(() => api.patch(`${API}/users/${encodeURIComponent(u.id)}`, { active: true }),
          `${u.email} reactivated.`, `Deactivate ${u.email}`), { 'aria-label': `Reactivate ${u.email}` })
        // It ends every sign-in of theirs at once: asked first, as revoking a key is.
        : askFirstButton('Deactivate', {
          question: `Deactivate ${u.email}? Every sign-in of theirs ends at once, and they cannot sign in until reactivated.`,
          yes: 'Yes, deactivate',
          yesLabel: `Yes, deactivate ${u.email}`,
          action: () => act(() => api.post(`${API}/users/${encodeURIComponent(u.id)}/deactivate`),
            `${u.email} deactivated: every sign-in of theirs has ended.`, `Reactivate ${u.email}`),
        }, { 'aria-label': `Deactivate ${u.email}` }))],
    ], people, 'Nobody here yet.'), error);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    show(area, problemNotice(problem, problem.status === 403 ? 'The team (admins only)' : 'The team'));
  }
}

/** From the emailed link: the token rides in the URL fragment, which no server ever sees. */
export function renderSetPassword(api, token, done) {
  // Take the token out of the address bar and the history at once.
  history.replaceState(null, '', `${location.pathname}#/set-password`);
  const password = input({ type: 'password', autocomplete: 'new-password', maxlength: 128, required: true });
  const again = input({ type: 'password', autocomplete: 'new-password', maxlength: 128, required: true });
  const form = h('form', { class: 'form narrow', novalidate: true },
    formError(),
    field('New password', password, { field: 'password',
      hint: 'At least 12 characters. A few unrelated words make a strong password that is easy to remember.' }),
    field('The same password again', again, { field: 'again' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Set password')));
  onSubmit(form, async () => {
    clearProblems(form);
    if (password.value !== again.value) {
      showProblem(form, new ApiProblem(400, { detail: 'The two passwords differ.', field: 'again' }));
      return;
    }
    try {
      await api.call('POST', `${API}/auth/password/set`, { token, password: password.value }, { session: false });
      done('Your password is set. Sign in with it.');
    } catch (problem) {
      showProblem(form, problem);
      // The link itself was refused: no field mends that, a new link does, and this page is the way to one.
      if (problem.fieldErrors.token) {
        const box = form.querySelector('.notice.error');
        show(box, askForANewLink('This link is unknown, used or expired: '));
        box.focus();
      }
    }
  });
  page('Choose your password', token ? form
    : h('div', { class: 'notice error', role: 'alert' }, askForANewLink('This link is incomplete. Open it from the email again, or ')));
}

function askForANewLink(words) {
  return h('p', {}, words, h('a', { href: '#/forgot-password' }, 'ask for a new one'), '.');
}

export function renderForgotPassword(api) {
  const email = input({ type: 'email', autocomplete: 'username', maxlength: 254, required: true });
  const sent = h('div', { role: 'status' });
  const form = h('form', { class: 'form narrow', novalidate: true },
    formError(),
    field('Email', email, { field: 'email' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Email me a link')), sent);
  onSubmit(form, async () => {
    clearProblems(form);
    try {
      await api.call('POST', `${API}/auth/password/reset-request`, { email: email.value.trim() }, { session: false });
      show(sent, h('div', { class: 'notice' }, h('p', {}, 'If this email has an account, a link to choose a new password is on its way. It works once, for an hour.')));
    } catch (problem) {
      showProblem(form, problem);
    }
  });
  page('Forgot your password?', form, h('p', {}, h('a', { href: '#/' }, 'Back to sign in')));
}
