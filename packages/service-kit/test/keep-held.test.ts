import { keepHeld, MAX_PENDING_MS } from '../src';

describe('keepHeld: an Idempotency-Key held while its request runs', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when the request runs, then the key is held again every third of the hold, and no more once it is stopped', () => {
    const holdAgain = jest.fn(() => Promise.resolve(1));
    const stop = keepHeld(holdAgain, 900);
    jest.advanceTimersByTime(299);
    expect(holdAgain).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(600);
    expect(holdAgain).toHaveBeenCalledTimes(3);
    stop();
    jest.advanceTimersByTime(3000);
    expect(holdAgain).toHaveBeenCalledTimes(3);
  });

  it('when a request never ends (never stopped), then the key is held no longer than MAX_PENDING_MS', () => {
    const holdAgain = jest.fn(() => Promise.resolve(1));
    keepHeld(holdAgain, 3000);
    jest.advanceTimersByTime(MAX_PENDING_MS + 5000);
    const calls = holdAgain.mock.calls.length;
    expect(calls).toBeLessThanOrEqual(MAX_PENDING_MS / 1000);
    jest.advanceTimersByTime(60_000);
    expect(holdAgain).toHaveBeenCalledTimes(calls);
  });

  it('when Redis refuses a hold, then the next one is still tried', async () => {
    const holdAgain = jest.fn().mockRejectedValueOnce(new Error('redis away')).mockResolvedValue(1);
    const stop = keepHeld(holdAgain, 300);
    jest.advanceTimersByTime(200);
    await Promise.resolve();
    expect(holdAgain).toHaveBeenCalledTimes(2);
    stop();
  });
});
