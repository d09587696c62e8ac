// What must survive a reload or a crash, per invitation, in localStorage: answers not yet confirmed
// by the server (with their sequence), flags, answers refused as late, and where the candidate was;
// until the assessment is submitted.
const PREFIX = 'hirepipe.take.';

function read(key, fallback) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? JSON.parse(raw) : fallback;
  } catch (unavailable) {
    return fallback;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch (full) {
    // Private mode or a full disk: the queue still lives in memory for this page.
  }
}

export class LocalState {
  constructor(invitationId) {
    this.key = invitationId;
    const saved = read(invitationId, {});
    /** questionId → { sequence, answer, order } for saves the server has not confirmed. */
    this.pending = saved.pending || {};
    /** questionId → true */
    this.flags = saved.flags || {};
    /** questionIds whose last save arrived after the deadline. */
    this.late = saved.late || [];
    this.position = saved.position || 0;
    this.order = saved.order || 0;
  }

  /**
   * Drops what was kept for this invitation, once it is submitted: none of it is of use any more, and a shared
   * computer should not tell the next person which questions were flagged. Nothing is written again after it.
   */
  forget() {
    this.forgotten = true;
    try {
      localStorage.removeItem(PREFIX + this.key);
    } catch (unavailable) {
      // Nothing could be kept either.
    }
  }

  persist() {
    if (this.forgotten) return;
    write(this.key, { pending: this.pending, flags: this.flags, late: this.late, position: this.position,
      order: this.order });
  }

  queue(questionId, sequence, answer) {
    this.order += 1;
    this.pending[questionId] = { sequence, answer, order: this.order };
    this.persist();
  }

  /** Oldest change first: the server receives answers in the order they were given. */
  nextPending() {
    const entries = Object.entries(this.pending).sort((a, b) => a[1].order - b[1].order);
    return entries.length ? { questionId: entries[0][0], ...entries[0][1] } : null;
  }

  pendingCount() {
    return Object.keys(this.pending).length;
  }

  confirm(questionId, sequence) {
    const entry = this.pending[questionId];
    if (entry && entry.sequence <= sequence) {
      delete this.pending[questionId];
      this.persist();
    }
  }

  markLate(questionId) {
    delete this.pending[questionId];
    if (!this.late.includes(questionId)) this.late.push(questionId);
    this.persist();
  }

  toggleFlag(questionId, flagged) {
    if (flagged) this.flags[questionId] = true; else delete this.flags[questionId];
    this.persist();
  }

  moveTo(position) {
    this.position = position;
    this.persist();
  }
}
