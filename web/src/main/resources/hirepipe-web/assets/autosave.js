// Autosave that cannot lose an answer: every change is queued in localStorage with the next
// sequence for its question, then sent, oldest first, one at a time. Network failures and 5xx keep
// the queue and retry; the server's answer to each save confirms it (or says it came too late).
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

export class Autosaver {
  /**
   * @param api      the ApiClient
   * @param state    the LocalState of this invitation
   * @param answers  questionId → { answer, sequence } as known on this page (server merged with local)
   * @param events   { onStatus(status), onDeadline(iso), onLate(questionId), onRefused(questionId, error),
   *                  onAuthExpired(): Promise }
   * @param drafts   the RefusedDrafts of this session: refused answers kept in the tab across a reload
   */
  constructor(api, state, answers, events, drafts) {
    this.api = api;
    this.state = state;
    this.answers = answers;
    this.events = events;
    this.drafts = drafts;
    this.timers = {};
    this.sending = null;
    this.failures = 0;
    this.retryTimer = null;
    this.lastSavedAt = null;
    this.offline = false;
    this.stopped = false;
    /** questionId → the ApiError of its last save, refused for good (no later save of it has been accepted yet). */
    this.refused = Object.fromEntries(Object.entries(drafts.all()).map(([questionId, draft]) => [questionId, draft.error]));
    window.addEventListener('online', () => this.flushSoon(0));
  }

  /** A change on screen: kept at once, sent after `delayMs` without further changes. */
  change(questionId, answer, delayMs) {
    const current = this.answers[questionId];
    const sequence = (current ? current.sequence : 0) + 1;
    this.answers[questionId] = { answer, sequence };
    this.state.queue(questionId, sequence, answer);
    this.#report();
    clearTimeout(this.timers[questionId]);
    this.timers[questionId] = setTimeout(() => this.flushSoon(0), delayMs);
  }

  flushSoon(delayMs) {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.flush(), delayMs);
  }

  /** Sends everything queued, in order; resolves when the queue is empty or sending has to wait. */
  async flush() {
    if (this.sending) return this.sending;
    this.sending = this.#drain().finally(() => { this.sending = null; });
    return this.sending;
  }

  pendingCount() {
    return this.state.pendingCount();
  }

  /** Tells the page where the answers stand now (on opening it: a refusal kept from before a reload). */
  showStatus() {
    this.#report();
  }

  async #drain() {
    for (let next = this.state.nextPending(); next && !this.stopped; next = this.state.nextPending()) {
      this.#report('saving');
      try {
        const saved = await this.api.saveAnswer(next.questionId, next.sequence, next.answer);
        this.failures = 0;
        this.offline = false;
        if (saved.applied || saved.sequence >= next.sequence) {
          this.state.confirm(next.questionId, saved.sequence);
          this.lastSavedAt = saved.savedAt;
          delete this.refused[next.questionId];
          this.drafts.forget(next.questionId);
          const known = this.answers[next.questionId];
          if (known && known.sequence < saved.sequence) known.sequence = saved.sequence;
        }
        if (!saved.applied && saved.sequence >= next.sequence) {
          // Another device saved a later answer meanwhile: this device continues above it.
          this.#continueAbove(next, saved.sequence);
        }
        if (saved.deadline) this.events.onDeadline(saved.deadline);
      } catch (error) {
        let over = error.type === 'session-closed' || error.type === 'session-submitted';
        if (error.status === 401) {
          const renewal = await this.events.onAuthExpired().then((renewed) => renewed, (failure) => failure);
          if (renewal === true) continue;
          if (renewal && renewal.retryable) {
            this.#retryLater(renewal);
            return;
          }
          // The link no longer gives a token that lasts: the session's time is over for this answer.
          over = true;
        }
        if (over) {
          this.state.markLate(next.questionId);
          this.events.onLate(next.questionId, error);
          continue;
        }
        if (error.retryable) {
          this.#retryLater(error);
          return;
        }
        // The server refused this save for good (a bad answer): it stays named as not saved until a later
        // save of the question is accepted, and the next ones keep flowing.
        this.state.confirm(next.questionId, next.sequence);
        this.refused[next.questionId] = error;
        this.drafts.keep(next.questionId, next.sequence, next.answer, error);
        this.events.onRefused(next.questionId, error);
      }
    }
    this.#report();
  }

  #retryLater(error) {
    this.offline = error.offline;
    this.failures += 1;
    this.#report();
    this.flushSoon(RETRY_DELAYS_MS[Math.min(this.failures - 1, RETRY_DELAYS_MS.length - 1)]);
  }

  #continueAbove(entry, storedSequence) {
    const known = this.answers[entry.questionId];
    if (known) known.sequence = Math.max(known.sequence, storedSequence);
  }

  #report(activity) {
    const waiting = this.state.pendingCount();
    let status;
    if (waiting > 0 && (this.offline || this.failures > 0)) {
      status = { kind: 'offline', waiting };
    } else if (activity === 'saving' || waiting > 0) {
      status = { kind: 'saving', waiting };
    } else if (Object.keys(this.refused).length) {
      // Never "Saved at …" while an answer on screen is not the one the server keeps.
      status = { kind: 'refused', questionIds: Object.keys(this.refused) };
    } else {
      status = { kind: 'saved', at: this.lastSavedAt };
    }
    this.events.onStatus(status);
  }
}
