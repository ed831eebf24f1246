// Only for `scripts/screenshots.sh`: the e2e stack of playwright.config.ts (nginx in front of
// the reference backend, release build), running screenshots.shots.ts instead of the tests.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshots.shots.ts',
  testIgnore: [],
  projects: [{ name: 'screens' }],
  reporter: [['list']],
  outputDir: '../.run/screens-results',
});
