// panva's oidc-provider (OpenID Certified) with its default settings, as an external provider,
// on a free loopback port. Its defaults put only `sub` in the ID token; the profile comes from
// userinfo, for which findAccount gives claims and `claims` maps the scopes to them.
// Usage: node oidc_provider_run.mjs <client_id> <client_secret> <redirect_uri> <name> <email>
// Prints one JSON line {issuer, port}, then serves until it is ended; a JSON line {name, email}
// on stdin changes the account's profile (and is answered {"changed": true}).
import http from "node:http";
import { createInterface } from "node:readline";
import Provider from "oidc-provider";

const [clientId, clientSecret, redirectUri, ...profile] = process.argv.slice(2);
let [name, email] = profile;
const server = http.createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  findAccount: async (ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ sub, name, email, email_verified: true }),
  }),
});
server.on("request", provider.callback());
console.log(JSON.stringify({ issuer, port }));
for await (const line of createInterface({ input: process.stdin })) {
  ({ name, email } = JSON.parse(line));
  console.log(JSON.stringify({ changed: true }));
}
