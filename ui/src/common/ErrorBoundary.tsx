// Catches a rendering failure so the window says what broke instead of going blank.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failure: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failure: null };

  static getDerivedStateFromError(failure: Error): State {
    return { failure };
  }

  componentDidCatch(failure: Error, info: ErrorInfo): void {
    console.error('Blocksmith’s window failed to render:', failure, info.componentStack);
  }

  render() {
    if (!this.state.failure) return this.props.children;
    return (
      <div className="centre-card" role="alert" data-testid="error-banner">
        <h2>Something in this window broke</h2>
        <p>{this.state.failure.message}</p>
        <p className="muted">Your saved work is safe on disk. Reload the window to continue.</p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
