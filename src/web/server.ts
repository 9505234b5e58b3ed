// The staff web app: one fastify instance serving the pages (web/ and the browser modules tsc builds
// from src/web/client into dist/) and the JSON API under /api that the pages and other office
// systems call. A factory, so tests drive it with app.inject and `taizhang serve` with listen.
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ReadFailure, type MessageCode } from '../messages.js';

/** The store's own failures: the server's trouble (503), not the uploaded file's (422). */
const STORE_FAILURES: ReadonlySet<MessageCode> = new Set<MessageCode>([
  'E_STORE_OPEN', 'E_STORE_TOO_NEW', 'E_STORE_MISSING', 'E_STORE_CORRUPT', 'E_STORE_READONLY',
  'E_STORE_FULL', 'E_STORE_BUSY', 'E_PG_CONNECT', 'E_DISK_FULL',
]);
import type { ExtractOutcome } from '../pipeline.js';
import type { OcrCache } from '../read/ocr-pages.js';
import { storeOcrCache, type TaskStore } from '../store/store.js';
import { compareRoutes } from './api-compare.js';
import { documentRoutes } from './api-documents.js';
import { taskRoutes } from './api-tasks.js';
import { AccountBook, CSRF_HEADER, SESSION_COOKIE, SESSION_HOURS, SessionBook, sameToken, type Session } from './auth.js';
import { Catalog } from './catalog.js';
import { errorBody, WebError } from './http-errors.js';
import { cachedSourceReader, type SourceReader } from './source.js';
import { UploadQueue, type Extractor } from './uploads.js';

/** A notice is a few MB; 50 MB leaves room for scans and refuses what no notice is. */
export const DEFAULT_MAX_UPLOAD_MB = 50;

export interface ServerOptions {
  store: TaskStore;
  /** where uploaded files are kept (their text is read again for the 来源 view) */
  uploadDir: string;
  /** office accounts: with them every /api call but the login needs a session; null: a local server without login */
  accounts?: AccountBook | null;
  maxUploadBytes?: number;
  extract?: Extractor;
  source?: SourceReader;
  logger?: boolean;
}

/** The package folder: web/ beside it holds the pages, dist/src/web/client the browser modules. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Built, extraction runs in the batch's worker threads (a time and heap budget per file, and the
 * server keeps answering while pdf.js parses); run from the TypeScript sources (tests), the worker
 * file does not exist beside this one, so it runs in this thread.
 */
async function defaultExtractor(cache: OcrCache | undefined): Promise<Extractor> {
  const ocr = { mode: 'auto' as const, ...(cache ? { cache } : {}) };
  if (import.meta.url.endsWith('.js')) {
    const { extractMany } = await import('../batch.js');
    return async (file) => (await extractMany([file], { workers: 1, ocr }))[0] as ExtractOutcome;
  }
  const { extractFile } = await import('../pipeline.js');
  return (file) => extractFile(file, { ocr });
}


const CHANGES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Routes open without a session: what the login page itself needs. */
const OPEN_ROUTES = new Set(['/api/session', '/api/login']);

declare module 'fastify' {
  interface FastifyRequest {
    account?: Session | null;
  }
}

/**
 * A request Node's HTTP parser refuses before any route sees it (most often a URL carrying Chinese
 * that the calling program did not percent-encode, or a broken request line) gets the same
 * `{code, message}` body as every other refusal, in Chinese, instead of fastify's English default.
 */
function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // a connection reset leaves nobody to answer
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify(errorBody('E_WEB_BAD_REQUEST'));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const maxUploadBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false, clientErrorHandler });
  const accounts = opts.accounts ?? null;
  const sessions = new SessionBook();
  // without accounts the server still asks every change for a token only its own pages can read,
  // so another site open in the same browser cannot post to a server on 127.0.0.1
  const localCsrf = (await import('node:crypto')).randomBytes(24).toString('base64url');

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10, parts: 12 } });

  const root = packageRoot();
  await app.register(fastifyStatic, { root: path.join(root, 'web'), prefix: '/', index: ['index.html'], dotfiles: 'deny', decorateReply: false });
  await app.register(fastifyStatic, { root: path.join(root, 'dist', 'src', 'web', 'client'), prefix: '/js/', dotfiles: 'deny', decorateReply: false });

  app.addHook('onSend', async (_req, reply, payload) => {
    // the pages build every element from text, never from HTML: nothing else may run on them
    reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (_req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('preHandler', async (req) => {
    // decided on the route matched, never on the raw URL: the router decodes "/%61pi/tasks" to /api/tasks
    const route = req.routeOptions.url ?? '';
    if (!route.startsWith('/api/')) return;
    const session = accounts ? sessions.get(req.cookies[SESSION_COOKIE]) : null;
    req.account = session;
    if (accounts && !session && !OPEN_ROUTES.has(route)) throw new WebError(401, 'E_WEB_LOGIN_REQUIRED');
    if (CHANGES.has(req.method) && route !== '/api/login') {
      const want = accounts ? session?.csrf : localCsrf;
      if (!want || !sameToken(req.headers[CSRF_HEADER] as string | undefined, want)) throw new WebError(403, 'E_WEB_CSRF');
    }
  });

  app.setErrorHandler((err: unknown, _req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof WebError) return reply.code(err.status).send(errorBody(err.code, undefined, err.line));
    if (err instanceof ReadFailure) {
      const status = STORE_FAILURES.has(err.code) ? 503 : 422;
      return reply.code(status).send(errorBody(err.code, err.detail));
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 413) return reply.code(413).send(errorBody('E_WEB_UPLOAD_TOO_LARGE'));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send(errorBody(e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code?.startsWith('FST_ERR_CTP') ? 'E_WEB_BAD_UPDATE' : 'E_WEB_BAD_QUERY'));
    }
    app.log.error(err);
    return reply.code(500).send(errorBody('E_INTERNAL'));
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send(errorBody('E_WEB_NOT_FOUND', req.url.split('?')[0]));
    return reply.code(404).type('text/plain; charset=utf-8').send(`找不到这个页面：请从首页 / 进入 [E_WEB_NOT_FOUND]`);
  });

  // sessions
  app.get('/api/session', async (req) => {
    const s = req.account;
    if (!accounts) return { auth: false, user: null, admin: true, csrf: localCsrf, maxUploadBytes };
    return s ? { auth: true, user: s.name, admin: s.admin, csrf: s.csrf, maxUploadBytes } : { auth: true, user: null, admin: false, csrf: null, maxUploadBytes };
  });

  app.post('/api/login', async (req, reply) => {
    if (!accounts) return { auth: false, user: null, admin: true, csrf: localCsrf, maxUploadBytes };
    const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (sessions.locked(name)) throw new WebError(429, 'E_WEB_LOCKED');
    const account = name && password ? accounts.verify(name, password) : null;
    if (!account) {
      sessions.failed(name);
      if (sessions.locked(name)) throw new WebError(429, 'E_WEB_LOCKED');
      throw new WebError(401, 'E_WEB_BAD_LOGIN');
    }
    sessions.succeeded(name);
    const { token, session } = sessions.open(account);
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_HOURS * 3600 });
    return { auth: true, user: session.name, admin: session.admin, csrf: session.csrf, maxUploadBytes };
  });

  app.post('/api/logout', async (req, reply) => {
    sessions.close(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { auth: accounts !== null, user: null };
  });

  app.get('/api/accounts', async (req) => {
    if (accounts && !req.account?.admin) throw new WebError(403, 'E_WEB_FORBIDDEN');
    return { accounts: accounts?.list() ?? [] };
  });

  app.post('/api/accounts', async (req, reply) => {
    if (!accounts) throw new WebError(400, 'E_WEB_NO_USERS');
    if (!req.account?.admin) throw new WebError(403, 'E_WEB_FORBIDDEN');
    const body = (req.body ?? {}) as { name?: unknown; password?: unknown; admin?: unknown };
    if (typeof body.name !== 'string' || typeof body.password !== 'string') throw new WebError(400, 'E_WEB_BAD_USER');
    accounts.add(body.name.trim(), body.password, { admin: body.admin === true });
    return reply.code(201).send({ name: body.name.trim(), admin: body.admin === true });
  });

  const catalog = new Catalog(opts.store);
  // a scan uploaded again is not read again, and the 来源 view, which reads an uploaded scan's file
  // again, gets the pages the upload read (the paragraphs the stored tasks point to), not minutes of OCR
  const ocrCache = storeOcrCache(opts.store);
  const uploads = new UploadQueue(opts.store, opts.uploadDir, opts.extract ?? (await defaultExtractor(ocrCache)));
  const { readDocumentFile } = await import('../pipeline.js');
  const source = opts.source ?? cachedSourceReader((f) => readDocumentFile(f, { ocr: { mode: 'auto', ...(ocrCache ? { cache: ocrCache } : {}) } }));
  documentRoutes(app, { uploads, catalog, maxUploadBytes, source });
  taskRoutes(app, { store: opts.store, catalog, who: (req) => req.account?.name ?? '网页' });
  compareRoutes(app, { catalog });

  app.addHook('onClose', async () => {
    await uploads.close();
  });
  return app;
}

