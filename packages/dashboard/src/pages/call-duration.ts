/** `m:ss`, or nothing while the call has no duration yet. */
export const callDuration = (seconds: number | null): string => (seconds === null ? '' : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
