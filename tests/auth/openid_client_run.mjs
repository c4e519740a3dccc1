// A certified relying party (panva's openid-client) against the built-in provider:
// discovery, code + PKCE without nonce, userinfo, and RP-initiated logout.
// Usage: node openid_client_run.mjs <issuer> <client_id> <client_secret> <redirect_uri> <post_logout_uri>
// Prints one JSON line {authorize}, reads the callback URL on stdin, prints one JSON line with
// what it got.
import * as client from "openid-client";
import { createInterface } from "node:readline";

const [issuer, clientId, clientSecret, redirectUri, postLogoutUri] = process.argv.slice(2);
const config = await client.discovery(new URL(issuer), clientId, clientSecret, undefined, {
  execute: [client.allowInsecureRequests], // loopback HTTP in the test only
});
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const authorize = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri,
  scope: "openid email profile",
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: "S256",
  state, // and no nonce
});
console.log(JSON.stringify({ authorize: authorize.href }));

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const tokens = await client.authorizationCodeGrant(config, new URL(line.trim()), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const claims = tokens.claims();
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  const logout = client.buildEndSessionUrl(config, {
    id_token_hint: tokens.id_token,
    post_logout_redirect_uri: postLogoutUri,
    state: "bye-" + state,
  });
  const metadata = config.serverMetadata();
  console.log(
    JSON.stringify({
      claims,
      userinfo,
      logout: logout.href,
      state,
      end_session_endpoint: metadata.end_session_endpoint,
    }),
  );
  break;
}
