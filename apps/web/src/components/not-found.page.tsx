import { Link } from 'react-router';

/** Shown for any address the app does not know, inside the normal shell. */
export function NotFoundPage() {
  return (
    <section className="status" aria-labelledby="not-found-title">
      <title>Page not found · Elevate</title>
      <p className="tag">404</p>
      <h1 id="not-found-title" className="status__title">
        We could not find that page
      </h1>
      <p className="status__text">
        The address may be mistyped, or the page may have moved. These are good places to start:
      </p>
      <div className="status__actions">
        <Link className="button" to="/">
          Home
        </Link>
        <Link className="button button--secondary" to="/rubrics">
          Browse rubrics
        </Link>
      </div>
    </section>
  );
}
