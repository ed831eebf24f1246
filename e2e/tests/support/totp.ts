import { createHmac } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { recordSecret } from './fixtures';

/** RFC 4648 base32 (no padding), as authenticator apps read a typed key. */
export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 (SHA-1, 6 digits, 30 s) for time step `step`, as an authenticator app computes it. */
export function totpAt(key: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return binary.toString().padStart(6, '0');
}

/**
 * The reference backend's own time (tests may have moved its clock). `base`: where that
 * backend is, `''` for the suite's (a private one in the fault matrix's restart tests).
 */
export async function backendNow(page: Page, base = ''): Promise<number> {
  const response = await page.request.post(`${base}/dev/api/clock`, { data: { advance_seconds: 0 } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { now: number }).now;
}

/**
 * A code the backend accepts now: `back` steps before the current one (0: the current
 * code, 1: the previous one, which the backend still accepts for clock drift). Waits until
 * the current step has at least 8 s left, so the code cannot go stale on its way.
 */
export async function codeNow(page: Page, key: string, back = 0, base = ''): Promise<string> {
  let now = 0;
  await expect.poll(async () => ((now = await backendNow(page, base)) % 30) < 22, { timeout: 15_000 }).toBe(true);
  return totpAt(key, Math.floor(now / 30) - back);
}

/** The key the page shows (grouped by four for typing), without its spaces. */
export async function shownKey(page: Page): Promise<string> {
  const key = (await page.locator('.totp-key code').innerText()).replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  recordSecret('token', key, 'TOTP key shown');
  return key;
}

const CSRF = { 'x-topocloud-csrf': '1' };

/**
 * Turns two-step verification on for the account signed in on `page`'s context, through the
 * API as the account page does; answers the key and the recovery codes. The first code is
 * the previous step's, so the current one is still free for the sign-in that follows.
 */
export async function turnOnTwoStep(page: Page, base = ''): Promise<{ key: string; recovery: string[] }> {
  const setup = await page.request.post(`${base}/api/account/two-step/setup`, { headers: CSRF, data: {} });
  expect(setup.status()).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  recordSecret('token', secret, 'TOTP key from the API');
  const confirmed = await page.request.post(`${base}/api/account/two-step/confirm`, {
    headers: CSRF,
    data: { code: await codeNow(page, secret, 1, base) },
  });
  expect(confirmed.status()).toBe(200);
  const { codes } = (await confirmed.json()) as { codes: string[] };
  codes.forEach((code) => recordSecret('token', code, 'recovery code'));
  return { key: secret, recovery: codes };
}

/** Signs in through the API (password step only: the cookie lands in `page`'s context). */
export async function apiSignIn(page: Page, email: string, password: string, base = '') {
  const response = await page.request.post(`${base}/api/session`, { headers: CSRF, data: { email, password } });
  return response.status();
}
