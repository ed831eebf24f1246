/**
 * Runs last (project `final`, after `main` and `clock`): during the whole run, no request
 * URL, console line, localStorage/sessionStorage entry or backend log line contained a
 * password or a token. The evidence comes from the auto fixture in support/fixtures.ts;
 * every token the backend ever mailed and the demo password are added here.
 */
import { test, expect, DEMO_PASSWORD, type Mail } from './support/fixtures';
import { backendLogPlaces, describeLeak, readEvidence, scanForLeaks, tokenOfLink, type Secret } from './support/leaks';

test('no password or token leaked anywhere during the whole run', async ({ request }) => {
  const { secrets, places, files } = readEvidence();
  const mail = (await (await request.get('/dev/api/mail')).json()) as Mail[];
  const mailed: Secret[] = mail.flatMap((m) =>
    m.links.flatMap((link) => {
      const token = tokenOfLink(link);
      return token ? [{ kind: 'token' as const, value: token, source: `${m.kind} mail to ${m.to}` }] : [];
    }),
  );
  const all = [...secrets, ...mailed, { kind: 'password' as const, value: DEMO_PASSWORD, source: 'DEMO_PASSWORD' }];
  const log = backendLogPlaces();

  // The evidence is really there: otherwise "no leaks" would prove nothing.
  expect(files, 'evidence files written by the fixture').toBeGreaterThan(0);
  expect(places.some((p) => p.kind === 'url' && p.value.includes('/api/')), 'request URLs were collected').toBe(true);
  expect(all.some((s) => s.kind === 'password' && s.source.includes('typed')), 'typed passwords were collected').toBe(true);
  expect(log.some((l) => l.value.includes('listening on')), "the backend's log was captured").toBe(true);

  const leaks = scanForLeaks(all, [...places, ...log]);
  const kinds = (k: string) => places.filter((p) => p.kind === k).length;
  console.log(
    `leak check: ${new Set(all.map((s) => s.value)).size} secrets (${mailed.length} mailed tokens) against ` +
      `${kinds('url')} request URLs, ${kinds('console')} console lines, ${kinds('storage')} storage entries, ` +
      `${log.length} backend log lines: ${leaks.length} leaks`,
  );
  expect(leaks.map(describeLeak), 'secrets found where they must never be').toEqual([]);
});
