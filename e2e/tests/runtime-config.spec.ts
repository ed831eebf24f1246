import { test, expect, LoginPage, DEMO_EMAIL, DEMO_PASSWORD } from './support/fixtures';

test('a deployment renames the product and moves the after-login destination without rebuilding', async ({ page }) => {
  // Stand in for a deployment editing the inlined JSON block of index.html.
  await page.route(/\/users\/login$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /"product_name": "TopoCloud"/,
      '"product_name": "GeoWolk"',
    ).replace(/"after_login": "\/account"/, '"after_login": "/account?welkom=1"')
     .replace(/"quick_start_url": "[^"]*"/, '"quick_start_url": "https://docs.geowolk.test/start"');
    await route.fulfill({ response, body: html });
  });
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.getByRole('banner')).toContainText('GeoWolk');
  await expect(page).toHaveTitle('Aanmelden bij GeoWolk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden bij GeoWolk');
  await expect(page.getByRole('link', { name: /Lees de snelstartgids/ })).toHaveAttribute('href', 'https://docs.geowolk.test/start');
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\?welkom=1$/);
});

test('the renamed product is named so from the first paint, before the app has started', async ({ page }) => {
  // "$&" would be a special pattern to a careless string replacement.
  await page.route(/\/users\/login$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/"product_name": "TopoCloud"/, () => '"product_name": "Geo$&Wolk"');
    await route.fulfill({ response, body: html });
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/users/login', { waitUntil: 'load' });
  await expect(page.locator('#first-paint')).toBeAttached();
  await expect(page.locator('#first-paint .brand')).toHaveText('Geo$&Wolk');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden bij Geo$&Wolk' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('© Geo$&Wolk');
  await expect(page).toHaveTitle('Aanmelden · Geo$&Wolk');
  expect(await page.locator('#first-paint').innerText()).not.toContain('TopoCloud');
  // The support address is left alone (it merely contains "topocloud").
  await expect(page.locator('#load-failed a[data-contact="email"]').first()).toHaveText('hello@topocloud.com');
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden bij Geo$&Wolk');
});
