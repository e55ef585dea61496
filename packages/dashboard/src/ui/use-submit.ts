import { useState } from 'preact/hooks';
import { call } from '../session/client';
import { toProblem, type FormProblem } from './problem';

/** A form's submit: busy while it runs, the server's problem (overall and per field) when it fails. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem>({ message: '', fields: {} });
  async function submit<T>(run: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setProblem({ message: '', fields: {} });
    try {
      return await call(run);
    } catch (err) {
      setProblem(toProblem(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, submit };
}
