/** Whether the page is laid out for a phone (narrower than 600 px): targets as cards, filters in a sheet. */
import { useSyncExternalStore } from 'react';

/** The one width below which the workbench is a phone layout (styles.css uses the same 600 px). */
export const PHONE_QUERY = '(max-width: 599.98px)';

const subscribe = (onChange: () => void) => {
  const mq = window.matchMedia(PHONE_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
};

export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches);
}
