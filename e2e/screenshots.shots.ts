// Screenshots of every screen and its key states, at 360 and 1280 px, light and dark.
// Not part of the test run: `scripts/screenshots.sh` runs this file through
// screenshots.config.ts and turns the result into docs/screens.md.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, LoginPage, linkFromMail, DEMO_EMAIL, DEMO_PASSWORD,
} from './tests/support/fixtures';
import type { Browser, Page } from '@playwright/test';
import { toPalettePng } from './screenshots.png';

const OUT = path.resolve(process.env.SCREENS_DIR ?? path.join(__dirname, '../.run/screens'));
const CSRF = { 'x-topocloud-csrf': '1' };
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Phone: the whole page at its real size. Desktop: the first screenful, halved. */
const LOOKS = [
  { width: 360, height: 740, fullPage: true, scale: 1 },
  { width: 1280, height: 800, fullPage: false, scale: 0.5 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

type Screen = { id: string; caption: string; open: (page: Page) => Promise<void> };

// Every run starts from an empty database, so fixed addresses (one per screen) give the
// same pictures each time and a rerun changes only what really changed.
const address = (who: string) => `${who}@bureau-noord.test`;

/** A confirmed account with a fixed address, made through the real API. */
async function account(page: Page, who: string) {
  const email = address(who);
  const registered = await page.request.post('/api/registrations', {
    headers: CSRF,
    data: { name: 'Jan de Vries', email, password: 'Meetlat-en-theodoliet-2026', organisation: 'De Vries Landmeten', accept_terms: true, locale: 'nl' },
  });
  expect(registered.status()).toBe(202);
  return email;
}

async function invitationLink(page: Page) {
  const email = address('piet.bakker');
  const response = await page.request.post('/dev/api/invitations', {
    data: { email, organisation: 'Landmeetbureau Noord', account_type: 'main', name: 'Piet Bakker', inviter: 'Anna Jansen', locale: 'nl' },
  });
  expect(response.status()).toBe(201);
  return linkFromMail(page, email, '/users/invitation');
}

async function resetLink(page: Page, who: string) {
  const email = await account(page, who);
  const token = async () => new URL(await linkFromMail(page, email, '/users/verify-email')).hash.replace('#token=', '');
  const verified = await page.request.post('/api/email-verifications', { headers: CSRF, data: { token: await token() } });
  expect(verified.status()).toBe(200);
  const response = await page.request.post('/api/password-resets', { headers: CSRF, data: { email } });
  expect(response.status()).toBe(202);
  return linkFromMail(page, email, '/users/reset-password');
}

const SCREENS: Screen[] = [
  {
    id: 'login', caption: 'Sign in (`/users/login`)',
    open: async (page) => { await new LoginPage(page).goto(); },
  },
  {
    id: 'login-error', caption: 'Sign in: wrong password',
    open: async (page) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(address('jan'), 'Niet-het-wachtwoord-1');
      await expect(login.alert).toBeVisible();
    },
  },
  {
    id: 'login-en', caption: 'Sign in, in English, fields missing',
    open: async (page) => {
      const login = new LoginPage(page);
      await login.goto();
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await login.submit.click();
      await expect(page.getByText('Enter your email address.')).toBeVisible();
    },
  },
  {
    id: 'account', caption: 'Signed in (`/account`)',
    open: async (page) => {
      const response = await page.request.post('/api/session', { headers: CSRF, data: { email: DEMO_EMAIL, password: DEMO_PASSWORD, remember: false } });
      expect(response.status()).toBe(200);
      await page.goto('/account');
      await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
    },
  },
  {
    id: 'register', caption: 'Create an account (`/users/register`), password checklist live',
    open: async (page) => {
      await page.goto('/users/register');
      await page.getByLabel(/^Wachtwoord$/).fill('Meetlat-2026');
      await expect(page.locator('.checklist-item--met').first()).toBeVisible();
    },
  },
  {
    id: 'register-errors', caption: 'Create an account: every field missing',
    open: async (page) => {
      await page.goto('/users/register');
      await page.getByRole('button', { name: 'Account aanmaken' }).click();
      await expect(page.getByText('Vul je naam in.')).toBeVisible();
    },
  },
  {
    id: 'register-sent', caption: 'Create an account: check your mailbox',
    open: async (page) => {
      await page.clock.install();
      await page.goto('/users/register');
      await page.getByLabel('Naam', { exact: true }).fill('Jan de Vries');
      await page.getByLabel('E-mailadres', { exact: true }).fill(address('jan.de.vries'));
      await page.getByLabel('Organisatie', { exact: true }).fill('De Vries Landmeten');
      await page.getByLabel(/^Wachtwoord$/).fill('Meetlat-en-theodoliet-2026');
      await page.getByRole('checkbox', { name: /algemene voorwaarden/ }).check();
      await page.getByRole('button', { name: 'Account aanmaken' }).click();
      await expect(h1(page)).toHaveText('Kijk in je mailbox');
    },
  },
  {
    id: 'verify-done', caption: 'Email address confirmed (`/users/verify-email#token=…`)',
    open: async (page) => {
      const email = await account(page, 'kees');
      await page.goto(await linkFromMail(page, email, '/users/verify-email'));
      await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
      await expect(h1(page)).toHaveText('Je e-mailadres is bevestigd');
    },
  },
  {
    id: 'invitation', caption: 'Accept an invitation (`/users/invitation#token=…`)',
    open: async (page) => {
      await page.goto(await invitationLink(page));
      await expect(page.getByRole('button', { name: 'Uitnodiging accepteren' })).toBeVisible();
    },
  },
  {
    id: 'invitation-invalid', caption: 'Invitation link that does not work',
    open: async (page) => {
      await page.goto('/users/invitation#token=kapot');
      await expect(h1(page)).toHaveText('Deze uitnodigingslink werkt niet');
    },
  },
  {
    id: 'forgot-sent', caption: 'Forgot password (`/users/forgot-password`): link sent',
    open: async (page) => {
      // The resend countdown stands still, so every run shows the same number.
      await page.clock.install();
      await page.goto('/users/forgot-password');
      await page.getByLabel('E-mailadres').fill(address('anna'));
      await page.getByRole('button', { name: 'Aanvragen' }).click();
      await expect(page.getByRole('status')).toContainText('is er een e-mail onderweg');
    },
  },
  {
    id: 'reset', caption: 'Choose a new password (`/users/reset-password#token=…`): too common',
    open: async (page) => {
      await page.goto(await resetLink(page, 'sanne'));
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('1qaz2wsx3edc');
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await expect(page.getByText('Dit wachtwoord is te bekend')).toBeVisible();
    },
  },
  {
    id: 'reset-done', caption: 'New password saved',
    open: async (page) => {
      await page.goto(await resetLink(page, 'bram'));
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Nieuw-wachtwoord-voor-plaatjes');
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await expect(h1(page)).toHaveText('Je wachtwoord is gewijzigd');
    },
  },
  {
    id: 'help', caption: 'Help centre (`/help`), searching',
    open: async (page) => {
      await page.goto('/help');
      await page.getByRole('searchbox').fill('wachtwoord');
      await expect(page.getByRole('status')).toContainText('gevonden');
    },
  },
  {
    id: 'help-article', caption: 'Help article (`/help/te-veel-pogingen`)',
    open: async (page) => {
      await page.goto('/help/te-veel-pogingen');
      await expect(h1(page)).toBeVisible();
    },
  },
  {
    id: 'not-found', caption: 'Page not found',
    open: async (page) => {
      await page.goto('/bestaat-niet');
      await expect(h1(page)).toBeVisible();
    },
  },
  {
    id: 'register-signed-in', caption: 'Create an account while signed in: sign out first, or stay',
    open: async (page) => {
      const response = await page.request.post('/api/session', { headers: CSRF, data: { email: DEMO_EMAIL, password: DEMO_PASSWORD, remember: false } });
      expect(response.status()).toBe(200);
      await page.goto('/users/register');
      await expect(h1(page)).toHaveText('Je bent al aangemeld');
    },
  },
];

/** Scales a PNG in a blank page of the browser (there is no image tool on the machine). */
async function scaled(browser: Browser, png: Buffer, scale: number): Promise<Buffer> {
  if (scale === 1) return png;
  const page = await browser.newPage();
  const data = await page.evaluate(async ({ b64, scale }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const context = canvas.getContext('2d')!;
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').split(',')[1];
  }, { b64: png.toString('base64'), scale });
  await page.close();
  return Buffer.from(data, 'base64');
}

test.describe.configure({ timeout: 120_000 });

SCREENS.forEach((screen, index) => {
  test(`${String(index + 1).padStart(2, '0')} ${screen.id}`, async ({ page, browser }) => {
    fs.mkdirSync(OUT, { recursive: true });
    await screen.open(page);
    // No caret blinking or focus ring in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const files: string[] = [];
    for (const look of LOOKS) {
      await page.setViewportSize({ width: look.width, height: look.height });
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const png = await page.screenshot({ fullPage: look.fullPage, animations: 'disabled', caret: 'hide' });
        const file = `${String(index + 1).padStart(2, '0')}-${screen.id}-${look.width}-${colorScheme}.png`;
        fs.writeFileSync(path.join(OUT, file), toPalettePng(await scaled(browser, png, look.scale)));
        files.push(file);
      }
    }
    fs.writeFileSync(
      path.join(OUT, `${String(index + 1).padStart(2, '0')}-${screen.id}.json`),
      JSON.stringify({ id: screen.id, caption: screen.caption, files }),
    );
  });
});
