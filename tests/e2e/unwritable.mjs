// Makes a folder refuse new files for a test, the way a read-only folder would: `chmod` for a normal user; for
// root, whom permissions do not stop, the immutable attribute (`chattr +i`). Returns an undo function, or null
// when this machine can do neither (the caller skips and says why).
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

export function makeUnwritable(dir) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!asRoot) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'pipe' });
  } catch {
    return null;
  }
  return () => execFileSync('chattr', ['-i', dir], { stdio: 'pipe' });
}
