import {
  test, expect, LoginPage, createAccount, linkFromMail, mailTo, uniqueEmail, expectNoAxeViolations,
  switchToEnglish,
} from './support/fixtures';
import type { Page } from '@playwright/test';

const WORDS = {
  nl: {
    name: 'Naam', email: 'E-mailadres', organisation: 'Organisatie', password: /^Wachtwoord$/,
    terms: /Ik ga akkoord met de algemene voorwaarden/, submit: 'Account aanmaken',
    mailbox: 'Kijk in je mailbox', resend: 'E-mail opnieuw sturen', wait: /Opnieuw sturen kan over \d+ seconden?\./,
    confirm: 'Bevestig mijn e-mailadres', confirmed: 'Je e-mailadres is bevestigd', toLogin: 'Naar aanmelden',
    used: 'Deze link is al gebruikt', invalid: 'Deze link werkt niet', account: 'Je account',
    nameRequired: 'Vul je naam in.', termsRequired: /Ga akkoord met de algemene voorwaarden/,
    allMet: 'Je wachtwoord voldoet aan alle eisen.', tooCommon: /Dit wachtwoord is te bekend/,
    closed: 'Zelf een account aanmaken kan hier niet', help: /helpcentrum/,
  },
  en: {
    name: 'Name', email: 'Email address', organisation: 'Organisation', password: /^Password$/,
    terms: /I agree to the terms and conditions/, submit: 'Create account',
    mailbox: 'Check your mailbox', resend: 'Send the email again', wait: /You can send it again in \d+ seconds?\./,
    confirm: 'Confirm my email address', confirmed: 'Your email address is confirmed', toLogin: 'Go to sign in',
    used: 'This link was already used', invalid: 'This link does not work', account: 'Your account',
    nameRequired: 'Enter your name.', termsRequired: /Agree to the terms and conditions/,
    allMet: 'Your password meets every requirement.', tooCommon: /This password is too well known/,
    closed: 'You cannot create an account yourself here', help: /help centre/,
  },
} as const;
type Lang = keyof typeof WORDS;

async function openRegistration(page: Page, lang: Lang) {
  await page.goto('/users/register');
  if (lang === 'en') await switchToEnglish(page);
  await expect(page.getByRole('button', { name: WORDS[lang].submit })).toBeVisible();
}

async function fillRegistration(page: Page, lang: Lang, email: string, password: string) {
  const w = WORDS[lang];
  await page.getByLabel(w.name, { exact: true }).fill('Jan de Vries');
  await page.getByLabel(w.email, { exact: true }).fill(email);
  await page.getByLabel(w.organisation, { exact: true }).fill('De Vries Landmeten');
  await page.getByLabel(w.password).fill(password);
  await page.getByRole('checkbox', { name: w.terms }).check();
}

for (const lang of ['nl', 'en'] as const) {
  test(`register → email → verify link → sign in (${lang})`, async ({ page }) => {
    const w = WORDS[lang];
    const email = uniqueEmail(`register-${lang}`);
    const password = 'Meetlat-en-theodoliet-2026';
    const urls: string[] = [];
    const referers: string[] = [];
    page.on('request', (r) => {
      urls.push(r.url());
      const referer = r.headers()['referer'];
      if (referer) referers.push(referer);
    });

    await openRegistration(page, lang);
    await expect(page.getByLabel(w.password)).toHaveAttribute('autocomplete', 'new-password');
    await expect(page.locator('input[autocomplete="username"]')).toBeHidden();
    await expectNoAxeViolations(page, `register form (${lang})`);
    await fillRegistration(page, lang, email, password);
    await expect(page.locator('input[autocomplete="username"]')).toHaveValue(email);
    await expect(page.getByText(w.allMet)).toBeAttached();
    await page.getByRole('button', { name: w.submit }).click();

    await expect(page.getByRole('heading', { level: 1, name: w.mailbox })).toBeFocused();
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole('button', { name: w.resend })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText(w.wait)).toBeVisible();
    await expectNoAxeViolations(page, `check your mailbox (${lang})`);

    const link = await linkFromMail(page, email, '/users/verify-email');
    const mail = (await mailTo(page, email))[0];
    expect(mail.kind).toBe('verify_email');
    expect(mail.locale).toBe(lang);
    const token = new URL(link).hash.replace('#token=', '');

    // Opening the link uses nothing up: a mail scanner may open it before the person does.
    await page.goto(link);
    await expect(page.getByRole('button', { name: w.confirm })).toBeVisible();
    await expect(page).toHaveURL(/\/users\/verify-email$/);
    await expectNoAxeViolations(page, `verify, before the click (${lang})`);
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('button', { name: w.confirm }).click();
    await expect(page.getByRole('heading', { name: w.confirmed })).toBeFocused();
    await expect(page.getByText(email)).toBeVisible();
    await expectNoAxeViolations(page, `verified (${lang})`);

    await page.getByRole('link', { name: w.toLogin }).first().click();
    const login = new LoginPage(page);
    await expect(login.email).toHaveValue(email);
    await login.password.fill(password);
    await login.submit.click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { name: w.account })).toBeVisible();

    // The same link again: used, and it says what to do.
    await page.context().clearCookies();
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('button', { name: w.confirm }).click();
    await expect(page.getByRole('heading', { name: w.used })).toBeVisible();
    await expect(page.getByRole('link', { name: w.toLogin }).first()).toBeVisible();
    await expectNoAxeViolations(page, `verify link used (${lang})`);

    expect(urls.filter((u) => u.includes(token)), 'no request URL carries the token').toEqual([]);
    expect(referers, 'no request says where it came from').toEqual([]);
  });

  test(`the form explains every problem, checks the password live and keeps what was typed (${lang})`, async ({ page }) => {
    const w = WORDS[lang];
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/registrations')) posts.push(r.method());
    });
    await openRegistration(page, lang);
    await page.getByRole('button', { name: w.submit }).click();
    await expect(page.getByText(w.nameRequired)).toBeVisible();
    await expect(page.getByText(w.termsRequired)).toBeVisible();
    await expect(page.getByLabel(w.name, { exact: true })).toBeFocused();
    await expect(page.getByLabel(w.name, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toEqual([]);
    await expectNoAxeViolations(page, `register, every field missing (${lang})`);

    // The reference backend runs the default policy: 12 or more, common passwords refused.
    const email = uniqueEmail(`common-${lang}`);
    await fillRegistration(page, lang, email, 'kort');
    await expect(page.locator('.checklist-item--met')).toHaveCount(0);
    await page.getByLabel(w.password).fill('1qaz2wsx3edc');
    await expect(page.locator('.checklist-item--met')).toHaveCount(1);
    await page.getByRole('button', { name: w.submit }).click();
    await expect(page.getByText(w.tooCommon)).toBeVisible();
    await expect(page.getByLabel(w.password)).toBeFocused();
    await expect(page.getByLabel(w.name, { exact: true })).toHaveValue('Jan de Vries');
    await expect(page.getByLabel(w.email, { exact: true })).toHaveValue(email);
    await expect(page.getByLabel(w.password)).toHaveValue('1qaz2wsx3edc');
    await expect(page.getByRole('checkbox', { name: w.terms })).toBeChecked();
    await expectNoAxeViolations(page, `register, common password (${lang})`);
    expect(await mailTo(page, email)).toEqual([]);
  });

  test(`closed registration says so and points to invitations and the help centre (${lang})`, async ({ page }) => {
    const w = WORDS[lang];
    await page.route('**/api/config', async (route) => {
      const response = await route.fetch();
      const config = await response.json();
      await route.fulfill({ response, json: { ...config, registration_open: false } });
    });
    await page.goto('/users/register');
    if (lang === 'en') await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 1, name: w.closed })).toBeVisible();
    await expect(page.getByRole('link', { name: w.help })).toHaveAttribute('href', lang === 'nl' ? '/help/wat-heb-ik-nodig' : '/help/what-do-i-need');
    await expect(page.getByRole('button', { name: w.submit })).toHaveCount(0);
    await expectNoAxeViolations(page, `registration closed (${lang})`);
  });
}

test('registering an address that has an account shows the identical page; the owner is told by email', async ({ page }) => {
  const existing = await createAccount(page, 'existing');
  const fresh = uniqueEmail('fresh');

  const mailboxText = async (email: string) => {
    await openRegistration(page, 'nl');
    await fillRegistration(page, 'nl', email, 'Een-heel-ander-wachtwoord');
    await page.getByRole('button', { name: WORDS.nl.submit }).click();
    await expect(page.getByRole('heading', { name: WORDS.nl.mailbox })).toBeVisible();
    await expectNoAxeViolations(page, 'check your mailbox');
    // The cooldown may have ticked between the two readings.
    return (await page.locator('main').innerText()).replaceAll(email, '<email>').replace(/\d+ seconden?/g, 'N seconden');
  };
  const forExisting = await mailboxText(existing.email);
  const forFresh = await mailboxText(fresh);
  expect(forExisting).toEqual(forFresh);

  await expect.poll(async () => (await mailTo(page, existing.email)).map((m) => m.kind)).toContain('already_registered');
  await expect.poll(async () => (await mailTo(page, fresh)).map((m) => m.kind)).toEqual(['verify_email']);
});

test('the resend waits a visible minute, then sends another link', async ({ page }) => {
  await page.clock.install();
  const email = uniqueEmail('resend');
  await openRegistration(page, 'nl');
  await fillRegistration(page, 'nl', email, 'Meetlat-en-theodoliet-2026');
  await page.getByRole('button', { name: WORDS.nl.submit }).click();
  const resend = page.getByRole('button', { name: WORDS.nl.resend });
  await expect(resend).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Opnieuw sturen kan over 60 seconden.')).toBeVisible();
  // A click meanwhile sends nothing (forced: the button says it is disabled).
  await resend.click({ force: true });
  await page.clock.runFor(20_000);
  await expect(page.getByText(/Opnieuw sturen kan over [1-4]\d seconden\./)).toBeVisible();
  expect((await mailTo(page, email)).length).toBe(1);
  await page.clock.runFor(61_000);
  await expect(resend).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText(/Opnieuw sturen kan over/)).toHaveCount(0);

  await resend.click();
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe e-mail onderweg' })).toBeVisible();
  await expect(resend).toHaveAttribute('aria-disabled', 'true');
  await expectNoAxeViolations(page, 'resent');
  await expect.poll(async () => (await mailTo(page, email)).filter((m) => m.kind === 'verify_email').length).toBe(2);
});

test('a tampered or cut-short verification link explains itself and offers a new one (nl and en)', async ({ page }) => {
  await page.goto('/users/verify-email#token=not-a-real-token');
  await page.getByRole('button', { name: WORDS.nl.confirm }).click();
  await expect(page.getByRole('heading', { name: WORDS.nl.invalid })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Stuur me een nieuwe link' })).toBeVisible();
  await expectNoAxeViolations(page, 'verify link invalid (nl)');

  // No token at all (the link was cut before the fragment): said at once, nothing sent.
  await page.goto('/users/verify-email');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { name: WORDS.en.invalid })).toBeVisible();
  await page.getByRole('button', { name: 'Send me a new link' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByLabel('Email address')).toBeFocused();
  await expectNoAxeViolations(page, 'verify link missing (en)');
});

test('signed in already: the page says as whom, and offers to sign out first or to stay (nl and en)', async ({ page }) => {
  const account = await createAccount(page, 'register-signed-in');
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(account.email, account.password);
  await expect(page).toHaveURL(/\/account$/);

  await page.goto('/users/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Je bent al aangemeld' })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();
  await expect(page.getByRole('button', { name: WORDS.nl.submit })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Niet nu: blijf aangemeld' })).toHaveAttribute('href', '/account');
  await expectNoAxeViolations(page, 'register while signed in (nl)');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1, name: 'You are already signed in' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a TopoCloud account' })).toBeFocused();
  await expect(page.getByRole('button', { name: WORDS.en.submit })).toBeVisible();
  const session = await page.request.get('/api/session');
  expect(session.status(), 'signed out for real').toBe(401);
});
