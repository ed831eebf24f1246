import {
  test, expect, LoginPage, createAccount, expectNoAxeViolations, linkFromMail, recordSecret, uniqueEmail,
  DEMO_EMAIL, DEMO_PASSWORD, nextFrames,
} from './support/fixtures';
import { activateByKeyboard, focusByKeyboard, isFocused, typeByKeyboard } from './support/a11y';
import { apiSignIn, codeNow, shownKey } from './support/totp';
import type { Page } from '@playwright/test';

// Every flow of the site again, by keyboard alone: Tab and Shift+Tab to move, Enter and
// Space to act, typing to fill in. No clicks, no fill(). After each navigation inside the
// app, focus is on the new screen's heading.

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function expectHeadingFocused(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
}

test('sign in and out: skip link, fields, show password, remember me, Shift+Tab back, Enter to submit', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  // A fresh load leaves focus alone: nothing is stolen from a password manager or the person.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  await expect(page).toHaveTitle('Aanmelden bij TopoCloud');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await typeByKeyboard(page, login.email, DEMO_EMAIL);
  await typeByKeyboard(page, login.password, DEMO_PASSWORD);
  const show = page.getByRole('button', { name: 'Toon wachtwoord' });
  await activateByKeyboard(page, show, ' ');
  await expect(login.password).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Verberg wachtwoord' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(login.password).toHaveAttribute('type', 'password');
  await activateByKeyboard(page, login.remember, ' ');
  await expect(login.remember).toBeChecked();
  // Back up to the email field and correct nothing: Shift+Tab reaches it.
  await focusByKeyboard(page, login.email, { backwards: true });
  await expect(login.email).toHaveValue(DEMO_EMAIL);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/account$/);
  await expectHeadingFocused(page, 'Je account');
  await expect(page).toHaveTitle('Je account · TopoCloud');
  await activateByKeyboard(page, page.getByRole('button', { name: 'Afmelden' }), ' ');
  await expect(page).toHaveURL(/\/users\/login$/);
  await expectHeadingFocused(page, 'Aanmelden bij TopoCloud');
  await expect(page).toHaveTitle('Aanmelden bij TopoCloud');
});

test('Microsoft sign-in by keyboard: the button, the provider, then the account page', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await activateByKeyboard(page, page.getByRole('link', { name: 'Inloggen met Microsoft' }), 'Enter');
  await expect(page.getByRole('heading', { name: /Microsoft \(local stand-in\)/ })).toBeVisible();
  await activateByKeyboard(page, page.getByRole('button', { name: 'Sign in' }), 'Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
  await activateByKeyboard(page, page.getByRole('button', { name: 'Afmelden' }), ' ');
  await expect(page).toHaveURL(/\/users\/login$/);
  // A cancelled sign-in comes back to a form that the keyboard can use at once.
  await activateByKeyboard(page, page.getByRole('link', { name: 'Inloggen met Microsoft' }), 'Enter');
  await activateByKeyboard(page, page.getByRole('button', { name: 'Cancel' }), ' ');
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(login.alert).toContainText('Je hebt het aanmelden met Microsoft afgebroken');
  await typeByKeyboard(page, login.email, DEMO_EMAIL);
  await expect(login.email).toHaveValue(DEMO_EMAIL);
});

test('the root address opens the login page without moving focus; Tab then reaches the email field', async ({ page }) => {
  const login = new LoginPage(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(login.submit).toBeVisible();
  // A late focus move (the heading after a navigation) would come in the first frame after
  // the app took over from the first paint (focus_heading_when_ready): wait for both.
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await nextFrames(page);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  await focusByKeyboard(page, login.email, { max: 4 });
});

test('a wrong password by keyboard: the alert takes focus, Tab leads back into the form', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await typeByKeyboard(page, login.email, uniqueEmail('keyboard-wrong'));
  await typeByKeyboard(page, login.password, 'Niet-het-wachtwoord-1');
  await activateByKeyboard(page, login.submit);
  await expect(login.alert).toBeFocused();
  await expect(login.alert).toContainText('klopt niet');
  // What was typed stays, to be corrected rather than typed again.
  await focusByKeyboard(page, login.password);
  await expect(login.password).toHaveValue('Niet-het-wachtwoord-1');
});

test('the language switch by keyboard: Enter and Space, <html lang> and the title follow', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await activateByKeyboard(page, page.getByRole('button', { name: 'Switch to English' }));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(h1(page)).toHaveText('Sign in to TopoCloud');
  await expect(page).toHaveTitle('Sign in to TopoCloud');
  // Still on the switch, now offering Dutch.
  const back = page.getByRole('button', { name: 'Schakel naar Nederlands' });
  await expect(back).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page).toHaveTitle('Aanmelden bij TopoCloud');
});

test('registration by keyboard, then the verification link, then sign in', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await activateByKeyboard(page, page.getByRole('link', { name: 'Account aanmaken' }));
  await expect(page).toHaveURL(/\/users\/register$/);
  await expectHeadingFocused(page, 'Een TopoCloud-account aanmaken');
  await expect(page).toHaveTitle('Een TopoCloud-account aanmaken');

  const email = uniqueEmail('keyboard-register');
  const password = 'Meetlat-en-theodoliet-2026';
  await typeByKeyboard(page, page.getByLabel('Naam', { exact: true }), 'Jan de Vries');
  await typeByKeyboard(page, page.getByLabel('E-mailadres', { exact: true }), email);
  await typeByKeyboard(page, page.getByLabel('Organisatie', { exact: true }), 'De Vries Landmeten');
  await typeByKeyboard(page, page.getByLabel(/^Wachtwoord$/), password);
  await activateByKeyboard(page, page.getByRole('checkbox', { name: /algemene voorwaarden/ }), ' ');
  await expect(page.getByRole('checkbox', { name: /algemene voorwaarden/ })).toBeChecked();
  await activateByKeyboard(page, page.getByRole('button', { name: 'Account aanmaken' }));
  await expectHeadingFocused(page, 'Kijk in je mailbox');

  await page.goto(await linkFromMail(page, email, '/users/verify-email'));
  await activateByKeyboard(page, page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }));
  await expectHeadingFocused(page, 'Je e-mailadres is bevestigd');
  await activateByKeyboard(page, page.getByRole('link', { name: 'Naar aanmelden' }).first());
  await expect(page).toHaveURL(/\/users\/login$/);
  await expectHeadingFocused(page, 'Aanmelden bij TopoCloud');
  await expect(login.email).toHaveValue(email);
  await typeByKeyboard(page, login.password, password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expectHeadingFocused(page, 'Je account');
});

test('an invitation accepted by keyboard', async ({ page }) => {
  const email = uniqueEmail('keyboard-invited');
  const invited = await page.request.post('/dev/api/invitations', {
    data: { email, organisation: 'Landmeetbureau Noord', account_type: 'main', name: '', inviter: 'Anna Jansen', locale: 'nl' },
  });
  expect(invited.status()).toBe(201);
  await page.goto(await linkFromMail(page, email, '/users/invitation'));
  await expect(h1(page)).toHaveText('Je bent uitgenodigd voor TopoCloud');

  await typeByKeyboard(page, page.getByLabel('Naam', { exact: true }), 'Piet Bakker');
  await typeByKeyboard(page, page.getByLabel(/^Wachtwoord$/), 'Waterpas-en-baak-2026');
  // Shift+Tab back to the name, then forward to the button.
  await focusByKeyboard(page, page.getByLabel('Naam', { exact: true }), { backwards: true });
  await activateByKeyboard(page, page.getByRole('button', { name: 'Uitnodiging accepteren' }));
  await expect(page).toHaveURL(/\/account$/);
  await expectHeadingFocused(page, 'Je account');
  await expect(page.getByText(email)).toBeVisible();
});

test('a forgotten password by keyboard: request, link, new password, sign in', async ({ page }) => {
  const account = await createAccount(page, 'keyboard-reset');
  const login = new LoginPage(page);
  await login.goto();
  await typeByKeyboard(page, login.email, account.email);
  await activateByKeyboard(page, page.getByRole('link', { name: 'Wachtwoord vergeten?' }));
  await expect(page).toHaveURL(/\/users\/forgot-password$/);
  await expectHeadingFocused(page, 'Wachtwoord vergeten');
  await expect(page).toHaveTitle('Wachtwoord vergeten · TopoCloud');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(account.email);
  await focusByKeyboard(page, page.getByLabel('E-mailadres'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('is er een e-mail onderweg');

  await page.goto(await linkFromMail(page, account.email, '/users/reset-password'));
  await expect(h1(page)).toHaveText('Nieuw wachtwoord kiezen');
  await typeByKeyboard(page, page.getByLabel('Nieuw wachtwoord', { exact: true }), 'Nieuw-wachtwoord-per-toets');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Je wachtwoord is gewijzigd');
  await activateByKeyboard(page, page.getByRole('link', { name: 'Naar aanmelden' }));
  await expectHeadingFocused(page, 'Aanmelden bij TopoCloud');
  await expect(login.email).toHaveValue(account.email);
  await typeByKeyboard(page, login.password, 'Nieuw-wachtwoord-per-toets');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
});

test('the help centre by keyboard: footer link, search, an article, back to all questions', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await activateByKeyboard(page, page.getByRole('contentinfo').getByRole('link', { name: 'Hulp bij inloggen' }));
  await expect(page).toHaveURL(/\/help$/);
  await expectHeadingFocused(page, 'Hulp bij inloggen');
  await expect(page).toHaveTitle('Hulp bij inloggen · TopoCloud');

  await typeByKeyboard(page, page.getByRole('searchbox'), 'te veel');
  const result = page.locator('#help-results').getByRole('link', { name: 'Ik krijg de melding ‘Te veel pogingen’' });
  await expect(result).toBeVisible();
  await activateByKeyboard(page, result);
  await expect(page).toHaveURL(/\/help\/te-veel-pogingen$/);
  await expectHeadingFocused(page, 'Ik krijg de melding ‘Te veel pogingen’');

  // From the heading, Shift+Tab goes back to the breadcrumb.
  await activateByKeyboard(page, page.getByRole('link', { name: 'Alle vragen' }), 'Enter', { backwards: true });
  await expect(page).toHaveURL(/\/help/);
  await expectHeadingFocused(page, 'Hulp bij inloggen');
  await activateByKeyboard(page, page.getByRole('link', { name: 'Terug naar aanmelden' }));
  await expectHeadingFocused(page, 'Aanmelden bij TopoCloud');
});

test('no keyboard trap: Tab runs through every control of the login page and out again', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      return e && e !== document.body ? `${e.tagName} ${e.getAttribute('id') ?? e.textContent?.trim()}` : 'out';
    });
    if (stop === 'out' || stops.includes(stop)) break;
    stops.push(stop);
  }
  // Skip link, brand, language, email, password, show, remember, forgot, submit, … footer.
  expect(stops.length).toBeGreaterThanOrEqual(10);
  expect(stops[0]).toContain('Naar de inhoud');
  expect(stops).toContain('INPUT email');
  expect(stops).toContain('INPUT password');
  expect(stops.at(-1)).toContain('Hulp bij inloggen');
  expect(stops.indexOf('INPUT email')).toBeLessThan(stops.indexOf('INPUT password'));
  expect(await isFocused(login.submit)).toBe(false);
});

test('accessible authentication (WCAG 3.3.8): paste works in every email and password field, password managers are told what each field is', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const paste = async (field: ReturnType<Page['getByLabel']>, text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await focusByKeyboard(page, field);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(field).toHaveValue(text);
  };

  const login = new LoginPage(page);
  await login.goto();
  await expect(login.email).toHaveAttribute('autocomplete', 'username webauthn');
  await expect(login.password).toHaveAttribute('autocomplete', 'current-password');
  await paste(login.email, DEMO_EMAIL);
  await paste(login.password, DEMO_PASSWORD);
  // Nothing to solve, recognise or transcribe: the form has exactly email, password, remember me.
  await expect(page.locator('main input:not([type=hidden])')).toHaveCount(3);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  // The login app moves on by replacing the address and then reloading: wait for the account
  // screen, or the next goto races that reload ("interrupted by another navigation").
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je account');

  await page.context().clearCookies();
  await page.goto('/users/register');
  const password = page.getByLabel(/^Wachtwoord$/);
  await expect(password).toHaveAttribute('autocomplete', 'new-password');
  await expect(page.locator('input[autocomplete="username"]')).toBeAttached();
  await paste(page.getByLabel('E-mailadres', { exact: true }), 'geplakt@topocloud.test');
  await paste(password, 'Geplakt-wachtwoord-2026');
  await expect(page.getByText('Je wachtwoord voldoet aan alle eisen.')).toBeAttached();

  await page.goto('/users/forgot-password');
  await paste(page.getByLabel('E-mailadres'), 'geplakt@topocloud.test');
});

test('two-step verification turned on from the account page by keyboard alone, in English: key, code, recovery codes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { email, password } = await createAccount(page, 'keyboard-two-step');
  const login = new LoginPage(page);
  await login.goto();
  await activateByKeyboard(page, page.getByRole('button', { name: 'Switch to English' }));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await typeByKeyboard(page, login.email, email);
  await typeByKeyboard(page, login.password, password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expectHeadingFocused(page, 'Your account');

  const section = page.getByRole('region', { name: 'Two-step verification' });
  await activateByKeyboard(page, section.getByRole('button', { name: 'Turn on two-step verification' }));
  await expect(section.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const key = await shownKey(page);
  const field = section.getByLabel('Code from the app');
  // (Focus is lost here and the next Tab goes to the footer first: see the known-bug test below.)
  await typeByKeyboard(page, field, await codeNow(page, key));
  await page.keyboard.press('Enter');

  // Turned on: the news is where focus is, the codes follow, then their three buttons
  // and the way on, in that order.
  const status = section.getByRole('status').filter({ hasText: 'Two-step verification is on' });
  await expect(status).toBeFocused();
  const codes = section.locator('.recovery-code-list li');
  await expect(codes).toHaveCount(10);
  (await codes.allInnerTexts()).forEach((code) => recordSecret('token', code.trim(), 'recovery code (keyboard)'));
  await expect(section.getByRole('heading', { name: 'Keep your recovery codes' })).toBeVisible();

  const copy = section.getByRole('button', { name: 'Copy', exact: true });
  await focusByKeyboard(page, copy, { max: 5 });
  await page.keyboard.press('Enter');
  await expect(section.getByText('The codes were copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(email);
  expect(copied).toContain((await codes.first().innerText()).trim());

  const download = section.getByRole('link', { name: 'Download as a text file' });
  await page.keyboard.press('Tab');
  await expect(download, 'Download is the next stop after Copy').toBeFocused();
  const downloaded = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloaded).suggestedFilename()).toBe('topocloud-recovery-codes.txt');

  // Printing opens the browser's dialog: counted instead.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  const print = section.getByRole('button', { name: 'Print', exact: true });
  await page.keyboard.press('Tab');
  await expect(print, 'Print is the next stop after Download').toBeFocused();
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const kept = section.getByRole('button', { name: 'I have kept them, continue' });
  await focusByKeyboard(page, kept, { max: 3 });
  await page.keyboard.press('Enter');
  await expect(section.getByText('You have 10 recovery codes left.')).toBeVisible();
  await expect(codes).toHaveCount(0);
  // Still reachable by Tab (around the page: focus was lost, see the known-bug test below).
  await focusByKeyboard(page, section.getByRole('button', { name: 'Make new recovery codes' }));
});

/** Where keyboard focus is: inside `section`, or what it is. */
async function focusIsIn(section: ReturnType<Page['getByRole']>) {
  return section.evaluate((s) => {
    const e = document.activeElement;
    return e && s.contains(e) ? 'in the section' : `${e?.tagName} ${e?.textContent?.trim().slice(0, 30)}`;
  });
}

test('the two-step section keeps keyboard focus inside when it swaps its content (WCAG 2.4.3)', async ({ page }) => {
  const { email, password } = await createAccount(page, 'keyboard-two-step-focus');
  expect(await apiSignIn(page, email, password)).toBe(200);
  await page.goto('/account');
  await switchToEnglishByKeyboard(page);
  const section = page.getByRole('region', { name: 'Two-step verification' });
  await activateByKeyboard(page, section.getByRole('button', { name: 'Turn on two-step verification' }));
  await expect(section.getByLabel('Code from the app')).toBeVisible();
  await page.keyboard.press('Tab');
  expect.soft(await focusIsIn(section), 'the first Tab after "Turn on two-step verification"').toBe('in the section');

  const key = await shownKey(page);
  await typeByKeyboard(page, section.getByLabel('Code from the app'), await codeNow(page, key));
  await page.keyboard.press('Enter');
  await expect(section.locator('.recovery-code-list li')).toHaveCount(10);
  (await section.locator('.recovery-code-list li').allInnerTexts()).forEach((code) => recordSecret('token', code.trim(), 'recovery code (keyboard)'));
  await activateByKeyboard(page, section.getByRole('button', { name: 'I have kept them, continue' }));
  await expect(section.getByText('You have 10 recovery codes left.')).toBeVisible();
  await page.keyboard.press('Tab');
  expect.soft(await focusIsIn(section), 'the first Tab after "I have kept them, continue"').toBe('in the section');
});

async function switchToEnglishByKeyboard(page: Page) {
  await activateByKeyboard(page, page.getByRole('button', { name: 'Switch to English' }));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('het wachtwoord wijzigen met alleen het toetsenbord: fout huidig wachtwoord, tonen, dan gewijzigd', async ({ page }) => {
  const { email, password } = await createAccount(page, 'keyboard-change-password');
  expect(await apiSignIn(page, email, password)).toBe(200);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Wachtwoord wijzigen' });
  const current = section.getByLabel('Huidig wachtwoord');
  const fresh = section.getByLabel('Nieuw wachtwoord');
  await expect(current).toBeVisible();
  const next = `Per-toets-${Math.floor(Math.random() * 1e9)}-baak`;
  recordSecret('password', next, 'keyboard change password');

  // A wrong current password: focus goes back to it, the new one stays typed.
  await typeByKeyboard(page, current, 'Niet-het-wachtwoord-1');
  await typeByKeyboard(page, fresh, next);
  await expect(section.getByText('Je wachtwoord voldoet aan alle eisen.')).toBeAttached();
  await activateByKeyboard(page, section.getByRole('button', { name: 'Wachtwoord wijzigen' }));
  await expect(section.getByText('Dit wachtwoord klopt niet.')).toBeVisible();
  await expect(current).toBeFocused();
  await expect(fresh).toHaveValue(next);

  // Corrected in place, checked by showing it (Space on the eye), then Enter from the field.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(password);
  await activateByKeyboard(page, section.getByRole('button', { name: 'Toon wachtwoord' }).first(), ' ');
  await expect(current).toHaveAttribute('type', 'text');
  await focusByKeyboard(page, current, { backwards: true, max: 3 });
  await page.keyboard.press('Enter');
  const changed = section.getByRole('status');
  await expect(changed).toHaveText(/Je wachtwoord is gewijzigd/);
  await expect(changed).toBeFocused();
  await expect(current).toHaveValue('');
  await expect(current, 'hidden again after sending').toHaveAttribute('type', 'password');
  await expectNoAxeViolations(page, 'account: password changed');
  await page.request.delete('/api/session', { headers: { 'x-topocloud-csrf': '1' } });
  expect(await apiSignIn(page, email, next)).toBe(200);
});
