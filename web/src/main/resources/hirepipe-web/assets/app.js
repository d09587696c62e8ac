// The candidate app: from the invitation link to the thank-you page. Every page is drawn into
// <main> from the server's state; what must survive a reload lives in LocalState.
import { ApiClient, ApiError, unavailableWords } from './api.js';
import { Autosaver } from './autosave.js';
import { Countdown, formatRemaining } from './countdown.js';
import { clockTime, h, paragraphs, promptContent, show } from './dom.js';
import { RefusedDrafts } from './drafts.js';
import { IntegritySignals } from './signals.js';
import { LocalState } from './store.js';

const TEXT_SAVE_DELAY_MS = 800;
const CHOICE_SAVE_DELAY_MS = 250;
const SESSION_POLL_MS = 15000;
const CLOSE_POLL_MS = 2000;
const SUBMIT_WAIT_POLL_MS = 500;

const api = new ApiClient();
const main = document.getElementById('main');
const headerStatus = document.getElementById('header-status');
const announcer = document.getElementById('announcer');

const app = {
  invitationToken: null,
  assessment: null,
  session: null,
  state: null,
  /** Answers the server refused, kept in this tab so a reload shows them again (see drafts.js). */
  drafts: null,
  answers: {},
  autosaver: null,
  countdown: null,
  signals: null,
  position: 0,
  timeUp: false,
  closed: false,
  poller: null,
};

// --- pages --------------------------------------------------------------------------------------

function page(title, ...content) {
  document.title = `${title} · Hirepipe`;
  show(main, ...content);
  document.body.dataset.page = app.pageName || '';
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

function contactLine(email) {
  return email
    ? h('p', {}, 'If you have questions, contact the recruiter who invited you: ', h('a', { href: `mailto:${email}` }, email), '.')
    : h('p', {}, 'If you have questions, reply to your invitation email to reach the recruiter who invited you.');
}

/** Who to ask about the candidate's data and how long it is kept; nothing until the company set a contact. */
function privacyNotice(notice) {
  if (!notice || !notice.contactEmail) return null;
  const kept = notice.retentionDays
    ? `The company keeps your name, email and answers for ${notice.retentionDays} days after your assessment is scored, then deletes them.`
    : 'The company keeps your name, email and answers until it deletes them or you ask it to.';
  const who = notice.contactName ? `${notice.contactName} at ` : '';
  return h('section', { 'aria-labelledby': 'privacy-heading', class: 'privacy-notice' },
    h('h2', { id: 'privacy-heading' }, 'Your data'),
    h('p', {}, 'Your name, email address, answers and the signals above are stored to assess this test. ', kept),
    h('p', {}, `To see, correct or erase your data, write to ${who}`,
      h('a', { href: `mailto:${notice.contactEmail}` }, notice.contactEmail), '.'));
}

function showUnavailable(status, contactEmail) {
  const titles = {
    REVOKED: 'This invitation was withdrawn',
    EXPIRED: 'This invitation has expired',
    SUBMITTED: 'This assessment was already submitted',
    SCORED: 'This assessment was already submitted',
  };
  const explanations = {
    REVOKED: 'The recruiter withdrew this invitation, so the assessment can no longer be taken with this link.',
    EXPIRED: 'The link was not used to start the assessment before it expired. Ask the recruiter for a new invitation if you still want to take it.',
    SUBMITTED: 'Your answers were already submitted, so there is nothing more to do here. The recruiter has received them.',
    SCORED: 'Your answers were already submitted, so there is nothing more to do here. The recruiter has received them.',
  };
  app.pageName = `unavailable-${(status || 'unknown').toLowerCase()}`;
  page(titles[status] || 'This link cannot be used',
    h('h1', {}, titles[status] || 'This link cannot be used'),
    h('p', { class: 'lead' }, explanations[status] || unavailableWords(status)),
    contactLine(contactEmail));
}

function showProblem(title, words) {
  app.pageName = 'problem';
  page(title, h('h1', {}, title), h('p', { class: 'lead' }, words),
    h('p', {}, 'Open the link from your invitation email again, or reply to that email to reach the recruiter.'));
}

function minutes(count) {
  return `${count} ${count === 1 ? 'minute' : 'minutes'}`;
}

function showWelcome(assessment) {
  app.pageName = 'welcome';
  const total = assessment.durationMinutes + assessment.extraTimeMinutes;
  const duration = assessment.extraTimeMinutes
    ? `${minutes(total)} (${minutes(assessment.durationMinutes)} plus ${minutes(assessment.extraTimeMinutes)} of extra time)`
    : minutes(total);
  const startButton = h('button', { type: 'button', class: 'primary', onclick: () => startAssessment(startButton) },
    'Start the assessment');
  page(`Welcome: ${assessment.testTitle}`,
    h('h1', {}, assessment.testTitle),
    h('p', { class: 'lead' }, 'Welcome. Please read this page before you start.'),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Questions'), h('dd', {}, String(assessment.questionCount))),
      h('div', {}, h('dt', {}, 'Time'), h('dd', {}, duration))),
    assessment.instructions
      ? h('section', { 'aria-labelledby': 'instructions-heading' },
        h('h2', { id: 'instructions-heading' }, 'Instructions'), ...paragraphs(assessment.instructions))
      : null,
    h('section', { 'aria-labelledby': 'how-heading' },
      h('h2', { id: 'how-heading' }, 'How it works'),
      h('ul', {},
        h('li', {}, 'The timer starts when you press Start and keeps running if you close or reload the page.'),
        h('li', {}, 'There is one question per page. You can move between questions and flag any for review.'),
        h('li', {}, 'Every answer is saved as you go, also on this device if the connection drops.'),
        h('li', {}, 'At the deadline, answering stops and your saved answers are submitted automatically.'),
        h('li', {}, 'While you take the test, we record when this window loses or regains focus, when the page is hidden or shown, and when you paste or copy text. The recruiter sees these signals.'))),
    privacyNotice(assessment.privacyNotice),
    contactLine(assessment.contactEmail),
    h('p', { id: 'start-error', class: 'error', role: 'alert', tabindex: '-1' }),
    startButton);
}

// --- taking the test ----------------------------------------------------------------------------

function isAnswered(questionId) {
  const known = app.answers[questionId];
  if (!known || !known.answer) return false;
  const { selectedOptionIds, text } = known.answer;
  return (selectedOptionIds && selectedOptionIds.length > 0) || (typeof text === 'string' && text.trim().length > 0);
}

/** The server refused this question's last save for good: what is on screen is not what it keeps. */
function isRefused(questionId) {
  return Boolean(app.autosaver && app.autosaver.refused[questionId]);
}

function questionStateWords(question) {
  const words = [isRefused(question.questionId) ? 'answer not saved'
    : isAnswered(question.questionId) ? 'answered' : 'not answered'];
  if (app.state.flags[question.questionId]) words.push('flagged for review');
  return words.join(', ');
}

function renderHeaderStatus() {
  if (!app.session || app.closed) {
    show(headerStatus);
    return;
  }
  show(headerStatus,
    h('p', { class: 'timer', id: 'timer' }, h('span', { class: 'visually-hidden' }, 'Time left: '),
      h('span', { id: 'time-left' }, formatRemaining(app.countdown ? app.countdown.secondsLeft() : 0))),
    h('p', { class: 'save-status', id: 'save-status', role: 'status' }, 'All answers saved'));
}

function onTick(secondsLeft) {
  const element = document.getElementById('time-left');
  if (element) element.textContent = formatRemaining(secondsLeft);
  const timer = document.getElementById('timer');
  if (timer) timer.classList.toggle('urgent', secondsLeft <= 60);
}

function onWarning(words) {
  announcer.textContent = words;
}

function onSaveStatus(status) {
  const element = document.getElementById('save-status');
  if (!element) return;
  element.classList.toggle('offline', status.kind === 'offline' || status.kind === 'refused');
  if (status.kind === 'offline') {
    element.textContent = `Offline — ${status.waiting} ${status.waiting === 1 ? 'answer' : 'answers'} waiting`;
  } else if (status.kind === 'saving') {
    element.textContent = 'Saving…';
  } else if (status.kind === 'refused') {
    element.textContent = `Not saved: ${questionNumbers(status.questionIds)}`;
  } else {
    element.textContent = status.at ? `Saved at ${clockTime(status.at)}` : 'All answers saved';
  }
  updateNavigator();
  showRefusal();
}

/** "question 3" or "questions 1 and 3", in the order of the test. */
function questionNumbers(questionIds) {
  const numbers = app.session.questions.map((q, index) => (questionIds.includes(q.questionId) ? index + 1 : null))
    .filter(Boolean);
  if (numbers.length === 1) return `question ${numbers[0]}`;
  return `questions ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function refusalWords(error) {
  return `Not saved. ${error.message}`;
}

/** The question on screen says beside its answer whether the server refused it, without moving the focus. */
function showRefusal() {
  const element = document.getElementById('answer-error');
  if (!element || app.pageName !== 'question') return;
  const question = app.session.questions[app.position];
  const error = app.autosaver.refused[question.questionId];
  element.textContent = error ? refusalWords(error) : '';
  const area = main.querySelector('#work textarea');
  if (area) {
    if (error) area.setAttribute('aria-invalid', 'true'); else area.removeAttribute('aria-invalid');
  }
}

function onRefused(questionId, error) {
  const question = app.session.questions.find((q) => q.questionId === questionId);
  announcer.textContent = `${question ? questionTitle(question) : 'An answer'}: ${refusalWords(error)}`;
}

function questionTitle(question) {
  const index = app.session.questions.indexOf(question);
  return `Question ${index + 1}${question.title ? `: ${question.title}` : ''}`;
}

function lateNotice() {
  if (!app.state.late.length) return null;
  const titles = app.state.late
    .map((id) => app.session.questions.find((q) => q.questionId === id))
    .filter(Boolean)
    .map((q) => h('li', {}, questionTitle(q)));
  return h('div', { class: 'notice error', role: 'alert', id: 'late-notice' },
    h('p', {}, 'These answers did not reach us before the deadline, so they were not accepted '
      + '(an answer saved earlier for the same question still counts):'),
    h('ul', {}, titles));
}

function promptBlock(question) {
  return h('div', { class: 'prompt', id: `prompt-${question.questionId}` }, promptContent(question));
}

function choiceInputs(question, known) {
  const multi = question.kind === 'MULTI_CHOICE';
  const selected = new Set(known && known.answer ? known.answer.selectedOptionIds || [] : []);
  const name = `answer-${question.questionId}`;
  const hintId = `hint-${question.questionId}`;
  // The one group of the answer: its legend names it, and entering it reads the instruction, then the question.
  const describedBy = [multi ? hintId : null, `prompt-${question.questionId}`, 'answer-error'].filter(Boolean).join(' ');
  return [promptBlock(question), h('fieldset', { class: 'choices', 'aria-describedby': describedBy },
    h('legend', {}, multi ? 'Your answers' : 'Your answer'),
    multi ? h('p', { class: 'hint', id: hintId }, 'Choose all that apply.') : null,
    question.options.map((option) => {
      const id = `${name}-${option.id}`;
      return h('div', { class: 'choice' },
        h('input', {
          type: multi ? 'checkbox' : 'radio', id, name, value: option.id, checked: selected.has(option.id),
          onchange: () => {
            const chosen = [...main.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map((i) => i.value);
            if (!multi && chosen.length !== 1) return;
            app.autosaver.change(question.questionId, { selectedOptionIds: chosen }, CHOICE_SAVE_DELAY_MS);
            updateNavigator();
          },
        }),
        h('label', { for: id }, option.text));
    }),
    answerError())];
}

/** Where the question says that the server refused its answer (see showRefusal). */
function answerError() {
  return h('p', { id: 'answer-error', class: 'error answer-error' });
}

function textInput(question, known) {
  const limit = app.session.maxTextLength;
  const id = `answer-${question.questionId}`;
  const counterId = `counter-${question.questionId}`;
  const value = known && known.answer && typeof known.answer.text === 'string' ? known.answer.text : '';
  const counter = h('p', { class: 'hint', id: counterId }, `${value.length} of ${limit} characters`);
  const area = h('textarea', {
    id, name: id, rows: 10, maxlength: limit, 'aria-describedby': `prompt-${question.questionId} ${counterId} answer-error`,
    spellcheck: 'true',
    oninput: () => {
      counter.textContent = `${area.value.length} of ${limit} characters`;
      app.autosaver.change(question.questionId, { text: area.value }, TEXT_SAVE_DELAY_MS);
      updateNavigator();
    },
  });
  area.value = value;
  return h('div', { class: 'free-text' }, promptBlock(question), h('label', { for: id }, 'Your answer'), area, counter,
    answerError());
}

function showQuestion(position, { focus = 'heading' } = {}) {
  const questions = app.session.questions;
  app.position = Math.max(0, Math.min(position, questions.length - 1));
  app.state.moveTo(app.position);
  const question = questions[app.position];
  const known = app.answers[question.questionId];
  const flagId = `flag-${question.questionId}`;
  app.pageName = 'question';
  page(`Question ${app.position + 1} of ${questions.length}: ${app.assessment.testTitle}`,
    h('div', { class: 'layout' },
      h('section', { class: 'question', 'aria-labelledby': 'question-heading' },
        h('p', { class: 'progress' }, `${app.assessment.testTitle} · question ${app.position + 1} of ${questions.length}`),
        h('h1', { id: 'question-heading' }, questionTitle(question)),
        lateNotice(),
        // A fieldset only to disable everything at once when the time is up; not a group of its own (the choices
        // are one, the text box has its label), so a screen reader does not hear "Your answer" twice.
        h('fieldset', { id: 'work', class: 'work', role: 'none', disabled: app.timeUp },
          question.kind === 'FREE_TEXT' ? textInput(question, known) : choiceInputs(question, known),
          h('div', { class: 'flag' },
            h('input', {
              type: 'checkbox', id: flagId, checked: Boolean(app.state.flags[question.questionId]),
              onchange: (event) => { app.state.toggleFlag(question.questionId, event.target.checked); updateNavigator(); },
            }),
            h('label', { for: flagId }, 'Flag this question for review'))),
        h('div', { class: 'actions' },
          h('button', { type: 'button', disabled: app.position === 0, onclick: () => showQuestion(app.position - 1) }, 'Previous'),
          app.position < questions.length - 1
            ? h('button', { type: 'button', class: 'primary', onclick: () => showQuestion(app.position + 1) }, 'Next')
            : null,
          h('button', { type: 'button', onclick: showReview }, 'Review and submit'))),
      navigator()));
  showRefusal();
  if (focus !== 'heading') {
    const target = main.querySelector(focus);
    if (target) target.focus();
  }
}

function navigator() {
  return h('nav', { class: 'navigator', 'aria-labelledby': 'navigator-heading' },
    h('h2', { id: 'navigator-heading' }, 'Questions'),
    h('ol', { id: 'navigator-list' }, app.session.questions.map((question, index) => h('li', {},
      h('button', {
        type: 'button',
        'data-question': question.questionId,
        'aria-current': index === app.position && app.pageName === 'question' ? 'step' : false,
        'aria-label': `Question ${index + 1}: ${questionStateWords(question)}`,
        onclick: () => showQuestion(index, { focus: `[data-question="${CSS.escape(question.questionId)}"]` }),
      }, String(index + 1), h('span', { class: 'marker', 'aria-hidden': 'true' }, markerOf(question)))))),
    h('p', { class: 'legend', 'aria-hidden': 'true' }, '✓ answered · ! not saved · ⚑ flagged · no mark: not answered'));
}

function markerOf(question) {
  const saved = isRefused(question.questionId) ? '!' : isAnswered(question.questionId) ? '✓' : '';
  return `${saved}${app.state.flags[question.questionId] ? '⚑' : ''}`;
}

function updateNavigator() {
  if (!app.session) return;
  for (const button of main.querySelectorAll('#navigator-list button')) {
    const question = app.session.questions.find((q) => q.questionId === button.dataset.question);
    const index = app.session.questions.indexOf(question);
    button.setAttribute('aria-label', `Question ${index + 1}: ${questionStateWords(question)}`);
    button.querySelector('.marker').textContent = markerOf(question);
    button.classList.toggle('answered', isAnswered(question.questionId) && !isRefused(question.questionId));
    button.classList.toggle('refused', isRefused(question.questionId));
    button.classList.toggle('flagged', Boolean(app.state.flags[question.questionId]));
  }
}

function showReview() {
  const questions = app.session.questions;
  const unanswered = questions.filter((q) => !isAnswered(q.questionId));
  const flagged = questions.filter((q) => app.state.flags[q.questionId]);
  const refused = questions.filter((q) => isRefused(q.questionId));
  const linkTo = (question) => h('li', {}, h('button', {
    type: 'button', class: 'link', onclick: () => showQuestion(questions.indexOf(question)),
  }, questionTitle(question)));
  const confirmArea = h('div', { id: 'confirm-area' });
  const askToConfirm = () => {
    show(confirmArea,
      h('div', { class: 'notice', role: 'alertdialog', 'aria-labelledby': 'confirm-heading', 'aria-describedby': 'confirm-words' },
        h('h2', { id: 'confirm-heading' }, 'Submit now?'),
        h('p', { id: 'confirm-words' }, 'After submitting you cannot change your answers.'),
        h('p', { id: 'submit-error', class: 'error', role: 'alert', tabindex: '-1' }),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', id: 'confirm-submit', onclick: (e) => submit(e.target) }, 'Yes, submit my answers'),
          h('button', { type: 'button', onclick: () => { show(confirmArea); submitButton.focus(); } }, 'Keep working'))));
    document.getElementById('confirm-submit').focus();
  };
  const submitButton = h('button', { type: 'button', class: 'primary', id: 'submit', onclick: askToConfirm },
    'Submit the assessment');
  app.pageName = 'review';
  page(`Review your answers: ${app.assessment.testTitle}`,
    h('h1', {}, 'Review before you submit'),
    lateNotice(),
    h('p', { class: 'lead' }, `You answered ${questions.length - unanswered.length} of ${questions.length} questions.`),
    refused.length ? h('section', { 'aria-labelledby': 'refused-heading', class: 'notice error', id: 'refused-notice' },
      h('h2', { id: 'refused-heading' }, `Not saved (${refused.length})`),
      h('p', {}, refused.length === 1
        ? 'We could not save your last change to this answer; an answer saved earlier for it still counts. Open it to see why.'
        : 'We could not save your last change to these answers; an answer saved earlier for each still counts. Open each to see why.'),
      h('ul', { class: 'review-list' }, refused.map(linkTo))) : null,
    h('section', { 'aria-labelledby': 'unanswered-heading' },
      h('h2', { id: 'unanswered-heading' }, `Not answered (${unanswered.length})`),
      unanswered.length ? h('ul', { class: 'review-list' }, unanswered.map(linkTo)) : h('p', {}, 'Every question has an answer.')),
    h('section', { 'aria-labelledby': 'flagged-heading' },
      h('h2', { id: 'flagged-heading' }, `Flagged for review (${flagged.length})`),
      flagged.length ? h('ul', { class: 'review-list' }, flagged.map(linkTo)) : h('p', {}, 'No question is flagged.')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => showQuestion(app.position) }, 'Back to the questions'),
      submitButton),
    confirmArea);
}

async function submit(button) {
  button.disabled = true;
  const error = document.getElementById('submit-error');
  error.textContent = 'Saving your last answers…';
  // Signals first: once the session is closed the server takes none.
  if (app.signals) await app.signals.send();
  await app.autosaver.flush();
  if (app.autosaver.pendingCount() > 0) {
    error.textContent = 'Some answers are still waiting to be sent. Check your connection; we submit as soon as they are saved.';
    // The autosaver keeps retrying (and sends at once when the browser is back online); the submission
    // follows the last save, unless the candidate chose "Keep working" or the time ran out meanwhile.
    while (app.autosaver.pendingCount() > 0) {
      await new Promise((resolve) => setTimeout(resolve, SUBMIT_WAIT_POLL_MS));
      if (!button.isConnected || app.closed || app.timeUp) return;
    }
    error.textContent = 'Your answers are saved. Submitting…';
  }
  try {
    const submission = await withFreshToken(() => api.submit());
    finish(submission);
  } catch (failure) {
    showActionRefused(button, error, failure, 'You appear to be offline, so your answers were not submitted yet. '
      + 'They are kept on this device: check your connection, then submit again.');
  }
}

/**
 * A refused Start or Submit: the words take the focus (the disabled button had dropped it to the page), and
 * the button is usable again unless the answer is final (the invitation or the session is over).
 */
function showActionRefused(button, element, error, offlineWords) {
  element.textContent = error.offline ? offlineWords : error.message;
  button.disabled = FINAL_REFUSALS.includes(error.type);
  element.focus();
}

const FINAL_REFUSALS = ['invitation-unavailable', 'invitation-revoked', 'invitation-expired', 'invalid-invitation',
  'session-closed', 'session-submitted'];

function finish(submission) {
  app.closed = true;
  stopWorking();
  // Submitted: nothing of the candidate's refused answers stays in the tab.
  if (app.drafts) app.drafts.clear();
  const timedOut = submission && submission.reason === 'TIMEOUT';
  app.pageName = 'thanks';
  page('Thank you',
    h('h1', {}, 'Thank you, your answers were submitted'),
    h('p', { class: 'lead' }, timedOut
      ? 'The time ran out and your saved answers were submitted automatically.'
      : 'Your answers were submitted.'),
    submission && submission.questionCount
      ? h('p', {}, `You answered ${submission.answeredCount} of ${submission.questionCount} questions.`)
      : null,
    lateNotice(),
    h('p', {}, 'The recruiter receives your answers and will get back to you. You can close this page now.'),
    contactLine(app.assessment && app.assessment.contactEmail));
  // After the page above named the late answers, which come from it.
  if (app.state) app.state.forget();
  renderHeaderStatus();
}

function stopWorking() {
  if (app.countdown) app.countdown.stop();
  if (app.signals) { app.signals.send(); app.signals.stop(); }
  clearInterval(app.poller);
}

async function onTimeUp() {
  app.timeUp = true;
  const work = document.getElementById('work');
  if (work) work.disabled = true;
  app.pageName = 'time-up';
  page('Time is up',
    h('h1', {}, 'Time is up'),
    h('p', { class: 'lead' }, 'Answering has stopped. Your saved answers are being submitted; this takes a few seconds.'),
    h('p', { id: 'closing-status', role: 'status' }, 'Sending your last answers…'));
  if (app.signals) app.signals.send();
  await app.autosaver.flush();
  const status = document.getElementById('closing-status');
  if (status) status.textContent = 'Waiting for the assessment to close…';
  const closed = await awaitClose();
  // Answers still waiting (the connection was gone) are sent now: each arrives, or is named as too late.
  await app.autosaver.flush();
  finish(closed);
}

/** Names the answers that came too late on whatever page is showing, without moving the candidate's focus. */
function refreshLateNotice() {
  const notice = lateNotice();
  const current = document.getElementById('late-notice');
  const heading = main.querySelector('h1');
  if (current) {
    current.replaceWith(notice);
  } else if (notice && heading) {
    heading.after(notice);
  }
}

/** The server's sweep closes the session shortly after the deadline; the page waits for it. */
async function awaitClose() {
  for (;;) {
    try {
      const assessment = await withFreshToken(() => api.assessment());
      if (assessment.status === 'SUBMITTED' || assessment.status === 'SCORED') {
        const session = await withFreshToken(() => api.session()).catch(() => null);
        return session ? { reason: session.submitReason, questionCount: session.questions.length,
          answeredCount: Object.keys(session.answers || {}).length } : null;
      }
    } catch (error) {
      if (error.status === 410) {
        return { reason: 'TIMEOUT' };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, CLOSE_POLL_MS));
  }
}

/** Runs a call; if the token ran out, exchanges the link's token again (410 means closed) and retries once. */
async function withFreshToken(call) {
  try {
    return await call();
  } catch (error) {
    if (error.status !== 401) throw error;
    await api.exchange(app.invitationToken);
    return call();
  }
}

async function onDeadline(deadlineIso) {
  if (!app.session || deadlineIso === app.session.deadline) return;
  app.session.deadline = deadlineIso;
  app.countdown.setDeadline(deadlineIso);
  try {
    await api.renew();
  } catch (error) {
    if (error.status === 401) await api.exchange(app.invitationToken).catch(() => {});
  }
}

async function pollSession() {
  if (app.closed || app.timeUp) return;
  try {
    const assessment = await withFreshToken(() => api.assessment());
    if (assessment.session) await onDeadline(assessment.session.deadline);
    if (assessment.status === 'SUBMITTED' || assessment.status === 'SCORED') {
      finish({ questionCount: assessment.session.questionCount, answeredCount: assessment.session.answeredCount });
    }
  } catch (ignored) {
    // Offline or briefly unavailable: the next poll tries again.
  }
}

/**
 * What each question shows on opening: an answer still waiting to be sent from this device, else one the
 * server refused in this tab (shown again as not saved), else the server's. A refusal the server has since
 * moved past (a later answer saved, here or on another device) is dropped.
 */
function merge(session, state, drafts) {
  const answers = {};
  const refused = drafts.all();
  for (const question of session.questions) {
    const server = session.answers ? session.answers[question.questionId] : null;
    const local = state.pending[question.questionId];
    const draft = refused[question.questionId];
    if (draft && server && server.sequence >= draft.sequence) drafts.forget(question.questionId);
    if (local && (!server || local.sequence > server.sequence)) {
      answers[question.questionId] = { answer: local.answer, sequence: local.sequence };
      continue;
    }
    if (local) state.confirm(question.questionId, server.sequence);
    if (draft && (!server || draft.sequence > server.sequence)) {
      answers[question.questionId] = { answer: draft.answer, sequence: draft.sequence };
    } else {
      answers[question.questionId] = server
        ? { answer: { selectedOptionIds: server.selectedOptionIds, text: server.text }, sequence: server.sequence }
        : { answer: null, sequence: 0 };
    }
  }
  return answers;
}

function beginWorking(session) {
  app.session = session;
  app.state = app.state || new LocalState(app.assessment.invitationId);
  app.drafts = new RefusedDrafts(session.sessionId);
  app.answers = merge(session, app.state, app.drafts);
  app.autosaver = new Autosaver(api, app.state, app.answers, {
    onStatus: onSaveStatus,
    onDeadline,
    onLate: refreshLateNotice,
    onRefused,
    onAuthExpired: async () => {
      const renewed = await api.exchange(app.invitationToken);
      return Date.parse(renewed.expiresAt) > api.serverNow();
    },
  }, app.drafts);
  app.countdown = new Countdown(() => api.serverNow(), { onTick, onWarning, onTimeUp });
  renderHeaderStatus();
  app.countdown.start(session.deadline);
  if (app.timeUp) return;
  app.signals = new IntegritySignals(api, () => (app.pageName === 'question' ? app.session.questions[app.position].questionId : null));
  app.signals.start();
  app.poller = setInterval(pollSession, SESSION_POLL_MS);
  showQuestion(app.state.position);
  // A refusal kept from before a reload is named in the status at once, not only after the next save.
  app.autosaver.showStatus();
  if (app.state.pendingCount() > 0) app.autosaver.flushSoon(0);
}

async function startAssessment(button) {
  button.disabled = true;
  try {
    const session = await api.start();
    await api.renew();
    beginWorking(session);
  } catch (error) {
    showActionRefused(button, document.getElementById('start-error'), error,
      'You appear to be offline, so the assessment has not started. Check your connection, then press Start again.');
  }
}

// --- start-up -----------------------------------------------------------------------------------

function tokenFromFragment() {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  return match ? match[1] : null;
}

async function boot() {
  app.invitationToken = tokenFromFragment();
  if (!app.invitationToken) {
    showProblem('This link is incomplete', 'The address has no invitation token. Open the whole link from your invitation email.');
    return;
  }
  try {
    await api.exchange(app.invitationToken);
    app.assessment = await api.assessment();
  } catch (error) {
    if (error instanceof ApiError && error.type === 'invitation-unavailable') {
      showUnavailable(error.properties.invitationStatus, error.properties.contactEmail);
    } else if (error instanceof ApiError && error.type === 'invalid-invitation') {
      showProblem('This link is not valid', error.message);
    } else {
      showProblem('The assessment could not be opened', error.message);
    }
    return;
  }
  const { status } = app.assessment;
  if (status === 'INVITED') {
    showWelcome(app.assessment);
  } else if (status === 'STARTED') {
    app.state = new LocalState(app.assessment.invitationId);
    try {
      beginWorking(await api.session());
    } catch (error) {
      showProblem('The assessment could not be opened', error.message);
    }
  } else {
    // Submitted or closed elsewhere (another device, the deadline): this device keeps nothing of it.
    if (app.assessment.session) new RefusedDrafts(app.assessment.session.sessionId).clear();
    new LocalState(app.assessment.invitationId).forget();
    showUnavailable(status, app.assessment.contactEmail);
  }
}

boot();
