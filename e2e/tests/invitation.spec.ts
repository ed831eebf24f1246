import {
  test, expect, LoginPage, DEMO_EMAIL, DEMO_PASSWORD, linkFromMail, mailTo, uniqueEmail,
  expectNoAxeViolations, switchToEnglish,
} from './support/fixtures';
import type { Page } from '@playwright/test';

const PASSWORD = 'Waterpas-en-baak-2026';
const CSRF = { 'x-topocloud-csrf': '1' };

const WORDS = {
  nl: {
    title: 'Je bent uitgenodigd voor TopoCloud', invites: 'Anna Jansen nodigt je uit voor Landmeetbureau Noord.',
    main: 'Hoofdaccount van de organisatie', employee: 'Account als medewerker', name: 'Naam',
    password: /^Wachtwoord$/, accept: 'Uitnodiging accepteren', tooCommon: /Dit wachtwoord is te bekend/,
    account: 'Je account', signOut: 'Afmelden', used: 'Deze uitnodiging is al gebruikt', toLogin: 'Naar aanmelden',
    invalid: 'Deze uitnodigingslink werkt niet', other: 'Je bent aangemeld met een ander account',
    continue: 'Afmelden en doorgaan',
  },
  en: {
    title: 'You have been invited to TopoCloud', invites: 'Anna Jansen invites you to join Landmeetbureau Noord.',
    main: "The organisation's main account", employee: 'Employee account', name: 'Name',
    password: /^Password$/, accept: 'Accept invitation', tooCommon: /This password is too well known/,
    account: 'Your account', signOut: 'Sign out', used: 'This invitation has already been used', toLogin: 'Go to sign in',
    invalid: 'This invitation link does not work', other: 'You are signed in with another account',
    continue: 'Sign out and continue',
  },
} as const;
type Lang = keyof typeof WORDS;

/** What the organisation does in the product: create the account (dev endpoint). */
async function invite(page: Page, lang: Lang, accountType: 'main' | 'employee', name = '') {
  const email = uniqueEmail(`invited-${accountType}`);
  const response = await page.request.post('/dev/api/invitations', {
    data: { email, organisation: 'Landmeetbureau Noord', account_type: accountType, name, inviter: 'Anna Jansen', locale: lang },
  });
  expect(response.status()).toBe(201);
  return { email, sent: (await response.json()).invitation_sent as boolean };
}

async function openInvitation(page: Page, link: string, lang: Lang) {
  await page.goto('about:blank');
  await page.goto(link);
  if (lang === 'en' && (await page.locator('html').getAttribute('lang')) !== 'en') await switchToEnglish(page);
}

function tokenOf(link: string) {
  return new URL(link).hash.replace('#token=', '');
}

for (const lang of ['nl', 'en'] as const) {
  const w = WORDS[lang];

  test(`a main-account invitation is accepted end to end; opening it alone uses nothing up (${lang})`, async ({ page }) => {
    const urls: string[] = [];
    const referers: string[] = [];
    page.on('request', (r) => {
      urls.push(r.url());
      const referer = r.headers()['referer'];
      if (referer) referers.push(referer);
    });
    const { email, sent } = await invite(page, lang, 'main', 'Piet Bakker');
    expect(sent).toBe(true);
    const link = await linkFromMail(page, email, '/users/invitation');
    expect((await mailTo(page, email))[0].kind).toBe('invitation');

    await openInvitation(page, link, lang);
    await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
    await expect(page).toHaveURL(/\/users\/invitation$/);
    await expect(page.getByText(w.invites)).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByText(w.main)).toBeVisible();
    await expect(page.getByLabel(w.name, { exact: true })).toHaveValue('Piet Bakker');
    await expect(page.locator('input[autocomplete="username"]')).toHaveValue(email);
    await expect(page.getByLabel(w.password)).toHaveAttribute('autocomplete', 'new-password');
    await expectNoAxeViolations(page, `invitation open (${lang})`);

    // Opened without submitting: the link still works.
    await page.goto('about:blank');
    const lookup = await page.request.post('/api/invitations/lookup', { headers: CSRF, data: { token: tokenOf(link) } });
    expect(lookup.status()).toBe(200);

    await openInvitation(page, link, lang);
    await page.getByLabel(w.password).fill('1qaz2wsx3edc');
    await page.getByRole('button', { name: w.accept }).click();
    await expect(page.getByText(w.tooCommon)).toBeVisible();
    await expect(page.getByLabel(w.password)).toBeFocused();
    await expectNoAxeViolations(page, `invitation, common password (${lang})`);

    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByRole('button', { name: w.accept }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(email)).toBeVisible();

    await page.getByRole('button', { name: w.signOut }).click();
    const login = new LoginPage(page);
    await login.signIn(email, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { name: w.account })).toBeVisible();

    const token = tokenOf(link);
    expect(urls.filter((u) => u.includes(token)), 'no request URL carries the token').toEqual([]);
    expect(referers, 'no request says where it came from').toEqual([]);
  });

  test(`an employee gets no email until assigned to a project, then accepts (${lang})`, async ({ page }) => {
    const { email, sent } = await invite(page, lang, 'employee');
    expect(sent).toBe(false);
    expect(await mailTo(page, email)).toEqual([]);

    const assigned = await page.request.post('/dev/api/projects/assign', {
      data: { email, project: 'Dijkversterking Lauwersoog', inviter: 'Anna Jansen' },
    });
    expect(assigned.status()).toBe(200);
    const link = await linkFromMail(page, email, '/users/invitation');

    await openInvitation(page, link, lang);
    await expect(page.getByText('Dijkversterking Lauwersoog')).toBeVisible();
    await expect(page.getByText(w.employee)).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectNoAxeViolations(page, `employee invitation (${lang})`);
    await page.getByLabel(w.name, { exact: true }).fill('Kees Visser');
    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByRole('button', { name: w.accept }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(email)).toBeVisible();
  });

  test(`a used invitation leads to sign in with the address filled in (${lang})`, async ({ page }) => {
    const { email } = await invite(page, lang, 'main', 'Piet Bakker');
    const link = await linkFromMail(page, email, '/users/invitation');
    const accepted = await page.request.post('/api/invitations/accept', {
      headers: CSRF,
      data: { token: tokenOf(link), name: 'Piet Bakker', password: PASSWORD },
    });
    expect(accepted.status()).toBe(200);
    await page.context().clearCookies();

    await openInvitation(page, link, lang);
    await expect(page.getByRole('heading', { level: 1, name: w.used })).toBeVisible();
    await expectNoAxeViolations(page, `invitation used (${lang})`);
    await page.getByRole('link', { name: w.toLogin }).click();
    const login = new LoginPage(page);
    await expect(login.email).toHaveValue(email);
    await login.password.fill(PASSWORD);
    await login.submit.click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test(`a tampered, cut-short or missing invitation link explains itself (${lang})`, async ({ page }) => {
    const { email } = await invite(page, lang, 'main');
    const link = await linkFromMail(page, email, '/users/invitation');
    const token = tokenOf(link);
    const last = token.slice(-1) === 'a' ? 'b' : 'a';
    const broken = {
      tampered: link.slice(0, -1) + last,
      truncated: link.slice(0, link.length - Math.floor(token.length / 2)),
      missing: link.split('#')[0],
    };
    for (const [kind, url] of Object.entries(broken)) {
      await openInvitation(page, url, lang);
      await expect(page.getByRole('heading', { level: 1, name: w.invalid })).toBeVisible();
      await expect(page.getByRole('link', { name: /verlopen of gebruikte link|expired or used link/ })).toHaveAttribute('href', lang === 'nl' ? '/help/link-verlopen' : '/help/link-expired');
      await expectNoAxeViolations(page, `invitation ${kind} (${lang})`);
    }
    // None of that touched the real invitation.
    await openInvitation(page, link, lang);
    await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
  });

  test(`opened while signed in as somebody else: both addresses, sign out and continue (${lang})`, async ({ page }) => {
    const { email } = await invite(page, lang, 'main', 'Piet Bakker');
    const link = await linkFromMail(page, email, '/users/invitation');
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/account$/);

    await openInvitation(page, link, lang);
    await expect(page.getByRole('heading', { level: 1, name: w.other })).toBeVisible();
    await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole('link', { name: /gedeelde computer|shared computer/ })).toHaveAttribute('href', lang === 'nl' ? '/help/uitnodiging-ander-account' : '/help/invitation-other-account');
    await expectNoAxeViolations(page, `invitation, signed in as another (${lang})`);
    await page.getByRole('button', { name: w.continue }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeFocused();
    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByRole('button', { name: w.accept }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(email)).toBeVisible();
  });
}

test('signing in elsewhere while the form is open: accepting says so instead of failing', async ({ page }) => {
  const { email } = await invite(page, 'nl', 'main', 'Piet Bakker');
  const link = await linkFromMail(page, email, '/users/invitation');
  await openInvitation(page, link, 'nl');
  await expect(page.getByRole('button', { name: WORDS.nl.accept })).toBeVisible();
  // Another tab signs in as the demo account meanwhile (same cookie jar).
  const signedIn = await page.request.post('/api/session', {
    headers: CSRF,
    data: { email: DEMO_EMAIL, password: DEMO_PASSWORD, remember: false },
  });
  expect(signedIn.status()).toBe(200);
  await page.getByLabel(WORDS.nl.password).fill(PASSWORD);
  await page.getByRole('button', { name: WORDS.nl.accept }).click();
  await expect(page.getByRole('heading', { level: 1, name: WORDS.nl.other })).toBeFocused();
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
  // The link was not used up by the refused attempt.
  await page.getByRole('button', { name: WORDS.nl.continue }).click();
  await page.getByLabel(WORDS.nl.password).fill(PASSWORD);
  await page.getByRole('button', { name: WORDS.nl.accept }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test.describe('in the person’s own time zone', () => {
  test.use({ timezoneId: 'Europe/Amsterdam' });

  test('the invitation says until when it is valid, in words, in both languages', async ({ page }) => {
    const { email } = await invite(page, 'nl', 'main', 'Piet Bakker');
    const link = await linkFromMail(page, email, '/users/invitation');
    const lookup = await page.request.post('/api/invitations/lookup', { headers: CSRF, data: { token: tokenOf(link) } });
    expect(lookup.status()).toBe(200);
    const expiresAt = ((await lookup.json()) as { expires_at: number }).expires_at;
    const spoken = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' })
        .format(new Date(expiresAt * 1000))
        .replace(/\s+/g, ' ');
    const shown = async () => ((await page.locator('dt:has-text("Geldig tot"), dt:has-text("Valid until")').locator('+ dd').textContent()) ?? '').replace(/\s+/g, ' ');

    await openInvitation(page, link, 'nl');
    await expect(page.locator('dt', { hasText: 'Geldig tot' })).toBeVisible();
    expect(await shown()).toBe(spoken('nl-NL'));
    // A real date, days ahead, not the Unix epoch or today.
    expect(expiresAt * 1000).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    expect(spoken('nl-NL')).toMatch(/^\w+dag \d{1,2} \w+ 20\d\d om \d{2}:\d{2}$/);

    await switchToEnglish(page);
    await expect(page.locator('dt', { hasText: 'Valid until' })).toBeVisible();
    expect(await shown()).toBe(spoken('en-GB'));
  });
});
