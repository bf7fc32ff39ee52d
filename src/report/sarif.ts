/**
 * `--format sarif`: SARIF 2.1.0 for editors and code-scanning tools. One run; a result per
 * finding (level error / warning / note), located by line and column (counted in Unicode code
 * points, as smcheck counts them) or, for a photo finding, by the photo's file alone. A draft
 * that could not be checked is a `not-checked` error result and a tool notification, so no
 * viewer shows it as clean. Streamed: results are written as drafts finish; the rule list
 * (which only the whole run knows) follows them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DraftResult, Finding, Severity } from '../types.js';
import type { StreamContext, StreamReporter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const NOT_CHECKED = 'not-checked';

export function sarifStream(ctx: StreamContext): StreamReporter {
  const rules = new Map<string, string>();
  const notes: object[] = [];
  let version = '';
  let first = true;
  const uri = (p: string): string => {
    const rel = path.isAbsolute(p) ? path.relative(ctx.cwd, p) : p;
    return rel.split(path.sep).map(encodeURIComponent).join('/');
  };
  const location = (file: string, f?: Finding): object => {
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: uri(file), uriBaseId: 'SRCROOT' } };
    if (f?.line !== undefined) {
      const region: Record<string, number> = { startLine: f.line };
      if (f.column !== undefined) region.startColumn = f.column;
      if (f.endLine !== undefined) region.endLine = f.endLine;
      if (f.endColumn !== undefined && f.endColumn > (f.endLine === f.line ? f.column ?? 0 : 0)) region.endColumn = f.endColumn;
      physicalLocation.region = region;
    }
    return { physicalLocation };
  };
  const piece = (objs: object[]): string => {
    if (objs.length === 0) return '';
    const body = objs.map((o) => JSON.stringify(o)).join(',\n        ');
    const out = `${first ? '\n        ' : ',\n        '}${body}`;
    first = false;
    return out;
  };
  return {
    wantsText: false,
    begin(head) {
      version = head.version;
      return `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "unicodeCodePoints",\n      "originalUriBaseIds": ${JSON.stringify({ SRCROOT: { uri: `${pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/')}` } })},\n      "results": [`;
    },
    result(r: DraftResult) {
      const out: object[] = [];
      if (r.status === 'error') {
        const text = r.error ?? `${r.draft} could not be checked.`;
        rules.set(NOT_CHECKED, 'A draft or photo that could not be read was not checked: do not post it until it has been.');
        out.push({ ruleId: NOT_CHECKED, level: 'error', message: { text }, locations: [location(r.draft)] });
        notes.push({ level: 'error', message: { text }, locations: [location(r.draft)] });
      }
      for (const f of r.findings) {
        if (!rules.has(f.rule)) rules.set(f.rule, f.policy);
        const text = f.suggestion !== undefined ? `${f.message} Instead: ${f.suggestion || '(remove it)'}` : f.message;
        const res: Record<string, unknown> = { ruleId: f.rule, level: LEVEL[f.severity], message: { text }, locations: [location(f.file, f)] };
        const props: Record<string, string> = {};
        if (f.policy) props.policy = f.policy;
        if (f.excerpt !== undefined) props.excerpt = f.excerpt;
        if (f.file !== r.draft) props.draft = r.draft;
        if (Object.keys(props).length) res.properties = props;
        out.push(res);
      }
      return piece(out);
    },
    end(batch) {
      const driver = {
        name: 'smcheck',
        version,
        informationUri: 'https://www.npmjs.com/package/smcheck',
        rules: [...rules.entries()].map(([id, policy]) => ({ id, shortDescription: { text: policy || id } })),
      };
      const invocation = {
        executionSuccessful: batch.summary.errored === 0,
        toolExecutionNotifications: notes,
        properties: { drafts: batch.summary.drafts, passed: batch.summary.passed, failed: batch.summary.failed, notChecked: batch.summary.errored },
      };
      return `${first ? '' : '\n      '}],\n      "tool": ${JSON.stringify({ driver })},\n      "invocations": [${JSON.stringify(invocation)}]\n    }\n  ]\n}\n`;
    },
  };
}
