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
  show(area, summary(analysis), itemsTable(analysis), optionDetails(analysis), histogram(analysis));
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

function itemsTable(analysis) {
  return table(`Questions of version ${analysis.testVersion}`, [
    ['Question', (item) => item.title || item.questionId],
    ['Kind', (item) => String(item.kind || '').toLowerCase().replace('_', ' ')],
    ['Responses', (item) => `${item.responses}${item.unanswered ? ` (${item.unanswered} blank)` : ''}`],
    ['Facility', (item) => decimal(item.facility)],
    ['Discrimination', (item) => decimal(item.discrimination)],
    ['Flags', (item) => ((item.flags || []).length
      ? h('ul', { class: 'flags' }, item.flags.map((flag) => h('li', {}, FLAGS[flag] || flag.toLowerCase().replace(/_/g, ' '))))
      : 'None')],
  ], analysis.items || [], 'No question has been answered in this version yet.');
}

/** How often each option of the choice questions was picked. */
function optionDetails(analysis) {
  const choices = (analysis.items || []).filter((item) => (item.options || []).length);
  if (!choices.length) return null;
  return h('section', { 'aria-labelledby': 'option-picks' },
    h('h2', { id: 'option-picks' }, 'Options picked'),
    choices.map((item) => table(`Options of ${item.title || item.questionId}`, [
      ['Option', (option) => option.text || option.optionId],
      ['Correct', (option) => (option.correct ? 'Yes' : 'No')],
      ['Picked', (option) => `${option.picks} (${Math.round(option.pickRate * 100)}%)`],
      ['Note', (option) => (option.neverChosenDistractor ? 'Nobody chose this wrong option: rewrite or drop it' : '')],
    ], item.options, 'No options recorded.')));
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
