/**
 * `smcheck serve`'s API, refusing what it must refuse: a wrong Host (DNS rebinding), a foreign
 * Origin, a missing or wrong token, a body over the limit, a non-JSON body. Each refused request
 * must check nothing (the service counts its checks). Then the happy path through the real engine.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, CSP, type RunningServer } from '../../src/serve/server.js';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures');
let srv: RunningServer;

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: srv.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const json = (body: unknown) => JSON.stringify(body);
const good = () => ({ host: `127.0.0.1:${srv.port}`, 'x-smcheck-token': srv.token, 'content-type': 'application/json', origin: srv.origin });
const violating = json({ text: 'Well done to Amelia Hughes! Doors open at 6pm.' });

beforeAll(async () => {
  srv = await startServer({ port: 0, config: path.join(FIXTURES, 'smcheck.yml'), cwd: FIXTURES, maxBody: 256 * 1024 });
});
afterAll(async () => {
  await srv?.close();
});

describe('smcheck serve: what it refuses (nothing is checked)', () => {
  const refused: [string, () => Parameters<typeof request>[0], number][] = [
    ['a Host that is not this server (DNS rebinding)', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), host: `evil.example:${srv.port}` }, body: violating }), 421],
    ['a Host on another port', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), host: `127.0.0.1:${srv.port + 1}` }, body: violating }), 421],
    ['a foreign Origin', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), origin: 'https://evil.example' }, body: violating }), 403],
    ['a cross-site fetch', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), 'sec-fetch-site': 'cross-site' }, body: violating }), 403],
    ['no token', () => ({ method: 'POST', path: '/api/check', headers: (({ 'x-smcheck-token': _, ...h }) => h)(good()), body: violating }), 401],
    ['a wrong token', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), 'x-smcheck-token': srv.token.slice(0, -1) + (srv.token.endsWith('A') ? 'B' : 'A') }, body: violating }), 401],
    ['a token of another length', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), 'x-smcheck-token': 'short' }, body: violating }), 401],
    ['a body over the limit', () => ({ method: 'POST', path: '/api/check', headers: good(), body: json({ text: 'x'.repeat(300 * 1024) }) }), 413],
    ['a form post (not JSON)', () => ({ method: 'POST', path: '/api/check', headers: { ...good(), 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hello' }), 415],
    ['broken JSON', () => ({ method: 'POST', path: '/api/check', headers: good(), body: '{"text": ' }), 400],
    ['the school info without a token', () => ({ path: '/api/info', headers: { host: `127.0.0.1:${srv.port}` } }), 401],
    ['the page itself on a foreign Host', () => ({ path: '/', headers: { host: 'attacker.example' } }), 421],
  ];
  for (const [what, req, status] of refused) {
    it(`refuses ${what} (${status})`, async () => {
      const before = srv.service.checks;
      const r = await request(req());
      expect(r.status).toBe(status);
      expect(JSON.parse(r.body.toString()).error).toMatch(/\w/);
      expect(srv.service.checks).toBe(before);
    });
  }

  it('listens on 127.0.0.1 only', async () => {
    expect(srv.url.startsWith(`http://127.0.0.1:${srv.port}/#token=`)).toBe(true);
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) return; // no other interface on this machine: nothing more to show
    const r = await new Promise<string>((resolve) => {
      const req = http.get({ host: other.address, port: srv.port, path: '/' }, () => resolve('answered'));
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      req.setTimeout(2000, () => { req.destroy(); resolve('timeout'); });
    });
    expect(r).not.toBe('answered');
  });
});

describe('smcheck serve: the page and the API', () => {
  it('serves the page with a strict Content-Security-Policy and no inline script', async () => {
    const r = await request({ path: '/', headers: { host: `localhost:${srv.port}` } });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).not.toContain('unsafe-inline');
    const html = r.body.toString();
    expect(html).toMatch(/<script src="\/app\.js" defer><\/script>/);
    expect(html.match(/<script[^>]*>[^<]+<\/script>/)).toBeNull(); // no inline script
  });

  it('says which school lists are in use', async () => {
    const r = await request({ path: '/api/info', headers: good() });
    expect(r.status).toBe(200);
    const info = JSON.parse(r.body.toString());
    expect(info).toMatchObject({ school: 'South End Junior School (sample)', pupils: 30, staff: 4, noPublish: 2 });
    expect(info.rules).toContain('no-publish');
  });

  it('checks a post through the real engine, with the fixed text', async () => {
    const before = srv.service.checks;
    const r = await request({ method: 'POST', path: '/api/check', headers: good(), body: violating });
    expect(r.status).toBe(200);
    const a = JSON.parse(r.body.toString());
    expect(srv.service.checks).toBe(before + 1);
    expect(a.report.results[0].status).toBe('fail');
    expect(a.report.results[0].findings.map((f: { rule: string }) => f.rule).sort()).toEqual(['exact-time', 'pupil-surname']);
    expect(a.fixedText).toBe('Well done to Amelia! Doors open in the evening.');
  });

  it('checks a photo: its GPS position, a thumbnail without metadata, and a clean copy', async () => {
    const gps = readFileSync(path.join(ROOT, 'test/blind/posts/photos/gps.jpg'));
    const r = await request({ method: 'POST', path: '/api/check', headers: good(), body: json({ text: 'Our trip.', photos: [{ name: 'trip.jpg', data: gps.toString('base64') }] }) });
    const a = JSON.parse(r.body.toString());
    const f = a.report.results[0].findings.find((x: { rule: string }) => x.rule === 'image-location');
    expect(f?.file).toBe('trip.jpg');
    expect(a.photos[0].name).toBe('trip.jpg');
    expect(a.photos[0].thumb).toMatch(/^data:image\/jpeg;base64,/);
    const exifr = (await import('exifr')).default;
    const thumb = Buffer.from(a.photos[0].thumb.split(',')[1], 'base64');
    expect(await exifr.gps(thumb).catch(() => undefined)).toBeUndefined();

    const c = await request({ method: 'POST', path: '/api/clean', headers: good(), body: json({ photo: { name: 'trip.jpg', data: gps.toString('base64') } }) });
    expect(c.status).toBe(200);
    expect(c.headers['content-type']).toBe('image/jpeg');
    expect(c.headers['content-disposition']).toContain('trip.clean.jpg');
    expect(await exifr.gps(c.body).catch(() => undefined)).toBeUndefined();
    expect(await exifr.parse(c.body).catch(() => undefined)).toBeUndefined();
  });

  it('turns a Word document into text for the editor', async () => {
    const docx = readFileSync(path.join(ROOT, 'test/fixtures/docx/sports-day.docx'));
    const r = await request({ method: 'POST', path: '/api/docx', headers: good(), body: json({ file: { name: 'sports-day.docx', data: docx.toString('base64') } }) });
    expect(r.status).toBe(200);
    const { text } = JSON.parse(r.body.toString());
    expect(text).toContain('Well done to Amelia Hughes for winning the sprint.');
    const bad = await request({ method: 'POST', path: '/api/docx', headers: good(), body: json({ file: { name: 'x.docx', data: Buffer.from('not a zip').toString('base64') } }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error).toMatch(/Word document/);
  });

  it('keeps a hostile file name inside its own folder', async () => {
    const gps = readFileSync(path.join(ROOT, 'test/blind/posts/photos/clean.jpg'));
    const r = await request({ method: 'POST', path: '/api/check', headers: good(), body: json({ text: 'Hi.', photos: [{ name: '../../etc/<b>x\u001b[2J.jpg', data: gps.toString('base64') }] }) });
    expect(r.status).toBe(200);
    const a = JSON.parse(r.body.toString());
    expect(a.photos[0].name).not.toMatch(/[\\/<>\u001b]/);
  });
});
