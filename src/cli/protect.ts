/**
 * `smcheck protect LIST [--key FILE] [--out FILE]`: writes the protected form of a no-publish
 * list or consent register (src/config/protected.ts) as a new file, LIST.protected.csv. It
 * never overwrites a file. The key comes from SMCHECK_KEY, else from --key FILE (default
 * smcheck.key in the current folder), which is created with a random key if it does not exist.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { OutputError, writeOutput } from '../outputs/write.js';
import { HEADER_ALIASES, nameColumns, normaliseHeader, personOf, readCsv } from '../config/school-csv.js';
import { classifyColumn } from '../config/consent-csv.js';
import { KEY_ENV, MARKER, isProtected, keyFromText, newKeyText, personHashes, readKeyFile, type Key } from '../config/protected.js';

export interface ProtectOptions {
  key?: string;
  out?: string;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function protectedName(file: string): string {
  const ext = path.extname(file);
  return `${ext ? file.slice(0, -ext.length) : file}.protected${ext || '.csv'}`;
}

function loadOrMakeKey(opts: ProtectOptions, cwd: string, say: (s: string) => void): Key {
  const env = process.env[KEY_ENV];
  if (env && !opts.key) return keyFromText(env, KEY_ENV);
  const file = path.resolve(cwd, opts.key ?? 'smcheck.key');
  const shown = path.relative(cwd, file) || file;
  if (!existsSync(file)) {
    writeFileSync(file, newKeyText(), { flag: 'wx', mode: 0o600 });
    say(`created  ${shown} (a new random key: keep it apart from the lists, and name it in smcheck.yml as 'key: ${shown}')`);
  }
  return readKeyFile(file, shown);
}

export async function runProtect(list: string, opts: ProtectOptions, cwd = process.cwd()): Promise<number> {
  const say = (s: string) => process.stdout.write(s + '\n');
  const abs = path.resolve(cwd, list);
  const shown = path.relative(cwd, abs) || abs;
  if (isProtected(abs)) throw new UsageError(`${shown}: already protected; nothing to do.`);
  const outAbs = path.resolve(cwd, opts.out ?? protectedName(list));
  const outShown = path.relative(cwd, outAbs) || outAbs;
  if (existsSync(outAbs)) throw new UsageError(`${outShown}: already exists; smcheck never overwrites a file. Move it away or give --out.`);
  const table = readCsv(abs, shown, 'list');
  const col = nameColumns(table, shown, 'list', true);
  // consent columns (uses, expiry, leavers) are kept; names, ids, classes and anything else are dropped
  const kept = table.headers
    .map((h, i) => ({ h, i, k: HEADER_ALIASES[normaliseHeader(h)] ? { kind: 'ignore' as const } : classifyColumn(h) }))
    .filter((c) => c.k.kind !== 'ignore');
  const consent = kept.some((c) => c.k.kind === 'use');
  const key = loadOrMakeKey(opts, cwd, say);
  const lines = [
    `${MARKER} (HMAC-SHA-256) key ${key.id}: made by smcheck protect from ${path.basename(list).replace(/[",]/g, '')}. Names are keyed hashes; keep the key file apart from this file`,
    ['name_hmac', ...(consent ? kept.map((c) => c.h) : [])].map(csvCell).join(','),
  ];
  let rows = 0;
  for (const { line, cells } of table.rows) {
    const p = personOf(col, cells, `${shown}:${line}`);
    if (!p) continue;
    rows++;
    lines.push([personHashes(key, p).join(' '), ...(consent ? kept.map((c) => cells[c.i] ?? '') : [])].map(csvCell).join(','));
  }
  try {
    await writeOutput(outAbs, lines.join('\r\n') + '\r\n', { inputs: [abs], shown: outShown, what: 'the protected list' });
  } catch (e) {
    throw new UsageError(e instanceof OutputError ? e.message : String(e));
  }
  say(`created  ${outShown}: ${rows} ${consent ? 'consent rows' : 'pupils'}, names replaced by keyed hashes (key ${key.id}).`);
  say(`Next: point smcheck.yml at it (${consent ? 'consent' : 'noPublish'}: ${path.basename(outShown)}) with 'key:' naming the key file (or set ${KEY_ENV}),`);
  say(`check that posts give the same results, then delete the plain ${path.basename(shown)} from this machine if you no longer need it.`);
  return 0;
}
