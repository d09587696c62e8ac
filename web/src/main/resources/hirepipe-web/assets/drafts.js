// An answer the server refused for good (too long, not fitting the question) is the candidate's own work
// even though the server does not keep it: it stays here, per session and question, so a reload shows it
// again, marked as not saved, to be shortened or fixed. sessionStorage, not localStorage: it belongs to
// this tab and is gone when the tab closes, and the page clears it once the assessment is submitted, so a
// shared computer keeps no answer after the candidate is done.
import { ApiError } from './api.js';

const PREFIX = 'hirepipe.take.refused.';

function storage() {
  try {
    return window.sessionStorage;
  } catch (blocked) {
    return null;
  }
}

export class RefusedDrafts {
  constructor(sessionId) {
    this.prefix = `${PREFIX}${sessionId}.`;
  }

  /** Keeps the refused answer with its sequence and the server's refusal (its words are rebuilt from it). */
  keep(questionId, sequence, answer, error) {
    const refusal = { status: error.status, type: error.type, detail: error.detail, properties: error.properties };
    try {
      storage()?.setItem(this.prefix + questionId, JSON.stringify({ sequence, answer, refusal }));
    } catch (full) {
      // A full or blocked storage: the refusal is still shown for as long as the page lives.
    }
  }

  forget(questionId) {
    try {
      storage()?.removeItem(this.prefix + questionId);
    } catch (blocked) {
      // Nothing was kept.
    }
  }

  /** questionId → { sequence, answer, error } for every refused answer of this session kept in this tab. */
  all() {
    const found = {};
    const store = storage();
    if (!store) return found;
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (!key || !key.startsWith(this.prefix)) continue;
      try {
        const { sequence, answer, refusal } = JSON.parse(store.getItem(key));
        found[key.slice(this.prefix.length)] = { sequence, answer, error: new ApiError(refusal) };
      } catch (broken) {
        // Unreadable: dropped below rather than shown.
        found[key.slice(this.prefix.length)] = null;
      }
    }
    for (const [questionId, draft] of Object.entries(found)) {
      if (!draft) {
        this.forget(questionId);
        delete found[questionId];
      }
    }
    return found;
  }

  /** Submitted or closed: no refused answer of this session stays in the tab. */
  clear() {
    Object.keys(this.all()).forEach((questionId) => this.forget(questionId));
  }
}
