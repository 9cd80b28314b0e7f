/**
 * The checksums Terraform records in `.terraform.lock.hcl` and checks on every `init`:
 * `h1:` over a package's files (what Terraform computes for an unpacked mirror folder or an
 * extracted zip) and `zh:` over a zip archive (what a registry's SHA256SUMS lists).
 */
import { createHash } from 'node:crypto';

export interface PackageFile {
  /** Path inside the package, with forward slashes. */
  readonly name: string;
  readonly content: Buffer;
  /** Unix permission bits. */
  readonly mode: number;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * Terraform's "h1" package hash (Go's dirhash.Hash1): SHA-256 over the sorted lines
 * "<sha256 of file>  <name>\n", base64. Names and contents only: modes and times do not count.
 */
export function packageHashV1(files: readonly PackageFile[]): string {
  const lines = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${sha256Hex(f.content)}  ${f.name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(lines).digest('base64')}`;
}

/** Terraform's "zh" hash: the SHA-256 of the zip archive itself, hex. */
export const zipHash = (zip: Buffer): string => `zh:${sha256Hex(zip)}`;
