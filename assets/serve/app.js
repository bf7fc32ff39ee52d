// smcheck serve: the page's script. Plain browser JavaScript, no build step, no libraries.
// Everything from a post, a file name or a photo is put on the page with textContent or as an
// attribute value, never as HTML, so a post containing <script> shows as text.
'use strict';

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
const state = { photos: [], name: undefined, seq: 0, shown: 0, timer: 0, checked: false, answer: undefined };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== null) e.append(c);
  return e;
}

async function api(path, body) {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Smcheck-Token': token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let msg = `the check could not run (${res.status}).`;
    try { msg = (await res.json()).error || msg; } catch { /* not JSON */ }
    throw new Error(msg);
  }
  return res;
}

function toBase64(buf) {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function plural(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

// ---- the school's lists --------------------------------------------------------------------
async function loadInfo() {
  const p = $('school');
  if (!token) {
    p.textContent = 'This page needs the address smcheck printed when it started (it ends with #token=…). Open that address again.';
    p.className = 'school none';
    $('check').disabled = true;
    return;
  }
  try {
    const info = await (await api('/api/info')).json();
    if (info.config) {
      const consent = typeof info.consent === 'number' ? `, consent for ${info.consent}` : '';
      p.textContent = `Using ${info.school || info.config}'s lists: ${plural(info.pupils, 'pupil', 'pupils')}, ${info.staff} staff, ${info.noPublish} on the no-publish list${consent}.`;
      p.className = 'school';
    } else {
      p.textContent = 'No school lists are set up, so pupils’ names are found by language analysis only and some may be missed. Ask the office to set up smcheck (smcheck init) and start this page from the school’s folder.';
      p.className = 'school none';
    }
  } catch (e) {
    p.textContent = `The school's lists could not be loaded: ${e.message}`;
    p.className = 'school none';
  }
}

// ---- inputs ---------------------------------------------------------------------------------
async function addPhotos(files) {
  for (const f of files) {
    const data = toBase64(await f.arrayBuffer());
    state.photos.push({ name: f.name, data, url: URL.createObjectURL(f) });
  }
  renderPhotoList();
  schedule(0);
}

function renderPhotoList() {
  const ul = $('photo-list');
  ul.replaceChildren();
  state.photos.forEach((p, i) => {
    ul.append(el('li', {},
      el('img', { src: p.url, alt: '' }),
      el('span', { class: 'name', text: p.name }),
      el('button', { class: 'button small', type: 'button', 'aria-label': `Remove ${p.name}`, text: 'Remove', onclick: () => {
        URL.revokeObjectURL(p.url);
        state.photos.splice(i, 1);
        renderPhotoList();
        schedule(0);
      } })));
  });
}

async function openDraft(file) {
  if (!file) return;
  try {
    if (/\.docx$/i.test(file.name)) {
      const res = await api('/api/docx', { file: { name: file.name, data: toBase64(await file.arrayBuffer()) } });
      $('post').value = (await res.json()).text;
      state.name = 'post.txt';
    } else {
      $('post').value = await file.text();
      state.name = file.name; // a .md file is read as Markdown (alt text, links), as the CLI does
    }
    schedule(0);
  } catch (e) {
    showError(e.message);
  }
}

// ---- checking -------------------------------------------------------------------------------
function schedule(ms) {
  clearTimeout(state.timer);
  if (!state.checked && ms > 0) return; // re-check as you type only once a check has run
  if (!state.checked && !$('post').value.trim() && state.photos.length === 0) return;
  state.timer = setTimeout(check, ms);
}

async function check() {
  clearTimeout(state.timer);
  const seq = ++state.seq;
  $('busy').hidden = false;
  try {
    const res = await api('/api/check', {
      text: $('post').value,
      name: state.name || 'post.txt', // typed text is posted as it stands: read it as plain text
      photos: state.photos.map((p) => ({ name: p.name, data: p.data })),
    });
    const answer = await res.json();
    if (seq < state.shown) return; // an older answer arriving late
    state.shown = seq;
    state.checked = true;
    state.answer = answer;
    render(answer);
  } catch (e) {
    if (seq >= state.shown) showError(e.message);
  } finally {
    if (seq === state.seq) $('busy').hidden = true;
  }
}

function showError(message) {
  const v = $('verdict');
  v.className = 'verdict error';
  v.replaceChildren('NOT CHECKED', el('small', { text: `${message} Do not post it until it has been checked.` }));
}

// ---- the answer -----------------------------------------------------------------------------
/**
 * Findings about the same words (or the same photo problem) are one problem to fix: the JSON
 * report marks them with a shared `group` (or, from an older report, the same span), and the
 * page shows one item for each, listing every rule it breaks.
 */
function groupFindings(findings, draft) {
  const groups = new Map();
  findings.forEach((f) => {
    const key = f.group !== undefined ? `g${f.group}` : f.line !== undefined ? `${f.file}:${f.line}:${f.column}:${f.endLine}:${f.endColumn}` : `${f.file}#${f.rule}#${f.message}`;
    if (!groups.has(key)) groups.set(key, { findings: [], inText: f.line !== undefined && f.file === draft });
    groups.get(key).findings.push(f);
  });
  return [...groups.values()].map((g, i) => ({ ...g, id: `finding-${i}`, first: g.findings[0], severity: g.findings.some((f) => f.severity === 'error') ? 'error' : g.findings.some((f) => f.severity === 'warning') ? 'warning' : 'info' }));
}

/** One suggestion only when the rules agree: "Instead: Amelia" must not stand beside "remove the name". */
function suggestionOf(g) {
  const s = [...new Set(g.findings.map((f) => f.suggestion).filter(Boolean))];
  if (s.length !== 1 || g.findings.some((f) => f.severity === 'error' && !f.suggestion)) return undefined;
  return /^smcheck clean\b/.test(s[0]) ? 'use “Download a clean copy” below, and post that copy' : s[0];
}

function render(answer) {
  const result = answer.report.results[0];
  const findings = result.findings;
  const groups = groupFindings(findings, result.draft);
  const errors = groups.filter((g) => g.severity === 'error').length;
  const warnings = groups.filter((g) => g.severity === 'warning').length;
  const v = $('verdict');
  if (result.status === 'error') {
    showError(result.error || 'something in this post could not be read.');
  } else if (result.status === 'fail') {
    v.className = 'verdict fail';
    v.replaceChildren(`FAIL: ${plural(errors || groups.length, 'thing', 'things')} to fix`, el('small', { text: 'Do not post this yet. Each problem is marked below, with what to change.' }));
  } else {
    v.className = 'verdict pass';
    v.replaceChildren('PASS: safe to post', el('small', { text: warnings ? `${plural(warnings, 'warning is', 'warnings are')} worth a look below.` : 'Nothing to change.' }));
  }

  const fixed = answer.fixedText !== undefined && answer.fixedText !== answer.text;
  $('actions').hidden = !fixed;
  $('download-fixed').hidden = !fixed;

  renderMarked(answer.text, groups.filter((g) => g.inText));
  renderFindings(groups, result);
  renderPhotos(answer.photos, findings);
}

/** Offsets (UTF-16) of a 1-based line and a column counted in characters (code points). */
function offsetOf(text, starts, line, column) {
  let o = starts[Math.min(line, starts.length) - 1] ?? text.length;
  for (let c = 1; c < column && o < text.length && text[o] !== '\n'; c++) {
    const code = text.charCodeAt(o);
    o += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return o;
}

function renderMarked(text, groups) {
  const box = $('marked');
  box.replaceChildren();
  const show = text.trim().length > 0;
  box.hidden = !show;
  $('marked-h').hidden = !show;
  if (!show) return;
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const spans = groups.map((g) => {
    const f = g.first;
    const s = offsetOf(text, starts, f.line, f.column);
    const e = f.endLine ? offsetOf(text, starts, f.endLine, f.endColumn) : s + 1;
    return { s, e: Math.max(e, s + 1), g };
  });
  const cuts = [...new Set([0, text.length, ...spans.flatMap((x) => [x.s, x.e])])].filter((x) => x <= text.length).sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k], b = cuts[k + 1];
    const piece = text.slice(a, b);
    const over = spans.filter((x) => x.s <= a && b <= x.e);
    if (over.length === 0) { box.append(piece); continue; }
    const allWarn = over.every((x) => x.g.severity !== 'error');
    box.append(el('mark', {
      class: allWarn ? 'warning' : undefined,
      title: over.flatMap((x) => x.g.findings.map((f) => f.message)).join('\n'),
      tabindex: '0', 'aria-describedby': over.map((x) => x.g.id).join(' '),
      onclick: () => goTo(over[0].g.id), onkeydown: (ev) => { if (ev.key === 'Enter') goTo(over[0].g.id); },
    }, piece));
  }
}

function goTo(id) {
  const li = $(id);
  if (!li) return;
  for (const x of document.querySelectorAll('.findings li.target')) x.classList.remove('target');
  li.classList.add('target');
  li.focus();
  li.scrollIntoView({ block: 'nearest' });
}

function renderFindings(groups, result) {
  const ol = $('findings');
  ol.replaceChildren();
  $('findings-h').hidden = groups.length === 0 && !result.error;
  for (const g of groups) {
    const f = g.first;
    const where = f.line !== undefined ? `line ${f.line}, column ${f.column}${f.file !== result.draft ? ` of ${f.file}` : ''}` : `in the photo ${f.file}`;
    const suggestion = suggestionOf(g);
    const policies = [...new Set(g.findings.map((x) => x.policy))];
    ol.append(el('li', { id: g.id, tabindex: '-1' },
      el('span', { class: `sev ${g.severity}`, text: g.severity }),
      ...g.findings.map((x, i) => el('span', { class: i ? 'msg more' : 'msg', text: x.message })),
      el('span', { class: 'where', text: f.excerpt ? `${where}: “${f.excerpt}”` : where }),
      suggestion ? el('span', { class: 'suggestion', text: `Instead: ${suggestion}` }) : undefined,
      ...policies.map((p) => el('span', { class: 'policy', text: `Policy: “${p}”` })),
      el('span', { class: 'rule', text: `${g.findings.length > 1 ? 'Rules' : 'Rule'}: ${g.findings.map((x) => x.rule).join(', ')}` })));
  }
  if (result.error) ol.append(el('li', {}, el('span', { class: 'sev error', text: 'not checked' }), el('span', { class: 'msg', text: result.error })));
}

function renderPhotos(photos, findings) {
  const ul = $('photo-results');
  ul.replaceChildren();
  $('photo-results-h').hidden = photos.length === 0;
  for (const p of photos) {
    const mine = findings.filter((f) => f.line === undefined && f.file === p.name);
    const list = mine.length
      ? el('ul', {}, ...mine.map((f) => el('li', {}, el('span', { class: `sev ${f.severity}`, text: f.severity }), f.message)))
      : el('p', { class: 'ok', text: 'Nothing found in its hidden details.' });
    const original = state.photos.find((x) => x.name === p.name) || state.photos[photos.indexOf(p)];
    ul.append(el('li', {},
      p.thumb ? el('img', { src: p.thumb, alt: `Thumbnail of ${p.name}` }) : el('span', { text: '(no preview)' }),
      el('div', {},
        el('strong', { text: p.name }),
        list,
        original ? el('button', { class: 'button secondary small', type: 'button', text: 'Download a clean copy', 'aria-label': `Download a clean copy of ${p.name}`, onclick: () => downloadClean(original) }) : undefined)));
  }
}

async function downloadClean(photo) {
  try {
    const res = await api('/api/clean', { photo: { name: photo.name, data: photo.data } });
    const name = (/filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '') || [])[1] || 'photo.clean.jpg';
    save(await res.blob(), name);
  } catch (e) {
    showError(e.message);
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- wiring ---------------------------------------------------------------------------------
document.addEventListener('DOMContentLoaded', () => {
  loadInfo();
  $('check').addEventListener('click', () => check());
  $('post').addEventListener('input', () => schedule(700));
  $('photo-files').addEventListener('change', (ev) => { addPhotos([...ev.target.files]); ev.target.value = ''; });
  $('draft-file').addEventListener('change', (ev) => { openDraft(ev.target.files[0]); ev.target.value = ''; });
  $('download-fixed').addEventListener('click', () => {
    if (state.answer && state.answer.fixedText) save(new Blob([state.answer.fixedText], { type: 'text/markdown' }), 'post.fixed.md');
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    const files = [...ev.dataTransfer.files];
    const drafts = files.filter((f) => /\.(md|markdown|txt|docx)$/i.test(f.name));
    if (drafts[0]) openDraft(drafts[0]);
    addPhotos(files.filter((f) => !drafts.includes(f)));
  });
});
