// Shared by the web tests: a server over an in-memory store, multipart bodies, and notices
// written for the tests (never corpus answers).
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { ExtractResult } from '../../src/model.js';
import { openStore } from '../../src/store/index.js';
import type { TaskStore } from '../../src/store/store.js';
import { AccountBook } from '../../src/web/auth.js';
import { buildServer, type ServerOptions } from '../../src/web/server.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixtureResult(name: string): ExtractResult {
  return ExtractResult.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'results', `${name}.json`), 'utf8')));
}

export interface TestServer {
  app: FastifyInstance;
  store: TaskStore;
  csrf: string;
  cookie?: string;
}

export async function testServer(options: Partial<ServerOptions> & { accounts?: AccountBook | null } = {}): Promise<TestServer> {
  const store = options.store ?? openStore(':memory:');
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'tz-web-'));
  const app = await buildServer({ store, uploadDir, ...options });
  const session = await app.inject({ method: 'GET', url: '/api/session' });
  return { app, store, csrf: session.json().csrf ?? '' };
}

/** A multipart/form-data body with one file field. */
export function multipart(name: string, content: Buffer | string, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----taizhangtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A plan written for the tests: a 县 plan with lead units, deadlines and a recurring duty, in a
 * field the corpus does not have (rural roads and water), so no corpus answer can leak in.
 */
export function roadsPlan(extra = ''): string {
  return [
    '东山县人民政府办公室',
    '关于印发东山县2021年农村公路和饮水安全提升行动方案的通知',
    '东政办发〔2021〕12号',
    '各乡镇人民政府，县政府各部门：',
    '现将《东山县2021年农村公路和饮水安全提升行动方案》印发给你们，请认真贯彻执行。',
    '东山县2021年农村公路和饮水安全提升行动方案',
    '一、重点任务',
    '（一）农村公路提档升级。完成农村公路新改建120公里，2021年9月30日前全部完工。（牵头单位：县交通运输局；配合单位：县财政局、各乡镇）',
    '（二）饮水安全巩固。完成15处农村供水工程维修养护，6月底前完成。（牵头单位：县水利局；配合单位：县卫生健康局）',
    `（三）安全隐患排查。每月开展一次农村公路安全隐患排查。${extra}（牵头单位：县交通运输局）`,
    '二、保障措施',
    '（一）加强调度。县交通运输局每季度向县政府报告一次工作进展。',
    '东山县人民政府办公室',
    '2021年3月15日',
  ].join('\n');
}

/** The 任务内容 of every row of the main sheet, found by its header (the title rows above it vary). */
export function registerTexts(wb: ExcelJS.Workbook): string[] {
  const sheet = wb.getWorksheet('任务台账')!;
  let header = 0;
  let col = 0;
  const texts: string[] = [];
  sheet.eachRow((row, n) => {
    if (!header) {
      row.eachCell((cell, c) => {
        if (cell.value === '任务内容') [header, col] = [n, c];
      });
      return;
    }
    const v = row.getCell(col).value;
    if (v) texts.push(String(v));
  });
  return texts;
}

