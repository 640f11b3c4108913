import { type ComponentType, createElement, lazy } from 'react';

/**
 * React.lazy for a page whose code may already be on its way: `preload()` starts loading it
 * (when the app knows early which page is opening), and once the module has arrived the page
 * renders directly. A plain lazy component suspends on its first render even when its module
 * is loaded, and React then holds the revealed page back for its fallback's minimum time
 * (about 300 ms), which the review's first frame would wait on.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    pending ??= load().then((module) => {
      loaded = module.default;
      return module;
    });
    return pending;
  };
  const Lazy = lazy(preload);
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like React.lazy, called once per page at module level
  const Page = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Page, { preload });
}
