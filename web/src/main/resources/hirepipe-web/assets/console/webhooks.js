// Webhook subscriptions, for admins: subscribe an endpoint (its signing secret is shown once), then per
// subscription a test event, a new secret, pausing, deleting, and its delivery log with deliveries sent again.
import { h, show } from '../dom.js';
import { API, newIdempotencyKey } from './api.js';
import { actionButton, announce, badge, button, checklist, clearProblems, confirmInPlace, copyButton, field, formError, input, link, onSubmit, page,
  pager, problemNotice, showProblem, table, when } from './ui.js';

const WEBHOOKS = `${API}/notifications/webhooks`;
// The API's allowed event types (SubscriptionRequest), with what each announces. Kept here for the words: the API
// description's enum is the list the API takes, and RecruiterConsoleIT fails when this one differs from it.
const EVENT_TYPES = [
  ['invitation.created', 'an invitation was created'],
  ['assessment.started', 'the candidate started'],
  ['assessment.submitted', 'the session closed'],
  ['assessment.scored', 'scoring finished (may be provisional)'],
  ['score.adjusted', 'a reviewer changed an item\'s points'],
  ['assessment.finalized', 'a provisional result became final'],
  ['invitation.revoked', 'a recruiter withdrew the invitation'],
  ['invitation.expired', 'the invitation expired unstarted'],
];
const DELIVERIES_PER_PAGE = 20;
// How long the page follows a test event or a delivery sent again before leaving its outcome to the log.
const FOLLOW_TRIES = 30;

const subscriptionPath = (id) => `${WEBHOOKS}/${encodeURIComponent(id)}`;

export async function renderList(ctx) {
  const { api } = ctx;
  const url = input({ type: 'url', inputmode: 'url', autocomplete: 'off', maxlength: 2000, required: true });
  const description = input({ maxlength: 500 });
  const typeBoxes = EVENT_TYPES.map(([type]) => h('input', { type: 'checkbox', id: `event-${type.replace('.', '-')}`, value: type }));
  const created = h('div', { id: 'created-webhook' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'subscribe-heading' },
    h('h2', { id: 'subscribe-heading' }, 'Subscribe an endpoint'),
    formError(),
    field('Endpoint URL', url, { field: 'url', hint: 'An https URL of your receiver, e.g. https://ats.example.com/hooks/hirepipe.' }),
    field('Description', description, { field: 'description', hint: 'Optional: what the endpoint is for.' }),
    checklist('Events to send', 'eventTypes', typeBoxes,
      (box, index) => [h('code', {}, box.value), `: ${EVENT_TYPES[index][1]}`]),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Subscribe')),
    created);
  const listArea = h('div', {}, h('p', {}, 'Loading…'));
  onSubmit(form, async () => {
    clearProblems(form);
    show(created);
    try {
      const subscription = await api.post(WEBHOOKS, { url: url.value.trim(), description: description.value.trim(),
        eventTypes: typeBoxes.filter((box) => box.checked).map((box) => box.value) }, { idempotencyKey: newIdempotencyKey() });
      url.value = '';
      description.value = '';
      typeBoxes.forEach((box) => { box.checked = false; });
      show(created, secretShownOnce('new-webhook-secret', subscription.secret, 'Subscribed.'));
      announce('Endpoint subscribed. Copy its signing secret now: it is shown only once.');
      await drawList(api, listArea);
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    }
  });
  page('Webhooks', form, h('section', { 'aria-labelledby': 'webhooks-heading' },
    h('h2', { id: 'webhooks-heading' }, 'Subscriptions'), listArea));
  await drawList(api, listArea);
}

/** The secret in a read-only field, to select and copy; the API never shows it again. */
function secretShownOnce(id, secret, words) {
  const value = input({ id, value: secret, readonly: true, spellcheck: 'false', autocomplete: 'off' });
  value.addEventListener('focus', () => value.select());
  return h('div', { class: 'notice', role: 'status' },
    h('p', {}, `${words} `, h('strong', {}, 'Copy the signing secret now: it is shown only once.')),
    field('Signing secret', value, { hint: 'Your receiver checks each request\'s signature with it.' }),
    h('p', { class: 'actions' }, copyButton(value, 'the signing secret')));
}

async function drawList(api, area) {
  try {
    const subscriptions = (await api.get(WEBHOOKS)).items || [];
    const failed = await Promise.all(subscriptions.map((s) => failedCount(api, s.id)));
    const counts = new Map(subscriptions.map((s, index) => [s.id, failed[index]]));
    show(area, table('Webhook subscriptions of your organisation', [
      ['Endpoint', (s) => link(`#/webhooks/${encodeURIComponent(s.id)}`, s.url)],
      ['Events', (s) => s.eventTypes.join(', ')],
      ['Status', (s) => status(s)],
      ['Failed deliveries', (s) => counts.get(s.id)],
      ['Created', (s) => when(s.createdAt)],
    ], subscriptions, 'No webhook subscriptions yet. Subscribe an endpoint to have Hirepipe push what happens to it.'));
  } catch (problem) {
    if (problem.status === 401) throw problem;
    show(area, problemNotice(problem, 'Webhook subscriptions'));
  }
}

async function failedCount(api, id) {
  try {
    const page = await api.get(`${subscriptionPath(id)}/deliveries`, { status: 'FAILED', limit: 50 });
    const count = (page.items || []).length;
    return page.hasMore ? `${count}+` : String(count);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    return '—';
  }
}

function status(subscription) {
  if (!subscription.enabled) {
    return h('span', {}, badge('disabled'), subscription.disabledReason ? ` ${subscription.disabledReason}` : '');
  }
  return h('span', {}, badge('enabled'), subscription.failingSince ? ` failing since ${when(subscription.failingSince)}` : '');
}

export async function renderSubscription(ctx, id) {
  const { api } = ctx;
  let subscription;
  try {
    subscription = await api.get(subscriptionPath(id));
  } catch (problem) {
    if (problem.status === 401) throw problem;
    page('Webhook subscription', problemNotice(problem, 'This subscription'), h('p', {}, link('#/webhooks', 'All webhooks')));
    return;
  }
  const summary = h('div', {});
  const secretArea = h('div', { id: 'rotated-secret' });
  // Said by announce() as well; the words stay here to be read again.
  const outcome = h('p', { id: 'webhook-outcome' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const deliveries = h('div', { id: 'webhook-deliveries' }, h('p', {}, 'Loading…'));
  const state = { subscription };

  const act = async (call) => {
    error.textContent = '';
    try {
      return await call();
    } catch (problem) {
      if (problem.status !== 401) error.textContent = problem.message;
      return null;
    }
  };
  // Redrawn after each action: the keyboard stays on the button pressed, not the page's top.
  const drawSummary = () => {
    const s = state.subscription;
    const pressed = summary.contains(document.activeElement) ? document.activeElement.textContent : null;
    show(summary,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Endpoint'), h('dd', {}, h('code', {}, s.url)),
        s.description ? [h('dt', {}, 'Description'), h('dd', {}, s.description)] : null,
        h('dt', {}, 'Events'), h('dd', {}, s.eventTypes.join(', ')),
        h('dt', {}, 'Status'), h('dd', { id: 'webhook-status' }, status(s)),
        h('dt', {}, 'Last delivered'), h('dd', {}, when(s.lastSuccessAt)),
        s.previousSecretExpiresAt ? [h('dt', {}, 'Previous secret signs until'), h('dd', {}, when(s.previousSecretExpiresAt))] : null),
      h('div', { class: 'actions' },
        actionButton('Send a test event', () => act(async () => {
          const sent = await api.post(`${subscriptionPath(id)}/ping`);
          await follow(sent.id, 'The test event');
        })),
        actionButton('Rotate the secret', () => act(async () => {
          const rotated = await api.post(`${subscriptionPath(id)}/rotate-secret`);
          show(secretArea, secretShownOnce('rotated-webhook-secret', rotated.secret,
            'New secret made; the previous one keeps signing for a while, so your receiver can switch without a gap.'));
          announce('New signing secret made. Copy it now: it is shown only once.');
          state.subscription = rotated;
          drawSummary();
          secretArea.querySelector('input')?.focus();
        })),
        actionButton(s.enabled ? 'Disable' : 'Enable', () => act(async () => {
          state.subscription = await api.put(subscriptionPath(id), { url: s.url, eventTypes: s.eventTypes,
            description: s.description, enabled: !s.enabled });
          drawSummary();
          announce(state.subscription.enabled ? 'Subscription enabled: events are delivered again.'
            : 'Subscription disabled: nothing is delivered until it is enabled.');
          summary.querySelector(`button[data-toggle]`)?.focus();
          await drawDeliveries();
        }), { 'data-toggle': '' }),
        button('Delete', (event) => confirmInPlace(event.currentTarget, {
          question: `Delete the subscription of ${s.url}? Nothing more is delivered to it, and its deliveries still waiting are stopped. This cannot be undone.`,
          yes: 'Yes, delete',
          yesLabel: `Yes, delete the subscription of ${s.url}`,
          action: () => act(async () => {
            await api.delete(subscriptionPath(id));
            announce(`Subscription of ${s.url} deleted.`);
            ctx.navigate('/webhooks');
            return true;
          }),
        }), { 'aria-label': `Delete the subscription of ${s.url}` })));
    if (pressed) [...summary.querySelectorAll('button')].find((b) => b.textContent === pressed)?.focus();
  };

  /** Follows one delivery until its attempt is made, then says how it went and shows it in the log. */
  const follow = async (deliveryId, what, attemptedBefore = null) => {
    show(outcome, `${what} is on its way…`);
    let attempted = null;
    for (let tries = 0; tries < FOLLOW_TRIES && !attempted; tries += 1) {
      await new Promise((resolve) => { setTimeout(resolve, 500); });
      const delivery = await api.get(`${subscriptionPath(id)}/deliveries/${encodeURIComponent(deliveryId)}`);
      // A delivery sent again keeps its last error until its new attempt ends, which sets a new attempt time.
      if (delivery.lastAttemptAt && delivery.lastAttemptAt !== attemptedBefore) attempted = delivery;
    }
    // Said once the page shows it too: the delivery's row and the subscription's status.
    state.subscription = await api.get(subscriptionPath(id));
    drawSummary();
    await drawDeliveries();
    keepKeyboardInDeliveries();
    const words = outcomeWords(what, attempted);
    show(outcome, words);
    announce(words);
  };
  // A redrawn log took the pressed button away (a delivery sent again has none): the keyboard goes on from the log.
  const keepKeyboardInDeliveries = () => {
    if (document.activeElement === document.body || !document.activeElement) deliveries.querySelector('.table-wrap')?.focus();
  };

  const drawDeliveries = async (cursor = null, shown = []) => {
    try {
      const found = await api.get(`${subscriptionPath(id)}/deliveries`, { limit: DELIVERIES_PER_PAGE, cursor });
      const rows = [...shown, ...(found.items || [])];
      const anyFailed = rows.some((d) => d.status === 'FAILED');
      show(deliveries,
        h('p', { class: 'actions' },
          actionButton('Refresh', () => act(async () => {
            show(outcome);
            state.subscription = await api.get(subscriptionPath(id));
            drawSummary();
            await drawDeliveries();
            announce('Subscription and deliveries refreshed.');
            deliveries.querySelector('#refresh-deliveries')?.focus();
          }), { id: 'refresh-deliveries' }),
          anyFailed ? actionButton('Deliver all failed again', () => act(async () => {
            const again = await api.post(`${subscriptionPath(id)}/deliveries/redeliver-failed`,
              { since: state.subscription.createdAt });
            const words = `${again.queued} failed ${again.queued === 1 ? 'delivery' : 'deliveries'} queued to be sent again.`;
            show(outcome, words);
            announce(words);
            await drawDeliveries();
            keepKeyboardInDeliveries();
          })) : null),
        table('Recent deliveries, newest first', [
          ['Event', (d) => h('code', { class: 'nowrap' }, d.type)],
          ['Status', (d) => badge(d.status.toLowerCase())],
          ['Attempts', (d) => String(d.attempts)],
          ['Last error', (d) => lastError(d)],
          ['Time', (d) => when(d.lastAttemptAt || d.createdAt)],
          ['Action', (d) => (d.status === 'FAILED'
            ? actionButton('Deliver again', () => act(async () => {
              await api.post(`${subscriptionPath(id)}/deliveries/${encodeURIComponent(d.id)}/redeliver`);
              await follow(d.id, `The ${d.type} delivery`, d.lastAttemptAt);
            }), { class: 'nowrap', 'aria-label': `Deliver the ${d.type} of ${when(d.createdAt)} again` })
            : '—')],
        ], rows, 'Nothing delivered yet. Send a test event to see one here.'),
        pager(found.hasMore, () => drawDeliveries(found.nextCursor, rows), 'Show older deliveries'));
    } catch (problem) {
      if (problem.status === 401) throw problem;
      show(deliveries, problemNotice(problem, 'The delivery log'));
    }
  };

  drawSummary();
  page('Webhook subscription', h('p', {}, link('#/webhooks', 'All webhooks')), summary, secretArea, outcome, error,
    h('section', { 'aria-labelledby': 'deliveries-heading' }, h('h2', { id: 'deliveries-heading' }, 'Deliveries'), deliveries));
  await drawDeliveries();
}

function lastError(delivery) {
  if (!delivery.lastError) return '—';
  const next = delivery.status === 'PENDING' && delivery.nextAttemptAt ? `; next attempt ${when(delivery.nextAttemptAt)}` : '';
  return h('p', { class: 'cell-sentence' }, `${delivery.lastError}${next}`);
}

function outcomeWords(what, delivery) {
  if (!delivery) {
    return `${what} is not sent yet; its outcome shows in the deliveries below.`;
  }
  if (delivery.status === 'SUCCEEDED') {
    return `${what} was delivered: the receiver answered ${delivery.lastStatusCode}.`;
  }
  if (delivery.status === 'FAILED') return `${what} failed: ${delivery.lastError}.`;
  return `${what} was not delivered (${delivery.lastError}); it is tried again ${when(delivery.nextAttemptAt)}.`;
}
