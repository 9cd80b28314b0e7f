/**
 * Writes that Terraform may be reading at the same moment: it hashes a provider package while
 * another process installs one. A file is replaced whole by rename (never truncated in place),
 * and a file whose content is already right is not written at all.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteOutcome = 'written' | 'unchanged';

function sameContent(file: string, content: Buffer): boolean {
  try {
    return statSync(file).size === content.length && readFileSync(file).equals(content);
  } catch {
    return false;
  }
}

/**
 * Puts `content` at `file` with `mode`. Unchanged content keeps the file as it is, except for its
 * modification time, which is set to now: "installed since the sources changed" checks compare
 * times, and touching a file never changes what a concurrent reader sees.
 */
export function writeFileAtomic(file: string, content: string | Buffer, mode = 0o644): WriteOutcome {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  mkdirSync(dirname(file), { recursive: true });
  if (sameContent(file, bytes)) {
    if ((statSync(file).mode & 0o777) !== mode) chmodSync(file, mode);
    const now = new Date();
    utimesSync(file, now, now);
    return 'unchanged';
  }
  // Same folder, so the rename never crosses file systems; pid and time keep parallel writers apart.
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, bytes, { mode });
    chmodSync(temp, mode); // the umask may have removed bits from `mode`
    renameSync(temp, file);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
  return 'written';
}
