// API keys for platform integrations (the full key is shown once), and the email delivery log.
import { h, show } from '../dom.js';
import { API, newIdempotencyKey } from './api.js';
import { announce, badge, button, checklist, clearProblems, confirmInPlace, copyButton, field, formError, input, onSubmit, page, problemNotice, select, showProblem, table, when } from './ui.js';

const SCOPES = ['questions:read', 'questions:write', 'invitations:read', 'invitations:write', 'results:read',
  'results:write', 'notifications:read', 'webhooks:manage', 'integrations:greenhouse', 'operations:manage'];

export async function renderApiKeys(ctx) {
  const { api } = ctx;
  const name = input({ maxlength: 100 });
  const scopeBoxes = SCOPES.map((scope) => h('input', { type: 'checkbox', id: `scope-${scope.replace(':', '-')}`, value: scope }));
  const created = h('div', { id: 'created-key' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'create-key-heading' },
    h('h2', { id: 'create-key-heading' }, 'Create an API key'),
    formError(),
    field('Name', name, { field: 'name', hint: 'What the key is for, e.g. "Greenhouse sync".' }),
    checklist('What the key may do', 'scopes', scopeBoxes),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create key')),
    created);
  const listArea = h('div', {}, h('p', {}, 'Loading…'));
  onSubmit(form, async () => {
    clearProblems(form);
    show(created);
    try {
      const key = await api.post(`${API}/api-keys`, { name: name.value.trim(), scopes: scopeBoxes.filter((b) => b.checked).map((b) => b.value) },
        { idempotencyKey: newIdempotencyKey() });
      name.value = '';
      scopeBoxes.forEach((box) => { box.checked = false; });
      const value = h('code', { id: 'new-key-value' }, key.key);
      show(created, h('div', { class: 'notice', role: 'status' },
        h('p', {}, h('strong', {}, 'Copy this key now: it is shown only once.')),
        h('p', {}, value),
        h('p', { class: 'actions' }, copyButton(value, 'the API key'))));
      announce('API key created. Copy it now: it is shown only once.');
      await drawList(api, listArea);
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    }
  });
  page('API keys', form, h('section', { 'aria-labelledby': 'keys-heading' }, h('h2', { id: 'keys-heading' }, 'Your keys'), listArea));
  await drawList(api, listArea);
}

async function drawList(api, area) {
  try {
    const [keys, people] = await Promise.all([
      api.get(`${API}/api-keys`).then((list) => list.items || []),
      // Who made a key is stored as their account id: named by email where the person is still on the team.
      api.get(`${API}/users`).then((list) => list.items || [], () => []),
    ]);
    const emails = new Map(people.map((person) => [person.id, person.email]));
    const error = h('p', { class: 'field-error', role: 'alert' });
    show(area, table('API keys of your organisation', [
      ['Name', (k) => k.name],
      ['Starts with', (k) => h('code', {}, k.prefix)],
      ['Scopes', (k) => k.scopes.join(', ')],
      ['Created', (k) => `${when(k.createdAt)}${k.createdBy ? ` by ${emails.get(k.createdBy) || k.createdBy}` : ''}`],
      ['Status', (k) => (k.revoked ? badge('revoked') : button('Revoke', (event) => confirmInPlace(event.currentTarget, {
        question: `Revoke the key ${k.name}? Every call made with it is refused from the next request on. This cannot be undone.`,
        yes: 'Yes, revoke',
        yesLabel: `Yes, revoke the key ${k.name}`,
        action: async () => {
          error.textContent = '';
          try {
            await api.delete(`${API}/api-keys/${encodeURIComponent(k.id)}`);
            announce(`Key ${k.name} revoked.`);
            await drawList(api, area);
            // The redrawn list replaced the confirmation: the keyboard goes on from the list, not the page's top.
            area.querySelector('.table-wrap')?.focus();
            return true;
          } catch (problem) {
            if (problem.status !== 401) error.textContent = problem.message;
            return false;
          }
        },
      }), { 'aria-label': `Revoke the key ${k.name}` }))],
    ], keys, 'No API keys yet. Create one to connect an ATS or another system.'), error);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    show(area, problemNotice(problem, 'API keys'));
  }
}

export async function renderEmails({ api, query }) {
  const status = query().get('status') || '';
  const filter = select([['', 'Any status'], ['SENT', 'Sent'], ['PENDING', 'Pending'], ['FAILED', 'Failed']], { value: status });
  const form = h('form', { class: 'filters', 'aria-label': 'Filter emails' }, field('Status', filter, { field: 'status' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filter')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = filter.value ? `/emails?status=${filter.value}` : '/emails';
  });
  const area = h('div', {}, h('p', {}, 'Loading…'));
  page('Email log', form, area);
  try {
    const emails = ((await api.get(`${API}/notifications/emails`, { limit: 200, status })).items || [])
      .filter((email) => !status || email.status === status);
    show(area, table('Emails sent for your organisation, newest first', [
      ['Recipient', (e) => e.recipient],
      ['Subject', (e) => e.subject],
      ['Kind', (e) => e.kind.toLowerCase().replace(/_/g, ' ')],
      ['Status', (e) => badge(e.status)],
      ['Attempts', (e) => String(e.attempts)],
      ['Last attempt', (e) => when(e.lastAttemptAt || e.createdAt)],
      ['Failure reason', (e) => e.lastError || '—'],
    ], emails, status ? 'No email with this status.' : 'No emails yet: invitations and reports are logged here once sent.'));
  } catch (problem) {
    if (problem.status === 401) throw problem;
    show(area, problemNotice(problem, 'The email log'));
  }
}
