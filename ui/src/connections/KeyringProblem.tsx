// The OS keyring cannot be reached: no secret can be stored or read until it can, so the panel says so plainly.

interface Props {
  /** The app's message, naming the keyring and why it failed. */
  message: string;
  onRetry: () => void;
}

export function KeyringProblem({ message, onRetry }: Props) {
  return (
    <div className="keyring-problem" role="alert" data-testid="keyring-problem">
      <strong>The OS keyring is not reachable.</strong>
      <p>{message}</p>
      <p className="help">
        Blocksmith keeps every secret (API keys, passwords, tokens) only in the OS keyring. Unlock it, or on Linux
        start a Secret Service such as GNOME Keyring or KWallet in this session, then try again.
      </p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
