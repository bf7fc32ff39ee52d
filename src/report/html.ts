/**
 * `--format html -o report.html`: one self-contained page for the office. Inline CSS, no
 * script, no request (a Content-Security-Policy forbids both): the summary, then a card per
 * draft with its verdict, its text with the flagged spans highlighted (highlight.ts) and
 * explained, and a small thumbnail of each photo (sharp: turned upright, metadata stripped,
 * inlined as a data: URI) with the photo's findings beside it. Everything from a draft, a file
 * name or a photo's metadata is escaped. Streamed like the other formats: the summary is
 * written last and shown first (CSS `order`), so no result is held in memory.
 */
import path from 'node:path';
import type { DraftResult, Finding } from '../types.js';
import type { BatchSummary } from '../engine/tally.js';
import type { StreamContext, StreamReporter } from './types.js';
import { escapeHtml as esc, highlightHtml, type Mark } from './highlight.js';

const THUMB = 240;

const CSS = `
:root{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#f4f4f6}
body{margin:0 auto;max-width:62rem;padding:1rem;display:flex;flex-direction:column;gap:1rem}
header,.summary{order:-1}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.05rem;margin:0;word-break:break-all}
.card,.summary{background:#fff;border-radius:8px;padding:1rem;box-shadow:0 1px 3px #0002;border-left:6px solid #888}
.card.pass{border-color:#1a7f37}.card.fail{border-color:#c62828}.card.error{border-color:#6a1b9a}
.verdict{font-weight:700;padding:.1rem .5rem;border-radius:4px;color:#fff;margin-right:.5rem;font-size:.85rem}
.pass .verdict{background:#1a7f37}.fail .verdict{background:#c62828}.error .verdict{background:#6a1b9a}
pre.text{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;border:1px solid #ddd;border-radius:6px;padding:.7rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace}
mark.error{background:#ffcdd2;border-bottom:2px solid #c62828}mark.warning{background:#fff3c4;border-bottom:2px solid #b58100}mark.info{background:#dbeafe}
sup a{color:#555;font-size:.7rem;text-decoration:none}
ol.findings{padding-left:1.6rem;margin:.5rem 0}ol.findings li{margin:.25rem 0}
.sev{font-size:.75rem;font-weight:700;text-transform:uppercase;margin-right:.3rem}.sev.error{color:#c62828}.sev.warning{color:#9a6b00}.sev.info{color:#1d4ed8}
.policy{color:#555;font-style:italic;display:block}.instead{color:#1a7f37;display:block}.rule{color:#777;font-size:.8rem}
.photos{display:flex;flex-wrap:wrap;gap:1rem;margin-top:.7rem}
.photo{display:flex;gap:.7rem;align-items:flex-start;border:1px solid #ddd;border-radius:6px;padding:.5rem;flex:1 1 26rem}
.photo img,.photo .noimg{width:${THUMB / 2}px;height:auto;border-radius:4px;flex:none}
.photo .noimg{height:${THUMB / 2}px;background:#eee;display:flex;align-items:center;justify-content:center;color:#777;font-size:.8rem;text-align:center}
.photo ul{margin:0;padding-left:1.1rem}.file{font-family:ui-monospace,monospace;font-size:.8rem;overflow-wrap:anywhere}
.error-line{color:#6a1b9a;font-weight:600}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee}
.counts span{margin-right:1.2rem;font-weight:600}
`;

export function htmlStream(ctx: StreamContext): StreamReporter {
  let n = 0;
  return {
    wantsText: true,
    begin(head) {
      return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>smcheck report</title><style>${CSS}</style></head>
<body>
<header><h1>smcheck report</h1><div class="rule">${esc(head.tool)} ${esc(head.version)}</div></header>
`;
    },
    async result(r, text) {
      n++;
      return card(r, text, n, await thumbnails(r, ctx.cwd));
    },
    end(batch) {
      return `${summary(batch)}\n</body></html>\n`;
    },
  };
}

function verdictLabel(status: DraftResult['status']): string {
  return status === 'pass' ? 'PASS' : status === 'fail' ? 'FAIL' : 'NOT CHECKED';
}

function findingItem(f: Finding, id?: string): string {
  const where = f.line !== undefined ? `line ${f.line}: ` : '';
  return `<li${id ? ` id="${id}"` : ''}><span class="sev ${f.severity}">${f.severity}</span>${esc(where)}${esc(f.message)} <span class="rule">${esc(f.rule)}</span>${
    f.policy ? `<span class="policy">Policy: “${esc(f.policy)}”</span>` : ''
  }${f.suggestion !== undefined ? `<span class="instead">Instead: ${esc(f.suggestion || '(remove it)')}</span>` : ''}</li>`;
}

function card(r: DraftResult, text: string | undefined, n: number, thumbs: Map<string, string | undefined>): string {
  const prefix = `d${n}-f`;
  const textFindings = r.findings.filter((f) => f.line !== undefined);
  const marks: Mark[] = textFindings.map((f, i) => ({
    line: f.line!, column: f.column ?? 1, endLine: f.endLine ?? f.line!, endColumn: f.endColumn ?? (f.column ?? 1) + 1,
    n: i + 1, severity: f.severity, title: f.message,
  }));
  const parts: string[] = [];
  parts.push(`<section class="card ${r.status}" id="d${n}"><h2><span class="verdict">${verdictLabel(r.status)}</span>${esc(r.draft)}</h2>`);
  if (r.status === 'error') parts.push(`<p class="error-line">Not checked: ${esc(r.error ?? 'could not be read')}. Do not post it until it has been checked.</p>`);
  if (text !== undefined && text.length > 0) parts.push(`<pre class="text">${highlightHtml(text, marks, { idPrefix: prefix })}</pre>`);
  if (textFindings.length) parts.push(`<ol class="findings">${textFindings.map((f, i) => findingItem(f, `${prefix}${i + 1}`)).join('')}</ol>`);
  const photos = r.images;
  const other = r.findings.filter((f) => f.line === undefined && !photos.includes(f.file));
  if (other.length) parts.push(`<ul>${other.map((f) => findingItem(f)).join('')}</ul>`);
  if (photos.length) {
    parts.push('<div class="photos">');
    for (const p of photos) {
      const mine = r.findings.filter((f) => f.line === undefined && f.file === p);
      const uri = thumbs.get(p);
      const img = uri ? `<img src="${uri}" alt="${esc(path.basename(p))}">` : `<div class="noimg">no preview</div>`;
      parts.push(`<div class="photo">${img}<div><div class="file">${esc(p)}</div>${mine.length ? `<ul>${mine.map((f) => findingItem(f)).join('')}</ul>` : '<div class="rule">no photo findings</div>'}</div></div>`);
    }
    parts.push('</div>');
  }
  parts.push('</section>\n');
  return parts.join('\n');
}

function summary(batch: BatchSummary): string {
  const s = batch.summary;
  const rows: string[] = [];
  rows.push(`<section class="summary"><h1>${s.drafts} draft${s.drafts === 1 ? '' : 's'} checked</h1>`);
  rows.push(`<div class="counts"><span style="color:#1a7f37">${s.passed} passed</span><span style="color:#c62828">${s.failed} failed</span><span style="color:#6a1b9a">${s.errored} not checked</span></div>`);
  if (batch.rules.length) {
    rows.push('<h2>Rules most broken</h2><table><tr><th>rule</th><th>drafts</th><th>problems</th></tr>');
    for (const r of batch.rules.slice(0, 8)) rows.push(`<tr><td>${esc(r.rule)}</td><td>${r.drafts}</td><td>${r.findings}</td></tr>`);
    rows.push('</table>');
  }
  if (batch.worst.length) {
    rows.push('<h2>Worst first</h2><table><tr><th>draft</th><th>verdict</th><th>problems</th><th>rules</th></tr>');
    for (const w of batch.worst) {
      rows.push(`<tr><td class="file">${esc(w.draft)}</td><td>${verdictLabel(w.status)}</td><td>${w.errors}</td><td>${esc(w.rules.join(', '))}</td></tr>`);
    }
    rows.push('</table>');
  }
  rows.push('</section>');
  return rows.join('\n');
}

/** A small JPEG of each photo, upright and without metadata; undefined where it cannot be made. */
async function thumbnails(r: DraftResult, cwd: string): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  if (r.images.length === 0) return out;
  let sharp: typeof import('sharp').default;
  try {
    sharp = (await import('sharp')).default;
  } catch {
    return out;
  }
  for (const p of r.images) {
    try {
      // sharp writes no metadata unless asked (withMetadata), and rotate() applies the EXIF orientation.
      const buf = await sharp(path.resolve(cwd, p), { failOn: 'none', limitInputPixels: 100_000_000 })
        .rotate()
        .resize(THUMB, THUMB, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 70 })
        .toBuffer();
      out.set(p, `data:image/jpeg;base64,${buf.toString('base64')}`);
    } catch {
      out.set(p, undefined);
    }
  }
  return out;
}
