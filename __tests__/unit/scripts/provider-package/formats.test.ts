/** The checksum, zip and lock-file formats Terraform reads, checked against independent values. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageHashV1 } from '../../../../scripts/provider-package/hashes';
import { crc32, deterministicZip } from '../../../../scripts/provider-package/zip';
import { lockEntry, writeLockEntry } from '../../../../scripts/provider-package/project-provider';

test('crc32 gives the standard check value for "123456789"', () => {
  expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
});

test('h1 is Go dirhash Hash1: sha256 over sorted "<sha256>  <name>" lines, base64', () => {
  // The lines for the files b (content "b") and a (content "a"), sorted by name.
  const lines =
    'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a\n' +
    '3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b\n';
  const expected = `h1:${require('node:crypto').createHash('sha256').update(lines).digest('base64')}`;
  const files = [
    { name: 'b', content: Buffer.from('b'), mode: 0o644 },
    { name: 'a', content: Buffer.from('a'), mode: 0o755 },
  ];
  expect(packageHashV1(files)).toBe(expected);
  // Modes do not count.
  expect(packageHashV1(files.map((f) => ({ ...f, mode: 0o600 })))).toBe(expected);
});

describe('deterministicZip', () => {
  const files = [
    { name: 'tool', content: Buffer.from('#!/bin/sh\necho hi\n'), mode: 0o755 },
    { name: 'data.js', content: Buffer.from('x'.repeat(1000)), mode: 0o644 },
  ];

  test('is the same bytes whatever the order of the files', () => {
    expect(deterministicZip(files).equals(deterministicZip([...files].reverse()))).toBe(true);
  });

  test('unzips with the standard tool, keeping contents and the execute bit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvi-zip-'));
    try {
      writeFileSync(join(dir, 'p.zip'), deterministicZip(files));
      // An independent reader: python's zipfile checks each CRC when it reads a member.
      const listing = execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print("\\n".join("%s %o %d" % (i.filename, i.external_attr >> 16, len(z.read(i))) for i in z.infolist()))', join(dir, 'p.zip')], { encoding: 'utf8' });
      expect(listing.trim().split('\n')).toEqual(['data.js 100644 1000', 'tool 100755 18']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the cvi entry of a stack lock file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cvi-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entry = lockEntry(Buffer.from('bundle'));

  test('lists the unix and the Windows package checksums under the exact version', () => {
    expect(entry).toMatch(/^provider "terraform\.local\/teams-cvi\/cvi" \{\n  version     = "0\.1\.0"\n  constraints = "0\.1\.0"\n  hashes = \[\n    "h1:[^"]+",\n    "h1:[^"]+",\n  \]\n\}$/);
  });

  test('is added to a lock file terraform wrote, keeping the other providers, and replaced (not repeated) next time', () => {
    const azuread = 'provider "registry.terraform.io/hashicorp/azuread" {\n  version     = "3.0.2"\n  constraints = "3.0.2"\n  hashes = [\n    "h1:abc=",\n  ]\n}\n';
    writeFileSync(join(dir, '.terraform.lock.hcl'), `# This file is maintained automatically by "terraform init".\n\n${azuread}`);
    writeLockEntry(dir, entry);
    writeLockEntry(dir, lockEntry(Buffer.from('newer bundle')));
    const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toContain(azuread);
    expect(lock.match(/teams-cvi\/cvi/g)).toHaveLength(1);
    expect(lock).toContain(lockEntry(Buffer.from('newer bundle')));
  });
});
