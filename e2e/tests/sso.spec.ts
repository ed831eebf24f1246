import { test, expect, LoginPage, DEMO_EMAIL, expectNoAxeViolations } from './support/fixtures';

test('single sign-on through the stand-in Microsoft provider lands on return_to', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('?return_to=%2Faccount%3Fvia%3Dsso');
  await page.getByRole('link', { name: 'Inloggen met Microsoft' }).click();
  await expect(page.getByRole('heading', { name: /Microsoft \(local stand-in\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account\?via=sso$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
});

test('cancelling at the provider comes back to login with the reason in words', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole('link', { name: 'Inloggen met Microsoft' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(login.alert).toContainText('Je hebt het aanmelden met Microsoft afgebroken');
  await expectNoAxeViolations(page, 'sso cancelled');
});

test('a Microsoft identity without a TopoCloud account is explained', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole('link', { name: 'Inloggen met Microsoft' }).click();
  await page.getByLabel('Email').fill('stranger@elsewhere.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(login.alert).toContainText('Er hoort geen TopoCloud-account bij dit Microsoft-account');
});
