import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

const counted = { fallbacks: 0 };
function Fallback() {
  counted.fallbacks++;
  return <p>Loading…</p>;
}

function setup() {
  let loads = 0;
  counted.fallbacks = 0;
  const Page = preloadable(async () => {
    loads++;
    return { default: ({ name }: { name: string }) => <p>Hello {name}</p> };
  });
  const ui = (
    <Suspense fallback={<Fallback />}>
      <Page name="Theo" />
    </Suspense>
  );
  return { Page, ui, loads: () => loads, fallbacks: () => counted.fallbacks };
}

describe('preloadable', () => {
  it('loads on first render like React.lazy, showing the fallback meanwhile', async () => {
    const t = setup();
    render(t.ui);
    expect(await screen.findByText('Hello Theo')).toBeTruthy();
    expect(t.fallbacks()).toBeGreaterThan(0);
    expect(t.loads()).toBe(1);
  });

  it('renders at once, never suspending, once preloaded; loads the module once', async () => {
    const t = setup();
    await Promise.all([t.Page.preload(), t.Page.preload()]);
    render(t.ui);
    expect(screen.getByText('Hello Theo')).toBeTruthy();
    expect(t.fallbacks()).toBe(0);
    expect(t.loads()).toBe(1);
  });
});
