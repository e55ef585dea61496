import type { RedisOptions } from 'ioredis';

/**
 * `redis+sentinel://[:password@]sentinel-1,sentinel-2,sentinel-3:26379/<master name>[?db=0]`: the
 * sentinels (one port for all) and the master they watch; ioredis asks them where the master is and
 * follows a failover. The password is the Redis one (and the sentinels', when they require one).
 * Undefined for any other URL.
 */
export function sentinelOptions(url: string): RedisOptions | undefined {
  const u = new URL(url);
  if (u.protocol !== 'redis+sentinel:') return undefined;
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!name) throw new Error('REDIS_URL: redis+sentinel:// needs the master name as its path, e.g. redis+sentinel://sentinel-1,sentinel-2:26379/mymaster');
  const port = Number(u.port || 26379);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  return {
    sentinels: u.hostname.split(',').map((host) => ({ host, port })),
    name,
    db: Number(u.searchParams.get('db') ?? 0),
    ...(password ? { password, sentinelPassword: password } : {}),
  };
}
