// The countdown runs on the server's clock: the deadline comes from the server, and "now" is this
// device's clock corrected by the offset measured on every API answer. A reload starts from the
// same deadline, so it never resets the time.
const WARNINGS = [
  { seconds: 5 * 60, words: '5 minutes left. Your answers are saved as you go.' },
  { seconds: 60, words: '1 minute left. Your answers are submitted automatically at the deadline.' },
];

export function formatRemaining(totalSeconds) {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export class Countdown {
  /**
   * @param serverNow  () => ms on the server's clock
   * @param onTick     (secondsLeft) => void, about once a second
   * @param onWarning  (words) => void, at 5 and 1 minutes left
   * @param onTimeUp   () => void, once
   */
  constructor(serverNow, { onTick, onWarning, onTimeUp }) {
    this.serverNow = serverNow;
    this.onTick = onTick;
    this.onWarning = onWarning;
    this.onTimeUp = onTimeUp;
    this.deadline = 0;
    this.timer = null;
    this.done = false;
    this.warned = new Set();
  }

  start(deadlineIso) {
    this.setDeadline(deadlineIso);
    // Warnings already past at (re)load are not announced again.
    const left = this.secondsLeft();
    WARNINGS.forEach((w) => { if (left <= w.seconds) this.warned.add(w.seconds); });
    this.#tick();
    this.timer = setInterval(() => this.#tick(), 250);
  }

  setDeadline(deadlineIso) {
    const deadline = Date.parse(deadlineIso);
    if (!Number.isNaN(deadline)) {
      if (deadline > this.deadline && this.deadline) {
        // More time: warnings that are now ahead again may be given again.
        const left = (deadline - this.serverNow()) / 1000;
        WARNINGS.forEach((w) => { if (left > w.seconds) this.warned.delete(w.seconds); });
      }
      this.deadline = deadline;
    }
  }

  secondsLeft() {
    return (this.deadline - this.serverNow()) / 1000;
  }

  stop() {
    clearInterval(this.timer);
  }

  #tick() {
    if (this.done) return;
    const left = this.secondsLeft();
    for (const warning of WARNINGS) {
      if (left <= warning.seconds && !this.warned.has(warning.seconds)) {
        this.warned.add(warning.seconds);
        this.onWarning(warning.words);
      }
    }
    this.onTick(left);
    if (left <= 0) {
      this.done = true;
      this.stop();
      this.onTimeUp();
    }
  }
}
