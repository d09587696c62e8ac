// The dashboard: where invitations stand, the latest results, and what needs a person now.
import { h } from '../dom.js';
import { API } from './api.js';
import { badge, empty, link, page, points, problemNotice, table, when } from './ui.js';

export const STATUSES = ['INVITED', 'STARTED', 'SUBMITTED', 'SCORED', 'EXPIRED', 'REVOKED'];
const SAMPLE = 200;

async function settle(promise) {
  try { return { value: await promise }; } catch (problem) {
    if (problem.status === 401) throw problem;
    return { problem };
  }
}

export async function render({ api }) {
  page('Dashboard', h('p', {}, 'Loading…'));
  const [invitations, results, provisional, emails, webhooks] = await Promise.all([
    settle(api.get(`${API}/invitations`, { limit: SAMPLE })),
    settle(api.get(`${API}/results`, { limit: 10 })),
    settle(api.get(`${API}/results`, { status: 'PROVISIONAL', limit: 50 })),
    settle(api.get(`${API}/notifications/emails`, { limit: SAMPLE })),
    settle(failedWebhookDeliveries(api)),
  ]);

  page('Dashboard',
    h('section', { 'aria-labelledby': 'counts-heading' },
      h('h2', { id: 'counts-heading' }, 'Invitations by status'),
      invitations.problem ? problemNotice(invitations.problem, 'Invitations') : counts(invitations.value)),
    h('section', { 'aria-labelledby': 'attention-heading' },
      h('h2', { id: 'attention-heading' }, 'Needs attention'),
      attention(provisional, emails, webhooks)),
    h('section', { 'aria-labelledby': 'latest-heading' },
      h('h2', { id: 'latest-heading' }, 'Latest results'),
      results.problem ? problemNotice(results.problem, 'Results') : latest(results.value.items || [])));
}

function counts(list) {
  const items = list.items || [];
  const tally = Object.fromEntries(STATUSES.map((status) => [status, 0]));
  items.forEach((invitation) => { tally[invitation.status] = (tally[invitation.status] || 0) + 1; });
  return h('div', {},
    h('ul', { class: 'counts' }, STATUSES.map((status) => h('li', {},
      h('a', { href: `#/invitations?status=${status}` },
        h('span', { class: 'count' }, String(tally[status])), h('span', { class: 'count-label' }, status.toLowerCase()))))),
    list.hasMore || items.length >= SAMPLE ? h('p', { class: 'hint' }, `Counted over the latest ${items.length} invitations.`) : null,
    items.length ? null : empty('No invitations yet. ', link('#/invitations', 'Invite a candidate')));
}

/** `results` are the provisional ones (or, where the API cannot filter, the latest): those with items to review. */
function attention(results, emails, webhooks) {
  const rows = [];
  if (!results.problem) {
    const awaiting = (results.value.items || []).filter((result) => result.reviewCount > 0);
    awaiting.forEach((result) => rows.push(h('li', {},
      link(`#/results/${encodeURIComponent(result.sessionId)}`, `${result.candidate?.name || 'A candidate'}, ${result.testTitle}`),
      `: ${result.reviewCount} ${result.reviewCount === 1 ? 'answer awaits' : 'answers await'} your review`)));
  }
  if (!emails.problem) {
    const failed = (emails.value.items || []).filter((email) => email.status === 'FAILED');
    if (failed.length) {
      rows.push(h('li', {}, link('#/emails?status=FAILED', `${failed.length} ${failed.length === 1 ? 'email' : 'emails'} failed to send`),
        `: latest to ${failed[0].recipient} (${failed[0].lastError || 'no reason recorded'})`));
    }
  }
  if (!webhooks.problem && webhooks.value.length) {
    webhooks.value.forEach(({ subscription, failed }) => rows.push(h('li', {},
      link(`#/webhooks/${encodeURIComponent(subscription.id)}`,
        `${failed.length} failed webhook ${failed.length === 1 ? 'delivery' : 'deliveries'} to ${subscription.url}`),
      failed[0].lastError ? ` (${failed[0].lastError})` : '')));
  }
  const problems = [results, emails, webhooks].filter((part) => part.problem);
  return h('div', {},
    rows.length ? h('ul', { class: 'attention' }, rows) : empty('Nothing needs your attention: no answers await review, and no email or webhook failed.'),
    problems.length ? h('p', { class: 'hint' }, 'Some of this could not be checked just now.') : null);
}

async function failedWebhookDeliveries(api) {
  const subscriptions = (await api.get(`${API}/notifications/webhooks`)).items || [];
  const found = await Promise.all(subscriptions.map(async (subscription) => {
    const deliveries = await api.get(`${API}/notifications/webhooks/${encodeURIComponent(subscription.id)}/deliveries`,
      { status: 'FAILED', limit: 20 });
    return { subscription, failed: deliveries.items || [] };
  }));
  return found.filter((entry) => entry.failed.length);
}

function latest(items) {
  return table('The ten latest results, newest first', [
    ['Candidate', (r) => link(`#/results/${encodeURIComponent(r.sessionId)}`, r.candidate?.name || r.sessionId)],
    ['Test', (r) => r.testTitle],
    ['Score', (r) => `${points(r.points)} / ${r.maxPoints} (${Math.round(r.percent)}%)`],
    ['Outcome', (r) => (r.provisional ? badge('provisional') : badge(r.passed ? 'passed' : 'failed'))],
    ['Submitted', (r) => when(r.submittedAt)],
  ], items, 'No results yet: they appear here once candidates submit.');
}
