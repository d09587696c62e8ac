// Invitations: invite one candidate or a whole CSV, follow them by status, and revoke, extend or
// give extra time (also while the candidate is taking the test).
import { h, show } from '../dom.js';
import { API, ApiProblem, newIdempotencyKey } from './api.js';
import { MAX_BYTES, MAX_ROWS, invitationRows } from './csv.js';
import { STATUSES } from './dashboard.js';
import { announce, badge, button, clearProblems, confirmInPlace, field, formError, humanField, input, link, onSubmit,
  page, pager, points, problemNotice, select, showProblem, table, when } from './ui.js';

const BULK_CHUNK = 500;

export async function render(ctx) {
  const { api, query } = ctx;
  const params = query();
  let tests = [];
  try {
    tests = (await api.get(`${API}/tests`, { limit: 200 })).items || [];
  } catch (problem) {
    if (problem.status === 401) throw problem;
  }
  const testOptions = tests.filter((t) => !t.status || t.status === 'PUBLISHED').map((t) => [t.id, t.title]);
  const listArea = h('div', { id: 'invitation-list' }, h('p', {}, 'Loading…'));
  const filters = { status: params.get('status') || '', testId: params.get('testId') || '' };
  // Whoever was just invited shows up in the list below at once.
  const refreshList = () => loadList(ctx, listArea, filters, tests);
  // The file's report spans the page below both forms: its reasons are the point, and half a page hid them.
  const bulkReport = h('div', { id: 'bulk-report' });
  page('Invitations',
    h('div', { class: 'two-up' }, inviteOne(ctx, testOptions, params.get('testId'), refreshList),
      inviteMany(ctx, testOptions, params.get('testId'), refreshList, bulkReport)),
    bulkReport,
    h('section', { 'aria-labelledby': 'list-heading' },
      h('h2', { id: 'list-heading' }, 'All invitations'),
      listFilters(params, testOptions),
      listArea));
  await refreshList();
}

function testSelect(testOptions, selected) {
  return select([['', testOptions.length ? 'Choose a test' : 'No published test yet'], ...testOptions], { value: selected || '' });
}

function inviteOne({ api }, testOptions, selectedTest, refreshList) {
  const test = testSelect(testOptions, selectedTest);
  const name = input({ autocomplete: 'off', maxlength: 200 });
  const email = input({ type: 'email', autocomplete: 'off', maxlength: 254 });
  const extra = input({ type: 'number', min: 0, max: 240, value: '0' });
  const reference = input({ maxlength: 200 });
  const outcome = h('div', { role: 'status' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'one-heading' },
    h('h2', { id: 'one-heading' }, 'Invite a candidate'),
    formError('one-error'),
    field('Test', test, { field: 'testId' }),
    field('Candidate name', name, { field: 'candidate.name' }),
    field('Candidate email', email, { field: 'candidate.email' }),
    field('Extra time in minutes', extra, { field: 'extraTimeMinutes', hint: 'For candidates with an agreed accommodation.' }),
    field('External reference (optional)', reference, { field: 'externalReference', hint: 'Your ATS or HR system id.' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Send invitation')),
    outcome);
  onSubmit(form, async () => {
    clearProblems(form);
    show(outcome);
    const request = invitationRequest(test.value, name.value.trim(), email.value.trim(), extra.value.trim(), reference.value.trim());
    try {
      const created = await api.post(`${API}/invitations`, request, { idempotencyKey: newIdempotencyKey() });
      show(outcome, h('p', { class: 'ok' }, `Invitation sent to ${created.candidate?.email || request.candidate.email}.`));
      name.value = ''; email.value = ''; reference.value = ''; extra.value = '0';
      announce('Invitation sent.');
      await refreshList();
    } catch (problem) {
      if (problem.status === 401) return;
      if (problem.status === 409) {
        show(outcome, h('p', { class: 'error' }, `${problem.message} `));
        return;
      }
      showProblem(form, problem);
    }
  });
  return form;
}

function invitationRequest(testId, name, email, extra, reference) {
  const request = { testId, candidate: { name, email } };
  if (extra !== '' && extra !== null && extra !== undefined) request.extraTimeMinutes = Number(extra);
  if (reference) request.externalReference = reference;
  return request;
}

function inviteMany(ctx, testOptions, selectedTest, refreshList, report) {
  const test = testSelect(testOptions, selectedTest);
  const file = h('input', { type: 'file', accept: '.csv,text/csv' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'bulk-heading' },
    h('h2', { id: 'bulk-heading' }, 'Invite from a CSV file'),
    h('p', { class: 'hint' }, 'One candidate per line: name, email, extra time in minutes (optional), external reference (optional). A first line naming these columns is fine.'),
    formError('bulk-error'),
    field('Test', test, { field: 'testId' }),
    field('CSV file', file, { field: 'file' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Upload and invite')));
  onSubmit(form, async () => {
    clearProblems(form);
    show(report);
    const chosen = file.files && file.files[0];
    if (!test.value) return showProblem(form, { fieldErrors: { testId: 'Choose the test to invite to.' } });
    if (!chosen) return showProblem(form, { fieldErrors: { file: 'Choose a CSV file.' } });
    if (chosen.size > MAX_BYTES) return showProblem(form, { fieldErrors: { file: 'The file is larger than 1 MB.' } });
    const rows = invitationRows(await chosen.text());
    if (!rows.length) return showProblem(form, { fieldErrors: { file: 'The file has no candidates in it.' } });
    if (rows.length > MAX_ROWS) return showProblem(form, { fieldErrors: { file: `The file has ${rows.length} candidates; at most ${MAX_ROWS} at once.` } });
    show(report, h('p', { role: 'status' }, `Inviting ${rows.length} candidates…`));
    try {
      await sendRows(ctx.api, test.value, rows);
      drawReport(report, rows);
      report.scrollIntoView({ block: 'nearest' });
      announce(`${rows.filter((r) => r.outcome === 'INVITED').length} invited, ${rows.filter((r) => r.outcome === 'REFUSED').length} refused.`);
      await refreshList();
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    }
  });
  return form;
}

/** Sends the good rows in chunks to the bulk endpoint (or one by one where there is none), and fills each row's outcome. */
async function sendRows(api, testId, rows) {
  rows.filter((row) => row.problem).forEach((row) => { row.outcome = 'REFUSED'; });
  const sendable = rows.filter((row) => !row.problem);
  const idempotencyKey = newIdempotencyKey();
  for (let start = 0; start < sendable.length; start += BULK_CHUNK) {
    const chunk = sendable.slice(start, start + BULK_CHUNK);
    const requests = chunk.map((row) => invitationRequest(testId, row.name, row.email, row.extraTimeMinutes, row.externalReference));
    try {
      const answer = await api.post(`${API}/invitations/bulk`, { invitations: requests }, { idempotencyKey: `${idempotencyKey}-${start}` });
      for (const result of answer.rows || []) {
        const row = chunk[result.index];
        if (!row) continue;
        row.outcome = result.outcome;
        row.invitationId = result.invitationId;
        if (result.problem) row.problem = wordsOfRowProblem(result.problem);
      }
    } catch (problem) {
      if (!problem.missingEndpoint) throw problem;
      // This installation has no bulk endpoint yet: the same, one invitation at a time.
      for (let i = 0; i < chunk.length; i += 1) {
        try {
          const created = await api.post(`${API}/invitations`, requests[i], { idempotencyKey: `${idempotencyKey}-${start + i}` });
          chunk[i].outcome = 'INVITED';
          chunk[i].invitationId = created.id;
        } catch (refused) {
          if (refused.status === 401) throw refused;
          chunk[i].outcome = refused.status === 409 ? 'ALREADY_INVITED' : 'REFUSED';
          chunk[i].problem = refused.status === 409 ? null : wordsOfRowProblem(refused.problem);
        }
      }
    }
  }
}

/** A row's problem in words, its fields named as the form names them ("Candidate email: must be …"). */
function wordsOfRowProblem(problem) {
  const errors = Object.entries(new ApiProblem(problem.status || 400, problem).fieldErrors)
    .map(([name, message]) => `${humanField(name)} ${message}`);
  return errors.length ? errors.join('; ') : (problem.detail || problem.title || 'Refused.');
}

function drawReport(report, rows) {
  const invited = rows.filter((row) => row.outcome === 'INVITED').length;
  const already = rows.filter((row) => row.outcome === 'ALREADY_INVITED').length;
  const refused = rows.filter((row) => row.outcome === 'REFUSED').length;
  show(report,
    h('p', { class: refused ? 'error' : 'ok' }, `${invited} invited, ${already} already invited, ${refused} refused.`),
    table('What happened to each line of the file', [
      ['Line', (row) => String(row.line)],
      ['Name', (row) => row.name || '—'],
      ['Email', (row) => row.email || '—'],
      ['Outcome', (row) => badge(row.outcome === 'ALREADY_INVITED' ? 'already invited' : row.outcome.toLowerCase(), row.outcome)],
      ['Reason', (row) => (row.outcome === 'ALREADY_INVITED' ? 'An active invitation to this test exists; nobody was invited twice.' : row.problem || '')],
    ], rows, 'The file had no lines.'));
}

function listFilters(params, testOptions) {
  const status = select([['', 'Any status'], ...STATUSES.map((s) => [s, s.toLowerCase()])], { value: params.get('status') || '' });
  const test = select([['', 'Any test'], ...testOptions], { value: params.get('testId') || '' });
  const form = h('form', { class: 'filters', 'aria-label': 'Filter invitations' },
    field('Status', status, { field: 'status' }), field('Test', test, { field: 'testId' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filters')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status.value) next.set('status', status.value);
    if (test.value) next.set('testId', test.value);
    location.hash = `/invitations${next.toString() ? `?${next}` : ''}`;
  });
  return form;
}

async function loadList(ctx, area, filters, tests) {
  const items = [];
  const load = async (cursor) => {
    try {
      const list = await ctx.api.get(`${API}/invitations`, { ...filters, limit: 50, cursor });
      items.push(...(list.items || []).filter((i) => (!filters.status || i.status === filters.status) && (!filters.testId || i.testId === filters.testId)));
      show(area,
        table('Invitations, newest first', [
          ['Candidate', (i) => h('span', {}, i.candidate?.name || '—', h('br'), h('small', {}, i.candidate?.email || ''))],
          ['Test', (i) => i.testTitle || i.testId],
          ['Status', (i) => badge(i.status)],
          ['Score', (i) => scoreCell(i)],
          ['Expires', (i) => when(i.expiresAt)],
          ['Extra time', (i) => `${i.extraTimeMinutes || 0} min`],
          ['Manage', (i) => manage(ctx, i, () => ctx.navigate(`/invitations${location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : ''}`))],
        ], items, filters.status || filters.testId
          ? 'No invitation matches these filters.'
          : (tests.length ? 'No invitations yet. Invite a candidate above.' : 'No invitations yet. Create a test first, then invite candidates to it.')),
        pager(list.hasMore && list.nextCursor, () => load(list.nextCursor), 'Show more invitations'));
    } catch (problem) {
      if (problem.status === 401) throw problem;
      show(area, problemNotice(problem, 'Invitations'));
    }
  };
  await load();
}

function scoreCell(invitation) {
  const score = invitation.score;
  if (!score) return '—';
  const text = `${points(score.points)} / ${score.maxPoints}`;
  return h('span', {}, invitation.sessionId ? link(`#/results/${encodeURIComponent(invitation.sessionId)}`, text) : text,
    score.adjusted ? h('small', {}, ' (adjusted)') : null,
    score.provisional ? h('small', {}, ' (provisional)') : null);
}

function manage({ api }, invitation, refresh) {
  const who = invitation.candidate?.name || invitation.id;
  const actions = [];
  const error = h('p', { class: 'field-error', role: 'alert' });
  const run = async (call, words) => {
    error.textContent = '';
    try {
      await call();
      announce(words);
      refresh();
      return true;
    } catch (problem) {
      if (problem.status === 401) return false;
      error.textContent = problem.missingEndpoint ? 'This action is not available on this Hirepipe installation yet.' : problem.message;
      return false;
    }
  };
  if (invitation.status === 'INVITED' || invitation.status === 'EXPIRED') {
    const until = input({ type: 'date', 'aria-label': `New expiry date for ${who}`, min: new Date().toISOString().slice(0, 10) });
    actions.push(h('div', { class: 'inline' }, until, button('Extend', () => run(() => {
      if (!until.value) throw Object.assign(new Error('Choose the new expiry date.'), { message: 'Choose the new expiry date.' });
      return api.post(`${API}/invitations/${encodeURIComponent(invitation.id)}/extend`, { expiresAt: `${until.value}T23:59:00Z` });
    }, 'Expiry extended.'), { 'aria-label': `Extend the invitation of ${who}` })));
  }
  if (invitation.status === 'INVITED' || invitation.status === 'STARTED') {
    const minutes = input({ type: 'number', min: 0, max: 240, value: String(invitation.extraTimeMinutes || 0), 'aria-label': `Extra time in minutes for ${who}` });
    actions.push(h('div', { class: 'inline' }, minutes, button('Set extra time', () => run(() => {
      // An emptied field would reach the API as 0 minutes and take the extra time away: it is asked for instead.
      if (minutes.value.trim() === '') throw new Error('Enter the extra time in minutes (0 for none).');
      return api.put(`${API}/invitations/${encodeURIComponent(invitation.id)}/extra-time`, { extraTimeMinutes: Number(minutes.value) });
    }, 'Extra time changed.'), { 'aria-label': `Set the extra time of ${who}` })));
  }
  if (invitation.status === 'INVITED') {
    const reason = input({ maxlength: 500, 'aria-label': `Reason for revoking the invitation of ${who}`, placeholder: 'Reason' });
    actions.push(h('div', { class: 'inline' }, reason, button('Revoke', (event) => confirmInPlace(event.currentTarget, {
      question: `Revoke the invitation of ${who}? Their link stops working at once. This cannot be undone.`,
      yes: 'Yes, revoke',
      yesLabel: `Yes, revoke the invitation of ${who}`,
      action: () => run(
        () => api.post(`${API}/invitations/${encodeURIComponent(invitation.id)}/revoke`, { reason: reason.value.trim() || 'Revoked in the console' }),
        'Invitation revoked.'),
    }), { 'aria-label': `Revoke the invitation of ${who}` })));
  }
  if (!actions.length) return invitation.revokeReason ? `Revoked: ${invitation.revokeReason}` : '—';
  return h('details', { class: 'manage' }, h('summary', {}, h('span', { class: 'visually-hidden' }, `${who}: `), 'Manage'), actions, error);
}
