import { test, expect, LoginPage, DEMO_EMAIL, DEMO_PASSWORD } from './support/fixtures';

test('the demo account signs in, stays signed in across a reload, and signs out', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je account');
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
  await expect(page).toHaveTitle(/Je account/);

  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(login.submit).toBeVisible();

  // Signed out for real: the account page no longer opens.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/users\/login\?return_to=/);
});

test('a wrong password shows a translated error and keeps the typed email', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_EMAIL, 'Not-the-password-1');

  await expect(login.alert).toHaveText(/Het e-mailadres of het wachtwoord klopt niet/);
  await expect(login.alert).toBeFocused();
  await expect(login.email).toHaveValue(DEMO_EMAIL);
  await expect(page).toHaveURL(/\/users\/login$/);
});

test('an empty submit is explained per field without asking the server', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  });
  await login.submit.click();

  await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
  await expect(page.getByText('Vul je wachtwoord in.')).toBeVisible();
  await expect(login.email).toBeFocused();
  await expect(login.email).toHaveAttribute('aria-invalid', 'true');
  expect(apiCalls).toEqual([]);
});

test('the language switch changes the button between Aanmelden and Sign in', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.submit).toHaveText('Aanmelden');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(login.submit).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Sign in to TopoCloud');

  // The choice is remembered on the next visit.
  await page.reload();
  await expect(login.submit).toHaveText('Sign in');

  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(login.submit).toHaveText('Aanmelden');
});

test('a deep link to /account while signed out returns there after sign-in', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/users\/login\?return_to=%2Faccount|\/users\/login\?return_to=\/account/);
  const login = new LoginPage(page);
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
});

test('the root address opens the login page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(new LoginPage(page).submit).toBeVisible();
});
