/**
 * Evidence for "no secret leaks": while the whole suite runs, every test (through the auto
 * fixture in fixtures.ts) appends to one JSON-lines file per worker process:
 *
 * - the secrets it saw: every value typed into a password field, every `password` and
 *   `token` sent in a request body, every token read from an emailed link;
 * - the places a secret must never show up: every request URL, every console line,
 *   localStorage and sessionStorage at the end of the test.
 *
 * tests/leaks.final.spec.ts runs last, adds every token the backend ever mailed and the
 * backend's log, and asserts that no place contains any secret (`scanForLeaks`).
 */
import fs from 'node:fs';
import path from 'node:path';

export type Secret = { kind: 'password' | 'token'; value: string; source: string };
export type Place = { kind: 'url' | 'console' | 'storage' | 'backend-log'; value: string; source: string };
export type Evidence = { kind: 'secret'; secret: Secret } | { kind: 'place'; place: Place };
export type Leak = { secret: Secret; place: Place };

/** Shorter values (a mistyped "x", a tampered token "abc") would match by accident. */
export const MIN_SECRET_LENGTH = 8;

/**
 * The one place a secret is printed on purpose: dev mode's start-up banner names the
 * public demo account (backend/src/main.rs). Nothing else is exempt.
 */
const DEV_BANNER = /^ {2}dev mode: demo account \S+ \/ \S+$/;

export function runDir(): string {
  const dir = process.env.E2E_RUN_DIR;
  if (!dir) throw new Error('E2E_RUN_DIR is not set (playwright.config.ts sets it)');
  return dir;
}

export function leaksDir(): string {
  return path.join(runDir(), 'leaks');
}

/** Appends one test's evidence to this worker's file. */
export function writeEvidence(evidence: Evidence[]) {
  if (evidence.length === 0) return;
  fs.mkdirSync(leaksDir(), { recursive: true });
  const file = path.join(leaksDir(), `worker-${process.pid}.jsonl`);
  fs.appendFileSync(file, evidence.map((e) => JSON.stringify(e)).join('\n') + '\n');
}

export function readEvidence(): { secrets: Secret[]; places: Place[]; files: number } {
  const secrets: Secret[] = [];
  const places: Place[] = [];
  const dir = leaksDir();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : [];
  for (const file of files) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const e = JSON.parse(line) as Evidence;
      if (e.kind === 'secret') secrets.push(e.secret);
      else places.push(e.place);
    }
  }
  return { secrets, places, files: files.length };
}

/** The output of every backend of the run (backend.log, backend-restart-*.log), one place per line. */
export function backendLogPlaces(dir = runDir()): Place[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^backend.*\.log$/.test(f))
    .flatMap((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .map((value, i) => ({ kind: 'backend-log' as const, value, source: `${f}:${i + 1}` })),
    );
}

/** The `#token=` value of an emailed link, if any. */
export function tokenOfLink(link: string): string | null {
  const hash = link.split('#')[1] ?? '';
  const token = new URLSearchParams(hash).get('token');
  return token && token.length > 0 ? token : null;
}

/** Every spelling a secret could leak in: as is, and percent-encoded (URLs, form bodies). */
function spellings(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+')]);
  return [...forms];
}

/** Every (secret, place) pair where the place contains the secret. */
export function scanForLeaks(secrets: Secret[], places: Place[]): Leak[] {
  const unique = new Map<string, Secret>();
  for (const s of secrets) {
    if (s.value.length >= MIN_SECRET_LENGTH && !unique.has(s.value)) unique.set(s.value, s);
  }
  const leaks: Leak[] = [];
  for (const place of places) {
    if (place.kind === 'backend-log' && DEV_BANNER.test(place.value)) continue;
    for (const secret of unique.values()) {
      if (spellings(secret.value).some((form) => place.value.includes(form))) leaks.push({ secret, place });
    }
  }
  return leaks;
}

/** A leak in words, with the secret shortened so the report does not repeat it whole. */
export function describeLeak({ secret, place }: Leak): string {
  const shown = `${secret.value.slice(0, 3)}…(${secret.value.length} chars)`;
  return `${secret.kind} ${shown} from ${secret.source} found in ${place.kind} (${place.source}): ${place.value.slice(0, 200)}`;
}
