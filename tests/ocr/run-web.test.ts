// The web app over scans (issue 13): an uploaded scan's pages go into the store's OCR cache, and the
// 来源 view, which reads the uploaded file again, takes them from there instead of reading the scan
// by OCR again on the server (and so numbers the paragraphs the stored tasks point to).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { multipart, testServer, type TestServer } from '../web/helpers.js';
import { drawPdfPage } from './render.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('a scan uploaded to the web app', () => {
  let s: TestServer;
  let png: Buffer;
  beforeAll(async () => {
    s = await testServer();
    png = (await drawPdfPage(path.join(ROOT, 'corpus', 'benxi-2020.pdf'), 2, 150)).toBuffer('image/png');
  }, 60_000);
  afterAll(async () => {
    await s.app.close();
    await s.store.close();
  });

  test('its page is read once by OCR and cached; the source view reads it from the cache', async () => {
    const put = vi.spyOn(s.store, 'putOcrPage');
    const get = vi.spyOn(s.store, 'getOcrPage');
    const { payload, headers } = multipart('本溪扫描件.png', png);
    const res = await s.app.inject({ method: 'POST', url: '/api/documents?wait=1', payload, headers: { ...headers, 'x-csrf-token': s.csrf } });
    expect(res.statusCode).toBe(201);
    const state = res.json();
    expect(state.status).toBe('done');
    // the upload read the page by OCR and kept it
    expect(put).toHaveBeenCalledTimes(1);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(await s.store.getOcrPage!(sha256, 1, 300)).toBeDefined();

    put.mockClear();
    get.mockClear();
    const source = await s.app.inject({ url: `/api/documents/${encodeURIComponent(state.docId)}/source` });
    expect(source.statusCode).toBe(200);
    expect(source.json().available).toBe(true);
    expect(source.json().blocks.length).toBeGreaterThan(3);
    // the page came from the cache: looked up, never read and written again
    expect(get).toHaveBeenCalledTimes(1);
    expect(put).not.toHaveBeenCalled();
  }, 180_000);
});
