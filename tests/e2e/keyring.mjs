// The secret values Blocksmith keeps in the OS keyring of the test session (scripts/with-keyring.sh), read back with
// `secret-tool` as any other keyring client can: the tests' evidence that a secret typed into the form went there.
import { execFileSync } from 'node:child_process';

/** The keyring service every Blocksmith entry is filed under (blocksmith_secrets::SERVICE). */
const SERVICE = 'blocksmith';

/** Every secret value stored under Blocksmith's service, from every workspace of the session. */
export function keyringSecrets() {
  // secret-tool prints each item's attributes on standard error and its label and secret on standard output.
  const listing = execFileSync('secret-tool', ['search', '--all', 'service', SERVICE], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return listing
    .split('\n')
    .filter((line) => line.startsWith('secret = '))
    .map((line) => line.slice('secret = '.length));
}
