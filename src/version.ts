/** The version, inlined by the build (scripts/build.mjs); read from package.json when run from source. */
import { createRequire } from 'node:module';

declare const __SMCHECK_VERSION__: string | undefined;

export const VERSION: string =
  typeof __SMCHECK_VERSION__ === 'string' ? __SMCHECK_VERSION__ : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
