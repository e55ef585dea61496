import { localToday } from '../src/extract/dates';

describe('today where the tenant is', () => {
  afterEach(() => jest.restoreAllMocks());

  it('when asked again within the same UTC minute, then the time zone is not formatted again', () => {
    const format = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const at = Date.UTC(2026, 5, 1, 8, 30, 5);
    expect(localToday(new Date(at), 'Asia/Tokyo')).toEqual({ year: 2026, month: 6, day: 1 });
    expect(localToday(new Date(at + 50_000), 'Asia/Tokyo')).toEqual({ year: 2026, month: 6, day: 1 });
    expect(format).toHaveBeenCalledTimes(1);
  });

  it('when the minute turns local midnight, then the next day is given at once', () => {
    // 21:59 UTC is 23:59 in Paris in summer (UTC+2), 22:00 UTC is midnight.
    const beforeMidnight = new Date(Date.UTC(2026, 6, 14, 21, 59, 59));
    expect(localToday(beforeMidnight, 'Europe/Paris')).toEqual({ year: 2026, month: 7, day: 14 });
    expect(localToday(new Date(beforeMidnight.getTime() + 1000), 'Europe/Paris')).toEqual({ year: 2026, month: 7, day: 15 });
    expect(localToday(beforeMidnight, 'America/New_York')).toEqual({ year: 2026, month: 7, day: 14 });
  });

  it('when the time zone is unknown, then today is the UTC day', () => {
    expect(localToday(new Date(Date.UTC(2026, 0, 31, 23, 59)), 'Mars/Olympus_Mons')).toEqual({ year: 2026, month: 1, day: 31 });
  });
});
