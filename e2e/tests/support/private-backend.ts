// A reference backend process of the test's own, to stop and start for real (the
// "backend restarted mid-flow" fault), reached through the page the way nginx proxies it.
import { type Page, type Route } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runDir } from './leaks';

const BINARY = path.resolve(__dirname, '../../../target/debug/topocloud-backend');

export class PrivateBackend {
  private child: ChildProcess | null = null;
  url = '';

  constructor(private readonly database: string, private readonly publicUrl: string, private readonly log: string) {}

  static create(name: string, publicUrl: string) {
    const dir = path.join(runDir(), 'restart');
    fs.mkdirSync(dir, { recursive: true });
    const id = `${name.replace(/\W+/g, '-')}-${process.pid}-${Date.now()}`;
    // backend-*.log next to backend.log: the leak check reads every one of them.
    return new PrivateBackend(path.join(dir, `${id}.sqlite`), publicUrl, path.join(runDir(), `backend-restart-${id}.log`));
  }

  async start() {
    const child = spawn(BINARY, ['--dev', '--database', this.database, '--listen', '127.0.0.1:0', '--public-url', this.publicUrl], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const log = fs.createWriteStream(this.log, { flags: 'a' });
    child.stderr!.pipe(log);
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`backend did not start: ${out}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        out += chunk.toString();
        const found = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`backend exited (${code}) before listening: ${out}`)));
    });
  }

  /** SIGTERM and wait until the process is gone (its port refuses connections). */
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  /**
   * Sends every /api and /dev request of the page to this backend instead of the suite's,
   * the way nginx proxies them: when the backend is down, nginx answers 502 with its own
   * HTML page, and so does this.
   */
  async proxy(page: Page, onRequest?: (route: Route) => void) {
    await page.route(
      (url) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/dev/'),
      async (route) => {
        onRequest?.(route);
        const original = new URL(route.request().url());
        // The cookies are the context's for the backend's own address (route.fetch keeps
        // them there): the page's Cookie header, for the site's address, would replace them
        // (a passkey ceremony's cookie, set through route.fulfill, would hide the session).
        const headers = { ...route.request().headers() };
        delete headers.cookie;
        try {
          const response = await route.fetch({ url: `${this.url}${original.pathname}${original.search}`, headers, maxRetries: 0 });
          await route.fulfill({ response });
        } catch {
          await route.fulfill({ status: 502, contentType: 'text/html', body: NGINX_502 });
        }
      },
    );
  }
}

export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
