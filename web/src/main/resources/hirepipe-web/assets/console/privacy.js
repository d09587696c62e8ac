// Candidate privacy, for administrators: how long candidate data is kept and whom candidates ask
// about it (shown on their welcome page), and erasing one candidate's data across every service.
import { h, show } from '../dom.js';
import { API } from './api.js';
import { announce, badge, button, clearProblems, empty, field, formError, input, needsAdministrator, onSubmit, page,
  problemNotice, showProblem, table, when } from './ui.js';

const SETTINGS = `${API}/settings/privacy`;
const ERASURES = `${API}/privacy/erasures`;
const POLL_MS = 2000;
const POLL_ROUNDS = 60;

export async function renderSettings({ api }) {
  let current;
  try {
    current = await api.get(SETTINGS);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    if (problem.status === 403) { needsAdministrator('the privacy settings'); return; }
    page('Privacy settings', problemNotice(problem, 'The privacy settings'));
    return;
  }
  const retention = input({ type: 'number', min: 30, max: 3650, step: 1, inputmode: 'numeric',
    value: current.retentionDays ?? '' });
  const contactName = input({ maxlength: 200, autocomplete: 'off', value: current.contactName || '' });
  const contactEmail = input({ type: 'email', maxlength: 254, autocomplete: 'off', value: current.contactEmail || '' });
  const saved = h('div', { id: 'privacy-saved', role: 'status' }, savedNote(current));
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'privacy-form-heading' },
    h('h2', { id: 'privacy-form-heading' }, 'Retention and contact'),
    formError(),
    field('Keep candidate data for (days after scoring)', retention, { field: 'retentionDays',
      hint: 'From 30 to 3650 days. Each service deletes names, emails and answers once this time has passed. '
        + 'Leave empty to keep them until you erase them.' }),
    field('Privacy contact name', contactName, { field: 'contactName',
      hint: 'Candidates see it on their welcome page, as the person to ask about their data.' }),
    field('Privacy contact email', contactEmail, { field: 'contactEmail' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save privacy settings')),
    saved);
  onSubmit(form, async () => {
    clearProblems(form);
    show(saved);
    const days = retention.value.trim();
    const body = {
      // A value the browser cannot read as a number goes as typed, so the server names what is wrong with it.
      retentionDays: days === '' ? (retention.validity.badInput ? 'not a number' : null) : Number(days),
      contactName: contactName.value.trim(),
      contactEmail: contactEmail.value.trim(),
    };
    try {
      const stored = await api.put(SETTINGS, body);
      show(saved, savedNote(stored, true));
      announce('Privacy settings saved.');
    } catch (problem) {
      if (problem.status === 401) return;
      if (problem.status === 403) { needsAdministrator('the privacy settings'); return; }
      showProblem(form, problem);
    }
  });
  page('Privacy settings',
    h('p', { class: 'hint' }, 'Hirepipe removes candidate data after the retention period in every service, and keeps '
      + 'only scores without names for statistics. To remove one candidate now, use ', h('a', { href: '#/erasures' }, 'Erasure'), '.'),
    form);
}

function savedNote(settings, justNow = false) {
  if (!settings.updatedAt) return h('p', { class: 'hint' }, 'Not set yet: candidate data is kept until erased.');
  return h('div', { class: justNow ? 'notice' : '' },
    h('p', {}, `${justNow ? 'Saved. ' : ''}Last changed ${when(settings.updatedAt)}. `
      + (settings.retentionDays ? `Candidate data is removed ${settings.retentionDays} days after scoring.`
        : 'Candidate data is kept until erased.')));
}

// --- erasure --------------------------------------------------------------------------------------------

/** Erasures asked for in this tab, shown at once even before the audit log (which lists them all) has them. */
const requestedHere = [];
/** Those of them whose completion was already announced. */
const announced = new Set();

export async function renderErasures({ api }) {
  const email = input({ type: 'email', maxlength: 254, autocomplete: 'off', required: true });
  const confirmArea = h('div', { id: 'erasure-confirm' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'erase-heading' },
    h('h2', { id: 'erase-heading' }, 'Erase a candidate'),
    formError(),
    field('Candidate email', email, { field: 'email',
      hint: 'Every invitation to this email is covered: names, emails and answers go in every service, and so do the emails '
        + 'sent to the candidate and copies in webhook logs. Scores stay, without a name, for statistics; the audit log keeps '
        + 'that an erasure happened, without the email.' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Continue')));
  const listArea = h('div', { id: 'erasure-list' }, h('p', {}, 'Loading…'));

  const refresh = () => drawList(api, listArea);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearProblems(form);
    const address = email.value.trim();
    if (!address) {
      showProblem(form, { fieldErrors: { email: 'must not be empty' }, message: 'Name the candidate\'s email.' });
      return;
    }
    confirmStep(api, address, confirmArea, form, async () => {
      email.value = '';
      await refresh();
    });
  });
  page('Erasure', form, confirmArea,
    h('section', { 'aria-labelledby': 'erasures-heading' }, h('h2', { id: 'erasures-heading' }, 'Erasure requests'), listArea));
  await refresh();
}

/** Erasing cannot be undone, so it is asked once more, naming the email, before anything is sent. */
function confirmStep(api, address, area, form, done) {
  const yes = button(`Yes, erase ${address}`, null, { class: 'danger', id: 'erase-confirm' });
  const no = button('Cancel', () => {
    show(area);
    form.querySelector('input').focus();
    announce('Nothing was erased.');
  });
  const box = h('section', { class: 'confirm', 'aria-labelledby': 'confirm-heading' },
    h('h2', { id: 'confirm-heading', tabindex: '-1' }, 'This cannot be undone'),
    h('p', {}, `Every name, email and answer of ${address} will be removed from all services. `
      + 'Their results stay only as anonymous scores. Do you want to erase this candidate\'s data?'),
    h('p', { class: 'actions' }, yes, no));
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      const erasure = await api.post(ERASURES, { email: address });
      requestedHere.unshift(erasure.erasureId);
      show(area, h('div', { class: 'notice', role: 'status' },
        h('p', {}, `Erasure requested for ${address}. Each service reports back as it finishes; the list below shows its progress.`)));
      announce('Erasure requested. Its progress shows in the list of erasure requests.');
      await done();
    } catch (problem) {
      if (problem.status === 401) return;
      if (problem.status === 403) { needsAdministrator('candidate erasure'); return; }
      show(area);
      showProblem(form, problem);
    }
  });
  show(area, box);
  box.querySelector('h2').focus();
}

let pollTimer = null;

/**
 * The tenant's latest erasures, newest first, each with its status. While one is still pending the list
 * asks again every few seconds, and one asked for here is announced when it completes.
 */
async function drawList(api, area, round = 0) {
  clearTimeout(pollTimer);
  let erasures;
  try {
    erasures = (await api.get(ERASURES, { limit: 20 })).items || [];
  } catch (problem) {
    if (problem.status === 401 || problem.superseded) throw problem;
    if (problem.status === 403) { needsAdministrator('candidate erasure'); return; }
    show(area, problemNotice(problem, 'The list of erasure requests'));
    return;
  }
  const pending = erasures.filter((e) => e.status !== 'ERASED');
  const finished = erasures.filter((e) => e.status === 'ERASED' && requestedHere.includes(e.erasureId) && !announced.has(e.erasureId));
  finished.forEach((e) => announced.add(e.erasureId));
  if (finished.length) announce(finished.length === 1 ? 'The erasure has completed in every service.' : `${finished.length} erasures have completed in every service.`);
  show(area, erasures.length ? erasureTable(erasures)
    : empty('No erasure has been requested yet.'));
  if (pending.length && round < POLL_ROUNDS) {
    pollTimer = setTimeout(() => {
      if (!document.body.contains(area)) return;
      drawList(api, area, round + 1).catch(() => {});
    }, POLL_MS);
  }
}

function erasureTable(erasures) {
  return table('Erasure requests, newest first', [
    ['Requested', (e) => when(e.requestedAt)],
    ['Status', (e) => badge(e.status === 'ERASED' ? 'erased' : 'in progress', e.status)],
    ['Invitations covered', (e) => String(e.invitationCount ?? 0)],
    ['Services', (e) => h('ul', { class: 'flags' }, Object.entries(e.services || {})
      .map(([service, state]) => h('li', {}, h('span', { class: 'nowrap' }, service), `: ${state === 'DONE' ? 'done' : 'waiting'}`)))],
    ['Removed', (e) => removed(e.removedCounts)],
    ['Erasure id', (e) => h('code', {}, e.erasureId)],
  ], erasures, 'No erasure has been requested yet.');
}

function removed(counts) {
  const lines = Object.entries(counts || {}).map(([service, kinds]) => {
    const parts = Object.entries(kinds || {}).map(([kind, count]) => `${count} ${kind.replace(/_/g, ' ')}`);
    return h('li', {}, `${service}: ${parts.length ? parts.join(', ') : 'nothing'}`);
  });
  return lines.length ? h('ul', { class: 'flags' }, lines) : '—';
}
