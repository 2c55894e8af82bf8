import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync, statSync, chmodSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Write-then-rename in the same directory, so a reader (or a crash) never sees half a file. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  try {
    chmodSync(tmp, statSync(file).mode & 0o777);
  } catch {
    // new file: keep the default mode
  }
  renameSync(tmp, file);
}
