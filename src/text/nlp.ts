/**
 * Loads compromise once per process, lazily, from its prebuilt CommonJS bundle.
 *
 * Measured on this 2-core machine (Node 20, cold process, median of a few runs):
 *   import('compromise')                       ~320 ms (the ES source: hundreds of small modules)
 *   prebuilt builds/three/compromise-three.cjs ~140 ms (one file; most of the rest is the
 *                                              lexicon being unpacked, which no loader avoids)
 *   prebuilt builds/two (tagger, no people())  ~145 ms (no faster: two holds the lexicon too)
 *   prebuilt builds/one (tokeniser only)        ~10 ms (no part-of-speech tags: not enough)
 * `require('compromise')` resolves to the three bundle through the package's "require"
 * export, so this needs no file path into node_modules and bundlers leave it alone.
 */
import { createRequire } from 'node:module';

/** compromise's main function; typed loosely so callers need not import its types. */
export type Nlp = ((text: string, lexicon?: Record<string, string>) => any) & {
  world(): any;
  plugin(p: unknown): void;
};

let cached: Promise<Nlp> | undefined;

export function loadNlp(): Promise<Nlp> {
  if (!cached) {
    cached = new Promise<Nlp>((resolve, reject) => {
      try {
        const require = createRequire(import.meta.url);
        const mod = require('compromise');
        resolve((mod.default ?? mod) as Nlp);
      } catch (err) {
        cached = undefined;
        reject(err);
      }
    });
  }
  return cached;
}
