// The question bank: search and filter, then create or edit any of the three kinds with a rubric
// editor, preview as a candidate sees it, publish and retire.
import { h, paragraphs, promptContent, show } from '../dom.js';
import { API, newIdempotencyKey } from './api.js';
import { announce, askFirstButton, badge, button, clearProblems, field, formError, input, link, onSubmit, page, pager, problemNotice,
  select, showProblem, table, when } from './ui.js';

export const KINDS = [['SINGLE_CHOICE', 'Single choice'], ['MULTI_CHOICE', 'Multiple choice'], ['FREE_TEXT', 'Free text']];
const STATUSES = [['DRAFT', 'Draft'], ['PUBLISHED', 'Published'], ['RETIRED', 'Retired']];
const kindName = (kind) => (KINDS.find(([value]) => value === kind) || [kind, kind])[1];

// --- the list ------------------------------------------------------------------------------------------

export async function renderList({ api, query }) {
  const params = query();
  const filters = { q: params.get('q') || '', kind: params.get('kind') || '', status: params.get('status') || '', tag: params.get('tag') || '' };
  const search = input({ type: 'search', value: filters.q, name: 'q' });
  const kind = select([['', 'Any kind'], ...KINDS], { value: filters.kind, name: 'kind' });
  const status = select([['', 'Any status'], ...STATUSES], { value: filters.status, name: 'status' });
  const tag = input({ value: filters.tag, name: 'tag' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter questions' },
    field('Search', search, { field: 'q' }), field('Kind', kind, { field: 'kind' }),
    field('Status', status, { field: 'status' }), field('Tag', tag, { field: 'tag' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filters')), formError());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ q: search.value.trim(), kind: kind.value, status: status.value, tag: tag.value.trim() });
    [...next.keys()].filter((key) => !next.get(key)).forEach((key) => next.delete(key));
    location.hash = `/questions${next.toString() ? `?${next}` : ''}`;
  });
  const results = h('div', { id: 'question-results' }, h('p', {}, 'Loading…'));
  page('Questions',
    h('p', { class: 'actions' }, link('#/questions/new', 'New question')),
    form, results);

  const items = [];
  const load = async (cursor) => {
    try {
      const list = await api.get(`${API}/questions`, { ...filters, limit: 25, cursor });
      // An API without filters answers everything: filter here too, so the page never lies.
      items.push(...(list.items || []).filter((q) => matches(q, filters)));
      show(results,
        table('Questions in your bank', [
          ['Title', (q) => link(`#/questions/${encodeURIComponent(q.id)}`, q.title)],
          ['Kind', (q) => kindName(q.kind)],
          ['Status', (q) => badge(q.status)],
          ['Version', (q) => String(q.version)],
          ['Tags', (q) => (q.tags || []).join(', ')],
          ['Updated', (q) => when(q.updatedAt || q.createdAt)],
        ], items, hasFilters(filters)
          ? 'No question matches these filters. Clear a filter or search for other words.'
          : 'Your question bank is empty. Create your first question to build a test.'),
        pager(list.hasMore && list.nextCursor, () => load(list.nextCursor), 'Show more questions'));
    } catch (problem) {
      if (problem.status === 401) throw problem;
      if (problem.status === 400) showProblem(form, problem); else show(results, problemNotice(problem, 'The question bank'));
    }
  };
  await load();
}

function hasFilters(filters) {
  return Object.values(filters).some(Boolean);
}

function matches(question, { q, kind, status, tag }) {
  if (kind && question.kind !== kind) return false;
  if (status && question.status !== status) return false;
  if (tag && !(question.tags || []).includes(tag)) return false;
  if (q && !`${question.title} ${question.prompt}`.toLowerCase().includes(q.toLowerCase())) return false;
  return true;
}

// --- the editor ----------------------------------------------------------------------------------------

const DRAFT_KEY = 'hirepipe.console.question-draft:';

function blankModel() {
  return {
    kind: 'FREE_TEXT', title: '', prompt: '', points: '1', choiceScoring: 'ALL_OR_NOTHING', tags: '',
    category: '', difficulty: '', whyWeAsk: '',
    options: [{ id: 'a', text: '', correct: false }, { id: 'b', text: '', correct: false }],
    keyPoints: [{ id: 'kp1', description: '', phrases: '', points: '1' }],
    misconceptions: [],
  };
}

function modelOf(question) {
  const model = blankModel();
  Object.assign(model, {
    kind: question.kind, title: question.title || '', prompt: question.promptMarkdown ?? question.prompt ?? '',
    points: String(question.points ?? 1), choiceScoring: question.choiceScoring || 'ALL_OR_NOTHING',
    tags: (question.tags || []).join(', '), category: question.category || '',
    difficulty: question.difficulty ? String(question.difficulty) : '', whyWeAsk: question.whyWeAsk || '',
    // The server's rendering of the saved prompt: the preview shows it while the prompt is unchanged.
    promptHtml: question.promptHtml || null, savedPrompt: question.promptMarkdown ?? question.prompt ?? '',
  });
  if (question.options?.length) {
    model.options = question.options.map((option) => ({ id: option.id, text: option.text,
      correct: (question.correctOptionIds || []).includes(option.id) }));
  }
  if (question.rubric) {
    model.keyPoints = (question.rubric.keyPoints || []).map((point) => ({ id: point.id, description: point.description || '',
      phrases: (point.phrases || []).join(', '), points: String(point.points) }));
    model.misconceptions = (question.rubric.misconceptions || []).map((m) => ({ id: m.id, description: m.description || '',
      phrases: (m.phrases || []).join(', '), points: String(m.points) }));
  }
  return model;
}

const list = (text) => String(text).split(/[,\n]/).map((part) => part.trim()).filter(Boolean);

/** The request the API takes; optional fields only when filled in, so older APIs are not offended. */
function requestOf(model) {
  const request = { kind: model.kind, title: model.title.trim(), prompt: model.prompt, tags: list(model.tags) };
  if (model.kind === 'FREE_TEXT') {
    request.rubric = {
      keyPoints: model.keyPoints.map((point) => ({ id: point.id, description: point.description.trim(),
        phrases: list(point.phrases), points: toNumber(point.points) })),
    };
    if (model.misconceptions.length) {
      request.rubric.misconceptions = model.misconceptions.map((m) => ({ id: m.id, description: m.description.trim(),
        phrases: list(m.phrases), points: toNumber(m.points) }));
    }
  } else {
    request.options = model.options.map((option) => ({ id: option.id, text: option.text }));
    request.correctOptionIds = model.options.filter((option) => option.correct).map((option) => option.id);
    request.points = toNumber(model.points);
    if (model.kind === 'MULTI_CHOICE') request.choiceScoring = model.choiceScoring;
  }
  if (model.category.trim()) request.category = model.category.trim();
  if (model.difficulty) request.difficulty = toNumber(model.difficulty);
  if (model.whyWeAsk.trim()) request.whyWeAsk = model.whyWeAsk.trim();
  return request;
}

function toNumber(text) {
  const number = Number(String(text).trim());
  return String(text).trim() === '' || Number.isNaN(number) ? text : number;
}

function nextId(prefix, items) {
  let n = items.length + 1;
  while (items.some((item) => item.id === `${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export async function renderEditor({ api, navigate }, id) {
  let question = null;
  if (id) {
    try {
      question = await api.get(`${API}/questions/${encodeURIComponent(id)}`);
    } catch (problem) {
      if (problem.status === 401) throw problem;
      page('Question not found', problemNotice(problem, 'This question'), h('p', {}, link('#/questions', 'Back to the question bank')));
      return;
    }
  }
  const draftKey = DRAFT_KEY + (id || 'new');
  let model = question ? modelOf(question) : blankModel();
  let restored = false;
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey) || 'null');
    if (saved) { model = saved; restored = true; }
  } catch (broken) { /* start from the server's copy */ }
  const keepDraft = () => { try { sessionStorage.setItem(draftKey, JSON.stringify(model)); } catch (full) { /* memory only */ } };
  const dropDraft = () => sessionStorage.removeItem(draftKey);

  const editable = !question || question.status === 'DRAFT' || question.status === 'PUBLISHED';
  const form = h('form', { class: 'form editor', novalidate: true });
  const preview = h('section', { class: 'preview', 'aria-labelledby': 'preview-heading' });

  const bind = (control, key, target = model) => {
    control.value = target[key];
    control.addEventListener('input', () => { target[key] = control.value; keepDraft(); drawPreview(); });
    return control;
  };

  // Redrawn whole after a structural change; focus goes back to where the recruiter was working.
  const draw = (focusSelector) => {
    const kind = select(KINDS, { value: model.kind, disabled: Boolean(question), id: 'question-kind' });
    kind.addEventListener('change', () => { model.kind = kind.value; keepDraft(); draw('#question-kind'); });
    show(form,
      formError(),
      field('Kind', kind, { field: 'kind', hint: question ? 'The kind of a saved question cannot change.' : null }),
      field('Title', bind(input({ maxlength: 200, required: true }), 'title'), { field: 'title' }),
      field('Question, as the candidate reads it', bind(h('textarea', { rows: 5, maxlength: 5000, required: true }), 'prompt'),
        { field: 'prompt', hint: 'Leave a blank line between paragraphs.' }),
      model.kind === 'FREE_TEXT' ? rubricEditor() : optionsEditor(),
      h('details', {},
        h('summary', {}, 'Tags and classification'),
        field('Tags', bind(input({}), 'tags'), { field: 'tags', hint: 'Separated by commas, e.g. kafka, backend.' }),
        field('Category', bind(input({ maxlength: 100 }), 'category'), { field: 'category' }),
        field('Difficulty (1 to 5)', bind(input({ type: 'number', min: 1, max: 5 }), 'difficulty'), { field: 'difficulty' }),
        field('Why we ask this', bind(h('textarea', { rows: 2 }), 'whyWeAsk'), { field: 'whyWeAsk' })),
      h('p', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', disabled: !editable }, question ? 'Save changes' : 'Create question'),
        link('#/questions', 'Back to the question bank')));
    drawPreview();
    if (focusSelector) form.querySelector(focusSelector)?.focus();
  };

  const optionsEditor = () => {
    const multi = model.kind === 'MULTI_CHOICE';
    return h('fieldset', { class: 'group' },
      h('legend', {}, 'Answer options'),
      h('p', { class: 'hint' }, multi ? 'Tick every correct option.' : 'Tick the one correct option.'),
      h('p', { class: 'field-error', 'data-error-for': 'correctOptionIds' }),
      h('p', { class: 'field-error', 'data-error-for': 'options' }),
      model.options.map((option, index) => {
        const text = bind(input({ maxlength: 1000 }), 'text', option);
        const correct = h('input', { type: 'checkbox', checked: option.correct, id: `correct-${index}` });
        correct.addEventListener('change', () => { option.correct = correct.checked; keepDraft(); });
        return h('div', { class: 'row' },
          field(`Option ${index + 1}`, text, { field: `options[${index}].text` }),
          h('div', { class: 'check' }, correct, h('label', { for: `correct-${index}` }, 'Correct')),
          model.options.length > 2
            ? button(`Remove option ${index + 1}`, () => { model.options.splice(index, 1); keepDraft(); draw('#add-option'); }, { class: 'link' })
            : null);
      }),
      model.options.length < 10 ? button('Add an option', () => {
        model.options.push({ id: nextOptionId(model.options), text: '', correct: false });
        keepDraft();
        draw(`[data-field="options[${model.options.length - 1}].text"]`);
      }, { id: 'add-option' }) : null,
      field('Points', bind(input({ type: 'number', min: 1, max: 100 }), 'points'), { field: 'points' }),
      multi ? field('Scoring', bind(select([['ALL_OR_NOTHING', 'All or nothing'], ['PARTIAL', 'Partial credit']]), 'choiceScoring'),
        { field: 'choiceScoring' }) : null);
  };

  const rubricEditor = () => h('fieldset', { class: 'group' },
    h('legend', {}, 'Rubric'),
    h('p', { class: 'hint' }, 'Each key point is something a good answer says. Phrases are the words that signal it; the points add up to what the question is worth.'),
    h('p', { class: 'field-error', 'data-error-for': 'rubric' }),
    model.keyPoints.map((point, index) => h('div', { class: 'rubric-item' },
      h('h2', {}, `Key point ${index + 1}`),
      field('Description', bind(input({ maxlength: 1000 }), 'description', point), { field: `rubric.keyPoints[${index}].description` }),
      field('Phrases', bind(input({}), 'phrases', point), { field: `rubric.keyPoints[${index}].phrases`, hint: 'Separated by commas.' }),
      field('Points', bind(input({ type: 'number', min: 1, max: 100 }), 'points', point), { field: `rubric.keyPoints[${index}].points` }),
      model.keyPoints.length > 1
        ? button(`Remove key point ${index + 1}`, () => { model.keyPoints.splice(index, 1); keepDraft(); draw('#add-key-point'); }, { class: 'link' })
        : null)),
    button('Add a key point', () => {
      model.keyPoints.push({ id: nextId('kp', model.keyPoints), description: '', phrases: '', points: '1' });
      keepDraft();
      draw(`[data-field="rubric.keyPoints[${model.keyPoints.length - 1}].description"]`);
    }, { id: 'add-key-point' }),
    h('h2', {}, 'Misconceptions'),
    h('p', { class: 'hint' }, 'Wrong statements that cost points when an answer makes them.'),
    model.misconceptions.map((item, index) => h('div', { class: 'rubric-item' },
      field(`Misconception ${index + 1}`, bind(input({ maxlength: 1000 }), 'description', item), { field: `rubric.misconceptions[${index}].description` }),
      field('Phrases', bind(input({}), 'phrases', item), { field: `rubric.misconceptions[${index}].phrases` }),
      field('Points it costs', bind(input({ type: 'number', min: 1, max: 100 }), 'points', item), { field: `rubric.misconceptions[${index}].points` }),
      button(`Remove misconception ${index + 1}`, () => { model.misconceptions.splice(index, 1); keepDraft(); draw('#add-misconception'); }, { class: 'link' }))),
    button('Add a misconception', () => {
      model.misconceptions.push({ id: nextId('mc', model.misconceptions), description: '', phrases: '', points: '1' });
      keepDraft();
      draw(`[data-field="rubric.misconceptions[${model.misconceptions.length - 1}].description"]`);
    }, { id: 'add-misconception' }));

  const drawPreview = () => show(preview,
    h('h2', { id: 'preview-heading' }, 'Preview: what the candidate sees'),
    candidateView(model));

  onSubmit(form, async () => {
    clearProblems(form);
    try {
      const saved = question
        ? await api.put(`${API}/questions/${encodeURIComponent(question.id)}`, requestOf(model))
        : await api.post(`${API}/questions`, requestOf(model), { idempotencyKey: newIdempotencyKey() });
      dropDraft();
      announce(question ? 'Changes saved.' : 'Question created.');
      navigate(`/questions/${encodeURIComponent(saved.id)}`);
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, problem);
    }
  });

  const lifecycle = question ? lifecycleActions(api, question, navigate) : null;
  page(question ? `Edit question: ${question.title}` : 'New question',
    restored ? h('div', { class: 'notice', role: 'status' }, h('p', {}, 'Your unsaved changes were kept and are shown here.'),
      button('Discard them', () => { dropDraft(); navigate(`/questions/${id ? encodeURIComponent(id) : 'new'}`); }, { class: 'link' })) : null,
    question ? h('p', {}, badge(question.status), ` Version ${question.version}`,
      question.publishedVersion ? `, published version ${question.publishedVersion}` : ', never published') : null,
    lifecycle,
    h('div', { class: 'editor-layout' }, form, preview),
    question ? await history(api, question) : null);
  draw();
}

function nextOptionId(options) {
  const letters = 'abcdefghij';
  return [...letters].find((letter) => !options.some((option) => option.id === letter)) || nextId('o', options);
}

function lifecycleActions(api, question, navigate) {
  const box = formError('lifecycle-error');
  // Resolves to whether it was done (a refusal is shown in the box), which is what a confirmation waits for.
  const act = (action, words) => async () => {
    try {
      await api.post(`${API}/questions/${encodeURIComponent(question.id)}/${action}`);
      announce(words);
      navigate(`/questions/${encodeURIComponent(question.id)}`);
      return true;
    } catch (problem) {
      if (problem.status === 401) return false;
      show(box, h('p', {}, problem.message));
      box.hidden = false;
      return false;
    }
  };
  return h('div', {},
    h('p', { class: 'actions' },
      question.status !== 'RETIRED' ? button(question.status === 'PUBLISHED' ? 'Publish the latest changes' : 'Publish', act('publish', 'Question published.'), { class: 'primary' }) : null,
      // Retiring cannot be undone: it asks first, as every other such action of the console does.
      question.status === 'PUBLISHED' ? askFirstButton('Retire', {
        question: `Retire the question ${question.title}? Pools stop drawing it and the test editor stops offering it; tests that already have it keep it. This cannot be undone.`,
        yes: 'Yes, retire',
        yesLabel: `Yes, retire the question ${question.title}`,
        action: act('retire', 'Question retired.'),
      }) : null),
    box);
}

/** The published versions, and which tests pin which of them (where the API offers history). */
async function history(api, question) {
  try {
    const [versions, tests] = await Promise.all([
      api.get(`${API}/questions/${encodeURIComponent(question.id)}/versions`),
      api.get(`${API}/tests`, { limit: 200 }).catch((problem) => {
        if (problem.status === 401) throw problem;
        return { items: [] };
      }),
    ]);
    const usedBy = (version) => (tests.items || []).filter((test) => (test.sections || []).some((section) =>
      (section.questions || []).some((ref) => ref.questionId === question.id && ref.version === version)))
      .map((test) => test.title);
    return h('section', { 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, 'Version history'),
      table('Published versions of this question', [
        ['Version', (v) => String(v.version)],
        ['Title', (v) => v.title],
        ['Points', (v) => String(v.points)],
        ['Published', (v) => when(v.publishedAt)],
        ['Used by tests', (v) => usedBy(v.version).join(', ') || '—'],
      ], versions.items || [], 'Not published yet: versions appear here once published.'));
  } catch (problem) {
    if (problem.status === 401) throw problem;
    return null;
  }
}

/** Numbers each preview's inputs, so several previews on one page never share an id. */
let previewCount = 0;

/** The question as the candidate app draws it (same markup, styles and prompt rendering). */
export function candidateView(model) {
  previewCount += 1;
  const name = `preview-${previewCount}`;
  const rendered = model.promptHtml && model.prompt === model.savedPrompt;
  const prompt = h('div', { class: 'prompt' },
    !model.prompt.trim() ? h('p', { class: 'hint' }, 'The question text appears here.')
      : rendered ? promptContent({ promptHtml: model.promptHtml }) : paragraphs(model.prompt));
  const title = h('p', { class: 'preview-title' }, `Question 1${model.title ? `: ${model.title}` : ''}`);
  const note = model.prompt.trim() && !rendered && model.prompt.match(/[*_`#[\]]/)
    ? h('p', { class: 'hint' }, 'Formatting (Markdown) shows here once the question is saved.') : null;
  if (model.kind === 'FREE_TEXT') {
    return h('div', { class: 'candidate-preview' }, title, prompt, note,
      h('div', { class: 'free-text' },
        h('textarea', { rows: 5, disabled: true, 'aria-label': 'The candidate types the answer here' }),
        h('p', { class: 'hint' }, '0 of 20000 characters')));
  }
  const multi = model.kind === 'MULTI_CHOICE';
  return h('div', { class: 'candidate-preview' }, title, prompt, note,
    h('fieldset', { class: 'choices' },
      h('legend', {}, multi ? 'Your answers' : 'Your answer'),
      multi ? h('p', { class: 'hint' }, 'Choose all that apply.') : null,
      model.options.map((option, index) => h('div', { class: 'choice' },
        h('input', { type: multi ? 'checkbox' : 'radio', disabled: true, id: `${name}-${index}`, name }),
        h('label', { for: `${name}-${index}` }, option.text || `Option ${index + 1}`)))),
    h('p', { class: 'hint' }, 'Candidates may see the options in a shuffled order.'));
}
