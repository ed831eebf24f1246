import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromium } from './chromium';

// The release build (dist/) is served by nginx in front of the reference backend, on one
// origin, with a fresh SQLite file per run.
const port = Number(process.env.E2E_PORT ?? 3100);
// Parallel work on one machine can build into its own folder and run on its own port.
const dist = process.env.E2E_DIST ?? '../dist';
// At localhost, not 127.0.0.1: WebAuthn refuses IP addresses as relying party id, so the
// backend turns passkeys on only for a public URL whose host is a name (http://localhost is a
// secure context, as 127.0.0.1 is). Chromium tries ::1 first for localhost (whatever
// /etc/hosts says), Node (page.request, the health checks) 127.0.0.1: nginx listens on both.
export const baseURL = `http://localhost:${port}`;
const backendPort = port + 1;
// Everything one run leaves behind (database, backend log, collected leak evidence), per port
// so parallel runs never mix; wiped at the start of the run by the backend's command below.
const runDir = path.resolve(__dirname, `../.run/e2e-${port}`);
process.env.E2E_RUN_DIR = runDir;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // Two workers share two cores with nginx, the backend and two Chromiums; a test that
  // loads the whole site several times took up to 28 s of 30 on CI (help deep links).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/results.json' }],
    // Prints "fault scenarios × screens tried: N, inputs lost: 0" and fails the run otherwise.
    ['./tests/support/faults-reporter.ts'],
  ],
  use: {
    baseURL,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'main', testIgnore: [/\.clock\.spec\.ts$/, /\.final\.spec\.ts$/] },
    // Tests that move the backend's clock (link expiry) would expire other tests' links:
    // they run after everything else, one at a time.
    { name: 'clock', testMatch: /\.clock\.spec\.ts$/, dependencies: ['main'], workers: 1 },
    // Last of all: no password or token leaked anywhere during the whole run
    // (tests/support/leaks.ts collects; tests/leaks.final.spec.ts checks).
    { name: 'final', testMatch: /\.final\.spec\.ts$/, dependencies: ['clock'], workers: 1 },
  ],
  // Production shape: nginx (deploy/nginx.conf, strict headers, precompressed files) serves
  // the release build and proxies /api and /dev to the reference backend behind it.
  webServer: [
    {
      // Per-address limits stay at production values (the 429 tests drive them); the whole
      // suite is one client behind nginx, so the per-client limits are raised.
      command:
        `rm -rf ${runDir} && mkdir -p ${runDir}/leaks && ` +
        `TOPOCLOUD_CLIENT_SIGN_IN_LIMIT=5000 TOPOCLOUD_CLIENT_EMAIL_LIMIT=5000 exec ../target/debug/topocloud-backend ` +
        `--dev --database ${runDir}/auth.sqlite --listen 127.0.0.1:${backendPort} ` +
        // Its log is read by the leak check at the end (tests/leaks.final.spec.ts).
        `--public-url ${baseURL} > ${runDir}/backend.log 2>&1`,
      url: `http://127.0.0.1:${backendPort}/api/config`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The backend is reached only through nginx, at its IPv4 address.
      command: `bash ../scripts/nginx.sh '127.0.0.1:${port} [::1]:${port}' ${dist} 127.0.0.1:${backendPort} ../.run/nginx-${port}`,
      url: `http://127.0.0.1:${port}/users/login`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
