/**
 * The in-app path to return to after sign-in, or `/`. Only same-app paths pass: an
 * absolute or protocol-relative URL in `?next=` would make the sign-in page an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return '/';
  return next;
}
