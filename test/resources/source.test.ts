import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/resources/source.js';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (bytes: Uint8Array | string) => {
  const path = join(dir, 'c.yaml');
  writeFileSync(path, bytes);
  return readSource(path, 'content/c.yaml');
};

describe('readSource', () => {
  it('names the line and column of the first invalid UTF-8 byte', async () => {
    await expect(read(Buffer.from([0x61, 0x0a, 0x62, 0x63, 0xff, 0x0a]))).rejects.toThrow(
      'content/c.yaml:2:3  the file is not valid UTF-8; save it as UTF-8',
    );
  });

  it('recognises UTF-16 and UTF-32 and says to save as UTF-8', async () => {
    await expect(read(Buffer.from('\ufefftitle: x', 'utf16le'))).rejects.toThrow('the file is UTF-16 (little-endian)');
    await expect(read(Buffer.from('title: x', 'utf16le'))).rejects.toThrow('UTF-16 (little-endian, no BOM)');
    await expect(read(Buffer.from([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x61]))).rejects.toThrow('UTF-32 (big-endian)');
  });

  it('says when the file does not exist', async () => {
    await expect(readSource(join(dir, 'missing.md'), 'content/missing.md')).rejects.toThrow(
      'content/missing.md: no such file; check the path',
    );
  });

  it('refuses NUL bytes with their place', async () => {
    await expect(read('title: a\nsum\u0000mary: b\n')).rejects.toThrow(
      'content/c.yaml:2:4  the file contains a NUL byte',
    );
  });

  it('refuses files over the size limit before reading them as text', async () => {
    await expect(read(`a: ${'x'.repeat(10_000_000)}\n`)).rejects.toThrow(/content files are limited to 8000000 bytes/);
  });

  it('drops a UTF-8 BOM and reads CRLF and lone CR line endings as LF', async () => {
    expect((await read('\ufefftitle: x\r\n')).text).toBe('title: x\n');
    expect((await read('a: 1\rb: 2\r\nc: 3\n')).text).toBe('a: 1\nb: 2\nc: 3\n');
  });
});
