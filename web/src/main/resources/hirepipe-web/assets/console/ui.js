// Building blocks every console page uses: headings, fields whose problems show beside them,
// tables with empty states, paging and plain words for API problems.
import { h, show } from '../dom.js';

const main = () => document.getElementById('main');
const announcer = () => document.getElementById('announcer');

/** Draws a page: the title goes to the tab and the heading takes focus, so screen readers start there. */
export function page(title, ...content) {
  document.title = `${title} · Hirepipe console`;
  const container = main();
  show(container, h('h1', { tabindex: '-1' }, title), ...content);
  container.querySelector('h1').focus({ preventScroll: false });
}

export function announce(words) {
  const element = announcer();
  element.textContent = '';
  setTimeout(() => { element.textContent = words; }, 30);
}

let fieldCounter = 0;

/**
 * A labelled control. `field` is the API's name for it (e.g. `candidate.email`): a problem naming
 * that field is shown right under it, and the control is marked invalid.
 */
/**
 * A list field's checkboxes (the API names the list `name`): a legend, the place for the API's problem with the
 * field, and each box with its label (`labelOf(box, index)`, the box's value by default).
 */
export function checklist(legend, name, boxes, labelOf = (box) => box.value) {
  return h('fieldset', { class: 'checklist' }, h('legend', {}, legend),
    h('p', { class: 'field-error', 'data-error-for': name }),
    boxes.map((box, index) => h('div', { class: 'check' }, box, h('label', { for: box.id }, labelOf(box, index)))));
}

export function field(label, control, { field: name, hint } = {}) {
  fieldCounter += 1;
  const id = control.id || `f${fieldCounter}`;
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (name) control.dataset.field = name;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': name || '' }));
}

export function input(attributes = {}) {
  return h('input', { type: 'text', ...attributes });
}

export function select(options, attributes = {}) {
  const value = attributes.value;
  const element = h('select', { ...attributes, value: undefined },
    options.map(([optionValue, label]) => h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, label)));
  return element;
}

export function button(label, onclick, attributes = {}) {
  return h('button', { type: 'button', onclick, ...attributes }, label);
}

/**
 * A form that sends its request once per press. While the request is on its way, another press (a double click,
 * Enter pressed twice) does nothing: each press would otherwise send its own request, two invitations to one
 * candidate or one score change recorded twice. The submit button is marked busy with `aria-disabled`, not
 * `disabled`, so the keyboard focus stays on it.
 */
export function onSubmit(form, handler) {
  const run = oneAtATime(() => [...form.querySelectorAll('button[type=submit]')], handler);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(event);
  });
  return form;
}

/** A button whose action, once started, ignores further presses until it is done (as `onSubmit` for a form). */
export function actionButton(label, action, attributes = {}) {
  const element = button(label, (event) => run(event), attributes);
  const run = oneAtATime(() => [element], action);
  return element;
}

function oneAtATime(busyButtons, action) {
  let running = false;
  return async (event) => {
    if (running) return;
    running = true;
    const buttons = busyButtons();
    buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
    try {
      await action(event);
    } finally {
      running = false;
      buttons.forEach((b) => b.removeAttribute('aria-disabled'));
    }
  };
}

/**
 * A Copy button for a secret shown once (`source` is its field or its code element). The browser may refuse the
 * clipboard (a person said no, or the page is not on https): the value is then selected, to copy by hand, and the
 * words say so beside the button as well as to a screen reader.
 */
export function copyButton(source, what) {
  // Said to a screen reader by announce(); inside a notice that is itself a live region it would be said twice.
  const said = h('span', { class: 'copy-said', 'aria-hidden': 'true' });
  const copy = actionButton('Copy', async () => {
    const value = source.value ?? source.textContent;
    let words;
    try {
      await navigator.clipboard.writeText(value);
      words = `Copied ${what} to the clipboard.`;
    } catch (refused) {
      selectAll(source);
      words = `The browser could not copy ${what}: it is selected, copy it with Ctrl+C (⌘C on a Mac).`;
    }
    said.textContent = words;
    announce(words);
  }, { 'aria-label': `Copy ${what}` });
  return h('span', { class: 'copy' }, copy, said);
}

function selectAll(element) {
  if ('select' in element) {
    element.focus();
    element.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(element);
  window.getSelection().removeAllRanges();
  window.getSelection().addRange(range);
}

/** A button for an action that cannot be undone: pressed, it asks first, in place (`confirmInPlace`). */
export function askFirstButton(label, confirmation, attributes = {}) {
  return button(label, (event) => confirmInPlace(event.currentTarget, confirmation), attributes);
}

let confirmCounter = 0;

/**
 * Asks once more, in place, before an action that cannot be undone (as the erasure page does): the trigger gives
 * way to the question and two buttons, and the question takes the focus so a screen reader reads it. Cancel (or
 * Escape) puts the trigger back with the focus on it; only the confirming button runs `action`, which resolves to
 * true once done. When it is not (it failed and said why), the trigger comes back too.
 */
export function confirmInPlace(trigger, { question, yes, yesLabel, action }) {
  confirmCounter += 1;
  const wordsId = `confirm-words-${confirmCounter}`;
  const words = h('p', { id: wordsId, tabindex: '-1' }, question);
  const restore = () => {
    box.remove();
    trigger.hidden = false;
    trigger.focus();
  };
  const yesButton = button(yes, async () => {
    yesButton.disabled = true;
    const done = await action();
    if (!done && box.isConnected) restore();
  }, { class: 'danger', 'aria-label': yesLabel });
  const box = h('div', { class: 'confirm inline-confirm', role: 'group', 'aria-labelledby': wordsId },
    words, h('p', { class: 'actions' }, yesButton, button('Cancel', restore)));
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') restore();
  });
  trigger.hidden = true;
  trigger.after(box);
  // Inside a table that scrolls sideways (a phone), focusing the words alone can leave the box half outside
  // the visible part: the whole box is brought into view, in the table's box and the page, then focused.
  words.focus({ preventScroll: true });
  box.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The place a form shows problems that name no field of it; it takes focus then, so the keyboard stays in the form. */
export function formError(id = 'form-error') {
  return h('div', { class: 'notice error', id, role: 'alert', tabindex: '-1', hidden: true });
}

/**
 * Shows an API problem in `form`: each named field's message under that field (its closest
 * named ancestor field when the exact one is not on the page), the rest in the form's error box.
 * Focus moves to the first field in error.
 */
export function showProblem(form, problem, { box = form.querySelector('.notice.error') } = {}) {
  clearProblems(form);
  const unplaced = [];
  let first = null;
  for (const [name, message] of Object.entries(problem.fieldErrors || {})) {
    const target = fieldElement(form, name);
    if (target) {
      const control = form.querySelector(`[data-field="${CSS.escape(target.dataset.errorFor)}"]`);
      target.textContent = `${humanField(name)} ${message}`;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        first = first || control;
      }
    } else {
      unplaced.push(`${humanField(name)} ${message}`);
    }
  }
  if (box) {
    const placed = Object.keys(problem.fieldErrors || {}).length > unplaced.length;
    const words = unplaced.length ? unplaced.join('. ') : (placed ? 'Please correct the fields marked below.' : problem.message);
    show(box, h('p', {}, words));
    box.hidden = false;
    if (!first) box.focus?.();
  }
  if (first) first.focus();
}

export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((element) => { element.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  form.querySelectorAll('.notice.error').forEach((box) => { box.hidden = true; show(box); });
}

function fieldElement(form, name) {
  let candidate = name;
  while (candidate) {
    const element = form.querySelector(`[data-error-for="${CSS.escape(candidate)}"]`);
    if (element) return element;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

/** `rubric.keyPoints[1].phrases` → "Key point 2, phrases:" */
export function humanField(name) {
  const words = name
    .replace(/keyPoints\[(\d+)\]/g, (m, i) => `key point ${Number(i) + 1},`)
    .replace(/misconceptions\[(\d+)\]/g, (m, i) => `misconception ${Number(i) + 1},`)
    .replace(/options\[(\d+)\]/g, (m, i) => `option ${Number(i) + 1},`)
    .replace(/sections\[(\d+)\]/g, (m, i) => `section ${Number(i) + 1},`)
    .replace(/invitations\[(\d+)\]/g, (m, i) => `row ${Number(i) + 1},`)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\./g, ' ')
    .replace(/,\s*$/, '')
    .toLowerCase()
    .trim();
  const text = (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\burl\b/gi, 'URL');
  return `${text.replace(/,$/, '')}:`;
}

/** A notice in words for a failed load; a missing endpoint says this installation lacks the feature. */
export function problemNotice(problem, what) {
  const words = problem.missingEndpoint
    ? `${what} is not available on this Hirepipe installation yet.`
    : `${what} could not be loaded: ${problem.message}`;
  return h('div', { class: 'notice error', role: 'alert' }, h('p', {}, words));
}

/**
 * The page a person without the ADMIN role sees on an administrator's page (reached by a bookmark, or
 * after their role changed): what it is and whom to ask, never a refused request in raw words.
 */
export function needsAdministrator(what = 'this page') {
  page('This page needs an administrator',
    h('div', { class: 'notice', role: 'status', id: 'needs-admin' },
      h('p', {}, `Only an administrator of your organisation can open ${what}. `
        + 'If you need it, ask one of them to do it for you, or to change your role.')),
    h('p', {}, h('a', { href: '#/' }, 'Go to the dashboard'), '.'));
}

export function empty(words, ...actions) {
  return h('div', { class: 'empty' }, h('p', {}, words), ...actions);
}

/**
 * A table with a caption; `columns` are [header, row → cell content]. An empty list shows `emptyWords`
 * instead. Wide tables scroll inside their own box on small screens, never the page.
 */
export function table(caption, columns, rows, emptyWords, { sortable = {}, sort, onSort } = {}) {
  if (!rows.length) return empty(emptyWords);
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(([header], index) => {
        const key = sortable[index];
        if (!key) return h('th', { scope: 'col' }, header);
        const direction = sort && sort.key === key ? sort.direction : null;
        return h('th', { scope: 'col', 'aria-sort': direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none' },
          button(`${header}${direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}`, () => onSort(key), { class: 'link sort' }));
      }))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell], index) =>
        (index === 0 ? h('th', { scope: 'row' }, cell(row)) : h('td', {}, cell(row)))))))));
}

export function pager(hasMore, onMore, label = 'Show more') {
  return hasMore ? h('p', { class: 'actions' }, button(label, onMore)) : null;
}

export function badge(text, kind = text) {
  return h('span', { class: `badge badge-${String(kind).toLowerCase()}` }, text);
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return date.toLocaleString('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function points(value) {
  if (value === null || value === undefined) return '—';
  const number = Number(value);
  return Number.isInteger(number) ? String(number) : number.toFixed(2).replace(/0$/, '');
}

export function link(href, text) {
  return h('a', { href }, text);
}
