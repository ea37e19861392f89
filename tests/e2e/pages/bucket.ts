// Page object for the bucket form (Settings › Team sync › S3-compatible bucket).
import { expect, type Page } from '../fixtures';
import type { S3Server } from '../servers';

export interface BucketForm { endpoint: string; bucket: string; prefix: string; accessKey: string; secret: string }

/** Chooses a bucket of another provider (path-style) and fills its settings. */
export async function fillBucket(page: Page, f: BucketForm) {
  await page.getByTestId('host-kind-bucket').check();
  await page.getByTestId('bucket-provider').selectOption('other');
  await expect(page.getByTestId('bucket-path-style')).toBeChecked();
  await page.getByTestId('bucket-endpoint').fill(f.endpoint);
  await page.getByTestId('bucket-name').fill(f.bucket);
  await page.getByTestId('bucket-prefix').fill(f.prefix);
  await page.getByTestId('bucket-access-key').fill(f.accessKey);
  await page.getByTestId('bucket-secret').fill(f.secret);
}

/** The form for the test server's bucket, with the team under `prefix`. */
export function bucketForm(s: S3Server, prefix: string): BucketForm {
  return { endpoint: s.endpoint, bucket: s.bucket, prefix, accessKey: s.accessKey, secret: s.secret };
}
