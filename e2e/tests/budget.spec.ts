import { brotliCompressSync, constants } from 'node:zlib';
import { test, expect } from './support/fixtures';

/**
 * Issue 8's budget for the first load of /users/login: at most 5 requests for the page
 * itself, no web fonts, nothing from another origin, and at most TARGET_BYTES in brotli.
 * The site does not meet that byte target yet (docs/performance.md says why); until it
 * does, CEILING_BYTES holds the line at today's measured size, so any growth fails.
 */
const TARGET_BYTES = 120 * 1024;
const CEILING_BYTES = 265 * 1024;
const MAX_REQUESTS = 5;

const brotli = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('first load of the login page: requests, origins and brotli bytes within budget', async ({ page, baseURL }) => {
  const requests: { url: string; type: string }[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  await page.goto('/users/login');
  // Usable: the app has taken over from the static first paint.
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('button', { name: 'Aanmelden' })).toBeVisible();

  const origin = new URL(baseURL as string).origin;
  const foreign = requests.filter((r) => new URL(r.url).origin !== origin);
  expect(foreign, 'requests to another origin').toEqual([]);
  expect(requests.filter((r) => r.type === 'font'), 'web fonts').toEqual([]);

  // The page's own files; /api calls are data, listed but not counted as page weight.
  const files = [...new Set(requests.filter((r) => !new URL(r.url).pathname.startsWith('/api/')).map((r) => r.url))];
  const api = requests.filter((r) => new URL(r.url).pathname.startsWith('/api/')).map((r) => new URL(r.url).pathname);

  const rows: { file: string; raw: number; br: number }[] = [];
  for (const url of files) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const body = await response.body();
    rows.push({ file: new URL(url).pathname, raw: body.length, br: brotli(body) });
  }
  const total = rows.reduce((sum, row) => sum + row.br, 0);
  const table = [
    `${'file'.padEnd(48)} ${'raw'.padStart(9)} ${'brotli'.padStart(9)}`,
    ...rows.map((r) => `${r.file.padEnd(48)} ${String(r.raw).padStart(9)} ${String(r.br).padStart(9)}`),
    `${'total'.padEnd(48)} ${String(rows.reduce((s, r) => s + r.raw, 0)).padStart(9)} ${String(total).padStart(9)}`,
    `api calls while starting (not page weight): ${api.join(', ')}`,
    `target ${TARGET_BYTES} B: ${total <= TARGET_BYTES ? 'met' : `over by ${total - TARGET_BYTES} B`}`,
  ].join('\n');
  console.log(table);
  test.info().annotations.push({ type: 'first load', description: table });

  expect(files.length, `requests for the page itself:\n${table}`).toBeLessThanOrEqual(MAX_REQUESTS);
  expect(total, `brotli bytes of the first load:\n${table}`).toBeLessThanOrEqual(CEILING_BYTES);
});
