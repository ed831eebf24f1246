import { test, expect, LoginPage, uniqueEmail } from './support/fixtures';
import { expectForcedColorsWork, focusByKeyboard } from './support/a11y';
import type { Page } from '@playwright/test';

// How the site looks and moves for people who need it to: high contrast, visible focus,
// a skip link, no motion when asked, and targets a thumb can hit. (The per-screen axe and
// reflow checks are in a11y.spec.ts.)

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('forced colours (high contrast): no axe violations and a visible focus ring on login, an error and help', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expectForcedColorsWork(page, login.submit, 'login');
  await login.signIn(uniqueEmail('a11y-forced'), 'Niet-het-wachtwoord-1');
  await expect(login.alert).toContainText('klopt niet');
  await expectForcedColorsWork(page, login.email, 'login, wrong password');
  await page.goto('/help');
  await expect(page.getByRole('searchbox')).toBeVisible();
  await expectForcedColorsWork(page, page.getByRole('searchbox'), 'help');
});

test('focus rings are visible in light and dark on links, fields and buttons', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const target of [page.getByRole('button', { name: 'Switch to English' }), login.email, login.submit, page.getByRole('link', { name: 'Wachtwoord vergeten?' })]) {
      await focusByKeyboard(page, target);
      const ring = await target.evaluate((e) => {
        const s = getComputedStyle(e);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(ring, `${String(target)} (${colorScheme})`).toEqual({ style: 'solid', width: 3 });
    }
  }
});

test('the skip link is the first stop, shows when focused and leads into main', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(login.email).toBeFocused();
});

test('reduced motion: nothing animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const login = new LoginPage(page);
  await login.goto();
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .map((e) => getComputedStyle(e))
      .filter((s) => s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0).length,
  );
  expect(moving).toBe(0);
});

test('touch targets are at least 24 by 24 px at 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ['/users/login', '/users/register', '/users/forgot-password', '/help', '/help/te-veel-pogingen']) {
    await page.goto(path);
    await expect(h1(page)).toBeVisible();
    // Links inside running text are exempt (WCAG 2.5.8); everything else is measured.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, a')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) return false;
          if (e.closest('.skip-link, .visually-hidden') || (e as HTMLInputElement).type === 'hidden') return false;
          const inText = e.tagName === 'A' && (e.parentElement?.textContent ?? '').trim() !== (e.textContent ?? '').trim();
          return !inText && (r.width < 24 || r.height < 24);
        })
        .map((e) => `${e.tagName} ${e.textContent?.trim()}`),
    );
    expect(small, path).toEqual([]);
  }
});
