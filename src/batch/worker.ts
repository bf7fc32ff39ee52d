/**
 * A worker thread of the batch pool (pool.ts): checks the drafts it is sent with the same
 * engine as a single run, one config group per config file, and posts each outcome back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDraft } from '../engine/run.js';
import { Groups } from './groups.js';
import type { PoolJob, PoolReply, PoolSetup } from './pool.js';

const setup = workerData as PoolSetup;
const groups = new Groups(setup.groups, setup.cwd);
const runCache = new Map<string, unknown>();

parentPort!.on('message', async (job: PoolJob) => {
  let reply: PoolReply;
  try {
    const g = await groups.forConfig(job.config);
    const outcome = await checkDraft(job.input, {
      rules: g.rules, school: g.config.school, cwd: setup.cwd, maxWarnings: setup.maxWarnings, fix: setup.fix, runCache, knownRuleIds: g.known,
    });
    if (!setup.keepText) delete outcome.text;
    reply = { id: job.id, outcome };
  } catch (e) {
    reply = { id: job.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
