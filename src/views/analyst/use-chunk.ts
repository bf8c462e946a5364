/**
 * A part of the workbench fetched as a chunk of its own when first needed (a target's detail, the
 * phone's cards), so the first load stays within its budget. Loaded as a query: data-ready waits
 * for it, as for any read.
 */
import { useQuery } from '@tanstack/react-query';

export function useChunk<T extends object>(name: string, load: () => Promise<T>, enabled: boolean): T | undefined {
  return useQuery({ queryKey: ['chunk', name] as const, queryFn: load, enabled, staleTime: Infinity, gcTime: Infinity }).data;
}
