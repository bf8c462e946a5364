import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getEngine } from './data/db';
import { App } from './app/App';
import { registerOffline } from './app/offline';
import './styles.css';

// Start DuckDB before React renders: its boot is the floor of the page's time to data-ready.
void getEngine().catch(() => undefined);
// The wall screen is the one left running unattended: it gets the offline cache.
if (new URLSearchParams(window.location.search).get('view') === 'wall') registerOffline();

const queryClient = new QueryClient({
  // Short gcTime: every refresh makes new keys, and a wall runs for days.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 15_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
