import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/content/image-bytes.js';
import { readContentImage } from '../../src/resources/images.js';
import { png } from '../helpers/png.js';

const root = mkdtempSync(join(tmpdir(), 'riskdeck-images-'));
const content = join(root, 'content');
mkdirSync(join(content, 'img'), { recursive: true });
const file = join(content, 'cmp.md');
writeFileSync(file, '');
writeFileSync(join(content, 'img/ok.png'), png(40, 20));
writeFileSync(join(root, 'outside.png'), png(10, 10));
writeFileSync(join(content, 'img/fake.png'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
writeFileSync(join(content, 'img/page.png'), '<!doctype html><script>alert(1)</script>');
writeFileSync(join(content, 'img/huge.png'), png(100_000, 100_000));
writeFileSync(join(content, 'img/ok.txt'), png(4, 4));
symlinkSync(join(root, 'outside.png'), join(content, 'img/link.png'));
symlinkSync('/dev/zero', join(content, 'img/zero.png'));
execFileSync('mkfifo', [join(content, 'img/fifo.png')]);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const refused = async (src: string) => {
  const result = await readContentImage(src, file);
  return result.ok ? 'accepted' : result.message;
};

describe('content images', () => {
  it('reads an image inside the content folder, by its bytes', async () => {
    const result = await readContentImage('img/ok.png', file);
    expect(result.ok && { type: result.image.type, w: result.image.width, h: result.image.height }).toEqual({
      type: 'png',
      w: 40,
      h: 20,
    });
    expect(result.ok && result.image.output).toMatch(/^images\/[0-9a-f]{16}\.png$/);
  });

  it('refuses paths that leave the folder, by .. or by symlink, and absolute paths', async () => {
    expect(await refused('../outside.png')).toContain('outside the content file');
    expect(await refused('img/link.png')).toContain('outside the content file');
    expect(await refused('/etc/passwd')).toContain('absolute path');
    expect(await refused('img/%2e%2e/../outside.png')).toContain('outside the content file');
  });

  it('refuses URLs of every scheme', async () => {
    for (const src of [
      'file:///etc/passwd',
      'https://example.com/a.png',
      'http://x/a.png',
      '//host/a.png',
      'data:image/png;base64,AAAA',
    ]) {
      expect(await refused(src)).toMatch(/is a URL/);
    }
  });

  it('refuses device files and FIFOs without hanging', async () => {
    expect(await refused('img/zero.png')).toMatch(/outside the content file|not a regular file/);
    expect(await refused('img/fifo.png')).toContain('not a regular file');
  });

  it('refuses an SVG or HTML file that claims to be a PNG, and a wrong extension', async () => {
    expect(await refused('img/fake.png')).toContain('is not a PNG, JPEG, GIF or WebP image');
    expect(await refused('img/page.png')).toContain('is not a PNG, JPEG, GIF or WebP image');
    expect(await refused('img/ok.txt')).toContain('has the extension .txt');
  });

  it('caps dimensions before anything decodes the image', async () => {
    expect(await refused('img/huge.png')).toContain('is 100000×100000 pixels');
  });

  it('reads the size of JPEG, GIF and WebP headers', () => {
    const gif = Buffer.from('GIF89a\x20\x00\x10\x00', 'latin1');
    expect(sniffImage(gif)).toMatchObject({ type: 'gif', width: 32, height: 16 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 50, 3, 0, 0, 0, 0]);
    expect(sniffImage(jpeg)).toMatchObject({ type: 'jpeg', width: 50, height: 30 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.write('WEBPVP8X', 8, 'ascii');
    webp.writeUIntLE(99, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    expect(sniffImage(webp)).toMatchObject({ type: 'webp', width: 100, height: 50 });
  });
});
