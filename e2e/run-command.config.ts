import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromium } from './chromium';

// The README's run command, tried as a newcomer would (e2e/run-command/): scripts/run.sh
// started for real, the site it serves used in Chromium, Ctrl-C, nothing left running.
// Its own config: no nginx or backend of the main suite, one test at a time (it builds).
const port = Number(process.env.RUN_TEST_PORT ?? 3400);
const outDir = path.resolve(__dirname, `../.run/run-command-${port}`);
process.env.RUN_TEST_DIR = outDir;

export default defineConfig({
  testDir: './run-command',
  outputDir: `${outDir}/test-results`,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  // A first dev build of the site on a 2-core machine; the build itself has its own wait.
  timeout: 15 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${outDir}/results.json` }]],
  use: {
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
});
