// Pages live behind the URL's #fragment (#/products/ID, #/orders/ID, ...): the gateway serves one index.html at /,
// and a reload or a shared link opens the same page.
import { useEffect, useState } from 'preact/hooks';

/** The current route: its path split into parts and its query as an object. */
export function parseRoute(hash) {
  const [path, query = ''] = (hash.replace(/^#/, '') || '/').split('?');
  return {
    parts: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: Object.fromEntries(new URLSearchParams(query)),
  };
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function go(path) {
  location.hash = `#${path}`;
}

export function link(path, query = {}) {
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== '' && value != null));
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}
