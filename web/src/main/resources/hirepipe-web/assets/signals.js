// Integrity signals: focus lost and regained, the page hidden and shown again, paste and copy, each
// with the time it happened. Collected here and sent in batches; the candidate is told on the
// welcome page that they are recorded.
const SEND_EVERY_MS = 5000;
const MAX_QUEUED = 200;

export class IntegritySignals {
  constructor(api, currentQuestionId) {
    this.api = api;
    this.currentQuestionId = currentQuestionId;
    this.queue = [];
    this.timer = null;
    this.active = false;
  }

  start() {
    if (this.active) return;
    this.active = true;
    window.addEventListener('blur', () => this.#record('FOCUS_LOST'));
    window.addEventListener('focus', () => this.#record('FOCUS_REGAINED'));
    document.addEventListener('visibilitychange', () => {
      this.#record(document.visibilityState === 'hidden' ? 'HIDDEN' : 'VISIBLE');
      if (document.visibilityState === 'hidden') this.send({ keepalive: true });
    });
    document.addEventListener('paste', () => this.#record('PASTE'));
    document.addEventListener('copy', () => this.#record('COPY'));
    this.timer = setInterval(() => this.send(), SEND_EVERY_MS);
  }

  stop() {
    this.active = false;
    clearInterval(this.timer);
  }

  async send({ keepalive = false } = {}) {
    if (!this.queue.length) return;
    const batch = this.queue.splice(0, 100);
    try {
      await this.api.sendSignals(batch, { keepalive });
    } catch (error) {
      if (error.retryable) this.queue.unshift(...batch.slice(0, MAX_QUEUED - this.queue.length));
    }
  }

  #record(type) {
    if (!this.active || this.queue.length >= MAX_QUEUED) return;
    const questionId = this.currentQuestionId();
    this.queue.push(questionId ? { type, at: new Date().toISOString(), questionId } : { type, at: new Date().toISOString() });
  }
}
