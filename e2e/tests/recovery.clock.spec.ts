import { test, expect, createAccount, linkFromMail, mailTo, advanceClock, expectNoAxeViolations } from './support/fixtures';

test('an expired reset link explains itself and sends a new one in one click', async ({ page }) => {
  const account = await createAccount(page, 'expired');
  await page.request.post('/api/password-resets', { headers: { 'x-topocloud-csrf': '1' }, data: { email: account.email } });
  const link = await linkFromMail(page, account.email, '/users/reset-password');
  await advanceClock(page, 3601);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Deze link is verlopen' })).toBeVisible();
  await expectNoAxeViolations(page, 'expired link');
  await page.getByRole('button', { name: 'Stuur me een nieuwe link' }).click();
  await expect(page.getByRole('status')).toContainText(`Er is een nieuwe link onderweg naar ${account.email}`);
  await expect.poll(async () => (await mailTo(page, account.email)).filter((m) => m.kind === 'password_reset').length).toBe(2);

  const fresh = await linkFromMail(page, account.email, '/users/reset-password');
  expect(fresh).not.toBe(link);
  await page.goto('about:blank');
  await page.goto(fresh);
  await expect(page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
});

test('asking for a new link too often from a dead one shows the wait and counts it down', async ({ page }) => {
  const account = await createAccount(page, 'expired-limit');
  await page.request.post('/api/password-resets', { headers: { 'x-topocloud-csrf': '1' }, data: { email: account.email } });
  const link = await linkFromMail(page, account.email, '/users/reset-password');
  await advanceClock(page, 3601);

  // The limit as a real backend would answer it (the reference one allows five an hour).
  let limited = true;
  let asked = 0;
  await page.route('**/api/password-resets', async (route) => {
    asked += 1;
    if (!limited) return route.continue();
    await route.fulfill({
      status: 429,
      contentType: 'application/problem+json',
      headers: { 'retry-after': '120' },
      body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'too_many_attempts' }),
    });
  });
  await page.clock.install();
  await page.goto(link);
  const button = page.getByRole('button', { name: 'Stuur me een nieuwe link' });
  await button.click();
  await expect(page.getByRole('alert')).toContainText('Te veel pogingen. Je kunt het over 2 minuten opnieuw proberen.');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await button.click({ force: true });
  expect(asked, 'nothing is sent while locked').toBe(1);

  limited = false;
  await page.clock.runFor(121_000);
  await expect(page.getByRole('alert')).toContainText('Je kunt het nu opnieuw proberen.');
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await button.click();
  await expect(page.getByRole('status')).toContainText(`Er is een nieuwe link onderweg naar ${account.email}`);
  expect(asked).toBe(2);
});
