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
