import { test, expect, LoginPage, DEMO_EMAIL, expectNoAxeViolations, switchToEnglish, uniqueEmail } from './support/fixtures';
import type { Page } from '@playwright/test';

/** Every article, as a person sees it: its two addresses and its question in each language. */
const ARTICLES = [
  { nl: ['waar-log-ik-in', 'Waar log ik in?'], en: ['where-do-i-log-in', 'Where do I log in?'] },
  { nl: ['wat-heb-ik-nodig', 'Wat heb ik nodig om in te loggen?'], en: ['what-do-i-need', 'What do I need to log in?'] },
  { nl: ['wachtwoord-vergeten', 'Ik ben mijn wachtwoord vergeten'], en: ['forgot-password', 'I forgot my password'] },
  { nl: ['kan-niet-inloggen', 'Ik kan niet inloggen'], en: ['cant-log-in', "I can't log in"] },
  { nl: ['link-verlopen', 'De link in mijn e-mail is verlopen of al gebruikt'], en: ['link-expired', 'The link in my email has expired or was already used'] },
  { nl: ['te-veel-pogingen', 'Ik krijg de melding ‘Te veel pogingen’'], en: ['too-many-attempts', 'I get “Too many attempts”'] },
  { nl: ['uitnodiging-ander-account', 'Ik ben uitgenodigd, maar ben ingelogd als iemand anders'], en: ['invitation-other-account', 'I was invited but I am signed in as someone else'] },
  { nl: ['inloggen-met-microsoft', 'Inloggen met Microsoft lukt niet'], en: ['microsoft-sign-in', 'Microsoft sign-in fails'] },
  { nl: ['caps-lock-en-wachtwoordmanagers', 'Caps Lock en wachtwoordmanagers'], en: ['caps-lock-and-password-managers', 'Caps Lock and password managers'] },
  { nl: ['tweestapsverificatie', 'Wat is tweestapsverificatie en hoe zet ik het aan?'], en: ['two-step-verification', 'What is two-step verification and how do I turn it on?'] },
  { nl: ['telefoon-kwijt', 'Ik ben mijn telefoon of authenticator-app kwijt'], en: ['lost-my-phone', 'I lost my phone or my authenticator app'] },
  { nl: ['code-niet-geaccepteerd', 'Mijn code wordt niet geaccepteerd'], en: ['code-not-accepted', 'My code is not accepted'] },
  { nl: ['toegangssleutels', 'Inloggen met een toegangssleutel (passkey)'], en: ['passkeys', 'Signing in with a passkey'] },
] as const;
const LANGS = ['nl', 'en'] as const;
type Lang = (typeof LANGS)[number];

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const results = (page: Page) => page.locator('#help-results').getByRole('link');
const countStatus = (page: Page) => page.getByRole('status');

async function gotoIn(page: Page, path: string, lang: Lang) {
  await page.goto(path);
  await expect(h1(page)).toBeVisible();
  if (lang === 'en') await switchToEnglish(page);
}

/** The "still stuck?" block: mailto: and tel: from the runtime configuration. */
async function expectContactBlock(page: Page, email: string, phone: string, tel: string) {
  const contact = page.locator('section.help-contact');
  await expect(contact.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(contact.getByRole('link', { name: email })).toHaveAttribute('href', `mailto:${email}`);
  await expect(contact.getByRole('link', { name: phone })).toHaveAttribute('href', tel);
}

for (const lang of LANGS) {
  test(`the list shows every question, each opens its article, no axe violations (${lang})`, async ({ page }) => {
    await gotoIn(page, '/help', lang);
    await expect(h1(page)).toHaveText(lang === 'nl' ? 'Hulp bij inloggen' : 'Help with logging in');
    await expect(page).toHaveTitle(lang === 'nl' ? 'Hulp bij inloggen · TopoCloud' : 'Help with logging in · TopoCloud');
    await expect(results(page)).toHaveText(ARTICLES.map((a) => a[lang][1]));
    await expect(countStatus(page)).toHaveText(lang === 'nl' ? `${ARTICLES.length} vragen.` : `${ARTICLES.length} questions.`);
    await expectNoAxeViolations(page, `help list (${lang})`);

    for (const article of ARTICLES) {
      const [slug, question] = article[lang];
      await results(page).filter({ hasText: question }).click();
      await expect(page).toHaveURL(new RegExp(`/help/${slug}$`));
      await expect(h1(page)).toHaveText(question);
      await page.goBack();
      await expect(results(page)).toHaveCount(ARTICLES.length);
    }
  });

  test(`every article opens from both deep links, with its title, contact block and no axe violations (${lang})`, async ({ page }) => {
    // Two page loads and one axe run per article: a matrix, like those in a11y.spec.ts.
    test.setTimeout(240_000);
    await gotoIn(page, `/help/${ARTICLES[0].nl[0]}`, lang);
    for (const article of ARTICLES) {
      for (const slugLang of LANGS) {
        await page.goto(`/help/${article[slugLang][0]}`);
        // The language the person chose wins over the slug's language.
        await expect(h1(page)).toHaveText(article[lang][1]);
      }
      await expect(page).toHaveTitle(`${article[lang][1]} · TopoCloud`);
      await expect(page.getByRole('article').locator('p').first()).not.toBeEmpty();
      await expectContactBlock(page, 'hello@topocloud.com', '(+31) 513 528 759', 'tel:+31513528759');
      await expectNoAxeViolations(page, `article ${article[lang][0]} (${lang})`);
    }
  });

  test(`an unknown slug explains itself and leads back to the list (${lang})`, async ({ page }) => {
    await gotoIn(page, '/help/bestaat-niet', lang);
    await expect(h1(page)).toHaveText(lang === 'nl' ? 'Deze hulpvraag bestaat niet' : 'This help article does not exist');
    await expect(page).toHaveTitle(/ · TopoCloud$/);
    await expectContactBlock(page, 'hello@topocloud.com', '(+31) 513 528 759', 'tel:+31513528759');
    await expectNoAxeViolations(page, `unknown article (${lang})`);
    await page.getByRole('link', { name: lang === 'nl' ? 'Bekijk alle vragen' : 'See all questions' }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(results(page)).toHaveCount(ARTICLES.length);
  });
}

test('the search narrows the list as you type and announces the count', async ({ page }) => {
  await page.goto('/help');
  const search = page.getByRole('searchbox', { name: 'Zoek in de vragen' });
  await expect(countStatus(page)).toHaveAttribute('aria-live', 'polite');

  await search.pressSequentially('wachtwoord vergeten');
  await expect(results(page).first()).toHaveText('Ik ben mijn wachtwoord vergeten');
  const found = await results(page).count();
  expect(found).toBeLessThan(ARTICLES.length);
  await expect(countStatus(page)).toHaveText(found === 1 ? '1 vraag gevonden.' : `${found} vragen gevonden.`);
  // Kept in the address, so the back button from an article returns to this list.
  await expect(page).toHaveURL(/\/help\?q=wachtwoord(%20|\+)vergeten$/);

  // Accents and case do not matter, and English words work on the Dutch screen.
  await search.fill('UITNODÍGING VERLOPEN');
  await expect(results(page).first()).toHaveText('De link in mijn e-mail is verlopen of al gebruikt');
  await search.fill('microsoft');
  await expect(results(page).first()).toHaveText('Inloggen met Microsoft lukt niet');
  await search.fill('too many attempts');
  await expect(results(page).first()).toHaveText('Ik krijg de melding ‘Te veel pogingen’');

  await search.fill('xylofoon');
  await expect(results(page)).toHaveCount(0);
  await expect(countStatus(page)).toHaveText('Geen vragen gevonden.');
  await expectNoAxeViolations(page, 'search without results');

  await search.fill('');
  await expect(results(page)).toHaveCount(ARTICLES.length);
  await expect(countStatus(page)).toHaveText(`${ARTICLES.length} vragen.`);
});

test('the search works in English and by keyboard alone', async ({ page }) => {
  await gotoIn(page, '/help', 'en');
  const search = page.getByRole('searchbox', { name: 'Search the questions' });
  await search.focus();
  await page.keyboard.type('forgot password');
  await expect(results(page).first()).toHaveText('I forgot my password');
  await expect(countStatus(page)).toHaveText(/^\d+ questions? found\.$/);
  await expectNoAxeViolations(page, 'search results (en)');
  // From the search box, Tab reaches the first result, and Enter opens it.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    if (await results(page).first().evaluate((el) => el === document.activeElement)) break;
  }
  await expect(results(page).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/help\/forgot-password$/);
  await expect(h1(page)).toHaveText('I forgot my password');
  await page.goBack();
  await expect(page.getByRole('searchbox')).toHaveValue('forgot password');
});

test('the contact links follow the runtime configuration', async ({ page }) => {
  await page.route(/\/help\/kan-niet-inloggen$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/"support_email": "[^"]*"/, '"support_email": "steun@geowolk.test"')
      .replace(/"support_phone": "[^"]*"/, '"support_phone": "+31 20 123 4567"');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/help/kan-niet-inloggen');
  await expect(h1(page)).toHaveText('Ik kan niet inloggen');
  await expectContactBlock(page, 'steun@geowolk.test', '+31 20 123 4567', 'tel:+31201234567');
  // The answer's own "email or call us" sentence uses the same values.
  const answer = page.getByRole('article');
  await expect(answer.getByRole('link', { name: 'steun@geowolk.test' })).toHaveAttribute('href', 'mailto:steun@geowolk.test');
  await expect(answer.getByRole('link', { name: '+31 20 123 4567' })).toHaveAttribute('href', 'tel:+31201234567');
});

test('links inside an answer lead to the other articles they name', async ({ page }) => {
  await page.goto('/help/kan-niet-inloggen');
  const answer = page.getByRole('article');
  for (const [name, slug, question] of [
    ['Ik ben mijn wachtwoord vergeten', 'wachtwoord-vergeten', 'Ik ben mijn wachtwoord vergeten'],
    ['Caps Lock en wachtwoordmanagers', 'caps-lock-en-wachtwoordmanagers', 'Caps Lock en wachtwoordmanagers'],
    ['Ik krijg de melding ‘Te veel pogingen’', 'te-veel-pogingen', 'Ik krijg de melding ‘Te veel pogingen’'],
  ]) {
    await answer.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/help/${slug}$`));
    await expect(h1(page)).toHaveText(question);
    // A screen reader starts at the new heading, as on a fresh page.
    await expect(h1(page)).toBeFocused();
    await page.goBack();
    await expect(h1(page)).toHaveText('Ik kan niet inloggen');
  }
  await page.goto('/help/what-do-i-need');
  await page.getByRole('article').getByRole('link', { name: /link.*verlopen/ }).click();
  await expect(h1(page)).toHaveText('De link in mijn e-mail is verlopen of al gebruikt');
});

test.describe('the login page links to the matching article', () => {
  test('"Kan je niet inloggen?" opens the can\'t-log-in article', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.getByRole('link', { name: 'Kan je niet inloggen?' }).click();
    await expect(page).toHaveURL(/\/help\/kan-niet-inloggen$/);
    await expect(h1(page)).toHaveText('Ik kan niet inloggen');
  });

  for (const lang of LANGS) {
    test(`a wrong password links to "I can't log in" (${lang})`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      if (lang === 'en') await switchToEnglish(page);
      await login.signIn(DEMO_EMAIL, 'Not-the-password-1');
      const link = login.alert.getByRole('link', { name: lang === 'nl' ? 'Hulp: Ik kan niet inloggen' : "Help: I can't log in" });
      await expect(link).toBeVisible();
      await expectNoAxeViolations(page, `wrong password with help link (${lang})`);
      await link.click();
      await expect(page).toHaveURL(lang === 'nl' ? /\/help\/kan-niet-inloggen$/ : /\/help\/cant-log-in$/);
      await expect(h1(page)).toHaveText(lang === 'nl' ? 'Ik kan niet inloggen' : "I can't log in");
    });
  }

  test('too many attempts links to its article', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    const email = uniqueEmail('help-locked');
    for (let i = 0; i < 5; i++) {
      await login.signIn(email, `Wrong-password-${i}`);
      await expect(login.alert).toContainText('klopt niet');
    }
    await login.signIn(email, 'Wrong-password-6');
    await expect(login.alert).toContainText('Te veel pogingen');
    await login.alert.getByRole('link', { name: 'Hulp: Ik krijg de melding ‘Te veel pogingen’' }).click();
    await expect(page).toHaveURL(/\/help\/te-veel-pogingen$/);
    await expect(h1(page)).toHaveText('Ik krijg de melding ‘Te veel pogingen’');
  });

  test('a failed Microsoft sign-in links to the Microsoft article', async ({ page }) => {
    await page.goto('/users/login#error=sso_no_account');
    const login = new LoginPage(page);
    await expect(login.alert).toContainText('Er hoort geen TopoCloud-account bij dit Microsoft-account');
    await login.alert.getByRole('link', { name: 'Hulp: Inloggen met Microsoft lukt niet' }).click();
    await expect(page).toHaveURL(/\/help\/inloggen-met-microsoft$/);
    await expect(h1(page)).toHaveText('Inloggen met Microsoft lukt niet');
  });
});
