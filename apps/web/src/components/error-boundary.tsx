import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';

type Props = { children: ReactNode; resetKey?: string };
type State = { error: Error | null; resetKey: string | undefined };

/**
 * Catches render errors below it and shows a friendly page instead of a blank screen or a
 * stack trace. React still offers only class components for this.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  // A new reset key (the user navigated) clears the error so the next page can render.
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The details belong in the console for whoever debugs it, not on the user's screen.
    console.error('Elevate: a page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="status status--error" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title" className="status__title">
          Something went wrong on this page
        </h1>
        <p className="status__text">
          This is a fault in Elevate, not something you did. Trying again often helps; if it keeps
          happening, tell your program administrator what you were doing.
        </p>
        <div className="status__actions">
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <Link className="button button--secondary" to="/">
            Go to the home page
          </Link>
        </div>
      </section>
    );
  }
}
