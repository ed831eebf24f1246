import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repo = path.resolve(__dirname, '../..');

/** The end of what was said: enough to see why, short enough to read in CI's excerpt. */
const lastLines = (text: string, count = 30) => text.trimEnd().split('\n').slice(-count).join('\n');

/** Trunk's and the script's own colours are not part of what is said. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * `scripts/run.sh` started as a person starts it, with its own ports, database and build
 * folder (so a developer's running copy and data are untouched), and everything it prints.
 */
export class RunCommand {
  readonly process: ChildProcess;
  private text = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.process = spawn('bash', ['scripts/run.sh'], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer) => {
      this.text += plain(chunk.toString());
      this.waiters.forEach((wake) => wake());
    };
    this.process.stdout?.on('data', take);
    this.process.stderr?.on('data', take);
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => {
      resolve(code);
      this.waiters.forEach((wake) => wake());
    }));
  }

  get output() {
    return this.text;
  }

  /** How often the output says `pattern` (a global RegExp). */
  count(pattern: RegExp) {
    return (this.text.match(pattern) ?? []).length;
  }

  /** Resolves with the first match of `pattern`; fails if the command ends first or time runs out. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    let match: RegExpMatchArray | null = null;
    await this.waitUntil(() => (match = this.text.match(pattern)) !== null, `${pattern}`, timeoutMs);
    return match as unknown as RegExpMatchArray;
  }

  /** Resolves once `done()` holds for the output so far (checked on every new line). */
  async waitUntil(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (done()) return;
      if (this.process.exitCode !== null || this.process.signalCode !== null) {
        throw new Error(`run.sh ended (${this.process.exitCode}) before printing ${what}; it said last:\n${lastLines(this.text)}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`run.sh did not print ${what} in ${timeoutMs} ms; it said last:\n${lastLines(this.text)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  /** Ctrl-C, and the exit code once the command has ended. */
  async interrupt(timeoutMs = 30_000) {
    this.process.kill('SIGINT');
    return withTimeout(this.exited, timeoutMs, `run.sh did not end within ${timeoutMs} ms of Ctrl-C`);
  }
}

/**
 * After a test, whatever happened in it: Ctrl-C if the command still runs, then anything
 * still naming this test's folders is killed, so a failed test cannot block the next one's
 * ports.
 */
export async function cleanUp(run: RunCommand, marks: string[]) {
  if (run.process.exitCode === null && run.process.signalCode === null) {
    await run.interrupt().catch(() => run.process.kill('SIGKILL'));
  }
  killNaming(marks);
}

/** Kills every process whose command line names one of `marks`. */
export function killNaming(marks: string[]) {
  for (const line of processesNaming(marks)) {
    try {
      process.kill(Number(line.split(':')[0]), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every running process whose command line names one of `marks` (a folder of this test). */
export function processesNaming(marks: string[]): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // ended while we looked
    }
    if (marks.some((mark) => cmdline.includes(mark))) found.push(`${pid}: ${cmdline}`);
  }
  return found;
}

/** Whether something accepts connections on `port` of 127.0.0.1 or ::1 (localhost is either). */
export async function listening(port: number): Promise<boolean> {
  const on = (host: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  const [v4, v6] = await Promise.all([on('127.0.0.1'), on('::1')]);
  return v4 || v6;
}

/** A file's size and modification time, or null when it does not exist. */
export function fingerprint(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}
