/**
 * `smcheck serve`: a page on this computer for staff who never open a terminal. node:http only.
 *
 * Safe by construction:
 * - listens on 127.0.0.1 and nowhere else;
 * - every request must name this server in `Host` (127.0.0.1:PORT or localhost:PORT), so a page
 *   on another site cannot reach it through DNS rebinding;
 * - every API call must carry the per-run random token (from the page's URL fragment, sent as the
 *   `X-Smcheck-Token` header) and, when the browser sends one, this server's own `Origin`; a JSON
 *   body is required, so no plain form on another site can post to it;
 * - bodies are limited in size; uploads are checked in a private temporary folder that is removed;
 * - the page itself holds no data and runs no inline script: a strict Content-Security-Policy
 *   allows only this origin's own script, style and API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { UsageError, InputError } from '../errors.js';
import { packageRoot } from '../engine/rules.js';
import { CheckService, docxText, type UploadedFile } from './check-service.js';

export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  config?: string;
  cwd?: string;
  /** Largest request body accepted, in bytes (default 60 MB: a post and a handful of phone photos). */
  maxBody?: number;
}

export interface RunningServer {
  /** The address to open, token included (in the fragment, which browsers never send on). */
  url: string;
  origin: string;
  token: string;
  port: number;
  service: CheckService;
  close(): Promise<void>;
}

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const cwd = opts.cwd ?? process.cwd();
  const maxBody = opts.maxBody ?? 60 * 1024 * 1024;
  const token = randomBytes(24).toString('base64url');
  const service = new CheckService({ config: opts.config, cwd });
  await service.info(); // a broken config or rule file stops `serve` now, with its one line
  const assets = path.join(packageRoot(), 'assets', 'serve');
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : e instanceof UsageError || e instanceof InputError ? 400 : 500;
      const message = status === 500 ? 'smcheck could not finish this check (an internal error). Nothing was posted.' : (e as Error).message;
      if (status === 500 && process.env.SMCHECK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
      if (!res.headersSent) send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpError(421, 'this server only answers to its own address.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method === 'GET' && STATIC[url.pathname]) {
      const a = STATIC[url.pathname]!;
      send(res, 200, a.type, await readFile(path.join(assets, a.file)));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      send(res, 204, 'text/plain', '');
      return;
    }
    if (!url.pathname.startsWith('/api/')) throw new HttpError(404, 'not found.');

    // The API: same origin, this run's token, JSON.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) throw new HttpError(403, 'requests from other sites are refused.');
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'requests from other sites are refused.');
    if (!tokenMatches(req.headers['x-smcheck-token'], token)) throw new HttpError(401, 'this page needs the address smcheck printed when it started (with its #token). Open that address again.');

    if (req.method === 'GET' && url.pathname === '/api/info') {
      sendJson(res, await service.info());
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'use POST.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send JSON.');
    const body = await readJson(req, maxBody);
    switch (url.pathname) {
      case '/api/check': {
        const text = typeof body.text === 'string' ? body.text : '';
        const photos = files(body.photos);
        sendJson(res, await service.check({ text, name: typeof body.name === 'string' ? body.name : undefined, photos }));
        return;
      }
      case '/api/clean': {
        const [photo] = files([body.photo]);
        const clean = await service.clean(photo!);
        res.setHeader('Content-Disposition', `attachment; filename="${clean.name.replace(/[^\w.-]/g, '_')}"`);
        send(res, 200, clean.name.endsWith('.png') ? 'image/png' : clean.name.endsWith('.webp') ? 'image/webp' : 'image/jpeg', clean.data);
        return;
      }
      case '/api/docx': {
        const [doc] = files([body.file]);
        sendJson(res, { text: await docxText(doc!.data) });
        return;
      }
      default:
        throw new HttpError(404, 'not found.');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new UsageError(`port ${opts.port} is already in use. Try another with --port, or close the other smcheck.`) : e),
    );
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    service,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJson(req: http.IncomingMessage, max: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    req.resume();
    throw new HttpError(413, `that is too much to check at once (over ${Math.round(max / 1024 / 1024)} MB). Send fewer or smaller photos.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `that is too much to check at once (over ${Math.round(max / 1024 / 1024)} MB). Send fewer or smaller photos.`);
    chunks.push(chunk as Buffer);
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'the request was not valid JSON.');
}

/** `[{name, data: base64}]` from the page → files; anything else is a bad request. */
function files(v: unknown): UploadedFile[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new HttpError(400, 'photos must be a list.');
  return v.map((f) => {
    if (!f || typeof f !== 'object' || typeof (f as any).name !== 'string' || typeof (f as any).data !== 'string') throw new HttpError(400, 'each file needs a name and its data.');
    return { name: (f as any).name, data: Buffer.from((f as any).data, 'base64') };
  });
}
