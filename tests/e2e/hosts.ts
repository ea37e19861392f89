// Starts and stops a real nginx on 127.0.0.1 serving dist/ (at / and /outpost/) and a
// WebDAV sync folder, exactly as scripts/run.sh does, in a temp folder of its own.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
// One file per test run (set once in the runner, inherited by its workers), so two runs
// on one machine never stop each other's nginx.
process.env.OUTPOST_E2E_STATE ||= path.join(os.tmpdir(), `outpost-e2e-host-${process.pid}.json`);
export const STATE_FILE = process.env.OUTPOST_E2E_STATE;

export interface Host {
  pid: number;
  port: number;
  base: string;
  dir: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function waitForPort(port: number, ms: number, what = 'nginx'): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port}`);
}

/** Starts nginx serving `dist` (the build by default) on `port` (a free one by default). */
export async function startHost(dist = path.join(ROOT, 'dist'), port?: number): Promise<Host> {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `bash scripts/build.sh` first (scripts/test.sh does)');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-'));
  port = port ?? (await freePort());
  const conf = execFileSync('bash', [path.join(ROOT, 'scripts/nginx-conf.sh'), String(port), dist,
    path.join(dir, 'sync'), path.join(dir, 'nginx')]).toString().trim();
  const child = spawn(process.env.NGINX_BIN || '/usr/sbin/nginx', ['-p', path.join(dir, 'nginx'), '-c', conf], { stdio: 'inherit', detached: false });
  const failed = new Promise<never>((_, reject) => child.on('error', (e) => reject(new Error(`nginx did not start: ${e.message}`))));
  await Promise.race([waitForPort(port, 10_000), failed]);
  const host = { pid: child.pid!, port, base: `http://127.0.0.1:${port}`, dir };
  child.unref();
  return host;
}

export function stopHost(host: Host, keepFiles = false): void {
  try {
    process.kill(host.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  if (!keepFiles) fs.rmSync(host.dir, { recursive: true, force: true });
}

/** Stops nginx and waits until its port refuses connections (the sync folder stays). */
export async function haltHost(host: Host): Promise<void> {
  stopHost(host, true);
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(host.port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nginx did not stop');
}

/** Starts nginx again on the same port, config and sync folder. */
export async function resumeHost(host: Host): Promise<Host> {
  const conf = path.join(host.dir, 'nginx', 'nginx.conf');
  const child = spawn(process.env.NGINX_BIN || '/usr/sbin/nginx', ['-p', path.join(host.dir, 'nginx'), '-c', conf], { stdio: 'inherit' });
  const failed = new Promise<never>((_, reject) => child.on('error', (e) => reject(new Error(`nginx did not start: ${e.message}`))));
  await Promise.race([waitForPort(host.port, 10_000), failed]);
  child.unref();
  return { ...host, pid: child.pid! };
}
