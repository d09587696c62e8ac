// Tests: built from published questions in sections, with a duration and a pass mark.
import { h, paragraphs, show } from '../dom.js';
import { API, newIdempotencyKey } from './api.js';
import { candidateView } from './questions.js';
import { announce, askFirstButton, badge, button, clearProblems, field, formError, input, link, onSubmit, page, pager, problemNotice,
  select, showProblem, table, when } from './ui.js';

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
          ['Questions', (t) => String(t.questionCount ?? (t.sections || []).reduce((n, s) => n + (s.questionIds || s.questions || []).length, 0))],
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
/** Questions per page of the picker's search; more come with "Show more". */
const BANK_PAGE = 20;
const KINDS = [['', 'Any kind'], ['SINGLE_CHOICE', 'Single choice'], ['MULTI_CHOICE', 'Multiple choice'], ['FREE_TEXT', 'Free text']];
const DIFFICULTIES = [1, 2, 3, 4, 5].map((d) => [String(d), String(d)]);

function sectionQuestionIds(section) {
  return section.questionIds || (section.questions || []).map((question) => question.questionId || question.id);
}

/** A section of the editor's model: fixed questions or a pool rule, kept side by side while the author switches. */
function sectionModel(section) {
  const pool = section.pool || null;
  return {
    title: section.title || '',
    mode: pool ? 'pool' : 'fixed',
    questionIds: pool ? [] : sectionQuestionIds(section),
    pool: {
      category: pool?.category || '', tags: (pool?.tags || []).join(', '),
      difficultyMin: String(pool?.difficultyMin ?? 1), difficultyMax: String(pool?.difficultyMax ?? 5), count: String(pool?.count ?? 3),
    },
  };
}

function kindWords(kind) {
  return String(kind || '').toLowerCase().replace('_', ' ');
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

  const draftKey = DRAFT_KEY + (id || 'new');
  let model = test ? {
    title: test.title, description: test.instructions || test.description || '', durationMinutes: String(test.durationMinutes),
    passMarkPercent: String(test.passMarkPercent), shuffleQuestions: Boolean(test.shuffleQuestions), shuffleOptions: test.shuffleOptions !== false,
    sections: (test.sections || []).map(sectionModel),
  } : {
    title: '', description: '', durationMinutes: '30', passMarkPercent: '60', shuffleQuestions: false, shuffleOptions: true,
    sections: [sectionModel({ title: 'Section 1' })],
  };
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey) || 'null');
    if (saved && Array.isArray(saved.sections) && saved.sections.every((s) => s.pool)) model = saved;
  } catch (broken) { /* the server's copy */ }
  const keepDraft = () => { try { sessionStorage.setItem(draftKey, JSON.stringify(model)); } catch (full) { /* memory only */ } };

  // What the editor knows of questions by id, so chosen ones keep their titles whatever the search shows.
  const known = new Map();
  const chosenIds = [...new Set(model.sections.flatMap((section) => section.questionIds))];
  const chosen = await Promise.all(chosenIds.map((questionId) => api.get(`${API}/questions/${encodeURIComponent(questionId)}`)
    .catch((problem) => { if (problem.status === 401) throw problem; return null; })));
  chosen.filter(Boolean).forEach((question) => known.set(question.id, question));

  // Saving a published test starts its next version as a draft; a retired one stays as it was.
  const readOnly = Boolean(test) && test.status === 'RETIRED';
  const form = h('form', { class: 'form', novalidate: true });
  const bind = (control, key, target = model) => {
    control.value = target[key];
    control.addEventListener('input', () => { target[key] = control.value; keepDraft(); });
    control.addEventListener('change', () => { target[key] = control.value; keepDraft(); });
    return control;
  };
  const tick = (label, key) => {
    const box = h('input', { type: 'checkbox', id: `test-${key}`, checked: model[key] });
    box.addEventListener('change', () => { model[key] = box.checked; keepDraft(); });
    return h('div', { class: 'check' }, box, h('label', { for: `test-${key}` }, label));
  };
  // One search per section, kept across redraws of the form.
  const searches = model.sections.map(() => null);

  const draw = (focusSelector) => { show(form,
    formError(),
    h('fieldset', { class: 'plain', disabled: readOnly },
      field('Title', bind(input({ maxlength: 200 }), 'title'), { field: 'title' }),
      field('Instructions for candidates', bind(h('textarea', { rows: 3, maxlength: 5000 }), 'description'), { field: 'instructions' }),
      h('div', { class: 'row' },
        field('Duration in minutes', bind(input({ type: 'number', min: 1, max: 480 }), 'durationMinutes'), { field: 'durationMinutes' }),
        field('Pass mark in percent', bind(input({ type: 'number', min: 0, max: 100 }), 'passMarkPercent'), { field: 'passMarkPercent' })),
      tick('Shuffle the order of the questions within each section, per candidate', 'shuffleQuestions'),
      tick('Shuffle the options of choice questions, per candidate', 'shuffleOptions'),
      h('p', { class: 'field-error', 'data-error-for': 'sections' }),
      model.sections.map((section, index) => sectionEditor(section, index)),
      button('Add a section', () => {
        model.sections.push(sectionModel({ title: `Section ${model.sections.length + 1}` }));
        searches.push(null);
        keepDraft();
        draw(`[data-field="sections[${model.sections.length - 1}].title"]`);
      }, { id: 'add-section' })),
    h('p', { class: 'actions' },
      readOnly ? null : h('button', { type: 'submit', class: 'primary' }, test ? 'Save changes' : 'Create test'),
      link('#/tests', 'Back to tests')));
    if (focusSelector) form.querySelector(focusSelector)?.focus();
  };

  function sectionEditor(section, index) {
    const modeName = `section-${index}-mode`;
    const modeChoice = (value, label) => {
      const radio = h('input', { type: 'radio', name: modeName, id: `${modeName}-${value}`, value, checked: section.mode === value });
      radio.addEventListener('change', () => { section.mode = value; keepDraft(); draw(`#${modeName}-${value}`); });
      return h('div', { class: 'check' }, radio, h('label', { for: `${modeName}-${value}` }, label));
    };
    return h('fieldset', { class: 'group' },
      h('legend', {}, `Section ${index + 1}`),
      field('Section title', bind(input({ maxlength: 200 }), 'title', section), { field: `sections[${index}].title` }),
      h('fieldset', { class: 'checklist' },
        h('legend', {}, `How section ${index + 1} gets its questions`),
        modeChoice('fixed', 'Questions I choose'),
        modeChoice('pool', 'Drawn per candidate from a pool of published questions')),
      section.mode === 'pool' ? poolEditor(section, index) : fixedEditor(section, index),
      model.sections.length > 1 ? button(`Remove section ${index + 1}`, () => {
        model.sections.splice(index, 1);
        searches.splice(index, 1);
        keepDraft();
        draw('#add-section');
      }, { class: 'link' }) : null);
  }

  function poolEditor(section, index) {
    const name = `sections[${index}].pool`;
    const pool = section.pool;
    return h('fieldset', { class: 'plain pool' },
      h('legend', { class: 'visually-hidden' }, `Pool rule of section ${index + 1}`),
      h('p', { class: 'field-error', 'data-error-for': name }),
      h('div', { class: 'row' },
        field('Category', bind(input({ maxlength: 50 }), 'category', pool), { field: `${name}.category`, hint: 'As the questions name it, e.g. databases.' }),
        field('Tags (optional, separated by commas)', bind(input({ maxlength: 200 }), 'tags', pool), { field: `${name}.tags` })),
      h('div', { class: 'row' },
        field('Difficulty from', bind(select(DIFFICULTIES), 'difficultyMin', pool), { field: `${name}.difficultyMin` }),
        field('Difficulty up to', bind(select(DIFFICULTIES), 'difficultyMax', pool), { field: `${name}.difficultyMax` }),
        field('Questions to draw', bind(input({ type: 'number', min: 1, max: 100 }), 'count', pool), { field: `${name}.count` })),
      h('p', { class: 'hint' }, 'Each candidate gets this many questions drawn at random from those published when they start. '
        + 'Publishing is refused while the bank has too few matching questions.'));
  }

  function fixedEditor(section, index) {
    const results = h('div', { class: 'picker-results', id: `picker-${index}`, 'aria-live': 'polite' });
    const chosenList = h('div', { id: `chosen-${index}` });
    const drawChosen = () => show(chosenList, section.questionIds.length
      ? h('ol', { class: 'chosen-questions', 'aria-label': `Questions in section ${index + 1}` }, section.questionIds.map((questionId) => {
        const question = known.get(questionId);
        const title = question ? question.title : questionId;
        return h('li', {}, `${title}${question ? ` (${kindWords(question.kind)}, ${question.points} pts)` : ''} `,
          button('Remove', () => {
            section.questionIds = section.questionIds.filter((q) => q !== questionId);
            keepDraft();
            drawChosen();
            drawResults();
            announce(`${title} removed from section ${index + 1}.`);
          }, { class: 'link', 'aria-label': `Remove ${title} from section ${index + 1}` }));
      }))
      : h('p', { class: 'hint' }, 'No questions chosen yet: tick them in the list below.'));

    const state = searches[index] || (searches[index] = { q: '', kind: '', category: '', items: null, next: null, problem: null });
    const q = input({ type: 'search', maxlength: 200, value: state.q });
    const kind = select(KINDS, { value: state.kind });
    const category = input({ maxlength: 50, value: state.category });
    const drawResults = () => {
      if (state.problem) {
        show(results, h('p', { class: 'field-error' }, state.problem.message));
      } else if (state.items === null) {
        show(results, h('p', {}, 'Loading…'));
      } else if (!state.items.length) {
        show(results, h('p', { class: 'empty' }, state.q || state.kind || state.category
          ? 'No published question matches this search.' : 'No published questions yet. ', state.q || state.kind || state.category ? null
          : link('#/questions/new', 'Create and publish a question first')));
      } else {
        show(results, h('fieldset', { class: 'checklist' },
          h('legend', {}, `Published questions to add to section ${index + 1}`),
          state.items.map((question) => {
            const checkboxId = `s${index}-${question.id}`;
            const box = h('input', { type: 'checkbox', id: checkboxId, checked: section.questionIds.includes(question.id) });
            box.addEventListener('change', () => {
              section.questionIds = box.checked ? [...section.questionIds, question.id] : section.questionIds.filter((x) => x !== question.id);
              keepDraft();
              drawChosen();
            });
            const facts = [kindWords(question.kind), `${question.points} pts`, question.category, question.difficulty ? `difficulty ${question.difficulty}` : null].filter(Boolean);
            return h('div', { class: 'check' }, box, h('label', { for: checkboxId }, `${question.title} (${facts.join(', ')})`));
          })),
        state.next ? h('p', { class: 'actions' }, button('Show more questions', () => search(state.next), { id: `more-${index}` })) : null);
      }
    };
    const search = async (cursor) => {
      const before = cursor ? state.items.length : 0;
      if (!cursor) {
        state.q = q.value.trim();
        state.kind = kind.value;
        state.category = category.value.trim();
        state.items = null;
      }
      state.problem = null;
      if (!cursor) drawResults();
      try {
        const found = await api.get(`${API}/questions`, {
          status: 'PUBLISHED', q: state.q, kind: state.kind, category: state.category, limit: BANK_PAGE, cursor,
        });
        const offered = (found.items || []).filter((question) => question.status === 'PUBLISHED' || question.publishedVersion);
        offered.forEach((question) => known.set(question.id, question));
        state.items = [...(cursor ? state.items || [] : []), ...offered];
        state.next = found.hasMore && found.nextCursor ? found.nextCursor : null;
      } catch (problem) {
        if (problem.status === 401) throw problem;
        state.problem = problem;
      }
      drawResults();
      // After "Show more", focus moves to the first question the new page brought.
      if (cursor) results.querySelectorAll('input[type=checkbox]')[before]?.focus();
    };
    const searchButton = button('Search', () => search().catch(() => {}));
    // Enter in a search field searches instead of submitting the test.
    [q, category].forEach((control) => control.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); search().catch(() => {}); }
    }));
    const picker = h('div', { class: 'picker' },
      h('p', { class: 'field-error', 'data-error-for': `sections[${index}].questionIds` }),
      chosenList,
      h('div', { class: 'filters', role: 'search', 'aria-label': `Find questions for section ${index + 1}` },
        field('Words in the title or question', q),
        field('Kind', kind),
        field('Category', category),
        h('p', { class: 'actions' }, searchButton)),
      results);
    drawChosen();
    if (state.items === null && !state.problem) search().catch(() => {}); else drawResults();
    return picker;
  }

  onSubmit(form, async () => {
    clearProblems(form);
    const request = {
      title: model.title.trim(), durationMinutes: Number(model.durationMinutes), passMarkPercent: Number(model.passMarkPercent),
      shuffleQuestions: Boolean(model.shuffleQuestions), shuffleOptions: Boolean(model.shuffleOptions),
      sections: model.sections.map((section) => (section.mode === 'pool'
        ? {
          title: section.title.trim(),
          pool: {
            category: section.pool.category.trim(),
            tags: section.pool.tags.split(',').map((tag) => tag.trim()).filter(Boolean),
            difficultyMin: Number(section.pool.difficultyMin), difficultyMax: Number(section.pool.difficultyMax),
            count: Number(section.pool.count),
          },
        }
        : { title: section.title.trim(), questionIds: section.questionIds })),
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
    test ? testPreview(model, test, known) : null);
}

function testActions(api, test, navigate) {
  const box = formError('test-action-error');
  // Resolves to whether it was done (a refusal is shown in the box), which is what a confirmation waits for.
  const act = (action, words, method = 'post') => async () => {
    try {
      await api[method](`${API}/tests/${encodeURIComponent(test.id)}${action ? `/${action}` : ''}`);
      announce(words);
      navigate(action ? `/tests/${encodeURIComponent(test.id)}` : '/tests');
      return true;
    } catch (problem) {
      if (problem.status === 401) return false;
      show(box, h('p', {}, problem.missingEndpoint ? 'This is not available on this Hirepipe installation yet.' : problem.message));
      box.hidden = false;
      return false;
    }
  };
  // Deleting and retiring cannot be undone: each asks first, as every other such action of the console does.
  return h('div', {}, h('p', { class: 'actions' },
    test.status === 'DRAFT' ? button('Publish', act('publish', 'Test published.'), { class: 'primary' }) : null,
    test.status === 'DRAFT' ? askFirstButton('Delete this draft', {
      question: `Delete the draft test ${test.title}? This cannot be undone.`,
      yes: 'Yes, delete',
      yesLabel: `Yes, delete the draft test ${test.title}`,
      action: act('', 'Draft deleted.', 'delete'),
    }) : null,
    test.status === 'PUBLISHED' ? askFirstButton('Retire', {
      question: `Retire the test ${test.title}? Nobody can be invited to it any more. This cannot be undone.`,
      yes: 'Yes, retire',
      yesLabel: `Yes, retire the test ${test.title}`,
      action: act('retire', 'Test retired.'),
    }) : null), box);
}

/** The welcome facts and each fixed question, as a candidate would meet them; pools say what they draw. */
function testPreview(model, test, known) {
  const fixed = model.sections.filter((section) => section.mode !== 'pool');
  const pools = model.sections.filter((section) => section.mode === 'pool');
  const ids = fixed.flatMap((section) => section.questionIds);
  const count = ids.length + pools.reduce((n, section) => n + Number(section.pool.count || 0), 0);
  return h('details', { class: 'preview' },
    h('summary', {}, 'Preview as a candidate'),
    h('h2', {}, test.title),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Questions'), h('dd', {}, String(count))),
      h('div', {}, h('dt', {}, 'Time'), h('dd', {}, `${test.durationMinutes} minutes`))),
    model.description ? paragraphs(model.description) : null,
    pools.map((section) => h('p', { class: 'hint' }, `${section.title}: ${section.pool.count} questions drawn per candidate from category `
      + `${section.pool.category}, difficulty ${section.pool.difficultyMin} to ${section.pool.difficultyMax}.`)),
    ids.map((questionId) => known.get(questionId)).filter(Boolean).map((question) => candidateView({
      kind: question.kind, title: question.title, prompt: question.promptMarkdown ?? question.prompt ?? '',
      savedPrompt: question.promptMarkdown ?? question.prompt ?? '', promptHtml: question.promptHtml || null,
      options: (question.options || []).map((option) => ({ ...option })),
    })));
}
