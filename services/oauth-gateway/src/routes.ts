import type { Router } from 'express';
import { parse as parseCookies } from 'cookie';
import { OAuthSessionRequest, OAuthStartQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from './deps';
import { signInErrorPage } from './sign-in/error-page';
import { findProvider } from './sign-in/find-provider';
import { finishSignIn } from './sign-in/finish-sign-in';
import { FLOW_COOKIE, FLOW_TTL_SEC } from './sign-in/flow-cookie';
import { listProviders } from './sign-in/list-providers';
import { redeemCode } from './sign-in/redeem-code';
import { startSignIn } from './sign-in/start-sign-in';

/** Lax, not Strict: the provider's redirect back is a cross-site top-level navigation, which Strict would strip. */
const cookieOptions = (secure: boolean) => ({ httpOnly: true, secure, sameSite: 'lax' as const, path: '/oauth/' });

export function registerRoutes(router: Router, deps: Deps): void {
  const secure = deps.publicBaseUrl.startsWith('https://');
  const requestIdOf = (locals: Record<string, unknown>) => String(locals.requestId ?? '');

  router.get('/oauth/providers', (_req, res) => {
    res.json(listProviders(deps));
  });
  router.get('/oauth/:provider/start', async (req, res) => {
    const provider = findProvider(deps, String(req.params.provider));
    const query = parseInput(OAuthStartQuery, req.query, 'query');
    const started = await startSignIn(deps, provider, query.redirect);
    res.cookie(FLOW_COOKIE, started.flowToken, { ...cookieOptions(secure), maxAge: FLOW_TTL_SEC * 1000 });
    res.set('Cache-Control', 'no-store').redirect(303, started.location);
  });
  router.get('/oauth/:provider/callback', async (req, res) => {
    const provider = findProvider(deps, String(req.params.provider));
    // Whatever happens next, this browser's flow is spent.
    res.clearCookie(FLOW_COOKIE, cookieOptions(secure));
    const landing = await finishSignIn(deps, provider, {
      callbackUrl: new URL(req.originalUrl, deps.publicBaseUrl),
      flowToken: parseCookies(req.get('cookie') ?? '')[FLOW_COOKIE],
      ip: req.ip ?? '',
      requestId: requestIdOf(res.locals),
    });
    res.set('Cache-Control', 'no-store').redirect(303, landing);
  });
  router.post('/oauth/session', async (req, res) => {
    const input = parseInput(OAuthSessionRequest, req.body);
    res.set('Cache-Control', 'no-store').json(await redeemCode(deps, input, { ip: req.ip ?? '', requestId: requestIdOf(res.locals) }));
  });
  router.use('/oauth', signInErrorPage(deps.logger, deps.landings[0]!));
}
