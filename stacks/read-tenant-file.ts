import * as fs from 'fs';

/**
 * Reads one tenant file without letting the file system hang or exhaust the main job.
 *
 * Only regular files are read. A symlink is followed wherever it points (a tenants folder made of
 * links into other checkouts is a normal layout); what counts is what it points to, checked on
 * the opened file itself, so a swap between the check and the read cannot slip a FIFO or a device
 * past it. The open does not block: a FIFO with no writer would otherwise wait forever.
 */

/**
 * 4 MiB: a tenant file is a few hundred bytes, but a `users` list of tens of thousands of UPNs
 * (about 40 bytes a line) must fit; YAML parses 4 MiB in well under a second.
 */
export const MAX_TENANT_FILE_BYTES = 4 * 1024 * 1024;

export type TenantFileRead = { text: string } | { problem: string };

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** `shown` is the path as messages name it. */
export function readTenantFile(file: string, shown: string): TenantFileRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist (a broken symlink?)' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be opened (${code ?? 'error'})`;
    return { problem: `${shown}: (file): ${why}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: `${shown}: (file): must be a regular file (got ${kindOf(stat)})` };
    if (stat.size > MAX_TENANT_FILE_BYTES) return { problem: tooLarge(shown, stat.size) };
    // The size may grow between fstat and read: read one byte past the limit to notice.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_TENANT_FILE_BYTES) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_TENANT_FILE_BYTES) return { problem: tooLarge(shown, length) };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return { problem: `${shown}: (file): cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(shown: string, bytes: number): string {
  return `${shown}: (file): must be at most ${MAX_TENANT_FILE_BYTES / 1024 / 1024} MiB (got ${bytes} bytes or more)`;
}
