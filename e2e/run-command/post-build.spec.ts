import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repo } from './run-command';

// scripts/post_build.sh guards the Content-Security-Policy: every inline script of the built
// index.html must be allowed by its hash, except the autoreload script `trunk serve` adds.

const source = fs.readFileSync(path.join(repo, 'index.html'), 'utf8');
// The shape of Trunk 0.21's autoreload script (src/autoreload.js): the dev server fills in
// its address when it serves the page.
const autoreload =
  "<script>\"use strict\";(function () { const address = '{{__TRUNK_ADDRESS__}}'; " +
  "const url = 'ws://' + address + '/.well-known/trunk/ws'; new WebSocket(url); })()</script>";

function postBuild(html: string, profile: 'debug' | 'release') {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'post-build-'));
  try {
    fs.writeFileSync(path.join(staging, 'index.html'), html);
    const result = spawnSync('bash', [path.join(repo, 'scripts/post_build.sh')], {
      env: { ...process.env, TRUNK_STAGING_DIR: staging, TRUNK_PROFILE: profile },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

const withInBody = (extra: string) => source.replace('</body>', `${extra}</body>`);

test('the site as it is passes the CSP check in both profiles', () => {
  expect(postBuild(source, 'release')).toMatchObject({ status: 0 });
  expect(postBuild(source, 'debug')).toMatchObject({ status: 0 });
});

test("trunk serve's autoreload script is the dev server's, not the site's: the dev build is not stopped by it", () => {
  expect(postBuild(withInBody(autoreload), 'debug')).toMatchObject({ status: 0 });
});

test('any other inline script without its hash in the CSP fails the release build, naming the hash to add', () => {
  for (const profile of ['release', 'debug'] as const) {
    const result = postBuild(withInBody('<script>console.log("not allowed")</script>'), profile);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/add 'sha256-[A-Za-z0-9+/]+=*' to script-src in deploy\/security-headers\.conf/);
  }
  // The autoreload markers do not excuse a script that merely mentions one of them.
  const lookalike = postBuild(withInBody("<script>var a = '{{__TRUNK_ADDRESS__}}';</script>"), 'release');
  expect(lookalike.status).not.toBe(0);
});
