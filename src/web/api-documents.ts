// /api/documents: upload a notice (multipart, one file per request so each shows its own progress),
// follow it, list the stored documents, read one back as its extract JSON, and its source text.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { INPUT_EXTENSIONS } from '../main-job.js';
import { failureLine, MESSAGES, ReadFailure } from '../messages.js';
import type { Catalog } from './catalog.js';
import { errorBody, notFound, WebError } from './http-errors.js';
import { sourceView, type SourceReader } from './source.js';
import type { UploadQueue } from './uploads.js';
import { quickRefusal } from './uploads.js';

export interface DocumentRoutesOptions {
  uploads: UploadQueue;
  catalog: Catalog;
  maxUploadBytes: number;
  source: SourceReader;
}

export function documentRoutes(app: FastifyInstance, opts: DocumentRoutesOptions): void {
  const { uploads, catalog } = opts;

  app.post('/api/documents', async (req, reply) => {
    if (!req.isMultipart()) throw new WebError(400, 'E_WEB_NO_FILE');
    let part;
    try {
      part = await req.file({ limits: { fileSize: opts.maxUploadBytes, files: 1 } });
    } catch (e) {
      throw tooLarge(e, opts.maxUploadBytes) ?? e;
    }
    if (!part) throw new WebError(400, 'E_WEB_NO_FILE');
    const name = part.filename || 'upload';
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (e) {
      throw tooLarge(e, opts.maxUploadBytes, name) ?? e;
    }
    const ext = path.extname(name).toLowerCase();
    if (!INPUT_EXTENSIONS.has(ext)) {
      throw new WebError(415, 'E_UNSUPPORTED', failureLine(name, new ReadFailure('E_UNSUPPORTED')).line);
    }
    const refused = quickRefusal(name, bytes);
    if (refused) throw new WebError(422, refused, failureLine(name, new ReadFailure(refused)).line);
    const state = await uploads.add(name, bytes);
    const wait = (req.query as { wait?: string }).wait;
    if (wait === '1' || wait === 'true') {
      const end = await uploads.settled(state.id);
      if (end?.status === 'failed') return reply.code(422).send({ ...end, ...errorBody('E_INTERNAL', undefined, end.message), code: end.code });
      return reply.code(201).send(end);
    }
    return reply.code(202).send(state);
  });

  app.get('/api/uploads/:id', async (req) => {
    const { id } = req.params as { id: string };
    const state = uploads.state(id);
    if (!state) throw notFound(id);
    return state;
  });

  app.get('/api/documents', async () => {
    const view = await catalog.current();
    return { documents: view.docs };
  });

  app.get('/api/documents/:id', async (req) => {
    const { id } = req.params as { id: string };
    const result = await catalog.result(id);
    if (!result) throw notFound(id);
    return result;
  });

  /** Where an upload is: its state while it runs, then the stored document's own state. */
  app.get('/api/documents/:id/status', async (req) => {
    const { id } = req.params as { id: string };
    const state = uploads.state(id);
    if (state) return state;
    const view = await catalog.current();
    const doc = view.docs.find((d) => d.id === id || d.sha256 === id);
    if (!doc) throw notFound(id);
    return { id: doc.sha256, file: doc.file, status: 'done', label: '已存入', docId: doc.id, title: doc.title, pages: doc.pages, tasks: doc.tasks };
  });

  app.get('/api/documents/:id/source', async (req) => {
    const { id } = req.params as { id: string };
    const { task } = req.query as { task?: string };
    const result = await catalog.result(id);
    if (!result) throw notFound(id);
    const t = task ? result.tasks.find((x) => x.id === task) : undefined;
    if (task && !t) throw notFound(task);
    return sourceView(opts.source, result, t);
  });
}

function tooLarge(e: unknown, limit: number, name?: string): WebError | null {
  const err = e as { code?: string; statusCode?: number };
  if (err?.code !== 'FST_REQ_FILE_TOO_LARGE' && err?.code !== 'FST_FILES_LIMIT' && err?.statusCode !== 413) return null;
  const mb = Math.round(limit / 1024 / 1024);
  return new WebError(413, 'E_WEB_UPLOAD_TOO_LARGE', `${name ?? '上传的文件'}: ${MESSAGES.E_WEB_UPLOAD_TOO_LARGE}（上限 ${mb} MB） [E_WEB_UPLOAD_TOO_LARGE]`);
}
