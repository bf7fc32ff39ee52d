/**
 * Strict YAML decoding, Vale-style: parse with `yaml` keeping node ranges, validate with a zod
 * schema, and turn the first problem into `file:line:column: what is wrong` pointing at the
 * offending key (or value).
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node as YamlNode } from 'yaml';
import * as z from 'zod';
import { UsageError } from '../errors.js';

// zod 4 compiles each object schema to code on first use; smcheck validates a few small
// documents once per run, where that compile costs ~70 ms and interpreting costs almost nothing.
z.config({ jitless: true });

export interface StrictResult<T> {
  value: T;
  doc: Document;
  lineOf(path: (string | number)[]): number;
}

export interface ParsedYaml {
  file: string;
  what: string;
  doc: Document;
  lineCounter: LineCounter;
  raw: unknown;
}

/** Parse once (syntax errors become file:line:column); validate as often as needed with validateYaml. */
export function parseYaml(source: string, file: string, what: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const p = lineCounter.linePos(err.pos[0]);
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UsageError(`${file}:${p.line}:${p.col}: ${what} is not valid YAML: ${msg}. Check the indentation and quotes on this line.`);
  }
  return { file, what, doc, lineCounter, raw: yamlToJs(doc, (offset, msg) => {
    const p = lineCounter.linePos(offset);
    return new UsageError(`${file}:${p.line}:${p.col}: ${what}: ${msg}`);
  }) ?? {} };
}

/**
 * doc.toJS(), with the document's own mistakes as one-line errors at their place: an "alias
 * bomb" (aliases of aliases that expand to millions of values) stops at yaml's alias limit and
 * is reported at the first alias, never as an internal error.
 */
export function yamlToJs(doc: Document, fail: (offset: number, message: string) => Error): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    let at = 0;
    let name = '';
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0;
        name = node.source;
        return visit.BREAK;
      },
    });
    const msg = (e as Error).message;
    if (/alias/i.test(msg)) {
      throw fail(at, `its aliases (*${name} ...) expand to too many values. Write the values out instead of using & and * references.`);
    }
    throw fail(at, msg.split('\n')[0]);
  }
}

export function parseStrictYaml<T>(source: string, file: string, schema: z.ZodType<T>, what: string): StrictResult<T> {
  return validateYaml(parseYaml(source, file, what), schema);
}

export function validateYaml<T>(parsed: ParsedYaml, schema: z.ZodType<T>): StrictResult<T> {
  const { file, what, doc, lineCounter, raw } = parsed;
  const where = (offset: number): string => {
    const p = lineCounter.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  const result = schema.safeParse(raw);
  const locate = (path: (string | number)[], wantKey: boolean): number => {
    let node: YamlNode | null | undefined = doc.contents as YamlNode;
    let keyNode: YamlNode | undefined;
    let last = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = pair.value as YamlNode | null;
        last = keyNode.range?.[0] ?? last;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg] as YamlNode | undefined;
        keyNode = undefined;
        last = node?.range?.[0] ?? last;
      } else break;
    }
    if (!wantKey && node?.range) return node.range[0];
    return keyNode?.range?.[0] ?? last;
  };
  if (!result.success) {
    const issue = result.error.issues[0];
    let path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      path = [...path, key];
      message = `unknown key '${key}'${suggestKey(key, schemaKeys(schema, issue.path as (string | number)[]))}`;
    } else {
      const present = valueAt(raw, path) !== undefined;
      message = humanIssue(issue as unknown as { code: string; values?: unknown[]; expected?: string; message: string }, present);
      if (path.length > 0) message = `'${path.join('.')}': ${message}`;
    }
    const offset = locate(path, issue.code === 'unrecognized_keys');
    throw new UsageError(`${where(offset)}: ${what}: ${message}`);
  }
  return {
    value: result.data,
    doc,
    lineOf: (path) => lineCounter.linePos(locate(path, true)).line,
  };
}

/** zod's messages, said for people who edit YAML rather than write code. */
function valueAt(root: unknown, path: (string | number)[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function humanIssue(issue: { code: string; values?: unknown[]; expected?: string; message: string }, present: boolean): string {
  if (issue.code === 'invalid_value' && issue.values) {
    return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    if (!present) return 'is required';
    const want = issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping of keys' : `a ${issue.expected}`;
    return `should be ${want}`;
  }
  return issue.message;
}

function schemaKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let s: unknown = schema;
  for (const seg of path) {
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (!shape || typeof seg !== 'string') return [];
    s = unwrap(shape[seg]);
  }
  const shape = (unwrap(s) as { shape?: Record<string, unknown> })?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { innerType?: unknown; type?: string } } | undefined;
  while (cur?.def?.innerType) cur = cur.def.innerType as typeof cur;
  return cur;
}

function suggestKey(key: string, known: string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  if (best && bestD <= Math.max(2, Math.floor(key.length / 3))) return ` (did you mean '${best}'?)`;
  return known.length ? ` (allowed keys: ${known.join(', ')})` : '';
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
