import {
  test, expect, LoginPage, createAccount, linkFromMail, uniqueEmail, switchToEnglish,
} from './support/fixtures';
import { expectAccessibleEverywhere } from './support/a11y';
import type { Page } from '@playwright/test';

// Every screen in every state it can be in, checked at 320 and 1280 px, light and dark:
// zero axe violations (WCAG 2.2 A/AA), no horizontal overflow at 320 px, landmarks and
// headings in order (support/a11y.ts).

// Each state is checked in four looks, several axe runs each.
test.describe.configure({ timeout: 300_000 });

const CSRF = { 'x-topocloud-csrf': '1' };
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function signInByApi(page: Page, email: string, password: string) {
  const response = await page.request.post('/api/session', { headers: CSRF, data: { email, password, remember: false } });
  expect(response.status()).toBe(200);
}

async function invitationLink(page: Page, accountType: 'main' | 'employee' = 'main') {
  const email = uniqueEmail('a11y-invited');
  const response = await page.request.post('/dev/api/invitations', {
    data: { email, organisation: 'Landmeetbureau Noord', account_type: accountType, name: 'Piet Bakker', inviter: 'Anna Jansen', locale: 'nl' },
  });
  expect(response.status()).toBe(201);
  if (accountType === 'employee') {
    const assigned = await page.request.post('/dev/api/projects/assign', {
      data: { email, project: 'Dijkversterking Lauwersoog', inviter: 'Anna Jansen' },
    });
    expect(assigned.status()).toBe(200);
  }
  return linkFromMail(page, email, '/users/invitation');
}

test('login: empty, every field missing, wrong password, single sign-on failed, in both languages', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expectAccessibleEverywhere(page, 'login');

  await login.submit.click();
  await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
  await expectAccessibleEverywhere(page, 'login, fields missing');

  await login.signIn(uniqueEmail('a11y-wrong'), 'Niet-het-wachtwoord-1');
  await expect(login.alert).toContainText('klopt niet');
  await expectAccessibleEverywhere(page, 'login, wrong password');

  await switchToEnglish(page);
  await expect(login.alert).toContainText('not correct');
  await expectAccessibleEverywhere(page, 'login, wrong password (en)');

  await page.goto('/users/login#error=cancelled');
  await expect(login.alert).toBeVisible();
  await expectAccessibleEverywhere(page, 'login, single sign-on cancelled (en)');
});

test('account page and the page that does not exist', async ({ page }) => {
  const account = await createAccount(page, 'a11y-account');
  await signInByApi(page, account.email, account.password);
  await page.goto('/account');
  await expect(page.getByText(account.email)).toBeVisible();
  await expectAccessibleEverywhere(page, 'account');

  await page.goto('/bestaat-niet');
  await expect(h1(page)).toBeVisible();
  await expectAccessibleEverywhere(page, 'not found');
});

test('registration: form, errors, check your mailbox, closed; verification: before, done, used, invalid', async ({ page }) => {
  await page.goto('/users/register');
  const submit = page.getByRole('button', { name: 'Account aanmaken' });
  await expect(submit).toBeVisible();
  await expectAccessibleEverywhere(page, 'register');

  await submit.click();
  await expect(page.getByText('Vul je naam in.')).toBeVisible();
  await expectAccessibleEverywhere(page, 'register, fields missing');

  const email = uniqueEmail('a11y-register');
  await page.getByLabel('Naam', { exact: true }).fill('Jan de Vries');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Organisatie', { exact: true }).fill('De Vries Landmeten');
  await page.getByLabel(/^Wachtwoord$/).fill('1qaz2wsx3edc');
  await page.getByRole('checkbox', { name: /algemene voorwaarden/ }).check();
  await submit.click();
  await expect(page.getByText(/Dit wachtwoord is te bekend/)).toBeVisible();
  await expectAccessibleEverywhere(page, 'register, common password');

  await page.getByLabel(/^Wachtwoord$/).fill('Meetlat-en-theodoliet-2026');
  await submit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'register, check your mailbox');

  const link = await linkFromMail(page, email, '/users/verify-email');
  await page.goto(link);
  const confirm = page.getByRole('button', { name: 'Bevestig mijn e-mailadres' });
  await expect(confirm).toBeVisible();
  await expectAccessibleEverywhere(page, 'verify, before the click');
  await confirm.click();
  await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'verify, confirmed');

  await page.goto('about:blank');
  await page.goto(link);
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
  await expect(page.getByRole('heading', { name: 'Deze link is al gebruikt' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'verify, used');

  await page.goto('/users/verify-email');
  await expect(page.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
  await page.getByRole('button', { name: 'Stuur me een nieuwe link' }).click();
  await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
  await expectAccessibleEverywhere(page, 'verify, missing link, address missing');

  await page.route('**/api/config', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), registration_open: false } });
  });
  await page.goto('/users/register');
  await expect(page.getByRole('heading', { level: 1, name: /Zelf een account aanmaken kan hier niet/ })).toBeVisible();
  await expectAccessibleEverywhere(page, 'register, closed');
});

test('invitation: open, employee, common password, used, invalid, signed in as another', async ({ page }) => {
  const link = await invitationLink(page);
  await page.goto(link);
  const accept = page.getByRole('button', { name: 'Uitnodiging accepteren' });
  await expect(accept).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation');

  await page.getByLabel(/^Wachtwoord$/).fill('1qaz2wsx3edc');
  await accept.click();
  await expect(page.getByText(/Dit wachtwoord is te bekend/)).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation, common password');

  await page.getByLabel(/^Wachtwoord$/).fill('Waterpas-en-baak-2026');
  await accept.click();
  await expect(page).toHaveURL(/\/account$/);
  await page.context().clearCookies();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodiging is al gebruikt' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation, used');

  await page.goto('about:blank');
  await page.goto('/users/invitation#token=kapot');
  await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodigingslink werkt niet' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation, invalid');

  const employee = await invitationLink(page, 'employee');
  await page.goto('about:blank');
  await page.goto(employee);
  await expect(page.getByText('Dijkversterking Lauwersoog')).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation, employee');

  const other = await createAccount(page, 'a11y-other');
  await signInByApi(page, other.email, other.password);
  await page.goto('about:blank');
  await page.goto(employee);
  await expect(page.getByRole('heading', { level: 1, name: 'Je bent aangemeld met een ander account' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation, signed in as another');
});

test('recovery: request, sent, missing address, new password, refused, done, used and invalid links', async ({ page }) => {
  const account = await createAccount(page, 'a11y-reset');
  await page.goto('/users/forgot-password');
  const request = page.getByRole('button', { name: 'Aanvragen' });
  await expect(request).toBeVisible();
  await expectAccessibleEverywhere(page, 'forgot password');

  await request.click();
  await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
  await expectAccessibleEverywhere(page, 'forgot password, address missing');

  await page.getByLabel('E-mailadres').fill(account.email);
  await request.click();
  await expect(page.getByRole('status')).toContainText('is er een e-mail onderweg');
  await expectAccessibleEverywhere(page, 'forgot password, sent');

  const link = await linkFromMail(page, account.email, '/users/reset-password');
  await page.goto(link);
  const save = page.getByRole('button', { name: 'Wachtwoord opslaan' });
  await expect(save).toBeVisible();
  await expectAccessibleEverywhere(page, 'reset form');

  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('1qaz2wsx3edc');
  await save.click();
  await expect(page.getByText('Dit wachtwoord is te bekend')).toBeVisible();
  await expectAccessibleEverywhere(page, 'reset form, common password');

  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Nieuw-wachtwoord-voor-a11y');
  await save.click();
  await expect(page.getByRole('heading', { name: 'Je wachtwoord is gewijzigd' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'reset done');

  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Deze link is al gebruikt' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'reset link used');

  await page.goto('about:blank');
  await page.goto('/users/reset-password#token=kapot');
  await expect(page.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'reset link invalid');
});

test('help centre: the list, a search with and without results, an article, an unknown article, in both languages', async ({ page }) => {
  await page.goto('/help');
  const search = page.getByRole('searchbox');
  await expect(search).toBeVisible();
  await expectAccessibleEverywhere(page, 'help');

  await search.fill('wachtwoord');
  await expect(page.getByRole('status')).not.toHaveText('12 vragen.');
  await expectAccessibleEverywhere(page, 'help, search');
  await search.fill('qqqqzzzz');
  await expect(page.getByRole('status')).toHaveText('Geen vragen gevonden.');
  await expectAccessibleEverywhere(page, 'help, nothing found');

  await page.goto('/help/te-veel-pogingen');
  await expect(h1(page)).toBeVisible();
  await expectAccessibleEverywhere(page, 'help article');
  await switchToEnglish(page);
  await expectAccessibleEverywhere(page, 'help article (en)');

  await page.goto('/help/bestaat-niet');
  await expect(h1(page)).toBeVisible();
  await expectAccessibleEverywhere(page, 'help article not found (en)');
});

test('in English, where the words are different lengths: registration errors, forgot password, invitation, reset link invalid', async ({ page }) => {
  await page.goto('/users/register');
  await switchToEnglish(page);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your name.')).toBeVisible();
  await expectAccessibleEverywhere(page, 'register, fields missing (en)');

  await page.goto('/users/forgot-password');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Request' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expectAccessibleEverywhere(page, 'forgot password, address missing (en)');

  await page.goto(await invitationLink(page));
  await expect(page.getByRole('button', { name: 'Accept invitation' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'invitation (en)');

  await page.goto('about:blank');
  await page.goto('/users/reset-password#token=kapot');
  await expect(h1(page)).toHaveText('This link does not work');
  await expectAccessibleEverywhere(page, 'reset link invalid (en)');
});

test('each screen names itself in the title, and the titles differ', async ({ page }) => {
  const titles = new Map<string, string>();
  for (const path of ['/users/login', '/users/register', '/users/forgot-password', '/users/reset-password', '/users/verify-email', '/users/invitation', '/help', '/help/te-veel-pogingen', '/bestaat-niet']) {
    await page.goto(path);
    await expect(h1(page)).toBeVisible();
    await expect(page).toHaveTitle(/ · TopoCloud$|TopoCloud/);
    const title = await page.title();
    expect(title, `${path} has a title of its own`).not.toBe('');
    titles.set(path, title);
  }
  expect(new Set(titles.values()).size, [...titles.entries()].join('\n')).toBe(titles.size);
});
