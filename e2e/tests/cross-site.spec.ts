/**
 * Another origin on this machine (an "attacker" page served by a tiny node server started
 * here) can neither sign a user in or out, nor submit any form (CSRF), nor frame the site
 * (clickjacking). The site is at localhost (playwright.config.ts); tried from two origins:
 * localhost on another port (same site, other origin: the session cookie goes along, so only
 * the backend's own checks stand in the way) and 127.0.0.1 (another site: a loopback address
 * is a site of its own, not localhost's). production-shape.spec.ts checks the headers and a
 * frame from about:blank; this adds real foreign origins and the effect on the backend.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { test, expect, createAccount, linkFromMail, mailTo, uniqueEmail, recordSecret } from './support/fixtures';
import { tokenOfLink } from './support/leaks';

const CSRF = { 'x-topocloud-csrf': '1' };
const MALLORY_PASSWORD = 'Mallory-neemt-het-over-2026';

let server: http.Server;
let port = 0;

test.beforeAll(async () => {
  // Serves /frame?src=… (iframes of the given URLs) and /harmless; everything else is blank.
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://attacker');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (url.pathname === '/harmless') return res.end('<!doctype html><p id="harmless">Gewoon een pagina</p>');
    if (url.pathname === '/frame') {
      const frames = url.searchParams.getAll('src').map((src, i) =>
        `<iframe name="f${i}" src="${src.replace(/"/g, '&quot;')}" width="400" height="500"></iframe>`);
      return res.end(`<!doctype html><title>Win a prize</title>${frames.join('')}`);
    }
    res.end('<!doctype html><title>Win a prize</title><h1>Win a prize</h1>');
  });
  // Both loopback families, so http://localhost works whichever Chromium picks.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const ORIGINS = {
  'another port of localhost (same site, other origin)': () => `http://localhost:${port}`,
  '127.0.0.1 (another site)': () => `http://127.0.0.1:${port}`,
};

type Attack = { path: string; body: Record<string, unknown> };

/** Every way a page elsewhere can send a write to the site, for every form's endpoint. */
async function attack(page: Page, site: string, attacks: Attack[]) {
  return page.evaluate(
    async ({ site, attacks }) => {
      const outcomes: string[] = [];
      const sinks: Promise<void>[] = [];
      for (const [i, { path, body }] of attacks.entries()) {
        // 1. A plain HTML form (text/plain, so the body still reads as JSON), into a hidden frame.
        const json = JSON.stringify({ ...body, pad: '' });
        const frame = document.createElement('iframe');
        frame.name = `sink${i}`;
        document.body.append(frame);
        sinks.push(new Promise((resolve) => frame.addEventListener('load', () => resolve(), { once: true })));
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = site + path;
        form.enctype = 'text/plain';
        form.target = frame.name;
        const input = document.createElement('input');
        input.name = json.slice(0, -2); // `{"…","pad":"` + "=" + `"}`
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        form.submit();
        // 2. fetch without CORS: sent, answer unreadable.
        await fetch(site + path, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) })
          .then(() => outcomes.push(`${path} no-cors: sent`))
          .catch(() => outcomes.push(`${path} no-cors: failed`));
        // 3. fetch with the contract's header: needs a CORS preflight the site never grants.
        await fetch(site + path, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-topocloud-csrf': '1' }, body: JSON.stringify(body) })
          .then((r) => outcomes.push(`${path} cors: READ ${r.status}`))
          .catch(() => outcomes.push(`${path} cors: blocked`));
        // 4. A beacon (POST, fire and forget).
        navigator.sendBeacon(site + path, JSON.stringify(body));
      }
      // Signing out: DELETE needs a preflight too; a form can only POST.
      await fetch(site + '/api/session', { method: 'DELETE', credentials: 'include', headers: { 'x-topocloud-csrf': '1' } })
        .then((r) => outcomes.push(`DELETE cors: READ ${r.status}`))
        .catch(() => outcomes.push('DELETE cors: blocked'));
      await fetch(site + '/api/session', { method: 'DELETE', mode: 'no-cors', credentials: 'include' }).catch(() => undefined);
      await Promise.race([Promise.all(sinks), new Promise((r) => setTimeout(r, 5000))]);
      return outcomes;
    },
    { site, attacks },
  );
}

test.describe('cross-site requests (CSRF)', () => {
  test.use({ expectedConsole: /CORS|Failed to load resource|Failed to fetch|net::ERR_FAILED/ });

  for (const [name, origin] of Object.entries(ORIGINS)) {
    test(`a page on ${name} cannot sign in, sign out or submit any form`, async ({ page, baseURL }) => {
      // A signed-in victim with a fresh reset link, an unconfirmed address with its
      // verification link, an open invitation, and Mallory's own account.
      const victim = await createAccount(page, 'victim');
      const signedIn = await page.request.post('/api/session', { headers: CSRF, data: { email: victim.email, password: victim.password, remember: false } });
      expect(signedIn.status()).toBe(200);
      await page.request.post('/api/password-resets', { headers: CSRF, data: { email: victim.email, locale: 'nl' } });
      const resetToken = tokenOfLink(await linkFromMail(page, victim.email, '/users/reset-password')) as string;
      const unconfirmed = uniqueEmail('unconfirmed');
      await page.request.post('/api/registrations', {
        headers: CSRF, data: { name: 'Nog Niet', email: unconfirmed, password: 'Nog-niet-bevestigd-2026', organisation: 'BV', accept_terms: true, locale: 'nl' },
      });
      recordSecret('password', 'Nog-niet-bevestigd-2026');
      const verifyToken = tokenOfLink(await linkFromMail(page, unconfirmed, '/users/verify-email')) as string;
      const invited = uniqueEmail('invited');
      await page.request.post('/dev/api/invitations', {
        data: { email: invited, organisation: 'Bureau', account_type: 'main', name: '', inviter: 'Anna', locale: 'nl' },
      });
      const invitationToken = tokenOfLink(await linkFromMail(page, invited, '/users/invitation')) as string;
      const mallory = await createAccount(page, 'mallory');
      const newcomer = uniqueEmail('csrf-register');
      recordSecret('password', MALLORY_PASSWORD);
      const mailBefore = {
        victim: (await mailTo(page, victim.email)).length,
        unconfirmed: (await mailTo(page, unconfirmed)).length,
      };

      const writes: { url: string; status: number }[] = [];
      const isWrite = (r: Request) => r.method() !== 'GET' && r.url().startsWith(`${baseURL}/api/`);
      page.on('response', (r) => {
        if (isWrite(r.request())) writes.push({ url: r.url(), status: r.status() });
      });
      // The writes still on their way: the page waits for no beacon's answer. (A fetch the
      // browser refused, for want of CORS, fails without being sent.)
      const unanswered = new Set<Request>();
      page.on('request', (r) => {
        if (isWrite(r)) unanswered.add(r);
      });
      page.on('requestfinished', (r) => unanswered.delete(r));
      page.on('requestfailed', (r) => unanswered.delete(r));
      await page.goto(`${origin()}/`);
      await expect(page.getByRole('heading', { name: 'Win a prize' })).toBeVisible();
      const outcomes = await attack(page, baseURL as string, [
        { path: '/api/session', body: { email: mallory.email, password: mallory.password, remember: true } },
        { path: '/api/registrations', body: { name: 'Mallory', email: newcomer, password: MALLORY_PASSWORD, organisation: 'Evil BV', accept_terms: true, locale: 'nl' } },
        { path: '/api/email-verifications/resend', body: { email: unconfirmed, locale: 'nl' } },
        { path: '/api/email-verifications', body: { token: verifyToken } },
        { path: '/api/invitations/accept', body: { token: invitationToken, name: 'Mallory', password: MALLORY_PASSWORD } },
        { path: '/api/password-resets', body: { email: victim.email, locale: 'nl' } },
        { path: '/api/password-resets/complete', body: { token: resetToken, password: MALLORY_PASSWORD } },
      ]);

      // Whatever the browser let through was refused, and nothing could be read.
      expect(outcomes.filter((o) => o.includes('READ')), 'no answer readable by the other origin').toEqual([]);
      expect(writes.length, 'the simple requests (forms, no-cors, beacons) did reach the site').toBeGreaterThanOrEqual(14);
      expect(writes.filter((w) => w.status !== 403), 'every write from elsewhere is refused (csrf_rejected)').toEqual([]);

      // And nothing happened: still signed in as the victim, not as Mallory, not signed out.
      const session = await page.request.get('/api/session');
      expect(session.status()).toBe(200);
      expect((await session.json()).email).toBe(victim.email);
      // No account made, no email sent. Mail goes out from a queue, but a request queues its
      // email before it is answered, and the dev mailbox runs everything queued before it
      // reads the outbox (backend/src/mail/queue.rs, dev/mailbox.rs): once every write has
      // been answered, any email one of them caused is in the mailbox.
      await expect.poll(() => unanswered.size, 'every write from elsewhere was answered').toBe(0);
      expect(await mailTo(page, newcomer)).toEqual([]);
      expect((await mailTo(page, victim.email)).length).toBe(mailBefore.victim);
      expect((await mailTo(page, unconfirmed)).length).toBe(mailBefore.unconfirmed);
      // Every one-time link still unused, the victim's password unchanged.
      const lookup = async (path: string, token: string) =>
        (await page.request.post(path, { headers: CSRF, data: { token } })).status();
      expect(await lookup('/api/invitations/lookup', invitationToken)).toBe(200);
      expect(await lookup('/api/password-resets/lookup', resetToken)).toBe(200);
      expect(await lookup('/api/email-verifications', verifyToken), 'the verification link was not used before').toBe(200);
      const victimAgain = await page.request.post('/api/session', { headers: CSRF, data: { email: victim.email, password: victim.password, remember: false } });
      expect(victimAgain.status()).toBe(200);
    });
  }
});

test.describe('framing (clickjacking)', () => {
  const REFUSED = /^Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'none'"\. The request has been blocked\./;
  test.use({ expectedConsole: REFUSED });
  const SCREENS = ['/users/login', '/users/register', '/users/verify-email', '/users/invitation', '/users/forgot-password', '/users/reset-password', '/account', '/help'];

  for (const [name, origin] of Object.entries(ORIGINS)) {
    test(`a page on ${name} cannot frame any screen of the site`, async ({ page, baseURL }) => {
      const sources = [...SCREENS.map((s) => `${baseURL}${s}`), `${origin()}/harmless`];
      const refusals: string[] = [];
      page.on('console', (m) => {
        if (REFUSED.test(m.text())) refusals.push(m.text());
      });
      const answered: string[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'document' && r.url().startsWith(baseURL as string)) answered.push(r.url());
      });
      await page.goto(`${origin()}/frame?${sources.map((s) => `src=${encodeURIComponent(s)}`).join('&')}`);
      // The site did answer every frame (with its headers); the browser refused to show it.
      await expect.poll(() => answered.length, 'every screen was requested').toBe(SCREENS.length);
      await expect(page.frameLocator(`iframe[name=f${SCREENS.length}]`).locator('#harmless')).toBeVisible();
      await page.waitForLoadState('load');
      // Chromium says why, on the console (once or twice per frame).
      await expect.poll(() => refusals.length, 'frame-ancestors refused every screen').toBeGreaterThanOrEqual(SCREENS.length);
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      expect(frames).toHaveLength(sources.length);
      for (const [i, frame] of frames.entries()) {
        const text = await frame.locator('body').innerText().catch(() => '');
        if (i === SCREENS.length) {
          // The control: the same method sees a frame that is allowed to render.
          expect(text).toContain('Gewoon een pagina');
        } else {
          // Chromium replaces a refused frame with its own error page.
          expect(frame.url(), SCREENS[i]).toBe('chrome-error://chromewebdata/');
          expect(text, `${SCREENS[i]} rendered inside a foreign frame`).not.toMatch(/TopoCloud|Aanmelden|E-mailadres/);
          expect(await frame.locator('input, button, a').count(), SCREENS[i]).toBe(0);
        }
      }
    });
  }
});
