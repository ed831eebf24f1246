import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { RunCommand, cleanUp, fingerprint, killNaming, listening, processesNaming, repo } from './run-command';

// Written for issue 14: on the old scripts (7ac327e) the banner appeared and then
// /users/login answered 404 (Trunk's autoreload script failed the post-build CSP check, and
// the database inside the watched folder restarted builds).
//
// Ports of their own, so a developer's running copy (8080/3000) and the main e2e suite
// (3100/3101) are untouched; RUN_TEST_PORT moves them.
const sitePort = Number(process.env.RUN_TEST_PORT ?? 3400);
const backendPort = sitePort + 1;
const dir = process.env.RUN_TEST_DIR ?? path.join(repo, `.run/run-command-${sitePort}`);
const database = path.join(dir, 'dev.sqlite');
const dist = path.join(dir, 'site');
// run.sh's own folder for this port (its Trunk config and logs).
const runFolder = path.join(repo, `.run/dev-${sitePort}`);
const developersDatabase = path.join(repo, '.run/dev.sqlite');
const env = {
  RUN_SITE_PORT: String(sitePort),
  RUN_BACKEND_PORT: String(backendPort),
  RUN_DATABASE: database,
  RUN_DIST: dist,
};
// A cold first build of the site (debug, wasm) on two busy cores.
const FIRST_BUILD_MS = 12 * 60_000;
const BANNER = /TopoCloud sign-in is running at (http:\/\/\S+)/;
const BUILDS = /starting build/g;
// With or without Trunk's emoji, which depends on LANG (see scripts/run.sh).
const SUCCESSES = / INFO +(\S+ +)?success$/gm;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  // Left over by an earlier run of this test that was itself killed.
  killNaming([dir, runFolder]);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  // An earlier build in the build folder: it must never be what is served.
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>stale</title><p>an earlier build</p>');
});

/** Ctrl-C ends the command, and nothing it started is left running or listening. */
async function stopAndCheckGone(run: RunCommand) {
  expect(await run.interrupt()).toBe(0);
  expect(run.output).toContain('stopped');
  expect(processesNaming([dir, runFolder])).toEqual([]);
  expect(await listening(sitePort)).toBe(false);
  expect(await listening(backendPort)).toBe(false);
}

async function signIn(page: Page, site: string, email: string, password: string) {
  const answer = await page.goto(`${site}/users/login`);
  expect(answer?.status()).toBe(200);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(`${site}/account`);
  await expect(page.getByText(email)).toBeVisible();
}

test('the run command serves the site, signs in the printed demo account, rebuilds once per edit, and stops on Ctrl-C', async ({ page }) => {
  const developersData = fingerprint(developersDatabase);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  // LANG unset, as on CI: Trunk then says "INFO success" without its emoji, and the command
  // once waited for the emoji forever. The second test runs with this machine's LANG.
  const run = new RunCommand({ ...env, LANG: '' });
  try {
    const site = (await run.waitFor(BANNER, FIRST_BUILD_MS))[1];
    // localhost, not 127.0.0.1: passkeys need a host name (scripts/run.sh).
    expect(site).toBe(`http://localhost:${sitePort}`);
    expect(run.output).not.toContain('✅');
    const [, email, password] = await run.waitFor(/demo account (\S+@\S+) \/ (\S+)/, 5_000);
    const mailbox = (await run.waitFor(/mailbox:\s+(http:\/\/\S+)/, 5_000))[1];
    expect(mailbox).toBe(`${site}/dev/mail`);
    expect(run.count(BUILDS)).toBe(1);
    // At a host name the backend offers passkeys; localhost answers on either loopback family.
    expect((await (await page.request.get(`${site}/api/config`)).json()).passkeys).toBe(true);
    for (const host of ['127.0.0.1', '[::1]']) {
      expect((await page.request.get(`http://${host}:${sitePort}/users/login`)).status(), host).toBe(200);
    }

    // The app's page, with Trunk's autoreload in it, not the earlier build nor a 404.
    await signIn(page, site, email, password);
    const served = await (await page.request.get(`${site}/users/login`)).text();
    expect(served).not.toContain('an earlier build');
    expect(served).toContain('.well-known/trunk/ws');

    const mail = await page.goto(mailbox);
    expect(mail?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
    // The demo data's pending invitation of an organisation's main account.
    await expect(page.locator('article.mail[data-kind="invitation"]').first()).toBeVisible();

    // An edit under style/ (the same bytes written again) rebuilds once and reloads the open
    // page. The sign-in above wrote to the database: had that started a build, it would be
    // counted here too.
    await page.goto(`${site}/account`);
    await expect(page.getByText(email)).toBeVisible();
    await page.evaluate(() => ((window as unknown as { beforeEdit: boolean }).beforeEdit = true));
    expect(run.count(BUILDS)).toBe(1);
    const css = path.join(repo, 'style/main.css');
    fs.writeFileSync(css, fs.readFileSync(css));
    await run.waitUntil(
      () => run.count(BUILDS) >= 2 && run.count(SUCCESSES) >= 2,
      'a second build and its success',
      5 * 60_000,
    );
    await expect
      .poll(
        () =>
          page
            .evaluate(() => (window as unknown as { beforeEdit?: boolean }).beforeEdit ?? false)
            // Asked while the reload is under way: ask again.
            .catch(() => true),
        { timeout: 60_000 },
      )
      .toBe(false);
    await expect(page.getByText(email)).toBeVisible();

    // Signing out writes to the database again; still the two builds, both successful.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page).toHaveURL(`${site}/users/login`);
    expect(run.count(BUILDS)).toBe(2);
    expect(run.count(SUCCESSES)).toBe(2);
    expect(pageErrors).toEqual([]);

    await stopAndCheckGone(run);
    expect(fingerprint(developersDatabase)).toEqual(developersData);
    expect(fs.existsSync(database)).toBe(true);
  } finally {
    await cleanUp(run, [dir, runFolder]);
  }
});

test('a second run starts cleanly on the same ports, with the data of the first', async ({ page }) => {
  const run = new RunCommand({ ...env, LANG: 'C.UTF-8' });
  try {
    const site = (await run.waitFor(BANNER, FIRST_BUILD_MS))[1];
    expect(run.output).toContain('✅ success');
    const [, email, password] = await run.waitFor(/demo account (\S+@\S+) \/ (\S+)/, 5_000);
    await signIn(page, site, email, password);
    await stopAndCheckGone(run);
  } finally {
    await cleanUp(run, [dir, runFolder]);
  }
});

test('a first build that fails ends the command with the build error, no banner, nothing left running', async () => {
  // A rustc flag that does not exist, for the site's wasm build only (the backend still
  // builds): the site's build fails the way a compile error does.
  const run = new RunCommand({
    ...env,
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '-C no-such-codegen-option',
  });
  try {
    await run.waitFor(/the site did not build/, FIRST_BUILD_MS);
    expect(await run.exited).not.toBe(0);
    expect(run.output).toMatch(/error.*no-such-codegen-option/);
    expect(run.output).not.toMatch(BANNER);
    expect(processesNaming([dir, runFolder])).toEqual([]);
    expect(await listening(sitePort)).toBe(false);
    expect(await listening(backendPort)).toBe(false);
  } finally {
    await cleanUp(run, [dir, runFolder]);
  }
});
