// A real OpenID Connect provider on loopback, for the single sign-on tests (npm's oidc-provider, started by a test).
//   node tests/oidc/provider.mjs PORT REDIRECT_URI
// People are read from $OIDC_PEOPLE (JSON: {login: {email, email_verified, name}}); its sign-in form is the
// package's own development form, where the "login" is the person's key and any password is taken.
import Provider from "oidc-provider";

const [port, redirect] = process.argv.slice(2);
const people = JSON.parse(process.env.OIDC_PEOPLE || "{}");
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: "bsc-workbooks",
    client_secret: "a client secret for the tests",
    redirect_uris: [redirect],
    grant_types: ["authorization_code"],
    response_types: ["code"],
  }],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  cookies: { keys: ["a cookie key for the tests"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const person = people[id];
    if (!person) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...person }; } };
  },
  // consent is the provider's own business; here every scope asked for is granted at once
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider listening on ${issuer}`));
