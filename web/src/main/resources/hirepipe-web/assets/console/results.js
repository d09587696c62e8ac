// Results: a filtered, sortable table with a CSV export, and a page per result with the evidence for
// every point and the recruiter's final say.
import { h, show } from '../dom.js';
import { API, withQuery } from './api.js';
import { actionButton, announce, badge, clearProblems, field, formError, input, link, onSubmit, page, pager, points,
  problemNotice, select, showProblem, table, when } from './ui.js';

const FILTERS = ['testId', 'status', 'passed', 'submittedFrom', 'submittedTo'];

export async function renderTable({ api, query }) {
  const params = query();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || '']));
  let tests = [];
  try { tests = (await api.get(`${API}/tests`, { limit: 200 })).items || []; } catch (problem) { if (problem.status === 401) throw problem; }

  const test = select([['', 'Any test'], ...tests.map((t) => [t.id, t.title])], { value: filters.testId });
  const status = select([['', 'Any status'], ['PROVISIONAL', 'Awaiting review'], ['FINAL', 'Final']], { value: filters.status });
  const passed = select([['', 'Passed or failed'], ['true', 'Passed'], ['false', 'Failed']], { value: filters.passed });
  // Days are the recruiter's own; the API's bounds are instants, its end exclusive: the next day's first moment.
  const from = input({ type: 'date', value: localDay(filters.submittedFrom) });
  const to = input({ type: 'date', value: localDay(filters.submittedTo, -1) });
  const form = h('form', { class: 'filters', 'aria-label': 'Filter results' },
    field('Test', test, { field: 'testId' }), field('Status', status, { field: 'status' }), field('Outcome', passed, { field: 'passed' }),
    field('Submitted from', from, { field: 'submittedFrom' }), field('Submitted until', to, { field: 'submittedTo' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filters')), formError());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (test.value) next.set('testId', test.value);
    if (status.value) next.set('status', status.value);
    if (passed.value) next.set('passed', passed.value);
    if (from.value) next.set('submittedFrom', startOfLocalDay(from.value));
    if (to.value) next.set('submittedTo', startOfLocalDay(to.value, 1));
    location.hash = `/results${next.toString() ? `?${next}` : ''}`;
  });
  const active = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  const area = h('div', { id: 'results-table' }, h('p', {}, 'Loading…'));
  page('Results', form,
    h('p', { class: 'actions' }, h('a', { href: withQuery(`${API}/results/export.csv`, { ...active, bom: 'true' }), download: 'results.csv', id: 'export-csv' }, 'Download these results as CSV')),
    area);

  const items = [];
  let sort = { key: 'submittedAt', direction: 'desc' };
  let last = null;
  const draw = () => {
    const sorted = [...items].sort(comparator(sort));
    show(area,
      table('Results matching the filters', [
        ['Candidate', (r) => link(`#/results/${encodeURIComponent(r.sessionId)}`, r.candidate?.name || r.sessionId)],
        ['Test', (r) => r.testTitle],
        ['Score', (r) => `${points(r.points)} / ${r.maxPoints}`],
        ['Percent', (r) => `${Math.round(r.percent)}%`],
        ['Percentile', (r) => (r.percentile === undefined || r.percentile === null ? '—' : String(Math.round(r.percentile)))],
        ['Outcome', (r) => h('span', {}, badge(r.passed ? 'passed' : 'failed'), r.reviewCount ? h('small', {}, ` ${r.reviewCount} to review`) : null)],
        ['Submitted', (r) => when(r.submittedAt)],
      ], sorted, Object.keys(active).length ? 'No result matches these filters.' : 'No results yet: they appear once candidates submit.',
      { sortable: { 0: 'candidate', 2: 'points', 3: 'percent', 6: 'submittedAt' }, sort,
        onSort: (key) => { sort = { key, direction: sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc' }; draw(); area.querySelector('th[aria-sort]:not([aria-sort="none"]) button')?.focus(); } }),
      pager(last && last.hasMore && last.nextCursor, () => load(last.nextCursor), 'Show more results'));
  };
  const load = async (cursor) => {
    try {
      last = await api.get(`${API}/results`, { ...active, limit: 50, cursor });
      items.push(...(last.items || []).filter((r) => (!active.testId || r.testId === active.testId)
        && (!active.passed || String(r.passed) === active.passed)));
      draw();
    } catch (problem) {
      if (problem.status === 401) throw problem;
      if (problem.status === 400) showProblem(form, problem); else show(area, problemNotice(problem, 'Results'));
    }
  };
  await load();
}

function comparator({ key, direction }) {
  const value = (r) => (key === 'candidate' ? (r.candidate?.name || '').toLowerCase() : key === 'submittedAt' ? r.submittedAt || '' : Number(r[key]));
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return direction === 'asc' ? order : -order;
  };
}

// --- one result -------------------------------------------------------------------------------------------

// Said where the recruiter was working when their decision was refused because the result changed under them.
const CHANGED = 'Someone else changed this result while you had it open: the page now shows it as it is now.';

/**
 * One result. `focus` names the element to take the focus once drawn (the question just scored), instead of
 * the page's heading, so the keyboard goes on where the recruiter was. `kept` is a decision the server refused
 * because the result had changed since it was read (412): `{ questionId, points, reason }` for an adjustment,
 * whose form comes back open with what was typed, or `{ finalize: true }`.
 */
export async function renderResult(ctx, sessionId, { focus, kept } = {}) {
  const { api, navigate } = ctx;
  let result;
  let etag;
  try {
    // The ETag names the result as read: decisions send it back as If-Match, so one made on what another
    // reviewer has since changed is refused (412) instead of silently replacing their change.
    ({ body: result, etag } = await api.getTagged(`${API}/results/${encodeURIComponent(sessionId)}`));
  } catch (problem) {
    if (problem.status === 401) throw problem;
    page('Result not found', problemNotice(problem, 'This result'), h('p', {}, link('#/results', 'Back to results')));
    return;
  }
  let invitation = null;
  if (result.invitationId) {
    invitation = await api.get(`${API}/invitations/${encodeURIComponent(result.invitationId)}`).catch((problem) => {
      if (problem.status === 401) throw problem;
      return null;
    });
  }
  const integrity = result.integrity || invitation?.integrity || null;
  if (result.percentile === undefined && result.invitationId) {
    // The list carries each result's percentile among the same test's candidates.
    const line = await api.get(`${API}/results`, { invitationId: result.invitationId, limit: 1 }).catch((problem) => {
      if (problem.status === 401) throw problem;
      return null;
    });
    result.percentile = line?.items?.[0]?.percentile;
  }
  const seconds = result.timeTakenSeconds ?? (result.startedAt && result.submittedAt
    ? Math.round((Date.parse(result.submittedAt) - Date.parse(result.startedAt)) / 1000) : null);
  const name = result.candidate?.name || 'Candidate';
  // A viewer reads results; the buttons that would only be refused (403) are not offered. Without a role in the
  // session answer (an older gateway) they are, and the server decides.
  const mayDecide = api.user?.role !== 'VIEWER';
  const decision = { etag, kept };

  page(`${name}: ${result.testTitle}`,
    h('p', {}, link('#/results', 'Back to results')),
    h('dl', { class: 'facts' },
      fact('Score', `${points(result.points)} / ${result.maxPoints} (${Math.round(result.percent)}%)`, 'fact-score'),
      fact('Outcome', `${result.passed ? 'Passed' : 'Failed'} (pass mark ${result.passMarkPercent}%)`),
      fact('Percentile', result.percentile === undefined || result.percentile === null ? 'Not available' : `${ordinal(Math.round(result.percentile))} among this test's candidates`, 'fact-percentile'),
      fact('Time taken', seconds === null ? '—' : duration(seconds)),
      fact('Submitted', `${when(result.submittedAt)}${result.submitReason === 'TIMEOUT' ? ' (at the deadline)' : ''}`),
      fact('Status', statusWords(result), 'fact-status')),
    integrityPanel(integrity),
    !mayDecide ? h('p', { class: 'notice', id: 'read-only' }, 'You can read this result. Adjusting a score and finalising '
      + 'need the Recruiter role: ask an administrator of your organisation if you need them.')
      : result.provisional ? finalizeAction(ctx, result, decision)
        : kept?.finalize ? h('div', { class: 'notice error', id: 'finalize-error', role: 'alert', tabindex: '-1' },
          h('p', {}, `${CHANGED} It is final already.`)) : null,
    h('section', { 'aria-labelledby': 'items-heading' },
      h('h2', { id: 'items-heading' }, 'Question by question'),
      (result.items || []).map((item, index) => itemPanel(ctx, result, item, index, mayDecide ? decision : null))));
  if (focus) document.getElementById(focus)?.focus();
}

/** Provisional until someone finalises it, also once every answer awaiting review has been scored by a person. */
function statusWords(result) {
  if (!result.provisional) return `Final${result.finalizedBy ? `, by ${result.finalizedBy}` : ''}`;
  return result.reviewCount ? `Provisional: ${result.reviewCount} to review` : 'Provisional: nothing left to review, not yet final';
}

function fact(term, value, id) {
  return h('div', {}, h('dt', {}, term), h('dd', { id }, value));
}

function duration(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

const SIGNALS = { focusLost: 'Window lost focus', hidden: 'Page hidden', paste: 'Pasted text', copy: 'Copied text' };

function integrityPanel(integrity) {
  const counts = integrity ? (integrity.counts || integrity) : null;
  const entries = counts ? Object.entries(counts).filter(([, value]) => typeof value === 'number') : [];
  const label = (kind) => SIGNALS[kind] || SIGNALS[kind.toLowerCase().replace(/_(\w)/g, (m, c) => c.toUpperCase())]
    || kind.toLowerCase().replace(/_/g, ' ');
  return h('section', { 'aria-labelledby': 'integrity-heading' },
    h('h2', { id: 'integrity-heading' }, 'Integrity signals'),
    !integrity ? h('p', {}, 'No integrity signals were reported for this result.')
      : entries.some(([, count]) => count > 0)
        ? h('ul', { class: 'signals' }, entries.map(([kind, count]) => h('li', {}, `${label(kind)}: ${count}`)))
        : h('p', {}, 'The browser reported no focus changes, hidden page, paste or copy.'));
}

function finalizeAction(ctx, result, { etag, kept }) {
  const { api, navigate } = ctx;
  const error = formError('finalize-error');
  if (kept?.finalize) {
    show(error, h('p', {}, `${CHANGED} Nothing was finalised: check it, then finalise again.`));
    error.hidden = false;
  }
  // Nothing is accepted on the recruiter's behalf without saying so; with nothing left to review, it only finalises.
  const words = result.reviewCount ? 'Accept the remaining automatic scores and finalise' : 'Finalise the result';
  return h('div', {}, h('p', { class: 'actions' }, actionButton(words, async () => {
    try {
      // The API's own name for it: without it a result with items awaiting review is refused (409 review-pending).
      await api.post(`${API}/results/${encodeURIComponent(result.sessionId)}/finalize`, { acceptMachineScores: true },
        { ifMatch: etag });
      announce('Result finalised.');
      navigate(`/results/${encodeURIComponent(result.sessionId)}`);
    } catch (problem) {
      if (problem.status === 401) return;
      if (problem.status === 412) {
        // Accepting scores nobody on this page has seen is what the If-Match prevented: show them first.
        await renderResult(ctx, result.sessionId, { focus: 'finalize-error', kept: { finalize: true } });
        return;
      }
      show(error, h('p', {}, problem.message));
      error.hidden = false;
      error.focus();
    }
  })), error);
}

function answerOf(item) {
  const answer = item.answer || {};
  if (typeof answer.text === 'string' || typeof item.answerText === 'string') {
    return h('blockquote', { class: 'answer' }, answer.text ?? item.answerText);
  }
  // The API names each pick with its text as the candidate read it; an older result knows only ids.
  const selected = item.selectedOptions || (answer.selectedOptionIds || item.selectedOptionIds || []).map((id) => ({ id }));
  if (item.kind === 'FREE_TEXT') return null;
  if (!selected.length) return h('p', { class: 'answer' }, 'No option chosen.');
  return h('div', { class: 'answer' }, h('p', {}, selected.length === 1 ? 'Chose:' : 'Chose these options:'),
    h('ul', { class: 'chosen' }, selected.map((option) => h('li', {}, option.text ?? `option ${option.id} (its text is not known)`))));
  return null;
}

// Why the grader asked for a person, in the words the result gives (one sentence per reason).
function reviewReasons(item) {
  const reasons = item.awaitingReview ? item.reviewReasons || [] : [];
  return reasons.length ? h('p', { class: 'review-reasons' }, `Why it needs review: ${reasons.join('; ')}.`) : null;
}

function itemPanel(ctx, result, item, index, decision) {
  const evidence = item.evidence;
  const met = evidence ? evidence.keyPoints.filter((point) => point.verdict !== 'MISSED') : [];
  const missed = evidence ? evidence.keyPoints.filter((point) => point.verdict === 'MISSED') : [];
  return h('article', { class: 'item', 'aria-labelledby': `item-${index}` },
    h('h3', { id: `item-${index}`, tabindex: '-1' }, `${index + 1}. ${item.title || item.questionId}`),
    h('p', {}, `Automatic score: ${points(item.machinePoints ?? item.points)} / ${item.maxPoints}`,
      item.humanPoints !== null && item.humanPoints !== undefined ? h('strong', {}, ` · Reviewer's score: ${points(item.humanPoints)} / ${item.maxPoints}`) : null,
      item.awaitingReview ? h('span', {}, ' · ', badge('needs review', 'provisional')) : null),
    reviewReasons(item),
    answerOf(item),
    evidence ? h('div', { class: 'evidence' },
      h('h4', {}, `Key points found (${met.length})`),
      met.length ? h('ul', {}, met.map((point) => h('li', {},
        h('strong', {}, point.description || point.id), ` (${points(point.points)} ${Number(point.points) === 1 ? 'point' : 'points'}${point.verdict === 'PARTLY_MET' ? ', partly met' : ''})`,
        point.span ? h('blockquote', {}, point.span) : null))) : h('p', {}, 'None.'),
      h('h4', {}, `Key points missed (${missed.length})`),
      missed.length ? h('ul', {}, missed.map((point) => h('li', {}, point.description || point.id))) : h('p', {}, 'None.'),
      evidence.misconceptions?.length ? h('div', {}, h('h4', {}, 'Misconceptions stated'),
        h('ul', {}, evidence.misconceptions.map((m) => h('li', {}, `${m.description} (−${points(m.penalty)})`, m.span ? h('blockquote', {}, m.span) : null)))) : null)
      : null,
    (item.history || []).length ? h('div', {}, h('h4', {}, 'Changes'), h('ul', { class: 'history' }, item.history.map((change) => h('li', {},
      `${when(change.at)}: ${change.by || 'someone'} ${change.action === 'ACCEPTED' ? 'accepted' : 'set'} ${points(change.from)} → ${points(change.to)}`,
      change.reason ? `, because: ${change.reason}` : '')))) : null,
    decision ? adjustForm(ctx, result, item, index, decision) : null);
}

function adjustForm(ctx, result, item, index, { etag, kept }) {
  const { api } = ctx;
  const mine = kept && kept.questionId === item.questionId ? kept : null;
  // Two decimals, as the API takes them.
  const value = input({ type: 'number', min: 0, max: item.maxPoints, step: '0.01', value: mine ? mine.points : points(item.points) });
  const reason = h('textarea', { rows: 2, maxlength: 1000 });
  if (mine) reason.value = mine.reason;
  const form = h('form', { class: 'form adjust', novalidate: true, 'aria-label': `Adjust the score of question ${index + 1}` },
    formError(`adjust-error-${index}`),
    h('div', { class: 'row' },
      field('Points', value, { field: 'points' }),
      field('Reason', reason, { field: 'reason', hint: 'Shown in the history with your name.' })),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Save the adjusted score')));
  onSubmit(form, async () => {
    clearProblems(form);
    // An empty or unreadable number would reach the API as 0 points: it is asked for instead.
    if (value.value.trim() === '' || !Number.isFinite(Number(value.value))) {
      return showProblem(form, { fieldErrors: { points: `Enter the new points, from 0 to ${item.maxPoints}.` } });
    }
    if (!reason.value.trim()) return showProblem(form, { fieldErrors: { reason: 'Say why you change the score.' } });
    try {
      const saved = await api.put(`${API}/results/${encodeURIComponent(result.sessionId)}/items/${encodeURIComponent(item.questionId)}`,
        { points: Number(value.value), reason: reason.value.trim() }, { ifMatch: etag });
      const scored = (saved.items || []).find((i) => i.questionId === item.questionId);
      announce(`Score saved. Question ${index + 1} now has ${points(scored ? scored.points : value.value)} of ${item.maxPoints} points; `
        + `the total is ${points(saved.points)} of ${saved.maxPoints}.`);
      // Drawn again with what the server now has, the focus on this question: not thrown back to the page's top.
      await renderResult(ctx, result.sessionId, { focus: `item-${index}` });
    } catch (problem) {
      if (problem.status === 412) {
        // Drawn again as it is now, this form open with what was typed, so the recruiter sees the other change
        // before deciding again.
        await renderResult(ctx, result.sessionId, { focus: `adjust-error-${index}`,
          kept: { questionId: item.questionId, points: value.value, reason: reason.value } });
      } else if (problem.status !== 401) {
        showProblem(form, problem);
      }
    }
  });
  if (mine) {
    const box = form.querySelector('.notice.error');
    show(box, h('p', {}, `${CHANGED} Your points and reason were not saved: check them, then save again.`));
    box.hidden = false;
  }
  return h('details', { class: 'adjust-box', open: Boolean(mine) },
    h('summary', {}, `Adjust the score of question ${index + 1}`), form);
}

/** The first moment of a calendar day (`YYYY-MM-DD`, `plusDays` later) in the recruiter's own time zone, as an instant. */
function startOfLocalDay(day, plusDays = 0) {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/** The recruiter's calendar day of an instant (`shiftMs` moved: -1 for the day an exclusive end closes), for a date control. */
function localDay(iso, shiftMs = 0) {
  const day = iso ? new Date(new Date(iso).getTime() + shiftMs) : null;
  if (!day || Number.isNaN(day.getTime())) return '';
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st: how a percentile is said. */
function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
  return `${n}${suffix}`;
}
