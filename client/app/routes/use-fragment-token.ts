import { useEffect, useState } from 'react';

function readToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

/**
 * Emailed links carry their token in the URL fragment (#token=…), which browsers never send to servers.
 * Read it once, then drop it from the address bar and history so it is not left behind on a shared phone.
 */
export function useFragmentToken(): string | null {
  const [token] = useState(readToken);
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    }
  }, []);
  return token;
}
