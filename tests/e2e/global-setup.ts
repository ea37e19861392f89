import * as fs from 'node:fs';
import { startHost, STATE_FILE } from './hosts';

export default async function globalSetup() {
  const host = await startHost();
  fs.writeFileSync(STATE_FILE, JSON.stringify(host));
  process.env.OUTPOST_BASE = host.base;
}
