/** Retry an assertion until it passes or the time is up (pub/sub and queues are asynchronous). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 3000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
