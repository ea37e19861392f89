// Other WebDAV servers for the sync e2e tests, each started on a free 127.0.0.1 port over
// a temp folder of its own and stopped by the test that started it:
// - WsgiDAV (PyPI, pinned in scripts/setup.sh, venv at .tools/wsgidav);
// - npm webdav-server (pinned in package.json, launched by servers/webdav-server.js).
// Both answer CORS (preflights before auth), so the app on nginx's origin can reach them.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, ROOT, waitForPort } from './hosts';

export interface Login { user: string; password: string }

export interface DavServer {
  name: string;
  /** The sync folder URL, ending in `/`. */
  url: string;
  /** The folder on disk the server writes to. */
  dir: string;
  child: ChildProcess;
}

const CORS_METHODS = ['GET', 'HEAD', 'PUT', 'MKCOL', 'PROPFIND', 'OPTIONS'];
const CORS_HEADERS = ['Authorization', 'Content-Type', 'Depth', 'If-None-Match'];
const EXPOSE = ['ETag', 'Date', 'Content-Length'];

async function launch(name: string, cmd: string, args: (port: number, dir: string) => string[]): Promise<DavServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `outpost-e2e-${name}-`));
  const port = await freePort();
  const log = fs.openSync(path.join(dir, 'server.log'), 'a');
  const child = spawn(cmd, args(port, path.join(dir, 'root')), { stdio: ['ignore', log, log] });
  const failed = new Promise<never>((_, reject) => child.on('error', (e) => reject(new Error(`${name} did not start: ${e.message}`))));
  try {
    await Promise.race([waitForPort(port, 20_000, name), failed]);
  } catch (e) {
    child.kill('SIGTERM');
    throw new Error(`${e}\n${fs.readFileSync(path.join(dir, 'server.log'), 'utf8')}`);
  }
  return { name, url: `http://127.0.0.1:${port}/`, dir: path.join(dir, 'root'), child };
}

/** WsgiDAV with Basic auth (digest off) when `login` is given, anonymous otherwise. */
export async function startWsgidav(login?: Login): Promise<DavServer> {
  const bin = path.join(ROOT, '.tools/wsgidav/bin/wsgidav');
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`bash scripts/setup.sh\``);
  return launch('wsgidav', bin, (port, root) => {
    fs.mkdirSync(root, { recursive: true });
    const config = {
      host: '127.0.0.1',
      port,
      provider_mapping: { '/': root },
      verbose: 1,
      logging: { enable_loggers: [] },
      http_authenticator: { accept_basic: true, accept_digest: false, default_to_digest: false },
      simple_dc: { user_mapping: { '*': login ? { [login.user]: { password: login.password } } : true } },
      cors: { allow_origin: '*', allow_methods: CORS_METHODS, allow_headers: CORS_HEADERS, expose_headers: EXPOSE, max_age: 600 },
    };
    const file = path.join(path.dirname(root), 'wsgidav.json');
    fs.writeFileSync(file, JSON.stringify(config));
    return ['--config', file];
  });
}

/** npm webdav-server with Basic auth when `login` is given. */
export async function startWebdavServer(login?: Login): Promise<DavServer> {
  const script = path.join(__dirname, 'servers/webdav-server.js');
  return launch('webdav-server', process.execPath, (port, root) =>
    [script, String(port), root, ...(login ? [login.user, login.password] : [])]);
}

/** Stops the server and waits for it to exit; its folder is removed. */
export async function stopServer(s: { child: ChildProcess; dir: string }): Promise<void> {
  if (s.child.exitCode === null && s.child.signalCode === null) {
    const gone = new Promise((resolve) => s.child.once('exit', resolve));
    s.child.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5_000))]);
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  }
  fs.rmSync(path.dirname(s.dir), { recursive: true, force: true });
}

/** Every file path under `root`, relative to it, sorted. */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

/** Every file path under the server's folder, relative to it. */
export function serverFiles(s: DavServer): string[] {
  return filesUnder(s.dir);
}

export interface S3Server {
  /** The endpoint, e.g. `http://127.0.0.1:41234` (path-style addressing). */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secret: string;
  /** The folder s3rver keeps the bucket's objects in. */
  dir: string;
  child: ChildProcess;
}

/** npm @20minutes/s3rver, which checks AWS Signature V4, with one bucket whose CORS rule
 * lets the app's origin sign its own requests (servers/s3rver.js). */
export async function startS3rver(): Promise<S3Server> {
  const bucket = 'outpost-e2e';
  const accessKey = 'OUTPOSTE2EKEY';
  const secret = 'e2e/secret+key=kite';
  const script = path.join(__dirname, 'servers/s3rver.js');
  const s = await launch('s3rver', process.execPath, (port, root) => [script, String(port), root, bucket, accessKey, secret]);
  return { endpoint: s.url.replace(/\/$/, ''), bucket, accessKey, secret, dir: s.dir, child: s.child };
}
