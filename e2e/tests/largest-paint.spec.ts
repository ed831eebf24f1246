import type { Page } from '@playwright/test';
import { test, expect, nextFrames } from './support/fixtures';

/**
 * The login page's largest paint is its static first paint, in every load: the login app
 * is started only once the browser has reported that paint (index.html). Started sooner,
 * it could replace the static form before its paint was counted, and the app's own
 * paragraph, a second later, became the largest contentful paint (issue 17: 1 of 15 loads
 * here, 3 of 5 in Lighthouse before the login app).
 *
 * Records, in order, each largest-contentful-paint entry with where its element is (the
 * static first paint, the app, or already gone) and the moment the login app's script or
 * the backend preloads are added to the page.
 */
async function recordPaintsAndStart(page: Page, browser: string) {
  await page.addInitScript((fake) => {
    const log: string[] = [];
    const w = window as unknown as { paintLog: () => string[] };
    if (fake === 'no paint timing') {
      Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => [] });
    }
    const where = (element: Element | null) =>
      !element ? 'gone' : element.closest('#app') ? 'app' : element.closest('#first-paint') ? 'first paint' : element.tagName;
    const record = (entries: PerformanceEntryList) => {
      for (const entry of entries as unknown as { element: Element | null }[]) log.push(`paint: ${where(entry.element)}`);
    };
    const paints = new PerformanceObserver((list) => record(list.getEntries()));
    paints.observe({ type: 'largest-contentful-paint', buffered: true });
    if (fake === 'paints never reported') {
      // A browser that knows the entry type but never reports one for this page.
      PerformanceObserver.prototype.observe = () => {};
    }
    new MutationObserver((records) => {
      for (const { addedNodes } of records) {
        for (const node of addedNodes) {
          if (node instanceof HTMLScriptElement && /^\/login-[0-9a-f]+\.js$/.test(new URL(node.src, location.href).pathname)) {
            log.push('app started');
          }
          if (node instanceof HTMLLinkElement && node.rel === 'preload') log.push(`preload ${new URL(node.href).pathname}`);
        }
      }
    }).observe(document, { childList: true, subtree: true });
    w.paintLog = () => {
      record(paints.takeRecords());
      return log;
    };
  }, browser);
}

/** The log once the app has taken over and drawn its own screen, twice over. */
async function logAfterTakeover(page: Page): Promise<string[]> {
  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(page.locator('#app #email')).toBeVisible();
  await nextFrames(page);
  return page.evaluate(() => (window as unknown as { paintLog: () => string[] }).paintLog());
}

test('the login app starts only once the static form’s paint is counted, so its takeover is never the largest paint', async ({ page }) => {
  await recordPaintsAndStart(page, 'Chromium as it is');
  for (let load = 1; load <= 3; load++) {
    await page.goto('/users/login');
    const log = await logAfterTakeover(page);
    const said = `load ${load}: ${log.join(' · ')}`;
    // Counted while still on screen, before anything of the app's was asked for …
    const painted = log.indexOf('paint: first paint');
    expect(painted, said).toBeGreaterThanOrEqual(0);
    expect(log.slice(0, painted), said).toEqual([]);
    expect(log.slice(painted), said).toEqual(
      expect.arrayContaining(['app started', 'preload /api/config', 'preload /api/session']),
    );
    // … and never a paint of the app's own, nor of anything removed before it was counted.
    expect(log.filter((line) => line.startsWith('paint:') && line !== 'paint: first paint'), said).toEqual([]);
  }
});

test('where the browser reports no paint timing, the login app starts at once', async ({ page }) => {
  await recordPaintsAndStart(page, 'no paint timing');
  await page.goto('/users/login');
  const log = await logAfterTakeover(page);
  // Added by the page's script in the head, before anything was painted.
  expect(log[0], log.join(' · ')).toMatch(/^preload|^app started$/);
});

test('where the browser never reports the paint, the login app starts soon after the page has loaded', async ({ page }) => {
  await recordPaintsAndStart(page, 'paints never reported');
  await page.goto('/users/login', { waitUntil: 'load' });
  const loadedAt = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventStart as number);
  const log = await logAfterTakeover(page);
  expect(log, log.join(' · ')).toContain('app started');
  const startedAt = await page.evaluate(
    () => performance.getEntriesByType('resource').find((entry) => /\/login-[0-9a-f]+\.js$/.test(entry.name))?.startTime ?? -1,
  );
  // A second after the load (the page's fallback), not at once and not never.
  expect(startedAt - loadedAt).toBeGreaterThanOrEqual(900);
});
