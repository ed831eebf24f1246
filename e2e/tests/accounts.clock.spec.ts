import {
  test, expect, linkFromMail, mailTo, uniqueEmail, advanceClock, expectNoAxeViolations, switchToEnglish,
} from './support/fixtures';

// Lifetimes of the reference backend's links (backend/src/config.rs), plus a second.
const VERIFY_TTL = 24 * 3600 + 1;
const INVITATION_TTL = 7 * 24 * 3600 + 1;

const WORDS = {
  nl: {
    confirm: 'Bevestig mijn e-mailadres', expired: 'Deze link is verlopen', email: 'E-mailadres',
    newLink: 'Stuur me een nieuwe link', resent: 'nieuwe e-mail onderweg', confirmed: 'Je e-mailadres is bevestigd',
    invitationExpired: 'Deze uitnodiging is verlopen', askInviter: 'Vraag Anna Jansen om je een nieuwe uitnodiging te sturen.',
  },
  en: {
    confirm: 'Confirm my email address', expired: 'This link has expired', email: 'Email address',
    newLink: 'Send me a new link', resent: 'a new email is on its way', confirmed: 'Your email address is confirmed',
    invitationExpired: 'This invitation has expired', askInviter: 'Ask Anna Jansen to send you a new invitation.',
  },
} as const;

for (const lang of ['nl', 'en'] as const) {
  const w = WORDS[lang];

  test(`an expired verification link explains itself and a new one works (${lang})`, async ({ page }) => {
    const email = uniqueEmail(`verify-expired-${lang}`);
    const registered = await page.request.post('/api/registrations', {
      headers: { 'x-topocloud-csrf': '1' },
      data: { name: 'Jan de Vries', email, password: 'Meetlat-en-theodoliet-2026', organisation: 'De Vries', accept_terms: true, locale: lang },
    });
    expect(registered.status()).toBe(202);
    const link = await linkFromMail(page, email, '/users/verify-email');
    await advanceClock(page, VERIFY_TTL);

    await page.goto(link);
    if (lang === 'en') await switchToEnglish(page);
    await page.getByRole('button', { name: w.confirm }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.expired })).toBeFocused();
    await expectNoAxeViolations(page, `verify link expired (${lang})`);

    await page.getByLabel(w.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: w.newLink }).click();
    await expect(page.getByRole('status').filter({ hasText: w.resent })).toBeVisible();
    await expectNoAxeViolations(page, `verify link expired, new one sent (${lang})`);
    await expect.poll(async () => (await mailTo(page, email)).length).toBe(2);

    const fresh = await linkFromMail(page, email, '/users/verify-email');
    expect(fresh).not.toBe(link);
    await page.goto('about:blank');
    await page.goto(fresh);
    await page.getByRole('button', { name: w.confirm }).click();
    await expect(page.getByRole('heading', { name: w.confirmed })).toBeVisible();
  });

  test(`an expired invitation names the inviter to ask (${lang})`, async ({ page }) => {
    const email = uniqueEmail(`invitation-expired-${lang}`);
    const invited = await page.request.post('/dev/api/invitations', {
      data: { email, organisation: 'Landmeetbureau Noord', account_type: 'main', inviter: 'Anna Jansen', locale: lang },
    });
    expect(invited.status()).toBe(201);
    const link = await linkFromMail(page, email, '/users/invitation');
    await advanceClock(page, INVITATION_TTL);

    await page.goto(link);
    if (lang === 'en') await switchToEnglish(page);
    await expect(page.getByRole('heading', { level: 1, name: w.invitationExpired })).toBeVisible();
    await expect(page.getByText(w.askInviter)).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole('link', { name: /verlopen of gebruikte link|expired or used link/ })).toHaveAttribute('href', lang === 'nl' ? '/help/link-verlopen' : '/help/link-expired');
    await expectNoAxeViolations(page, `invitation expired (${lang})`);
  });
}
