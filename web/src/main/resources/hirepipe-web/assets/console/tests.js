// Tests: built from published questions in sections, with a duration and a pass mark.
import { h, paragraphs, show } from '../dom.js';
import { API, newIdempotencyKey } from './api.js';
import { candidateView } from './questions.js';
import { announce, badge, button, clearProblems, field, formError, input, link, page, pager, problemNotice, showProblem, table, when } from './ui.js';

export async function renderList({ api, query }) {
  const q = query().get('q') || '';
  const search = input({ type: 'search', value: q, name: 'q' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Find tests' },
    field('Search', search, { field: 'q' }), h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Search')), formError());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = search.value.trim() ? `/tests?q=${encodeURIComponent(search.value.trim())}` : '/tests';
  });
  const results = h('div', {}, h('p', {}, 'Loading…'));
  page('Tests', h('p', { class: 'actions' }, link('#/tests/new', 'New test')), form, results);
  const items = [];
  const load = async (cursor) => {
    try {
      const list = await api.get(`${API}/tests`, { q, limit: 25, cursor });
      items.push(...(list.items || []).filter((t) => !q || t.title.toLowerCase().includes(q.toLowerCase())));
      show(results,
        table('Your tests', [
          ['Title', (t) => link(`#/tests/${encodeURIComponent(t.id)}`, t.title)],
          ['Status', (t) => badge(t.status || 'PUBLISHED')],
          ['Questions', (t) => String((t.sections || []).reduce((n, s) => n + (s.questionIds || s.questions || []).length, 0))],
          ['Duration', (t) => `${t.durationMinutes} min`],
          ['Pass mark', (t) => `${t.passMarkPercent}%`],
          ['Created', (t) => when(t.createdAt)],
        ], items, q ? 'No test matches this search.' : 'No tests yet. Build one from the questions you published.'),
        pager(list.hasMore && list.nextCursor, () => load(list.nextCursor), 'Show more tests'));
    } catch (problem) {
      if (problem.status === 401) throw problem;
      show(results, problemNotice(problem, 'Tests'));
    }
  };
  await load();
}

const DRAFT_KEY = 'hirepipe.console.test-draft:';
/** The newest published questions offered for picking; a whole large bank would make the page heavy. */
const BANK_PAGE = 20;

function sectionQuestionIds(section) {
  return section.questionIds || (section.questions || []).map((question) => question.questionId || question.id);
}

export async function renderEditor({ api, navigate }, id) {
  let test = null;
  try {
    if (id) test = await api.get(`${API}/tests/${encodeURIComponent(id)}`);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    page('Test not found', problemNotice(problem, 'This test'), h('p', {}, link('#/tests', 'Back to tests')));
    return;
  }
  let bank = [];
  let bankIsPartial = false;
  let bankProblem = null;
  try {
    const offered = await api.get(`${API}/questions`, { status: 'PUBLISHED', limit: BANK_PAGE });
    bank = (offered.items || []).filter((question) => question.status === 'PUBLISHED' || question.publishedVersion);
    bankIsPartial = Boolean(offered.hasMore);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    bankProblem = problem;
  }

  const draftKey = DRAFT_KEY + (id || 'new');
  let model = test ? {
    title: test.title, description: test.instructions || test.description || '', durationMinutes: String(test.durationMinutes),
    passMarkPercent: String(test.passMarkPercent),
    sections: (test.sections || []).map((s) => ({ title: s.title, questionIds: sectionQuestionIds(s) })),
  } : { title: '', description: '', durationMinutes: '30', passMarkPercent: '60', sections: [{ title: 'Section 1', questionIds: [] }] };
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey) || 'null');
    if (saved) model = saved;
  } catch (broken) { /* the server's copy */ }
  const keepDraft = () => { try { sessionStorage.setItem(draftKey, JSON.stringify(model)); } catch (full) { /* memory only */ } };

  // Saving a published test starts its next version as a draft; a retired one stays as it was.
  const readOnly = Boolean(test) && test.status === 'RETIRED';
  const form = h('form', { class: 'form', novalidate: true });
  const bind = (control, key, target = model) => {
    control.value = target[key];
    control.addEventListener('input', () => { target[key] = control.value; keepDraft(); });
    return control;
  };

  const draw = (focusSelector) => { show(form,
    formError(),
    h('fieldset', { class: 'plain', disabled: readOnly },
      field('Title', bind(input({ maxlength: 200 }), 'title'), { field: 'title' }),
      field('Instructions for candidates', bind(h('textarea', { rows: 3, maxlength: 5000 }), 'description'), { field: 'instructions' }),
      h('div', { class: 'row' },
        field('Duration in minutes', bind(input({ type: 'number', min: 1, max: 480 }), 'durationMinutes'), { field: 'durationMinutes' }),
        field('Pass mark in percent', bind(input({ type: 'number', min: 0, max: 100 }), 'passMarkPercent'), { field: 'passMarkPercent' })),
      h('p', { class: 'field-error', 'data-error-for': 'sections' }),
      model.sections.map((section, index) => h('fieldset', { class: 'group' },
        h('legend', {}, `Section ${index + 1}`),
        field('Section title', bind(input({ maxlength: 200 }), 'title', section), { field: `sections[${index}].title` }),
        h('p', { class: 'field-error', 'data-error-for': `sections[${index}].questionIds` }),
        bankIsPartial ? h('p', { class: 'hint' }, `The ${BANK_PAGE} newest published questions are offered here.`) : null,
        bank.length ? h('fieldset', { class: 'checklist' },
          h('legend', {}, `Questions in section ${index + 1}`),
          bank.map((question) => {
            const checkboxId = `s${index}-${question.id}`;
            const box = h('input', { type: 'checkbox', id: checkboxId, checked: section.questionIds.includes(question.id) });
            box.addEventListener('change', () => {
              section.questionIds = box.checked ? [...section.questionIds, question.id] : section.questionIds.filter((q) => q !== question.id);
              keepDraft();
            });
            return h('div', { class: 'check' }, box, h('label', { for: checkboxId }, `${question.title} (${question.kind.toLowerCase().replace('_', ' ')}, ${question.points} pts)`));
          }))
          : h('p', { class: 'empty' }, bankProblem ? bankProblem.message : 'No published questions yet. ', link('#/questions/new', 'Create and publish a question first')),
        model.sections.length > 1 ? button(`Remove section ${index + 1}`, () => { model.sections.splice(index, 1); keepDraft(); draw('#add-section'); }, { class: 'link' }) : null)),
      button('Add a section', () => {
        model.sections.push({ title: `Section ${model.sections.length + 1}`, questionIds: [] });
        keepDraft();
        draw(`[data-field="sections[${model.sections.length - 1}].title"]`);
      }, { id: 'add-section' })),
    h('p', { class: 'actions' },
      readOnly ? null : h('button', { type: 'submit', class: 'primary' }, test ? 'Save changes' : 'Create test'),
      link('#/tests', 'Back to tests')));
    if (focusSelector) form.querySelector(focusSelector)?.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const request = {
      title: model.title.trim(), durationMinutes: Number(model.durationMinutes), passMarkPercent: Number(model.passMarkPercent),
      sections: model.sections.map((section) => ({ title: section.title.trim(), questionIds: section.questionIds })),
    };
    if (model.description.trim()) request.instructions = model.description.trim();
    try {
      const saved = test
        ? await api.put(`${API}/tests/${encodeURIComponent(test.id)}`, request)
        : await api.post(`${API}/tests`, request, { idempotencyKey: newIdempotencyKey() });
      sessionStorage.removeItem(draftKey);
      announce(test ? 'Test saved.' : 'Test created.');
      navigate(`/tests/${encodeURIComponent(saved.id)}`);
    } catch (problem) {
      if (problem.status === 401) return;
      if (problem.missingEndpoint) problem.message = 'Editing a saved test is not available on this Hirepipe installation yet.';
      showProblem(form, problem);
    }
  });

  draw();
  page(test ? `Test: ${test.title}` : 'New test',
    test ? h('p', {}, badge(test.status || 'PUBLISHED'), ` ${test.totalPoints ?? ''} points in total · `,
      link(`#/invitations?testId=${encodeURIComponent(test.id)}`, 'Invite candidates to this test'),
      test.publishedVersion ? [' · ', link(`#/tests/${encodeURIComponent(test.id)}/analysis`, 'Item analysis: how each question performs')] : null) : null,
    test ? testActions(api, test, navigate) : null,
    readOnly ? h('p', { class: 'hint' }, 'This test is retired: nobody can be invited to it, and it is shown read-only.') : null,
    form,
    test ? await testPreview(api, model, test) : null);
}

function testActions(api, test, navigate) {
  const box = formError('test-action-error');
  const act = (action, words, method = 'post') => async () => {
    try {
      await api[method](`${API}/tests/${encodeURIComponent(test.id)}${action ? `/${action}` : ''}`);
      announce(words);
      navigate(action ? `/tests/${encodeURIComponent(test.id)}` : '/tests');
    } catch (problem) {
      if (problem.status === 401) return;
      show(box, h('p', {}, problem.missingEndpoint ? 'This is not available on this Hirepipe installation yet.' : problem.message));
      box.hidden = false;
    }
  };
  return h('div', {}, h('p', { class: 'actions' },
    test.status === 'DRAFT' ? button('Publish', act('publish', 'Test published.'), { class: 'primary' }) : null,
    test.status === 'DRAFT' ? button('Delete this draft', act('', 'Draft deleted.', 'delete')) : null,
    test.status === 'PUBLISHED' ? button('Retire', act('retire', 'Test retired.')) : null), box);
}

/** The welcome facts and each question, as a candidate would meet them. */
async function testPreview(api, model, test) {
  const ids = model.sections.flatMap((section) => section.questionIds);
  const questions = await Promise.all(ids.map((questionId) => api.get(`${API}/questions/${encodeURIComponent(questionId)}`)
    .catch((problem) => {
      if (problem.status === 401) throw problem;
      return null;
    })));
  return h('details', { class: 'preview' },
    h('summary', {}, 'Preview as a candidate'),
    h('h2', {}, test.title),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Questions'), h('dd', {}, String(ids.length))),
      h('div', {}, h('dt', {}, 'Time'), h('dd', {}, `${test.durationMinutes} minutes`))),
    model.description ? paragraphs(model.description) : null,
    questions.filter(Boolean).map((question) => candidateView({
      kind: question.kind, title: question.title, prompt: question.promptMarkdown ?? question.prompt ?? '',
      savedPrompt: question.promptMarkdown ?? question.prompt ?? '', promptHtml: question.promptHtml || null,
      options: (question.options || []).map((option) => ({ ...option })),
    })));
}
