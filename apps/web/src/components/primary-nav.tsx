import { useEffect, useId, useState } from 'react';
import { NavLink, useLocation } from 'react-router';

/** Top-level destinations; features add themselves here as they ship. */
const NAV_ITEMS = [
  { to: '/', label: 'Home', end: true },
  { to: '/rubrics', label: 'Rubrics', end: false },
] as const;

/**
 * Inline links on tablets and wider; below that, one "Menu" button reveals them, so the header
 * never wraps onto two lines as destinations are added.
 */
export function PrimaryNav() {
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const { pathname } = useLocation();

  // Following a link should not leave the menu covering the page it opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation, by design.
  useEffect(() => {
    setIsOpen(false);
  }, [pathname]);

  return (
    <nav className="primary-nav" aria-label="Primary">
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
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="primary-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
