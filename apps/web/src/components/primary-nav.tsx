import { useEffect, useId, useState } from 'react';
import { NavLink, useLocation } from 'react-router';

export type NavItem = { to: string; label: string };

// More destinations than fit beside the brand and the user menu on a tablet.
const MANY_ITEMS = 4;

/**
 * Inline links on wide screens; below that, one "Menu" button reveals them, so the header
 * never wraps onto two lines. A long list (an admin's) folds on tablets too.
 */
export function PrimaryNav({ items }: { items: readonly NavItem[] }) {
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const { pathname } = useLocation();

  // Following a link should not leave the menu covering the page it opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation, by design.
  useEffect(() => {
    setIsOpen(false);
  }, [pathname]);

  if (items.length === 0) return null;
  return (
    <nav
      className="primary-nav"
      aria-label="Primary"
      data-fold={items.length > MANY_ITEMS ? 'tablet' : 'phone'}
    >
      <button
        type="button"
        className="primary-nav__toggle"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setIsOpen(false);
        }}
      >
        Menu
      </button>
      <ul id={listId} className="primary-nav__list" data-open={isOpen}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'} className="primary-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
