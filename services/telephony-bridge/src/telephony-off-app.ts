import { AppError, createApp as createServiceApp, pingRedis, type Logger, type Redis } from '@vocalia/service-kit';

export interface TelephonyOffDeps {
  logger: Logger;
  redis: Redis;
  trustProxyHops: number;
}

/** A platform deployed without a Twilio account: the service stays healthy and every `/voice/` request says telephony is not configured. */
export function createTelephonyOffApp(deps: TelephonyOffDeps) {
  return createServiceApp({
    service: 'telephony-bridge',
    logger: deps.logger,
    trustProxyHops: deps.trustProxyHops,
    readiness: [{ name: 'redis', check: () => pingRedis(deps.redis) }],
    routes: (router) => {
      router.use('/voice', () => {
        throw new AppError('UNAVAILABLE', 'Telephony is not configured on this platform: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
      });
    },
  });
}
