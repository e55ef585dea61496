import { useCallback, useEffect, useState } from 'preact/hooks';
import { call } from '../session/client';
import { toProblem } from './problem';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/** Loads once (and on `reload`, or when `keys` change) through the refreshing API call. */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    call(load)
      .then((value) => live && (setData(value), setError(undefined)))
      .catch((err: unknown) => live && setError(toProblem(err).message));
    return () => {
      live = false;
    };
  }, [tick, ...keys]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}
