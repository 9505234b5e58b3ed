// The pages' calls to /api: JSON in and out, the CSRF token on every change, and a refusal turned
// into an error carrying the server's one Chinese line.
let csrf = '';
/** the server's upload limit, so a file past it is refused before minutes of sending */
let maxUpload = 50 * 1024 * 1024;

export function setSession(token: string | null, maxUploadBytes?: number): void {
  csrf = token ?? '';
  if (maxUploadBytes) maxUpload = maxUploadBytes;
}

export function uploadLimit(): number {
  return maxUpload;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function refusal(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: string; message?: string };
    return new ApiError(body.message ?? `请求失败（${res.status}）`, body.code ?? 'E_INTERNAL', res.status);
  } catch {
    return new ApiError(`请求失败（${res.status}）：请刷新页面后重试`, 'E_INTERNAL', res.status);
  }
}

export async function api<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), credentials: 'same-origin' });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Sends one file; reports the bytes sent; resolves with the server's answer (202 with the upload's state). */
export function uploadFile<T>(file: File, onProgress: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.total });
    xhr.onload = () => {
      let body: { code?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // an answer that is not JSON is said as its status below
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(body.message ?? `${file.name}: 上传失败（${xhr.status}）：请稍后重试`, body.code ?? 'E_INTERNAL', xhr.status));
    };
    xhr.onerror = () => reject(new ApiError(`${file.name}: 上传中断：请检查网络后重试`, 'E_INTERNAL', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A query string of the fields that have a value. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v === true ? 1 : v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
