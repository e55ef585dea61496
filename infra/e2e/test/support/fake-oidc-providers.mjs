// Real OpenID Connect providers (the `oidc-provider` package) standing in for Google and Slack in tests.
// ESM only, so it runs as its own process: `node fake-oidc-providers.mjs` with FAKE_OIDC_CONFIG set to
// JSON `{ "providers": [{ "name", "clientId", "clientSecret", "redirectUri" }] }`; it prints one JSON line
// `{ "ready": { "<name>": "<issuer URL>" } }` once every issuer listens on 127.0.0.1.
//
// Test controls, on each issuer:
//   POST /__test/next-user  { sub, email, email_verified, name } or { deny: true }: who signs in next
//   POST /__test/tamper     { mode: "bad-signature" | "wrong-audience" | "expired" | "wrong-nonce" }:
//                           the next token response carries an id_token altered that way (once)
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';

const config = JSON.parse(process.env.FAKE_OIDC_CONFIG ?? '{}');

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (err) {
        reject(err);
      }
    });
  });
}

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(privateKey)), kid: 'fake-oidc-key', alg: 'RS256', use: 'sig' } };
}

/** The id_token re-signed the way a broken or malicious provider would send it. */
async function tamper(idToken, mode, realKey) {
  const header = decodeProtectedHeader(idToken);
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = realKey;
  if (mode === 'bad-signature') key = (await generateKeyPair('RS256')).privateKey;
  if (mode === 'wrong-audience') claims.aud = 'someone-else';
  if (mode === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (mode === 'wrong-nonce') claims.nonce = 'not-the-nonce-of-this-sign-in';
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid, typ: header.typ }).sign(key);
}

async function startIssuer(spec) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey, jwk } = await signingKey();
  const accounts = new Map();
  let nextUser = { sub: 'default-user', email: 'default@example.test', email_verified: true, name: 'Default User' };
  let tamperMode = null;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: spec.clientId,
        client_secret: spec.clientSecret,
        redirect_uris: [spec.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['fake-oidc-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // As Google and Slack do: the email is in the id_token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => accounts.get(sub) ?? { sub } }),
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.status === 200 && tamperMode && ctx.body?.id_token) {
      const mode = tamperMode;
      tamperMode = null;
      ctx.body = { ...ctx.body, id_token: await tamper(ctx.body.id_token, mode, privateKey) };
    }
  });
  const oidc = provider.callback();

  server.on('request', async (req, res) => {
    try {
      const path = new URL(req.url, issuer).pathname;
      if (req.method === 'POST' && path === '/__test/next-user') {
        nextUser = await readJson(req);
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'POST' && path === '/__test/tamper') {
        tamperMode = (await readJson(req)).mode;
        res.writeHead(204).end();
        return;
      }
      if (path.startsWith('/interaction/')) {
        // The person at the provider: signs in as nextUser and consents, or refuses.
        const details = await provider.interactionDetails(req, res);
        if (nextUser.deny) {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user refused to share their account' });
          return;
        }
        accounts.set(nextUser.sub, nextUser);
        const grant = new provider.Grant({ accountId: nextUser.sub, clientId: details.params.client_id });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: nextUser.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      oidc(req, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.stack ?? err));
    }
  });
  return [spec.name, issuer];
}

const issuers = await Promise.all((config.providers ?? []).map(startIssuer));
process.stdout.write(`${JSON.stringify({ ready: Object.fromEntries(issuers) })}\n`);
process.on('SIGTERM', () => process.exit(0));
