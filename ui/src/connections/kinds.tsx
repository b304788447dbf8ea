// The connection kinds the app supports (labels, inputs, help text), loaded once from the backend.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, asBackendError, COMMAND_MISSING, type ConnectionKind } from '../common/backend';

interface KindsState {
  kinds: ConnectionKind[];
  /** Why the kinds could not be loaded, when they could not. */
  failure: string | null;
  /** True when this build of the app has no connections at all (not a failure to report). */
  unsupported: boolean;
}

const KindsContext = createContext<KindsState>({ kinds: [], failure: null, unsupported: false });

export function ConnectionKindsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<KindsState>({ kinds: [], failure: null, unsupported: false });
  useEffect(() => {
    let cancelled = false;
    api
      .connectionKinds()
      .then((kinds) => !cancelled && setState({ kinds, failure: null, unsupported: false }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const failure = asBackendError(error);
        if (failure.code === COMMAND_MISSING) setState({ kinds: [], failure: null, unsupported: true });
        else setState({ kinds: [], failure: failure.message, unsupported: false });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return <KindsContext.Provider value={state}>{children}</KindsContext.Provider>;
}

export function useConnectionKinds(): KindsState {
  return useContext(KindsContext);
}
