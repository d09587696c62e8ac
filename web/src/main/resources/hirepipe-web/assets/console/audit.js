// The tenant's audit log, for administrators: who did what, when, to which record. Read-only: the API
// has no way to change or remove an entry, and neither has this page. The filters live in the address,
// so a filtered view can be bookmarked, and the CSV export takes the same filters.
import { h, show } from '../dom.js';
import { API, withQuery } from './api.js';
import { announce, badge, clearProblems, field, formError, input, needsAdministrator, page, pager, problemNotice,
  showProblem, table, when } from './ui.js';

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'targetId', 'from', 'to'];

/** Actions worth offering as suggestions; any other action name can still be typed. */
const KNOWN_ACTIONS = ['auth.login', 'auth.session.signed-out', 'user.invited', 'user.role-changed', 'user.deactivated',
  'user.reactivated', 'api-key.created', 'api-key.revoked', 'score.adjusted', 'score.finalized', 'results.exported',
  'invitation.revoked', 'invitation.extended', 'invitation.resent', 'session.extra-time', 'session.reopened',
  'candidate.erasure-requested', 'webhook.created', 'webhook.updated', 'webhook.secret-rotated', 'webhook.deleted',
  'webhook.replayed', 'audit.exported'];

export async function render({ api, query }) {
  const given = query();
  // `limit` in the address picks a smaller page (1 to 200), e.g. to step through a busy day.
  const asked = Number(given.get('limit'));
  const pageSize = Number.isInteger(asked) && asked >= 1 && asked <= 200 ? asked : PAGE_SIZE;
  const filters = Object.fromEntries(FILTERS.map((name) => [name, given.get(name) || '']));
  const actor = input({ value: filters.actor, maxlength: 254, autocomplete: 'off' });
  const action = input({ value: filters.action, maxlength: 254, list: 'audit-actions', autocomplete: 'off' });
  const target = input({ value: filters.targetId, maxlength: 254, autocomplete: 'off' });
  const from = input({ type: 'datetime-local', value: localInput(filters.from) });
  const to = input({ type: 'datetime-local', value: localInput(filters.to) });
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the audit log', novalidate: true },
    formError('audit-filter-error'),
    field('Who (email or id)', actor, { field: 'actor' }),
    field('Action', action, { field: 'action' }),
    h('datalist', { id: 'audit-actions' }, KNOWN_ACTIONS.map((name) => h('option', { value: name }))),
    field('Target id', target, { field: 'targetId' }),
    field('From (your time)', from, { field: 'from' }),
    field('Until (your time)', to, { field: 'to' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filters')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = { actor: actor.value.trim(), action: action.value.trim(), targetId: target.value.trim(),
      from: isoOf(from.value), to: isoOf(to.value) };
    location.hash = withQuery('/audit', chosen);
  });

  const download = h('a', { href: withQuery(`${API}/audit/export.csv`, filters), download: 'audit-log.csv', id: 'audit-export',
    class: 'button-link' }, 'Download these entries as CSV');
  const area = h('div', { id: 'audit-log' }, h('p', {}, 'Loading…'));
  page('Audit log',
    h('p', { class: 'hint' }, 'Every sign-in, change of people, roles and keys, score adjustment, export and erasure in your '
      + 'organisation, newest first. Entries are kept as they were written: nobody can change or remove them.'),
    form, h('p', {}, download), area);

  const rows = [];
  const more = async (cursor) => {
    let answer;
    try {
      answer = await api.get(`${API}/audit`, { ...filters, limit: pageSize, cursor });
    } catch (problem) {
      if (problem.status === 401) throw problem;
      if (problem.status === 403) { needsAdministrator('the audit log'); return; }
      if (problem.status === 400 && Object.keys(problem.fieldErrors).length) {
        show(area);
        showProblem(form, problem);
        return;
      }
      show(area, problemNotice(problem, 'The audit log'));
      return;
    }
    clearProblems(form);
    const firstNew = rows.length;
    rows.push(...(answer.items || []));
    show(area, entriesTable(rows, Object.values(filters).some(Boolean)),
      pager(answer.hasMore, () => more(answer.nextCursor), 'Show more entries'));
    if (cursor) {
      // The first entry the click brought takes focus, so keyboard and screen reader users carry on there.
      area.querySelectorAll('tbody tr')[firstNew]?.querySelector('[tabindex="-1"]')?.focus();
      announce(`${rows.length - firstNew} more entries shown.`);
    } else {
      announce(`${rows.length}${answer.hasMore ? ' or more' : ''} audit ${rows.length === 1 ? 'entry' : 'entries'} shown.`);
    }
  };
  await more(null);
}

function entriesTable(rows, filtered) {
  return table('Audit entries, newest first', [
    ['When', (e) => h('span', { tabindex: '-1' }, h('time', { datetime: e.occurredAt }, when(e.occurredAt)))],
    ['Action', (e) => h('code', { class: 'action' }, e.action)],
    ['Outcome', (e) => badge(String(e.outcome || '').toLowerCase(), e.outcome || 'unknown')],
    ['Who', (e) => e.actorEmail || `${String(e.actorKind || 'unknown').toLowerCase()} ${e.actorId || ''}`.trim()],
    ['Target', (e) => [e.targetType || '', e.targetId ? h('br') : null, e.targetId ? h('code', {}, e.targetId) : null]],
    ['Details', (e) => details(e)],
  ], rows, filtered ? 'No entry matches these filters.' : 'The audit log is empty so far.');
}

function details(entry) {
  const pairs = Object.entries(entry.details || {});
  const items = pairs.map(([name, value]) => h('li', {}, `${name}: ${value}`));
  if (entry.correlationId) items.push(h('li', {}, 'correlation id: ', h('code', {}, entry.correlationId)));
  return items.length ? h('ul', { class: 'flags' }, items) : '—';
}

/** A datetime-local value (the recruiter's own time) as the instant the API expects. */
function isoOf(local) {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An instant from the address back into a datetime-local control, in the recruiter's own time. */
function localInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}
