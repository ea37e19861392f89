// Bootstrap from checkpoints (issue 19) end to end, through the test nginx's WebDAV folder
// and through an S3 bucket (npm @20minutes/s3rver): tablet A imports 5,000 customers
// through the import page and syncs until its chunks are folded into a checkpoint
// (`sync/compact.rs`: 16 chunks a head); tablet B then joins by A's link, and its first
// pull downloads exactly the files A's head lists — the checkpoint and the chunks after
// it — never a folded chunk. The requests are counted from each page's own traffic to
// the host and printed (annotations and the console) for the issue.
import { expect, test, type Browser, type Page } from './fixtures';
import { startS3rver, stopServer } from './servers';
import { base } from './pages/shell';
import { bucketForm, fillBucket } from './pages/bucket';
import { CustomersPage } from './pages/customers';
import { createTeamAt, joinWith, tablet, type Device } from './pages/team';

const CUSTOMERS = 5_000;
/** Rounds with an edit A may take before its head must have folded (16 chunks a head,
 *  less what the import's own rounds already published). */
const MAX_ROUNDS = 24;
/** A round that moves thousands of records, or folds them, may take a while on 2 cores. */
const BIG_ROUND_MS = 60_000;

/** A CSV of `n` leads with distinct phones (so none is a duplicate of another). */
function leadsCsv(n: number): string {
  const lines = ['公司名称,联系人,电话,地区'];
  for (let i = 0; i < n; i++) {
    lines.push(`Bulk Lead ${String(i).padStart(4, '0')},Contact ${i},139${String(i).padStart(8, '0')},Fuzhou`);
  }
  return lines.join('\r\n');
}

/** This device's files as its sync state records them (the `meta` store's `sync_state`):
 *  what its head lists (checkpoints first, then chunks) and what it folded away. */
interface OwnFiles { checkpoints: string[]; chunks: string[]; dropped: string[] }

async function ownFiles(page: Page): Promise<OwnFiles> {
  return page.evaluate(() => new Promise<OwnFiles>((done, fail) => {
    const req = indexedDB.open('outpost');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(['meta'], 'readonly').objectStore('meta').get('sync_state');
      get.onerror = () => fail(get.error);
      get.onsuccess = () => {
        db.close();
        const v = get.result;
        const s = v && typeof v.j === 'string' ? JSON.parse(v.j) : (v ?? {});
        done({
          checkpoints: (s.checkpoints ?? []).map((c: { name: string }) => c.name),
          chunks: s.published ?? [],
          dropped: s.dropped ?? [],
        });
      };
    };
  }));
}

async function deviceId(t: Device): Promise<string> {
  await t.d.openSettings();
  return (await t.page.getByTestId('sync-device').innerText()).trim();
}

/** The customer list's count, once it shows `n`. */
async function expectCustomers(t: Device, n: number) {
  const c = new CustomersPage(t.page);
  await c.openList();
  await expect(t.page.getByTestId('customer-count')).toHaveAttribute('data-count', String(n), { timeout: BIG_ROUND_MS });
}

/** Records every request `page` makes to the team's host (`team.host`): a path in the
 *  team's folder, or the whole URL for the rest (an S3 bucket's listing, say). */
function recordRequests(page: Page, team: Team): HostRequest[] {
  const seen: HostRequest[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(team.host)) return;
    const bare = url.split('?')[0];
    seen.push({ method: r.method(), path: bare.startsWith(team.prefix) ? bare.slice(team.prefix.length) : url });
  });
  return seen;
}

/** The file names in `device`'s chunks folder among `reqs` with `method`. */
function chunkNames(reqs: HostRequest[], method: string, device: string): string[] {
  const re = new RegExp(`^devices/${device}/chunks/([^/]+)\\.json$`);
  return reqs.filter((r) => r.method === method).map((r) => re.exec(r.path)?.[1]).filter((n): n is string => !!n);
}

interface HostRequest { method: string; path: string }

interface Team {
  /** A creates the team on its host. */
  create(a: Device): Promise<void>;
  /** The team's folder URL, ending in `/`. */
  prefix: string;
  /** Where every request to the host starts (the folder, or the bucket for its listing). */
  host: string;
}

async function bootstrap(browser: Browser, team: Team, label: string) {
  const started = Date.now();
  const a = await tablet(browser, 'Rep A');
  const aRequests = recordRequests(a.page, team);
  await team.create(a);
  const idA = await deviceId(a);

  // 5,000 customers through the import page (each a customer, a contact and a fact).
  const c = new CustomersPage(a.page);
  await c.chooseImport('leads.csv', leadsCsv(CUSTOMERS));
  const report = await c.checkImport();
  await expect(report).toHaveAttribute('data-ok', String(CUSTOMERS), { timeout: BIG_ROUND_MS });
  await a.page.getByTestId('import-write').click();
  await expect(a.page.getByTestId('import-done')).toHaveAttribute('data-imported', String(CUSTOMERS), { timeout: BIG_ROUND_MS });
  const imported = Date.now();
  expect(await a.d.syncNow(BIG_ROUND_MS)).toBe('done');

  // Rounds with an edit each until A's head has folded its chunks into a checkpoint,
  // then one more, so the head lists a chunk after it.
  let added = 0;
  let rounds = 0;
  while ((await ownFiles(a.page)).checkpoints.length === 0) {
    expect(rounds, 'A folded its chunks within the rounds allowed').toBeLessThan(MAX_ROUNDS);
    rounds++;
    await c.create({ name: `Round ${rounds} Co` });
    added++;
    expect(await a.d.syncNow(BIG_ROUND_MS)).toBe('done');
  }
  await c.create({ name: 'After The Fold Co' });
  added++;
  expect(await a.d.syncNow(BIG_ROUND_MS)).toBe('done');
  await a.d.openSettings();
  await expect(a.page.getByTestId('sync-unsynced')).toHaveText('0');
  const own = await ownFiles(a.page);
  const listed = [...own.checkpoints, ...own.chunks];
  const putByA = new Set(chunkNames(aRequests, 'PUT', idA));
  expect(own.checkpoints.length).toBeGreaterThan(0);
  expect(own.chunks.length).toBeGreaterThan(0);
  // Everything A listed or folded away, it put on the host itself.
  for (const n of [...listed, ...own.dropped]) expect(putByA.has(n), `A put ${n}`).toBe(true);
  await expectCustomers(a, CUSTOMERS + added);
  const prepared = Date.now();

  // B joins by the link; its first pull is the bootstrap.
  const link = await a.d.inviteLink();
  const b = await tablet(browser, 'Rep B', link);
  const bRequests = recordRequests(b.page, team);
  await joinWith(b, link);
  await expectCustomers(b, CUSTOMERS + added);
  const joined = Date.now();

  const fetched = chunkNames(bRequests, 'GET', idA);
  const folded = fetched.filter((n) => own.dropped.includes(n));
  const counts = {
    filesPutByA: putByA.size,
    checkpointsListed: own.checkpoints.length,
    chunksListed: own.chunks.length,
    foldedOnHost: own.dropped.length,
    bChunkGets: fetched.length,
    bHeadGets: bRequests.filter((r) => r.method === 'GET' && /^devices\/[^/]+\/head\.json$/.test(r.path)).length,
    bRequests: bRequests.length,
    bByMethod: Object.fromEntries([...new Set(bRequests.map((r) => r.method))].map((m) => [m, bRequests.filter((r) => r.method === m).length])),
    bRequestList: bRequests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{64}/g, (h) => `${h.slice(0, 8)}…`)}`),
    roundsWithAnEdit: rounds + 1,
    seconds: { importing: (imported - started) / 1000, syncingA: (prepared - imported) / 1000, bootstrapB: (joined - prepared) / 1000 },
  };
  const line = `${label}: ${JSON.stringify(counts)}`;
  console.log(line);
  test.info().annotations.push({ type: 'bootstrap requests', description: line });

  // B downloaded each file A's head lists once, and nothing A folded away.
  expect(folded).toEqual([]);
  expect([...fetched].sort()).toEqual([...listed].sort());
  expect(listed.length).toBeLessThan(putByA.size);
  await b.d.openSettings();
  await expect(b.page.getByTestId('sync-rejected')).toHaveCount(0);
  await a.context.close();
  await b.context.close();
}

test('a tablet joining a team with 5,000 records on WebDAV bootstraps from checkpoints, never a folded chunk', async ({ browser }) => {
  test.setTimeout(300_000);
  const prefix = `${base()}/sync/boot-${Date.now().toString(36)}/`;
  await bootstrap(browser, { prefix, host: prefix, create: (a) => createTeamAt(a, prefix) }, 'WebDAV (nginx)');
});

test('a tablet joining a team with 5,000 records on an S3 bucket bootstraps from checkpoints, never a folded chunk', async ({ browser }) => {
  test.setTimeout(300_000);
  const s3 = await startS3rver();
  try {
    const team: Team = {
      prefix: `${s3.endpoint}/${s3.bucket}/teams/boot/`,
      host: `${s3.endpoint}/${s3.bucket}`,
      create: async (a) => {
        await a.d.openSettings();
        await fillBucket(a.page, bucketForm(s3, 'teams/boot'));
        await a.page.getByTestId('bucket-submit').click();
        await expect(a.d.phase()).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
      },
    };
    await bootstrap(browser, team, 'S3 (s3rver)');
  } finally {
    await stopServer(s3);
  }
});
