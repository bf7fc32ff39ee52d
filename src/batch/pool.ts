/**
 * Check drafts on every core: a small pool of worker threads (node:worker_threads; each loads
 * the engine once and keeps its own caches), two jobs in flight per worker. `check` resolves
 * with the draft's outcome and never rejects: a check that crashed, or a worker that died,
 * comes back as a draft that was not checked (status error), never as a PASS.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DraftInput, DraftOutcome } from '../engine/run.js';
import type { GroupOptions } from './groups.js';

export interface PoolSetup {
  cwd: string;
  groups: GroupOptions;
  maxWarnings?: number;
  fix?: boolean;
  /** Send each draft's text back (text and HTML reports show it). */
  keepText: boolean;
}
export interface PoolJob {
  id: number;
  input: DraftInput;
  /** Absolute config file, or '' for none. */
  config: string;
}
export type PoolReply = { id: number; outcome: DraftOutcome } | { id: number; error: string };

const PER_WORKER = 2;

/**
 * How many workers a run of n drafts is worth: none for small runs (a pool costs ~0.2 s to
 * start), none when running from source (tests import src/: the worker is the built
 * dist/worker.js), else one per core. SMCHECK_WORKERS=n forces n (0: in this thread).
 */
export function workersFor(n: number): number {
  if (!workerEntry()) return 0;
  const env = process.env.SMCHECK_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), Math.max(n, 1));
  const cores = availableParallelism();
  if (cores < 2 || n < 40) return 0;
  return Math.min(cores, Math.ceil(n / 20));
}

interface Slot {
  worker: Worker;
  busy: Map<number, { job: PoolJob; done: (o: DraftOutcome) => void }>;
}

export class Pool {
  private slots: Slot[] = [];
  private queue: { job: PoolJob; done: (o: DraftOutcome) => void }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private size: number, private setup: PoolSetup) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  check(input: DraftInput, config: string): Promise<DraftOutcome> {
    return new Promise((done) => {
      this.queue.push({ job: { id: this.nextId++, input, config }, done });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.busy.size < PER_WORKER && this.queue.length > 0) {
        const item = this.queue.shift()!;
        slot.busy.set(item.job.id, item);
        slot.worker.postMessage(item.job);
      }
    }
  }

  private spawn(): Slot {
    const file = workerEntry()!;
    // Memory flat as the folder grows: left alone, V8 lets each thread's heap grow with garbage
    // (~40 KB per draft); a small young generation and a bounded old one make it collect
    // instead. The bound is well above a thread's live data (the whole engine checks 2,000
    // drafts in 96 MB); a draft that needs more fails as not checked, never as a PASS.
    const young = Number(process.env.SMCHECK_YOUNG_MB ?? 8);
    const old = Number(process.env.SMCHECK_OLD_MB ?? 80);
    const worker = new Worker(file, { workerData: this.setup, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: young, maxOldGenerationSizeMb: old } });
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (reply: PoolReply) => {
      const item = slot.busy.get(reply.id);
      if (!item) return;
      slot.busy.delete(reply.id);
      item.done('outcome' in reply ? reply.outcome : notChecked(item.job.input, `internal error: ${reply.error}`));
      this.pump();
    });
    const fail = (why: string): void => {
      for (const item of slot.busy.values()) item.done(notChecked(item.job.input, why));
      slot.busy.clear();
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.pump();
    };
    worker.on('error', (e) => fail(`internal error: the checker stopped (${e.message}); this draft was not checked.`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.busy.size > 0) fail(`internal error: the checker stopped (exit ${code}); this draft was not checked.`);
    });
    return slot;
  }
}

export function notChecked(input: DraftInput, error: string): DraftOutcome {
  return { draft: input.path, images: (input.extraImages ?? []).map((i) => i.path), status: 'error', error, findings: [], suppressions: [] };
}

/** dist/worker.js, beside the bundled chunk (or one folder up); undefined when running from source. */
function workerEntry(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.join(here, '..')]) {
    const built = path.join(dir, 'worker.js');
    if (existsSync(built)) return built;
  }
  return undefined;
}
