/**
 * The table behind tests/faults.spec.ts: every form of the site (screens) and what can go
 * wrong between it and the backend (scenarios). The backend a test can really stop and
 * start again is in private-backend.ts.
 */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { DEMO_EMAIL, DEMO_PASSWORD, recordSecret, switchToEnglish, uniqueEmail, type Mail } from './fixtures';
import { tokenOfLink } from './leaks';
import { apiSignIn, codeNow, shownKey, turnOnTwoStep } from './totp';

export type Lang = 'nl' | 'en';

/** The site's sentences for each kind of failure (src/i18n/nl.rs, en.rs). */
export const SAY = {
  nl: {
    network: 'Geen verbinding met TopoCloud. Controleer je internetverbinding en probeer het opnieuw.',
    timeout: 'TopoCloud reageert niet op tijd. Probeer het opnieuw.',
    server: 'Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw.',
    malformed: 'TopoCloud gaf een onverwacht antwoord. Probeer het opnieuw.',
    tooManyWait: /^Te veel pogingen\. Je kunt het over \d+ (seconden|minuut|minuten) opnieuw proberen\.$/,
    tooMany: 'Te veel pogingen. Wacht even en probeer het daarna opnieuw.',
    canNow: 'Je kunt het nu opnieuw proberen.',
  },
  en: {
    network: 'Cannot reach TopoCloud. Check your internet connection and try again.',
    timeout: 'TopoCloud did not answer in time. Please try again.',
    server: 'Something went wrong on our side. Please try again in a few minutes.',
    malformed: 'TopoCloud gave an unexpected answer. Please try again.',
    tooManyWait: /^Too many attempts\. You can try again in \d+ (seconds?|minutes?)\.$/,
    tooMany: 'Too many attempts. Wait a moment, then try again.',
    canNow: 'You can try again now.',
  },
} as const;

// ---- The backend a screen talks to: the suite's own, or a private one (restart tests) ----

/** Where setup requests go: `''` is the suite's backend behind nginx. */
export type Backend = { base: string };
export const SUITE_BACKEND: Backend = { base: '' };
const CSRF = { 'x-topocloud-csrf': '1' };

async function api(page: Page, backend: Backend, path: string, data: object, expected: number) {
  const response = await page.request.post(`${backend.base}${path}`, { headers: CSRF, data });
  expect(response.status(), `${path} during setup`).toBe(expected);
  return response;
}

async function mailLink(page: Page, backend: Backend, to: string, linkPath: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const response = await page.request.get(`${backend.base}/dev/api/mail?to=${encodeURIComponent(to)}`);
      const mails = (await response.json()) as Mail[];
      link = mails.flatMap((m) => m.links).find((l) => l.includes(linkPath));
      return link;
    })
    .toBeTruthy();
  const token = tokenOfLink(link as string);
  if (token) recordSecret('token', token, 'emailed link (faults)');
  return link as string;
}

/** A confirmed account, made through the API of `backend`. */
async function confirmedAccount(page: Page, backend: Backend, prefix: string) {
  const email = uniqueEmail(prefix);
  const password = `Oud-wachtwoord-${Math.floor(Math.random() * 1e9)}`;
  recordSecret('password', password, 'faults setup');
  await api(page, backend, '/api/registrations', {
    name: 'Fout Test', email, password, organisation: 'Fout BV', accept_terms: true, locale: 'nl',
  }, 202);
  const verify = await mailLink(page, backend, email, '/users/verify-email');
  await api(page, backend, '/api/email-verifications', { token: tokenOfLink(verify) }, 200);
  return { email, password };
}

/** A confirmed account with a fresh reset link. */
async function accountWithResetLink(page: Page, backend: Backend) {
  const { email } = await confirmedAccount(page, backend, 'fault-reset');
  await api(page, backend, '/api/password-resets', { email, locale: 'nl' }, 202);
  return { email, link: await mailLink(page, backend, email, '/users/reset-password') };
}

/**
 * A confirmed account signed in on `page`'s context (the cookie is the page's too), with
 * two-step verification on when asked. The key was confirmed with the previous step's
 * code, so the current one is still free.
 */
async function signedInAccount(page: Page, backend: Backend, prefix: string, twoStep: boolean) {
  const account = await confirmedAccount(page, backend, prefix);
  expect(await apiSignIn(page, account.email, account.password, backend.base), 'signed in during setup').toBe(200);
  const second = twoStep ? await turnOnTwoStep(page, backend.base) : { key: '', recovery: [] as string[] };
  return { ...account, ...second };
}

/**
 * An account with two-step verification on whose password step was just done in this
 * browser: the challenge cookie is set, `/users/second-step` asks for the code.
 */
async function accountAtSecondStep(page: Page, backend: Backend, prefix: string) {
  const account = await signedInAccount(page, backend, prefix, true);
  const out = await page.request.delete(`${backend.base}/api/session`, { headers: CSRF });
  expect(out.status(), 'signed out during setup').toBeLessThan(300);
  expect(await apiSignIn(page, account.email, account.password, backend.base), 'password step during setup').toBe(202);
  return account;
}

/**
 * The first attempt of the second step went through, but its answer (and the session
 * cookie in it) never arrived; the challenge it used is gone. The retry says to sign in
 * again, in words and with a link, and signing in again leads to the code form.
 */
async function secondStepSignInAgain(page: Page, lang: Lang, account: { email: string; password: string }) {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'Log opnieuw in', 'Sign in again') })).toBeVisible();
  await expect(alertOf(page), 'nothing blames the person').toHaveCount(0);
  await page.getByRole('link', { name: t(lang, 'Naar aanmelden', 'Go to sign in') }).click();
  await expect(page).toHaveURL(/\/users\/login\?return_to=/);
  await page.getByLabel(t(lang, 'E-mailadres', 'Email address')).fill(account.email);
  await page.getByLabel(t(lang, 'Wachtwoord', 'Password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: t(lang, 'Aanmelden', 'Sign in'), exact: true }).click();
  await expect(page).toHaveURL(/\/users\/second-step/);
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'Vul je inlogcode in', 'Enter your sign-in code') })).toBeVisible();
  await expect(page.getByLabel(t(lang, 'Code uit de app', 'Code from the app'))).toBeVisible();
}

/** The account page, signed in: `/account` with its security sections drawn. */
async function gotoAccount(page: Page, lang: Lang, ready: Locator) {
  await goto(page, '/account', lang, ready);
  await expect(page).toHaveURL(/\/account$/);
}

const twoStepSection = (page: Page, lang: Lang) =>
  page.getByRole('region', { name: t(lang, 'Tweestapsverificatie', 'Two-step verification') });

async function invitationLink(page: Page, backend: Backend, lang: Lang) {
  const email = uniqueEmail('fault-invite');
  await api(page, backend, '/dev/api/invitations', {
    email, organisation: 'Landmeetbureau Noord', account_type: 'main', name: '', inviter: 'Anna Jansen', locale: lang,
  }, 201);
  return { email, link: await mailLink(page, backend, email, '/users/invitation') };
}

// ---- Screens ----

export type Field = { label: string; locator: Locator; value: string; checkbox?: boolean };

export type OpenScreen = {
  fields: Field[];
  /** The form's own button: must be usable again after every failure. */
  submit: Locator;
  /** The request went through: what the person sees. */
  expectDone(): Promise<void>;
  /**
   * The first attempt did reach the backend but its answer was lost; the second attempt
   * must be safe (no second account, no error that blames the person, a way forward).
   */
  expectSafeRepeat(): Promise<void>;
};

export type Screen = {
  name: string;
  /** The URL of the screen without any token, for the wasm-failure scenario. */
  url: string;
  /** The request the form sends. */
  endpoint: string;
  /** Whether a success carries JSON the site reads (otherwise only the status counts). */
  readsSuccessBody: boolean;
  /** Whether a 429 locks the button with a visible countdown (else: a plain message). */
  countsDown: boolean;
  /**
   * A known site bug that makes `expectSafeRepeat` fail after a lost answer: the
   * lost-response test of this screen is expected to fail (`test.fail`) until it is fixed,
   * and then fails for passing, so the note is removed with the fix.
   */
  lostResponseBug?: string;
  open(page: Page, lang: Lang, backend: Backend): Promise<OpenScreen>;
};

const alertOf = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });
export { alertOf };

async function goto(page: Page, url: string, lang: Lang, ready: Locator) {
  await page.goto('about:blank');
  await page.goto(url);
  if (lang === 'en' && (await page.locator('html').getAttribute('lang')) !== 'en') await switchToEnglish(page);
  await expect(ready).toBeVisible();
}

async function fill(fields: Field[]) {
  for (const f of fields) {
    if (f.checkbox) await f.locator.check();
    else await f.locator.fill(f.value);
  }
}

const t = <T,>(lang: Lang, nl: T, en: T): T => (lang === 'nl' ? nl : en);

export const SCREENS: Screen[] = [
  {
    name: 'login',
    url: '/users/login',
    endpoint: '/api/session',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang) {
      const submit = page.getByRole('button', { name: t(lang, 'Aanmelden', 'Sign in'), exact: true });
      await goto(page, '/users/login', lang, submit);
      const fields: Field[] = [
        { label: 'email', locator: page.getByLabel(t(lang, 'E-mailadres', 'Email address')), value: DEMO_EMAIL },
        { label: 'password', locator: page.getByLabel(t(lang, 'Wachtwoord', 'Password'), { exact: true }), value: DEMO_PASSWORD },
      ];
      await fill(fields);
      const signedIn = async () => {
        await expect(page).toHaveURL(/\/account$/);
        await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
      };
      return { fields, submit, expectDone: signedIn, expectSafeRepeat: signedIn };
    },
  },
  {
    name: 'register',
    url: '/users/register',
    endpoint: '/api/registrations',
    readsSuccessBody: false,
    countsDown: true,
    async open(page, lang) {
      const submit = page.getByRole('button', { name: t(lang, 'Account aanmaken', 'Create account') });
      await goto(page, '/users/register', lang, submit);
      const email = uniqueEmail('fault-register');
      const fields: Field[] = [
        { label: 'name', locator: page.getByLabel(t(lang, 'Naam', 'Name'), { exact: true }), value: 'Jan de Vries' },
        { label: 'email', locator: page.getByLabel(t(lang, 'E-mailadres', 'Email address'), { exact: true }), value: email },
        { label: 'organisation', locator: page.getByLabel(t(lang, 'Organisatie', 'Organisation'), { exact: true }), value: 'De Vries Landmeten' },
        { label: 'password', locator: page.getByLabel(t(lang, 'Wachtwoord', 'Password'), { exact: true }), value: 'Meetlat-en-theodoliet-2026' },
        { label: 'terms', locator: page.getByRole('checkbox'), value: 'checked', checkbox: true },
      ];
      await fill(fields);
      const mailbox = async () => {
        await expect(page.getByRole('heading', { level: 1, name: t(lang, 'Kijk in je mailbox', 'Check your mailbox') })).toBeVisible();
        await expect(page.getByText(email)).toBeVisible();
      };
      return { fields, submit, expectDone: mailbox, expectSafeRepeat: mailbox };
    },
  },
  {
    // The "new link" form of /users/verify-email (a broken verification link).
    name: 'verify (resend)',
    url: '/users/verify-email',
    endpoint: '/api/email-verifications/resend',
    readsSuccessBody: false,
    countsDown: true,
    async open(page, lang) {
      const submit = page.getByRole('button', { name: t(lang, 'Stuur me een nieuwe link', 'Send me a new link') });
      await goto(page, '/users/verify-email', lang, submit);
      const fields: Field[] = [
        { label: 'email', locator: page.getByLabel(t(lang, 'E-mailadres', 'Email address')), value: uniqueEmail('fault-resend') },
      ];
      await fill(fields);
      const resent = async () => {
        await expect(page.getByRole('status').filter({ hasText: t(lang, 'is er een nieuwe e-mail onderweg', 'a new email is on its way') })).toBeVisible();
      };
      return { fields, submit, expectDone: resent, expectSafeRepeat: resent };
    },
  },
  {
    name: 'invitation',
    url: '/users/invitation',
    endpoint: '/api/invitations/accept',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      const invitation = await invitationLink(page, backend, lang);
      const submit = page.getByRole('button', { name: t(lang, 'Uitnodiging accepteren', 'Accept invitation') });
      await goto(page, invitation.link, lang, submit);
      const fields: Field[] = [
        { label: 'name', locator: page.getByLabel(t(lang, 'Naam', 'Name'), { exact: true }), value: 'Piet Bakker' },
        { label: 'password', locator: page.getByLabel(t(lang, 'Wachtwoord', 'Password'), { exact: true }), value: 'Waterpas-en-baak-2026' },
      ];
      await fill(fields);
      const signedIn = async () => {
        await expect(page).toHaveURL(/\/account$/);
        await expect(page.getByText(invitation.email)).toBeVisible();
      };
      return {
        fields,
        submit,
        expectDone: signedIn,
        async expectSafeRepeat() {
          // The first attempt created the account: "already used", and signing in with
          // the password just chosen works, the address already filled in.
          await expect(page.getByRole('heading', { level: 1, name: t(lang, 'Deze uitnodiging is al gebruikt', 'This invitation has already been used') })).toBeVisible();
          await page.getByRole('link', { name: t(lang, 'Naar aanmelden', 'Go to sign in') }).click();
          await expect(page.getByLabel(t(lang, 'E-mailadres', 'Email address'))).toHaveValue(invitation.email);
          await page.getByLabel(t(lang, 'Wachtwoord', 'Password'), { exact: true }).fill(fields[1].value);
          await page.getByRole('button', { name: t(lang, 'Aanmelden', 'Sign in'), exact: true }).click();
          await signedIn();
        },
      };
    },
  },
  {
    name: 'reset request',
    url: '/users/forgot-password',
    endpoint: '/api/password-resets',
    readsSuccessBody: false,
    countsDown: true,
    async open(page, lang) {
      const submit = page.getByRole('button', { name: t(lang, 'Aanvragen', 'Request'), exact: true });
      await goto(page, '/users/forgot-password', lang, submit);
      const fields: Field[] = [
        { label: 'email', locator: page.getByLabel(t(lang, 'E-mailadres', 'Email address')), value: uniqueEmail('fault-forgot') },
      ];
      await fill(fields);
      const sent = async () => {
        await expect(page.getByRole('status')).toContainText(t(lang, 'is er een e-mail onderweg', 'an email is on its way'));
      };
      return { fields, submit, expectDone: sent, expectSafeRepeat: sent };
    },
  },
  {
    name: 'set new password',
    url: '/users/reset-password',
    endpoint: '/api/password-resets/complete',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      const account = await accountWithResetLink(page, backend);
      const submit = page.getByRole('button', { name: t(lang, 'Wachtwoord opslaan', 'Save password') });
      await goto(page, account.link, lang, submit);
      const newPassword = `Nieuw-wachtwoord-${Math.floor(Math.random() * 1e9)}`;
      const fields: Field[] = [
        { label: 'new password', locator: page.getByLabel(t(lang, 'Nieuw wachtwoord', 'New password'), { exact: true }), value: newPassword },
      ];
      await fill(fields);
      const newPasswordWorks = async () => {
        const signIn = await page.request.post(`${backend.base}/api/session`, {
          headers: CSRF, data: { email: account.email, password: newPassword, remember: false },
        });
        expect(signIn.status(), 'the new password signs in').toBe(200);
      };
      return {
        fields,
        submit,
        async expectDone() {
          await expect(page.getByRole('heading', { name: t(lang, 'Je wachtwoord is gewijzigd', 'Your password has been changed') })).toBeVisible();
          await newPasswordWorks();
        },
        async expectSafeRepeat() {
          // The link was used by the attempt whose answer got lost: say so, in words, and
          // offer a new link in one click (for this account, without typing the address).
          await expect(page.getByRole('heading', { name: t(lang, 'Deze link is al gebruikt', 'This link was already used') })).toBeVisible();
          await page.getByRole('button', { name: t(lang, 'Stuur me een nieuwe link', 'Send me a new link') }).click();
          await expect(page.getByRole('status')).toContainText(account.email);
          await expect(page.getByRole('status')).toContainText(t(lang, 'Er is een nieuwe link onderweg naar', 'A new link is on its way to'));
          await expect.poll(async () => {
            const mails = (await (await page.request.get(`${backend.base}/dev/api/mail?to=${encodeURIComponent(account.email)}`)).json()) as Mail[];
            return mails.filter((m) => m.kind === 'password_reset').length;
          }).toBe(2);
          await newPasswordWorks();
        },
      };
    },
  },
  {
    // After a right password of an account with two-step verification on.
    name: 'second step (code)',
    url: '/users/second-step',
    endpoint: '/api/session/second-step',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      const account = await accountAtSecondStep(page, backend, 'fault-second-step');
      const submit = page.getByRole('button', { name: t(lang, 'Bevestigen', 'Verify'), exact: true });
      await goto(page, '/users/second-step', lang, submit);
      const fields: Field[] = [
        // A code the backend takes (when a request does reach it), as the app shows it.
        { label: 'code', locator: page.getByLabel(t(lang, 'Code uit de app', 'Code from the app')), value: await codeNow(page, account.key, 0, backend.base) },
        { label: 'trust device', locator: page.getByLabel(t(lang, 'Dit apparaat 30 dagen vertrouwen', 'Trust this device for 30 days')), value: 'checked', checkbox: true },
      ];
      await fill(fields);
      return {
        fields,
        submit,
        async expectDone() {
          await expect(page).toHaveURL(/\/account$/);
          await expect(page.getByText(account.email)).toBeVisible();
        },
        expectSafeRepeat: () => secondStepSignInAgain(page, lang, account),
      };
    },
  },
  {
    // The same form with "Telefoon niet bij de hand? Gebruik een herstelcode".
    name: 'second step (recovery code)',
    url: '/users/second-step',
    endpoint: '/api/session/second-step',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      const account = await accountAtSecondStep(page, backend, 'fault-recovery-code');
      const submit = page.getByRole('button', { name: t(lang, 'Bevestigen', 'Verify'), exact: true });
      await goto(page, '/users/second-step', lang, submit);
      await page.getByRole('button', { name: t(lang, 'Gebruik een herstelcode', 'Use a recovery code') }).click();
      const fields: Field[] = [
        { label: 'recovery code', locator: page.getByLabel(t(lang, 'Herstelcode', 'Recovery code'), { exact: true }), value: account.recovery[0] },
      ];
      await fill(fields);
      return {
        fields,
        submit,
        async expectDone() {
          await expect(page).toHaveURL(/\/account$/);
          await expect(twoStepSection(page, lang).getByText(t(lang, 'Je hebt nog 9 herstelcodes.', 'You have 9 recovery codes left.'))).toBeVisible();
        },
        expectSafeRepeat: () => secondStepSignInAgain(page, lang, account),
      };
    },
  },
  {
    // /account → "Wachtwoord wijzigen".
    name: 'change password',
    url: '/account',
    endpoint: '/api/account/password',
    readsSuccessBody: false,
    countsDown: true,
    async open(page, lang, backend) {
      const account = await signedInAccount(page, backend, 'fault-change-password', false);
      const section = page.getByRole('region', { name: t(lang, 'Wachtwoord wijzigen', 'Change password') });
      const submit = section.getByRole('button', { name: t(lang, 'Wachtwoord wijzigen', 'Change password') });
      await gotoAccount(page, lang, submit);
      const newPassword = `Nieuw-wachtwoord-${Math.floor(Math.random() * 1e9)}`;
      recordSecret('password', newPassword, 'faults setup');
      const fields: Field[] = [
        { label: 'current password', locator: section.getByLabel(t(lang, 'Huidig wachtwoord', 'Current password'), { exact: true }), value: account.password },
        { label: 'new password', locator: section.getByLabel(t(lang, 'Nieuw wachtwoord', 'New password'), { exact: true }), value: newPassword },
      ];
      await fill(fields);
      const changed = async () => {
        await expect(section.getByRole('status')).toHaveText(t(lang, /Je wachtwoord is gewijzigd/, /Your password was changed/));
        // This browser is still signed in; the new password is the one that works.
        expect((await page.request.get(`${backend.base}/api/session`)).status(), 'still signed in').toBe(200);
        expect(await apiSignIn(page, account.email, newPassword, backend.base), 'the new password signs in').toBe(200);
      };
      return { fields, submit, expectDone: changed, expectSafeRepeat: changed };
    },
  },
  {
    // /account → a passkey (made by Chromium's virtual authenticator) → "Naam wijzigen".
    // Its path holds the passkey's id: `open` sets it before the faults are routed.
    name: 'rename a passkey',
    url: '/account',
    endpoint: '/api/account/passkeys/(set by open)',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
          isUserVerified: true, automaticPresenceSimulation: true,
        },
      });
      await signedInAccount(page, backend, 'fault-rename-passkey', false);
      const section = page.getByRole('region', { name: t(lang, 'Toegangssleutels (passkeys)', 'Passkeys') });
      const add = section.getByRole('button', { name: t(lang, 'Toegangssleutel toevoegen', 'Add a passkey') });
      await gotoAccount(page, lang, add);
      await add.click();
      await expect(section.getByRole('status')).toHaveText(t(lang, /toegevoegd/, /added/));
      const list = await (await page.request.get(`${backend.base}/api/account/passkeys`)).json();
      const id = (list as { id: string }[])[0]?.id;
      expect(id, 'the passkey made during setup').toBeTruthy();
      this.endpoint = `/api/account/passkeys/${id}`;
      await section.getByRole('button', { name: t(lang, /^Naam wijzigen\s?: Passkey$/, /^Rename\s?: Passkey$/) }).click();
      const field = section.locator('#passkey-rename');
      await expect(field).toBeFocused();
      const fields: Field[] = [{ label: 'passkey name', locator: field, value: 'Werktelefoon buitendienst' }];
      await fill(fields);
      const submit = section.getByRole('button', { name: t(lang, 'Naam opslaan', 'Save name') });
      const renamed = async () => {
        await expect(section.getByRole('status')).toHaveText(t(lang, 'De naam is gewijzigd.', 'The name was changed.'));
        await expect(section.getByText('Werktelefoon buitendienst', { exact: true })).toBeVisible();
      };
      return { fields, submit, expectDone: renamed, expectSafeRepeat: renamed };
    },
  },
  {
    // /account → "Tweestapsverificatie aanzetten" → the key, then the first code.
    name: 'turn on two-step',
    url: '/account',
    endpoint: '/api/account/two-step/confirm',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      await signedInAccount(page, backend, 'fault-turn-on', false);
      const section = twoStepSection(page, lang);
      const turnOn = section.getByRole('button', { name: t(lang, 'Tweestapsverificatie aanzetten', 'Turn on two-step verification') });
      await gotoAccount(page, lang, turnOn);
      await turnOn.click();
      const submit = section.getByRole('button', { name: t(lang, 'Aanzetten', 'Turn on'), exact: true });
      await expect(submit).toBeVisible();
      const key = await shownKey(page);
      const fields: Field[] = [
        { label: 'code', locator: section.getByLabel(t(lang, 'Code uit de app', 'Code from the app')), value: await codeNow(page, key, 0, backend.base) },
      ];
      await fill(fields);
      return {
        fields,
        submit,
        async expectDone() {
          await expect(section.getByRole('status')).toHaveText(t(lang, /Tweestapsverificatie staat aan/, /Two-step verification is on/));
          const codes = section.locator('.recovery-code-list li');
          await expect(codes).toHaveCount(10);
          (await codes.allInnerTexts()).forEach((code) => recordSecret('token', code.trim(), 'recovery code (faults)'));
        },
        async expectSafeRepeat() {
          // The first attempt turned it on; its recovery codes never arrived. The retry
          // says so, blames nobody, and asks the confirmation that makes new ones.
          await expect(section.getByRole('status')).toHaveText(t(lang, /herstelcodes zijn onderweg verloren gegaan/, /recovery codes got lost on the way/));
          await expect(alertOf(page), 'nothing blames the person').toHaveCount(0);
          await expect(section.getByRole('heading', { name: t(lang, 'Bevestig dat jij het bent', 'Confirm it is you') })).toBeVisible();
        },
      };
    },
  },
  {
    // /account → "Tweestapsverificatie uitzetten" → "Bevestig dat jij het bent", here
    // with a code from the app.
    name: 'confirm it is you (turn off, app code)',
    url: '/account',
    endpoint: '/api/account/two-step/disable',
    readsSuccessBody: false,
    countsDown: true,
    async open(page, lang, backend) {
      const account = await signedInAccount(page, backend, 'fault-turn-off', true);
      const section = twoStepSection(page, lang);
      const turnOff = section.getByRole('button', { name: t(lang, 'Tweestapsverificatie uitzetten', 'Turn off two-step verification') });
      await gotoAccount(page, lang, turnOff);
      await turnOff.click();
      await section.getByRole('button', { name: t(lang, 'Bevestig met een code uit de app', 'Confirm with a code from the app') }).click();
      const submit = section.getByRole('button', { name: t(lang, 'Bevestigen', 'Confirm'), exact: true });
      const fields: Field[] = [
        { label: 'code', locator: section.getByLabel(t(lang, 'Code uit de app', 'Code from the app')), value: await codeNow(page, account.key, 0, backend.base) },
      ];
      await fill(fields);
      const off = async () => {
        await expect(section.getByRole('status')).toHaveText(t(lang, /Tweestapsverificatie staat uit/, /Two-step verification is off/));
        await expect(section.getByRole('button', { name: t(lang, 'Tweestapsverificatie aanzetten', 'Turn on two-step verification') })).toBeVisible();
      };
      // Already off, the backend says yes all the same: the retry is safe.
      return { fields, submit, expectDone: off, expectSafeRepeat: off };
    },
  },
  {
    // /account → "Nieuwe herstelcodes maken" → "Bevestig dat jij het bent", with the password.
    name: 'confirm it is you (new recovery codes, password)',
    url: '/account',
    endpoint: '/api/account/two-step/recovery-codes',
    readsSuccessBody: true,
    countsDown: true,
    async open(page, lang, backend) {
      const account = await signedInAccount(page, backend, 'fault-renew-codes', true);
      const section = twoStepSection(page, lang);
      const renew = section.getByRole('button', { name: t(lang, 'Nieuwe herstelcodes maken', 'Make new recovery codes') });
      await gotoAccount(page, lang, renew);
      await renew.click();
      const submit = section.getByRole('button', { name: t(lang, 'Bevestigen', 'Confirm'), exact: true });
      const fields: Field[] = [
        { label: 'password', locator: section.getByLabel(t(lang, 'Wachtwoord', 'Password'), { exact: true }), value: account.password },
      ];
      await fill(fields);
      // The retry makes ten new codes again: the lost ones never count.
      const renewed = async () => {
        const codes = section.locator('.recovery-code-list li');
        await expect(codes).toHaveCount(10);
        const shown = (await codes.allInnerTexts()).map((code) => code.trim());
        shown.forEach((code) => recordSecret('token', code, 'renewed recovery code (faults)'));
        expect(shown, 'the old codes are not shown again').not.toContain(account.recovery[0]);
      };
      return { fields, submit, expectDone: renewed, expectSafeRepeat: renewed };
    },
  },
];

// ---- Counting: the printed "fault scenarios × screens tried: N, inputs lost: 0" ----

export const FAULT_ANNOTATION = 'fault-scenario';

/** What one scenario × screen came to; summed by faults-reporter.ts. */
export function recordTried(testInfo: TestInfo, screen: string, scenario: string, inputsLost: number) {
  testInfo.annotations.push({ type: FAULT_ANNOTATION, description: JSON.stringify({ screen, scenario, inputsLost }) });
}

/** Fields whose value is not what was typed (read without waiting: the moment counts). */
export async function lostInputs(fields: Field[]): Promise<string[]> {
  const lost: string[] = [];
  for (const f of fields) {
    const kept = f.checkbox ? await f.locator.isChecked() : (await f.locator.inputValue()) === f.value;
    if (!kept) lost.push(f.label);
  }
  return lost;
}
