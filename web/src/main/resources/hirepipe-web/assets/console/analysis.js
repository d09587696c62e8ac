// Item analysis of one test version: how each question behaved across the scored candidates (facility,
// discrimination, flags, option picks) and the spread of the scores. Aggregates only; nobody is named.
import { h, show } from '../dom.js';
import { API } from './api.js';
import { empty, field, link, page, problemNotice, select, table } from './ui.js';

const FLAGS = {
  REVIEW_THIS_QUESTION: 'Review this question: it barely separates stronger from weaker candidates',
  NEVER_CHOSEN_DISTRACTOR: 'A wrong option nobody chose',
};

export async function render({ api, query }, testId) {
  let test;
  try {
    test = await api.get(`${API}/tests/${encodeURIComponent(testId)}`);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    page('Test not found', problemNotice(problem, 'This test'), h('p', {}, link('#/tests', 'Back to tests')));
    return;
  }
  const back = h('p', {}, link(`#/tests/${encodeURIComponent(testId)}`, `Back to the test ${test.title}`));
  const newest = test.publishedVersion || 0;
  if (!newest) {
    page(`Item analysis: ${test.title}`, back,
      empty('This test was never published, so no candidate has taken it yet. Statistics appear once results are scored.'));
    return;
  }
  const asked = Number(query().get('version'));
  const version = Number.isInteger(asked) && asked >= 1 && asked <= newest ? asked : newest;
  const versions = select(Array.from({ length: newest }, (unused, i) => newest - i)
    .map((v) => [String(v), `Version ${v}${v === newest ? ' (the one new candidates get)' : ''}`]), { value: String(version) });
  const chooser = h('form', { class: 'filters', 'aria-label': 'Choose the test version' },
    field('Test version', versions, { field: 'version' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Show this version')));
  chooser.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `/tests/${encodeURIComponent(testId)}/analysis?version=${versions.value}`;
  });
  const area = h('div', { id: 'analysis' }, h('p', {}, 'Loading…'));
  page(`Item analysis: ${test.title}`, back, chooser, area);

  let analysis;
  try {
    analysis = await api.get(`${API}/analysis/tests/${encodeURIComponent(testId)}/versions/${version}`);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    show(area, problem.status === 404 && !problem.missingEndpoint
      ? empty(`No candidate who took version ${version} has been scored yet. Statistics appear once results come in.`)
      : problemNotice(problem, 'The item analysis'));
    return;
  }
  show(area, summary(analysis), itemsTable(analysis, testId), optionDetails(analysis), histogram(analysis));
}

function decimal(value, digits = 2) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(digits);
}

function percent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(Number(value))}%`;
}

function summary(analysis) {
  const distribution = analysis.scoreDistribution || {};
  const reliability = analysis.reliability
    ? `${decimal(analysis.reliability.value)} (${analysis.reliability.coefficient === 'KR_20' ? 'KR-20' : "Cronbach's alpha"})`
    : analysis.reliabilityNote || 'Not available';
  return h('section', { 'aria-labelledby': 'analysis-summary' },
    h('h2', { id: 'analysis-summary' }, `Version ${analysis.testVersion}: ${analysis.results} scored ${analysis.results === 1 ? 'candidate' : 'candidates'}`),
    h('dl', { class: 'facts' },
      fact('Mean score', percent(distribution.meanPercent)),
      fact('Median score', percent(distribution.medianPercent)),
      fact('Pass rate', distribution.passRate === undefined ? '—' : percent(distribution.passRate * 100)),
      fact('Questions', analysis.questionSelection?.mode === 'POOLED' ? 'Drawn from pools: per question statistics only' : 'The same for every candidate'),
      fact('Reliability', reliability),
      analysis.provisionalResults ? fact('Awaiting review', `${analysis.provisionalResults} of these results (their current points are used)`) : null),
    analysis.truncated ? h('p', { class: 'hint' }, 'Only the newest results were analysed.') : null,
    h('p', { class: 'hint' }, 'Facility is the share of the marks candidates earned (near 1: everyone gets it; between 0.3 and 0.8 tells candidates apart best). '
      + 'Discrimination is how well the question agrees with the rest of the test (above 0.3 is good, below 0.2 weak, negative suggests a wrong key); '
      + 'it needs at least three responses.'));
}

function fact(term, value) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}

function itemsTable(analysis, testId) {
  return table(`Questions of version ${analysis.testVersion}`, [
    ['Question', (item) => link(questionAnalysisHref(item, testId, analysis.testVersion), item.title || item.questionId)],
    ['Kind', (item) => String(item.kind || '').toLowerCase().replace('_', ' ')],
    ['Responses', (item) => `${item.responses}${item.unanswered ? ` (${item.unanswered} blank)` : ''}`],
    ['Facility', (item) => decimal(item.facility)],
    ['Discrimination', (item) => decimal(item.discrimination)],
    ['Flags', (item) => ((item.flags || []).length
      ? h('ul', { class: 'flags cell-sentence' }, item.flags.map((flag) => h('li', {}, FLAGS[flag] || flag.toLowerCase().replace(/_/g, ' '))))
      : 'None')],
  ], analysis.items || [], 'No question has been answered in this version yet.');
}

function questionAnalysisHref(item, testId, testVersion) {
  const params = new URLSearchParams({ version: String(item.questionVersion || 1), test: testId, testVersion: String(testVersion) });
  return `#/questions/${encodeURIComponent(item.questionId)}/analysis?${params}`;
}

/** How often each option of the choice questions was picked. */
function optionDetails(analysis) {
  const choices = (analysis.items || []).filter((item) => (item.options || []).length);
  if (!choices.length) return null;
  return h('section', { 'aria-labelledby': 'option-picks' },
    h('h2', { id: 'option-picks' }, 'Options picked'),
    choices.map((item) => optionTable(item)));
}

function optionTable(item) {
  return table(`Options of ${item.title || item.questionId}`, [
    ['Option', (option) => option.text || option.optionId],
    ['Correct', (option) => (option.correct ? 'Yes' : 'No')],
    ['Picked', (option) => `${option.picks} (${Math.round(option.pickRate * 100)}%)`],
    ['Note', (option) => (option.neverChosenDistractor
      ? h('p', { class: 'cell-sentence' }, 'Nobody chose this wrong option: rewrite or drop it') : '')],
  ], item.options, 'No options recorded.');
}

function histogram(analysis) {
  const bands = analysis.scoreDistribution?.histogram || [];
  if (!bands.some((band) => band.count)) return null;
  return h('section', { 'aria-labelledby': 'score-bands' },
    h('h2', { id: 'score-bands' }, 'Score distribution'),
    table('Candidates per score band', [
      ['Score', (band) => `${band.fromPercent}–${band.toPercent}%`],
      ['Candidates', (band) => String(band.count)],
    ], bands, 'No scores yet.'));
}

// --- one question ------------------------------------------------------------------------------------------

/**
 * One question version across every test that used it: its statistics, the options picked, the tests it
 * appeared in, and for free text how often people changed the machine's score (and by how much).
 */
export async function renderQuestion({ api, query }, questionId) {
  const asked = Number(query().get('version'));
  const testId = query().get('test');
  const testVersion = query().get('testVersion');
  const back = testId
    ? h('p', {}, link(`#/tests/${encodeURIComponent(testId)}/analysis${testVersion ? `?version=${encodeURIComponent(testVersion)}` : ''}`,
      'Back to the test\'s item analysis'))
    : h('p', {}, link('#/tests', 'Back to tests'));
  let version = Number.isInteger(asked) && asked >= 1 ? asked : null;
  let question = null;
  try {
    question = await api.get(`${API}/questions/${encodeURIComponent(questionId)}`);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    if (problem.status === 404 && !problem.missingEndpoint) {
      page('Question not found', problemNotice(problem, 'This question'), back);
      return;
    }
    // Statistics can still be shown without the bank's copy of the question.
  }
  version = version || question?.publishedVersion || question?.version || 1;
  const title = question?.title || questionId;
  const area = h('div', { id: 'question-analysis' }, h('p', {}, 'Loading…'));
  page(`Question analysis: ${title}`, back, area);

  let analysis;
  try {
    analysis = await api.get(`${API}/analysis/questions/${encodeURIComponent(questionId)}/versions/${version}`);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    show(area, problem.status === 404 && !problem.missingEndpoint
      ? empty(`No scored candidate has answered version ${version} of this question yet. Statistics appear once results come in.`)
      : problemNotice(problem, 'The question analysis'));
    return;
  }
  const item = analysis.item;
  const agreement = item.kind === 'FREE_TEXT' ? await loadAgreement(api, questionId) : null;
  const titles = await testTitles(api, analysis.tests || []);
  show(area,
    h('section', { 'aria-labelledby': 'question-figures' },
      h('h2', { id: 'question-figures' }, `Version ${item.questionVersion}: ${item.responses} ${item.responses === 1 ? 'response' : 'responses'}`),
      h('dl', { class: 'facts', id: 'question-facts' },
        fact('Kind', String(item.kind || '').toLowerCase().replace('_', ' ')),
        fact('Facility', decimal(item.facility)),
        fact('Discrimination', item.discrimination === null || item.discrimination === undefined
          ? 'Not enough spread yet (it needs at least three responses)' : decimal(item.discrimination)),
        fact('Mean points', item.meanPoints === null || item.meanPoints === undefined ? '—'
          : `${decimal(item.meanPoints)} of ${item.maxPoints}`),
        fact('Left blank', `${item.unanswered} of ${item.responses}`),
        fact('Flags', (item.flags || []).length ? h('ul', { class: 'flags' }, item.flags.map((flag) => h('li', {}, FLAGS[flag] || flag))) : 'None')),
      analysis.truncated ? h('p', { class: 'hint' }, 'Only the newest results were analysed.') : null),
    (item.options || []).length ? h('section', { 'aria-labelledby': 'question-options' },
      h('h2', { id: 'question-options' }, 'Options picked'), optionTable(item)) : null,
    pointsTable(item),
    agreement,
    h('section', { 'aria-labelledby': 'question-tests' },
      h('h2', { id: 'question-tests' }, 'Tests that used this version'),
      table('Tests and their responses', [
        ['Test', (use) => link(`#/tests/${encodeURIComponent(use.testId)}/analysis?version=${use.testVersion}`,
          `${titles[use.testId] || use.testId}, version ${use.testVersion}`)],
        ['Responses', (use) => String(use.responses)],
      ], analysis.tests || [], 'No test has used this version yet.')));
}

/** How people's scores of this free-text question compare with the machine's. */
async function loadAgreement(api, questionId) {
  let agreement;
  try {
    agreement = await api.get(`${API}/results/questions/${encodeURIComponent(questionId)}/agreement`);
  } catch (problem) {
    if (problem.status === 401) throw problem;
    return h('section', { 'aria-labelledby': 'question-agreement' },
      h('h2', { id: 'question-agreement' }, 'People and the machine'), problemNotice(problem, 'The agreement figures'));
  }
  const heading = h('h2', { id: 'question-agreement' }, 'People and the machine');
  if (!agreement.reviewed) {
    return h('section', { 'aria-labelledby': 'question-agreement' }, heading,
      empty(`Nobody has reviewed the machine's score of this question yet (${agreement.scored} scored, `
        + `${agreement.awaitingReview} awaiting review).`));
  }
  const signed = Number(agreement.meanSignedChange);
  const direction = signed > 0 ? 'People gave more points than the machine, on average.'
    : signed < 0 ? 'People gave fewer points than the machine, on average.' : 'On average people and the machine agree.';
  return h('section', { 'aria-labelledby': 'question-agreement' }, heading,
    h('dl', { class: 'facts', id: 'agreement-facts' },
      fact('Changed by a person', `${agreement.changed} of ${agreement.reviewed} reviewed (${percent(agreement.changeRate * 100)})`),
      fact('Mean change', `${decimal(agreement.meanAbsoluteChange)} points (${percent(agreement.meanAbsoluteChangePercent)} of the maximum)`),
      fact('Largest change', `${decimal(agreement.largestChange)} points`),
      fact('Awaiting review', String(agreement.awaitingReview)),
      fact('Scored by the machine', String(agreement.scored))),
    h('p', {}, direction));
}

/** The titles of the tests a question appeared in; one the caller cannot read keeps its id. */
async function testTitles(api, uses) {
  const titles = {};
  for (const testId of [...new Set(uses.map((use) => use.testId))].slice(0, 20)) {
    try {
      titles[testId] = (await api.get(`${API}/tests/${encodeURIComponent(testId)}`)).title;
    } catch (problem) {
      if (problem.status === 401) throw problem;
    }
  }
  return titles;
}

/** How many responses earned each number of points (from scoring-service's pointsDistribution). */
function pointsTable(item) {
  const counts = item.pointsDistribution || [];
  if (!counts.length) return null;
  return h('section', { 'aria-labelledby': 'question-points' },
    h('h2', { id: 'question-points' }, 'Points earned'),
    table(`Responses by points earned, out of ${item.maxPoints}`, [
      ['Points', (count) => `${decimal(count.points, Number.isInteger(count.points) ? 0 : 2)} of ${item.maxPoints}`],
      ['Responses', (count) => `${count.responses} (${Math.round((100 * count.responses) / item.responses)}%)`],
    ], counts, 'No responses yet.'));
}
