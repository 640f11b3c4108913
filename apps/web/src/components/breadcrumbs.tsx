import { Link } from 'react-router';
import './breadcrumbs.css';

export type Crumb = { label: string; to?: string };

/** Where the page sits; the last crumb is the current page and is not a link. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol className="breadcrumbs__list">
        {items.map((item) => (
          <li key={item.label} className="breadcrumbs__item">
            {item.to ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
