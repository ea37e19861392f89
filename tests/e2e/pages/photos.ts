// Page object for the document photos card on a customer page (C1).
import { expect, type Page } from '../fixtures';
import { createHash } from 'node:crypto';
import { showSection } from './customers';

export type PhotoLabel = 'licence' | 'card' | 'other';

export class PhotosCard {
  constructor(readonly page: Page) {}

  card() { return this.page.getByTestId('photos'); }
  tiles() { return this.page.getByTestId('photo'); }
  images() { return this.page.getByTestId('photo-img'); }
  waiting() { return this.page.getByTestId('photo-waiting'); }

  /** Shows the customer's file tab, where the photos are. */
  async show() {
    await showSection(this.page, 'file');
  }

  /** Chooses a label, then "takes" the photo through the camera input. */
  async attach(png: Buffer, label: PhotoLabel = 'licence', name = 'photo.png') {
    await this.show();
    await this.page.getByTestId('photo-label').selectOption(label);
    await this.page.getByTestId('photo-input').setInputFiles({ name, mimeType: 'image/png', buffer: png });
  }

  /** The decoded size of the n-th thumbnail's image. */
  async naturalSize(n = 0): Promise<[number, number]> {
    return this.images().nth(n).evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight] as [number, number];
    });
  }

  /** SHA-256 (hex) of the bytes the n-th thumbnail really shows (read back from its URL). */
  async shownHash(n = 0): Promise<string> {
    return this.images().nth(n).evaluate(async (img: HTMLImageElement) => {
      const bytes = await (await fetch(img.src)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    });
  }

  async remove(n = 0) {
    await this.show();
    const tile = this.tiles().nth(n);
    await tile.getByTestId('photo-remove').click();
    await expect(tile.getByTestId('photo-remove-warning')).toBeVisible();
    await tile.getByTestId('photo-remove-confirm').click();
  }
}

/** A PNG drawn in the page's own canvas (nothing is fetched from anywhere). */
export async function makePng(page: Page, width: number, height: number, text: string): Promise<Buffer> {
  const b64 = await page.evaluate(([w, h, t]) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, w, h);
    grad.addColorStop(0, '#0f5c4d');
    grad.addColorStop(1, '#f0b429');
    g.fillStyle = grad;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#fff';
    g.font = `${Math.round(h / 8)}px sans-serif`;
    g.fillText(t, w / 20, h / 2);
    return c.toDataURL('image/png').split(',')[1];
  }, [width, height, text] as const);
  return Buffer.from(b64, 'base64');
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
