/** Runs before every test file (vitest setupFiles). */
import { beforeEach } from 'vitest';
import { registerTmpCleanup } from './tmp.js';

registerTmpCleanup(beforeEach);
