import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Holds a person on the page while `hasUnsaved` is true: a move inside the app is blocked (the caller
 * shows its own "leave without saving?" question from the returned blocker), and closing or reloading
 * the tab gets the browser's own warning.
 */
export function useLeaveGuard(hasUnsaved: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => hasUnsaved && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);
  // Saved in the meantime (a save in flight finished): nothing to ask any more.
  useEffect(() => {
    if (blocker.state === 'blocked' && !hasUnsaved) blocker.proceed();
  }, [blocker, hasUnsaved]);
  return blocker;
}
