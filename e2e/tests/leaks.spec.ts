/**
 * The leak check of tests/leaks.final.spec.ts must be able to fail: its scanner finds
 * planted leaks in every kind of place, and the fixture really collects what it scans.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, LoginPage, uniqueEmail } from './support/fixtures';
import { backendLogPlaces, readEvidence, scanForLeaks, tokenOfLink, type Place, type Secret } from './support/leaks';

const PASSWORD: Secret = { kind: 'password', value: 'Geheim wachtwoord&2026', source: 'planted' };
const TOKEN: Secret = { kind: 'token', value: 'a3f9c2e8d1b47a6e0c5f3d2b1a9e8c7d6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c', source: 'planted' };
const place = (kind: Place['kind'], value: string): Place => ({ kind, value, source: 'planted' });

test('the scanner finds a planted password or token in every kind of place', () => {
  const planted: Place[] = [
    place('url', `http://localhost/api/session?password=${encodeURIComponent(PASSWORD.value)}`),
    place('url', `http://localhost/users/reset-password?token=${TOKEN.value}`),
    place('console', `debug: sending ${JSON.stringify({ password: PASSWORD.value })}`),
    place('storage', `localStorage draft={"token":"${TOKEN.value}"}`),
    place('backend-log', `POST /api/password-resets/complete token=${TOKEN.value}`),
    place('url', `http://localhost/x?q=${encodeURIComponent(PASSWORD.value).replace(/%20/g, '+')}`),
  ];
  const leaks = scanForLeaks([PASSWORD, TOKEN], planted);
  expect(leaks.map((l) => `${l.secret.kind} in ${l.place.kind}`)).toEqual([
    'password in url', 'token in url', 'password in console', 'token in storage', 'token in backend-log', 'password in url',
  ]);
});

test('clean places, short values and the dev banner are not leaks; anything else in the log is', () => {
  const clean = [place('url', 'http://localhost/api/session'), place('console', 'all fine'), place('storage', 'localStorage lang=en')];
  expect(scanForLeaks([PASSWORD, TOKEN, { kind: 'token', value: 'abc', source: 'tampered link' }], [...clean, place('url', '/x?abc')])).toEqual([]);

  const demo: Secret = { kind: 'password', value: 'TopoCloud-demo-2026', source: 'demo' };
  const banner = place('backend-log', '  dev mode: demo account demo@topocloud.test / TopoCloud-demo-2026');
  expect(scanForLeaks([demo], [banner])).toEqual([]);
  const elsewhere = place('backend-log', 'sign-in failed for demo@topocloud.test with TopoCloud-demo-2026');
  expect(scanForLeaks([demo], [banner, elsewhere]).map((l) => l.place.value)).toEqual([elsewhere.value]);
});

test('backend logs are read line by line from every backend of the run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-'));
  fs.writeFileSync(path.join(dir, 'backend.log'), 'listening\n');
  fs.writeFileSync(path.join(dir, 'backend-restart-x.log'), `oops ${TOKEN.value}\n`);
  fs.writeFileSync(path.join(dir, 'nginx.log'), `not a backend ${TOKEN.value}\n`);
  const leaks = scanForLeaks([TOKEN], backendLogPlaces(dir));
  expect(leaks.map((l) => l.place.source)).toEqual(['backend-restart-x.log:1']);
  expect(tokenOfLink(`http://x/users/reset-password#token=${TOKEN.value}`)).toBe(TOKEN.value);
  expect(tokenOfLink('http://x/users/reset-password')).toBeNull();
});

test.describe.serial('the fixture collects what the final check scans', () => {
  const typed = `Getypt-${Date.now()}-wachtwoord`;
  const email = uniqueEmail('collector');

  test('a sign-in attempt in the browser', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email, typed);
    await expect(login.alert).toContainText('klopt niet');
  });

  test('...left its password and request URLs in this worker’s evidence', () => {
    const { secrets, places } = readEvidence();
    const mine = secrets.filter((s) => s.value === typed);
    expect(mine.map((s) => s.source.replace(/^.*\(/, '('))).toEqual(
      expect.arrayContaining(['(typed)', '(sent to /api/session)']),
    );
    expect(places.some((p) => p.kind === 'url' && p.value.endsWith('/api/session'))).toBe(true);
    expect(places.some((p) => p.kind === 'console')).toBe(true);
    // Planted into the collected places, the check would fail.
    expect(scanForLeaks(mine, [...places, place('console', `oops ${typed}`)])).toHaveLength(1);
  });
});
