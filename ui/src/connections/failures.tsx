// Where a failed connection call is shown: an unreachable OS keyring once, prominently, in the connections panel
// (every secret depends on it); anything else as a notice.
import { createContext, useContext } from 'react';
import { asBackendError, isKeyringCode } from '../common/backend';

interface ConnectionFailures {
  /** Shows why `what` failed where it belongs. */
  report: (what: string, error: unknown) => void;
}

export const ConnectionFailuresContext = createContext<ConnectionFailures>({ report: () => undefined });

export function useConnectionFailures(): ConnectionFailures {
  return useContext(ConnectionFailuresContext);
}

/** Whether the failure is the OS keyring being unreachable. */
export function isKeyringFailure(error: unknown): boolean {
  return isKeyringCode(asBackendError(error).code);
}
