import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '../api/client';
import { ROLE_LABELS } from '../features/session/access';
import { useSignOut } from '../features/session/session.mutations';
import { ErrorAlert } from './alert';

/**
 * The signed-in user's name and role, opening a small menu: Profile, Sign out. A
 * disclosure (button + list) rather than an ARIA menu: plain links and buttons that every
 * screen reader and keyboard already knows.
 */
export function UserMenu({ me }: { me: Me }) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on navigation, by design.
  useEffect(() => {
    setIsOpen(false);
  }, [pathname]);

  // A click or focus anywhere else closes the menu.
  useEffect(() => {
    if (!isOpen) return;
    const closeIfOutside = (event: Event) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('mousedown', closeIfOutside);
    document.addEventListener('focusin', closeIfOutside);
    return () => {
      document.removeEventListener('mousedown', closeIfOutside);
      document.removeEventListener('focusin', closeIfOutside);
    };
  }, [isOpen]);

  const initials = me.user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the menu closes it.
    <div
      ref={rootRef}
      className="user-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          setIsOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={`${me.user.name} (${ROLE_LABELS[me.user.role]}), account menu`}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials || '?'}
        </span>
        <span className="user-menu__who">
          <span className="user-menu__name">{me.user.name}</span>
          <span className="user-menu__role">{ROLE_LABELS[me.user.role]}</span>
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!isOpen}>
        <p className="user-menu__identity">
          <span className="user-menu__panel-name">{me.user.name}</span>
          <span className="user-menu__panel-email">{me.user.email}</span>
          <span className="user-menu__panel-program">
            {ROLE_LABELS[me.user.role]} · {me.program.name}
          </span>
        </p>
        <ul className="user-menu__list">
          <li>
            <Link className="user-menu__item" to="/profile">
              Profile
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__item"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
        {signOut.isError && <ErrorAlert error={signOut.error} />}
      </div>
    </div>
  );
}
