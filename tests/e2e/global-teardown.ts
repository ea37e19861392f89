import * as fs from 'node:fs';
import { stopHost, STATE_FILE } from './hosts';

export default async function globalTeardown() {
  if (!fs.existsSync(STATE_FILE)) return;
  stopHost(JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')));
  fs.rmSync(STATE_FILE, { force: true });
}
