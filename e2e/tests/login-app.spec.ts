import { test, expect } from './support/fixtures';

/**
 * The login page runs its own small app (issue 17); every other screen is a page load into
 * the whole site, whose code the login page fetches at idle once it works.
 */
test('once the login works the whole site is fetched at idle, and the typed address goes along', async ({ page }) => {
  const prefetched = page.waitForRequest(/\/app-[0-9a-f]+\.js$/);
  const wasm = page.waitForRequest(/\/topocloud-site-[0-9a-f]+_bg\.wasm$/);
  await page.goto('/users/login');
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await prefetched;
  await wasm;
  await page.getByLabel('E-mailadres').fill('  jan@devries.test ');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page).toHaveURL(/\/users\/forgot-password$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByLabel('E-mailadres')).toHaveValue('jan@devries.test');
  // Never in the address, never in storage.
  expect(page.url()).not.toContain('devries');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('devries');
  // Back on the login page, which is its own app again.
  await page.goBack();
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(page.getByRole('button', { name: 'Aanmelden' })).toBeEnabled();
});

test('the root address is the login page, with its own app', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto('/?return_to=%2Faccount');
  await expect(page).toHaveURL(/\/users\/login\?return_to=%2Faccount$/);
  await expect(page.locator('#first-paint')).not.toBeAttached();
  expect(scripts.filter((s) => s.startsWith('/login-'))).toHaveLength(1);
});
