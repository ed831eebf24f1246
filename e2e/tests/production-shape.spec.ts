import { test, expect } from './support/fixtures';
import { PrivateBackend } from './support/private-backend';

test('every route of the app is answered with the shell and the strict headers', async ({ request }) => {
  for (const path of ['/users/login', '/users/register', '/users/reset-password', '/help/kan-niet-inloggen', '/account', '/nope']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['content-type']).toContain('text/html');
    expect(headers['cache-control']).toBe('no-cache');
    const csp = headers['content-security-policy'];
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp, path).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(await response.text()).toContain('id="topocloud-config"');
  }
});

test('hashed assets are precompressed, immutable and correctly typed', async ({ request }) => {
  const html = await (await request.get('/users/login')).text();
  // The two apps (the login page's own, the whole site), listed for the first-paint script.
  const listed = html.match(/<script id="topocloud-apps" type="application\/json">(.*?)<\/script>/s)?.[1];
  expect(listed, 'the apps are listed').toBeTruthy();
  const apps = JSON.parse(listed as string) as Record<string, { src: string; integrity: string; wasm: string }>;
  expect(Object.keys(apps).sort()).toEqual(['login', 'site']);
  expect(apps.site.src).toMatch(/^\/app-[0-9a-f]{16}\.js$/);
  expect(apps.login.src).toMatch(/^\/login-[0-9a-f]{16}\.js$/);
  expect(html, 'no preload of a wasm').not.toMatch(/<link[^>]+\.wasm/);
  expect(html, 'no inline module loader').not.toMatch(/<script type="module">/);
  // The only inline scripts: the JSON configuration, the app list and the first paint,
  // allowed by its hash.
  const inline = [...html.matchAll(/<script([^>]*)>/g)].filter((m) => !m[1].includes('src='));
  expect(inline.map((m) => m[1].trim())).toEqual([
    'id="topocloud-config" type="application/json"',
    'id="topocloud-apps" type="application/json"',
    '',
  ]);
  const csp = (await request.get('/users/login')).headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='/);

  for (const [name, app] of Object.entries(apps)) {
    // Each app script asks for its own wasm (no preload competing with the first paint).
    const script = await (await request.get(app.src)).text();
    // Trunk's hash drops leading zeros: 15 digits in one build of sixteen.
    const wasm = script.match(/fetch\('(\/topocloud-(?:site|login)-[0-9a-f]{1,16}_bg\.wasm)'\)/)?.[1];
    expect(wasm, `the wasm is named by the ${name} app script`).toBe(app.wasm);
    const response = await request.get(wasm as string, { headers: { 'accept-encoding': 'br' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/wasm');
    expect(response.headers()['content-encoding']).toBe('br');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['content-security-policy']).toContain("default-src 'self'");

    const gz = await request.get(app.src, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers()['content-encoding']).toBe('gzip');
    expect(gz.headers()['content-type']).toContain('javascript');
    expect(gz.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  }
});

test('API answers pass through uncached', async ({ request }) => {
  const response = await request.get('/api/config');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
});

test('the site is used at a host name: a secure context, and the backend offers passkeys', async ({ page, request, baseURL }) => {
  // WebAuthn refuses IP addresses as relying party id: the suite runs at localhost and the
  // backend's --public-url with it (playwright.config.ts).
  const site = new URL(baseURL as string);
  expect(site.hostname).toBe('localhost');
  const config = await (await request.get('/api/config')).json();
  expect(config.passkeys, "/api/config at the suite's base").toBe(true);
  await page.goto('/users/login');
  await expect(page.getByLabel('E-mailadres')).toBeVisible();
  expect(await page.evaluate(() => window.isSecureContext), 'http://localhost is a secure context').toBe(true);
  expect(await page.evaluate(() => typeof window.PublicKeyCredential)).toBe('function');
  // localhost is either loopback family: Chromium tries ::1 first, Node takes 127.0.0.1.
  for (const host of ['127.0.0.1', '[::1]']) {
    expect((await request.get(`http://${host}:${site.port}/users/login`)).status(), host).toBe(200);
  }

  // The switch: the same backend with the site at an IP address turns passkeys off (a secure
  // context there too: what differs is the relying party id).
  const atAddress = PrivateBackend.create('passkeys-off', `http://127.0.0.1:${site.port}`);
  await atAddress.start();
  try {
    const off = await (await request.get(`${atAddress.url}/api/config`)).json();
    expect(off.passkeys, 'an IP address cannot be the relying party').toBe(false);
  } finally {
    await atAddress.stop();
  }
});

test.describe('framing', () => {
  // How Chromium says it refused a frame (for frame-ancestors, or X-Frame-Options).
  const REFUSED = /Refused to (display|frame)|frame-ancestors/;
  test.use({ expectedConsole: REFUSED });

  test('another page cannot frame the site (clickjacking)', async ({ page, baseURL }) => {
    // Chromium says on the console when it refuses the frame; a site that let itself be
    // framed would draw its form in it instead (the first paint's, then the app's). The
    // wait ends on either.
    let refused = false;
    page.on('console', (m) => {
      if (REFUSED.test(m.text())) refused = true;
    });
    await page.setContent(`<iframe src="${baseURL}/users/login" width="400" height="600"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame, 'the iframe exists').toBeTruthy();
    const countFields = () => frame!.locator('#fp-email, #email').count().catch(() => 0);
    await expect.poll(async () => refused || (await countFields()) > 0, 'refused, or drawn').toBe(true);
    const fields = await countFields();
    expect(fields, 'the login form must not render inside a foreign frame').toBe(0);
  });
});
