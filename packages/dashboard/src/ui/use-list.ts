import { useSubmit } from './use-submit';
import { useLoad } from './use-load';

export interface ListState<T> {
  items: T[] | undefined;
  /** The list's load problem, else the last row action's. */
  error: string | undefined;
  busy: boolean;
  reload: () => void;
  /** Runs a row action (status change, remove), then reloads the list; its problem lands in `error`. */
  act: (run: () => Promise<unknown>) => void;
}

/** A list page's data: loaded again when `filters` change, with row actions that reload it. */
export function useList<T>(load: () => Promise<{ items: T[] }>, filters: unknown[] = []): ListState<T> {
  const list = useLoad(load, filters);
  const { busy, problem, submit } = useSubmit();
  return {
    items: list.data?.items,
    error: list.error ?? (problem.message || undefined),
    busy,
    reload: list.reload,
    act: (run) => void submit(run).then(list.reload),
  };
}
