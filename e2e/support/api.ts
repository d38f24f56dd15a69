import { XSRF_COOKIE, XSRF_HEADER } from '@tropa/contracts';
import type { Page } from 'playwright-core';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/**
 * A call to the API from inside the page, with the browser's session cookie and
 * XSRF token: for setting up what a test is not about (fixtures), never for what
 * it checks.
 */
export async function api<T = unknown>(page: Page, method: string, url: string, body?: object): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ({ method, url, body, cookie, header }) => {
      const token = new RegExp(`(?:^|; )${cookie}=([^;]*)`).exec(document.cookie)?.[1] ?? '';
      const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', [header]: decodeURIComponent(token) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body, cookie: XSRF_COOKIE, header: XSRF_HEADER },
  ) as Promise<ApiAnswer<T>>;
}

/** Uploads a file as the `file` field of a multipart form, with optional extra fields; answers the status. */
export async function uploadFile(page: Page, url: string, fileName: string, content: string, type: string, fields: Record<string, string> = {}): Promise<number> {
  return page.evaluate(
    async ({ url, fileName, content, type, fields, cookie, header }) => {
      const token = new RegExp(`(?:^|; )${cookie}=([^;]*)`).exec(document.cookie)?.[1] ?? '';
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([content], { type }), fileName);
      const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { [header]: decodeURIComponent(token) }, body: form });
      return response.status;
    },
    { url, fileName, content, type, fields, cookie: XSRF_COOKIE, header: XSRF_HEADER },
  );
}

/** Uploads a transcript with the given decisions (multipart, as the upload wizard sends it). */
export function uploadTranscript(page: Page, projectId: string, sessionId: string, fileName: string, content: string, plan: object): Promise<number> {
  return uploadFile(page, `/api/projects/${projectId}/sessions/${sessionId}/transcript`, fileName, content, 'text/vtt', { plan: JSON.stringify(plan) });
}
