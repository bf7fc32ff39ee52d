/**
 * The batch progress bar on stderr: drafts done, failures so far, rate and time left. Shown
 * only on a terminal, never with --quiet, and only once a run has taken more than a second
 * (a single draft never flickers one). `clear()` before anything else is written to the same
 * terminal, `draw()` after.
 */
const DELAY_MS = 1000;
const EVERY_MS = 100;

export class Progress {
  private start = performance.now();
  private last = 0;
  private shown = false;
  done = 0;
  failed = 0;

  constructor(public total: number, private stream: NodeJS.WriteStream | undefined) {}

  /** A progress bar for this run, or undefined when there must be none. */
  static for(total: number, opts: { quiet?: boolean }): Progress | undefined {
    const err = process.stderr;
    if (opts.quiet || !err.isTTY || total < 2) return undefined;
    return new Progress(total, err);
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    this.draw();
  }

  draw(force = false): void {
    const now = performance.now();
    if (!this.stream || now - this.start < DELAY_MS) return;
    if (!force && this.shown && now - this.last < EVERY_MS) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\x1b[K${this.line(now)}`);
  }

  clear(): void {
    if (this.shown && this.stream) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  line(now = performance.now()): string {
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : undefined;
    const width = Math.max(10, Math.min(30, (this.stream?.columns ?? 80) - 60));
    const filled = Math.round((width * this.done) / Math.max(1, this.total));
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const eta = left === undefined ? '' : left >= 60 ? ` · ${Math.floor(left / 60)} min ${left % 60} s left` : ` · ${left} s left`;
    return `${bar} ${this.done}/${this.total} drafts · ${this.failed} failing · ${rate.toFixed(0)}/s${eta}`;
  }
}
