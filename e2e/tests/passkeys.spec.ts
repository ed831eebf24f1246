import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { test, expect, LoginPage, createAccount, expectNoAxeViolations, mailTo, recordSecret, switchToEnglish } from './support/fixtures';
import { turnOnTwoStep } from './support/totp';

/** Chromium's virtual authenticator on this page: a phone's or laptop's, verifying at once. */
async function authenticator(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}

/** Every challenge the server hands out is a secret of its own: the leak check looks for it. */
function recordChallenges(page: Page) {
  page.on('response', async (response) => {
    if (!/\/api\/(account\/)?passkeys\/.*options$/.test(response.url())) return;
    const challenge = (await response.json().catch(() => null))?.publicKey?.challenge;
    if (typeof challenge === 'string') recordSecret('token', challenge, 'passkey challenge');
  });
}

/** A new account, signed in with its password on the login page: on the account page. */
async function signedInWithPassword(page: Page, prefix: string) {
  const { email, password } = await createAccount(page, prefix);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
  return { email, password, login };
}

/** An account with one passkey on this page's authenticator, signed in. */
async function accountWithPasskey(page: Page, prefix: string) {
  const { email, password, login } = await signedInWithPassword(page, prefix);
  const section = page.getByRole('region', { name: 'Toegangssleutels (passkeys)' });
  await section.getByLabel('Naam van de toegangssleutel').fill('Telefoon');
  await section.getByRole('button', { name: 'Toegangssleutel toevoegen' }).click();
  await expect(section.getByRole('status')).toHaveText(/De toegangssleutel is toegevoegd/);
  return { email, password, section, login };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Afmelden' }).first().click();
  await expect(page).toHaveURL(/\/users\/login/);
}


/**
 * Passkeys need a host name (WebAuthn refuses IP addresses), so this suite runs on
 * http://localhost. Chromium's virtual authenticator (CDP) stands in for the phone's or
 * laptop's: it makes a discoverable credential and verifies the person at once.
 */
test('a passkey is added from the account page, listed, and removed after a question', async ({ page, context }) => {
  const { cdp, id: authenticatorId } = await authenticator(context, page);
  // The ceremony's challenge is a secret of its own: it must show up nowhere.
  recordChallenges(page);
  const { email } = await signedInWithPassword(page, 'passkey-add');
  const section = page.getByRole('region', { name: 'Toegangssleutels (passkeys)' });
  await expect(section.getByText('Je hebt nog geen toegangssleutels.')).toBeVisible();
  await expectNoAxeViolations(page, 'account: passkeys, none yet');

  await section.getByLabel('Naam van de toegangssleutel').fill('Laptop van de buitendienst');
  await section.getByRole('button', { name: 'Toegangssleutel toevoegen' }).click();
  await expect(section.getByRole('status')).toHaveText(/De toegangssleutel is toegevoegd/);
  await expect(section.getByText('Laptop van de buitendienst', { exact: true })).toBeVisible();
  await expect(section.getByText('Nog niet gebruikt')).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential, 'discoverable, for sign-in without an email').toBe(true);
  recordSecret('token', credentials[0].credentialId, 'passkey credential id');
  await expect.poll(async () => (await mailTo(page, email)).map((m) => m.kind)).toContain('passkey_added');
  await expectNoAxeViolations(page, 'account: a passkey added');

  await section.getByRole('button', { name: /^Naam wijzigen\s?: Laptop van de buitendienst$/ }).click();
  const rename = section.locator('#passkey-rename');
  await expect(rename).toBeFocused();
  await expect(rename).toHaveValue('Laptop van de buitendienst');
  await expectNoAxeViolations(page, 'account: renaming a passkey');
  await rename.fill('Laptop (kantoor)');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText('De naam is gewijzigd.');
  await expect(section.getByText('Laptop (kantoor)', { exact: true })).toBeVisible();
  await section.getByRole('button', { name: /^Verwijderen\s?: Laptop \(kantoor\)$/ }).click();
  await expect(section.getByText('Deze toegangssleutel verwijderen?')).toBeVisible();
  await expectNoAxeViolations(page, 'account: removing a passkey');
  await section.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(section.getByRole('status')).toHaveText('De toegangssleutel is verwijderd.');
  await expect(section.getByText('Je hebt nog geen toegangssleutels.')).toBeVisible();
});

test('signing in from the passkey button needs no email and no password, and counts as both steps', async ({ page, context }) => {
  const { cdp, id } = await authenticator(context, page);
  recordChallenges(page);
  await accountWithPasskey(page, 'passkey-button');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: id });
  recordSecret('token', credentials[0].credentialId, 'passkey credential id');
  await signOut(page);

  const button = page.getByRole('button', { name: 'Inloggen met een toegangssleutel' });
  await expect(button).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('autocomplete', 'username webauthn');
  await expectNoAxeViolations(page, 'login: with the passkey button');
  await expect(page.getByLabel('E-mailadres')).toHaveValue('');
  await button.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Je account' })).toBeVisible();
  const session = await page.request.get('/api/session');
  expect(session.status()).toBe(200);
});


test('the email field offers the saved passkeys: chosen there, it signs in without email or password', async ({ page, context }) => {
  await authenticator(context, page);
  recordChallenges(page);
  await accountWithPasskey(page, 'passkey-autofill');
  await signOut(page);
  const signIns: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/passkeys/authentication')) signIns.push(r.postData() ?? '');
  });
  // A page load of the login page: its own app, then the module at idle, whose pending
  // request Chromium's virtual authenticator answers as a person picking the passkey in
  // the email field's list would.
  await page.goto('/users/login');
  await expect(page).toHaveURL(/\/account$/);
  // Drawn, not only addressed: the test ends on a page that has finished loading.
  await expect(page.getByRole('heading', { name: 'Je account' })).toBeVisible();
  expect(signIns).toHaveLength(1);
  expect(JSON.parse(signIns[0]).remember, 'Ingelogd blijven was not ticked').toBe(false);
  expect(JSON.parse(signIns[0]).credential.type).toBe('public-key');
});

test('a passkey sign-in counts as both steps: no code is asked of an account with two-step verification', async ({ page, context }) => {
  await authenticator(context, page);
  await accountWithPasskey(page, 'passkey-two-step');
  await turnOnTwoStep(page);
  await signOut(page);
  // The login form drawn by the whole site after signing out: the button fetches the module.
  await page.getByRole('button', { name: 'Inloggen met een toegangssleutel' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Je account' })).toBeVisible();
});

test('closing the browser\'s dialog is no error: the form simply stays, and works', async ({ page, context }) => {
  // An authenticator without any passkey for this site: the dialog ends as when closed.
  await authenticator(context, page);
  const { email, password } = await createAccount(page, 'passkey-cancel');
  const login = new LoginPage(page);
  await login.goto();
  await page.getByLabel('E-mailadres').fill(email);
  const options = page.waitForResponse((r) => r.url().endsWith('/api/passkeys/authentication/options') && r.request().headers()['x-topocloud-csrf'] === '1');
  const button = page.getByRole('button', { name: 'Inloggen met een toegangssleutel' });
  await button.click();
  expect((await options).status()).toBe(200);
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('.form-alert')).not.toHaveClass(/form-alert--visible/);
  await expect(page).toHaveURL(/\/users\/login/);
  await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
  await expectNoAxeViolations(page, 'login: after a closed passkey dialog');
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Je account' })).toBeVisible();
});

test('a passkey the server no longer knows is said, with the way back to the password', async ({ page, context }) => {
  await authenticator(context, page);
  const { email, password, section } = await accountWithPasskey(page, 'passkey-unknown');
  // Removed on the account page; the device still holds it.
  await section.getByRole('button', { name: /^Verwijderen\s?: Telefoon$/ }).click();
  await section.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(section.getByRole('status')).toHaveText('De toegangssleutel is verwijderd.');
  await signOut(page);
  await page.goto('/users/login');
  // The app's alert (the static first paint, on screen until the app takes over, holds
  // hidden ones of its own).
  const alert = page.getByRole('alert').filter({ hasText: 'TopoCloud kent deze toegangssleutel niet (meer)' });
  await expect(alert).toContainText('TopoCloud kent deze toegangssleutel niet (meer)');
  await expect(alert).toBeFocused();
  // Its help article, as every error has.
  await expect(alert.getByRole('link', { name: 'Hulp: Inloggen met een toegangssleutel (passkey)' })).toHaveAttribute('href', '/help/toegangssleutels');
  await expectNoAxeViolations(page, 'login: an unknown passkey');
  const session = await page.request.get('/api/session');
  expect(session.status()).toBe(401);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Je account' })).toBeVisible();
});

test('by keyboard alone, in English: Tab reaches the passkey button and Enter signs in', async ({ page, context }) => {
  await authenticator(context, page);
  await accountWithPasskey(page, 'passkey-keyboard');
  await signOut(page);
  await switchToEnglish(page);
  const button = page.getByRole('button', { name: 'Sign in with a passkey' });
  await expect(button).toBeVisible();
  await expectNoAxeViolations(page, 'login in English: with the passkey button');
  await page.getByRole('button', { name: 'Sign in', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
});

test('after a password sign-in the account page offers a passkey once; "Niet nu" holds on this device', async ({ page, context }) => {
  await authenticator(context, page);
  const { email, password, login } = await signedInWithPassword(page, 'passkey-offer-later');
  const offer = page.getByRole('region', { name: 'Voortaan sneller inloggen op dit apparaat' });
  await expect(offer).toBeVisible();
  await expectNoAxeViolations(page, 'account: the passkey offer');
  await offer.getByRole('button', { name: 'Niet nu' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Je account' })).toBeFocused();

  await signOut(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
  // The passkeys section has read its list: the offer would have been decided by now.
  await expect(page.getByText('Je hebt nog geen toegangssleutels.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Voortaan sneller inloggen op dit apparaat' })).toHaveCount(0);
});

test('the offer makes a passkey in one press, and the list below shows it', async ({ page, context }) => {
  const { cdp, id } = await authenticator(context, page);
  recordChallenges(page);
  await signedInWithPassword(page, 'passkey-offer-make');
  const offer = page.getByRole('region', { name: 'Voortaan sneller inloggen op dit apparaat' });
  await offer.getByRole('button', { name: 'Toegangssleutel maken' }).click();
  await expect(offer.getByRole('status')).toHaveText(/De toegangssleutel is toegevoegd/);
  await expect(offer.getByRole('status')).toBeFocused();
  await expectNoAxeViolations(page, 'account: a passkey made from the offer');
  const section = page.getByRole('region', { name: 'Toegangssleutels (passkeys)' });
  await expect(section.getByText('Passkey', { exact: true })).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: id });
  expect(credentials).toHaveLength(1);
  recordSecret('token', credentials[0].credentialId, 'passkey credential id');
});

test('by keyboard alone on the account page: add, rename and remove a passkey', async ({ page, context }) => {
  await authenticator(context, page);
  await signedInWithPassword(page, 'passkey-keys');
  const section = page.getByRole('region', { name: 'Toegangssleutels (passkeys)' });
  const name = section.getByLabel('Naam van de toegangssleutel');
  await name.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Tablet');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText(/De toegangssleutel is toegevoegd/);
  // From the name field, Tab goes on to the add button; the list's buttons answer Enter and Space.
  await name.focus();
  await page.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'Toegangssleutel toevoegen' })).toBeFocused();
  await section.getByRole('button', { name: /^Naam wijzigen\s?: Tablet$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(section.locator('#passkey-rename')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Tablet thuis');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText('De naam is gewijzigd.');
  await section.getByRole('button', { name: /^Verwijderen\s?: Tablet thuis$/ }).focus();
  await page.keyboard.press('Space');
  await section.getByRole('button', { name: 'Ja, verwijderen' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText('De toegangssleutel is verwijderd.');
});
