/** A file-system error in words a person understands (the code in brackets for a search). */
export function fsProblem(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'this is a directory',
    ENOTDIR: 'a part of this path is a file, not a directory',
    EEXIST: 'a file is in the way',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EIO: 'input/output error (a failing disk?)',
    EMFILE: 'too many open files',
  };
  return e?.code && words[e.code] ? `${words[e.code]} (${e.code})` : e?.code ? e.code : String(e?.message ?? err);
}
