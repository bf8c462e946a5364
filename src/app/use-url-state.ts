/** URL state as React state: pushState on change, popstate for back/forward. */
import { useCallback, useEffect, useState } from 'react';
import { parseUrlState, serializeUrlState, type UrlNotice, type UrlState } from './url-state';

export function useUrlState(): [UrlState, (patch: Partial<UrlState>) => void, UrlNotice[]] {
  const [parsed, setParsed] = useState(() => parseUrlState(window.location.search));
  useEffect(() => {
    const onPop = () => setParsed(parseUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<UrlState>) => {
    setParsed((prev) => {
      const state = { ...prev.state, ...patch };
      const search = serializeUrlState(state);
      if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
      return { state, notices: prev.notices };
    });
  }, []);
  return [parsed.state, update, parsed.notices];
}
