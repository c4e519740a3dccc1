// The API token the sign-in hand-off leaves in localStorage (see /auth/complete), and where
// sign-in starts. No DOM; `storage` is passed in (tested in node).

const TOKEN = "pa.token";
const EXPIRES = "pa.token_expires_at";

/** Where a browser signs in; it comes back to the pane afterwards. */
export const BROWSER_SIGN_IN = `/auth/login?next=${encodeURIComponent("/pane/")}`;
/** What the sign-in dialog opens inside Word. */
export const DIALOG_SIGN_IN = "/auth/login?dialog=1";

/** The token, or null when there is none or it has expired (then it is forgotten). */
export function storedToken(storage, now = Date.now()) {
  const value = storage.getItem(TOKEN);
  const expires = storage.getItem(EXPIRES);
  if (value && expires && Date.parse(expires) <= now) {
    forgetToken(storage);
    return null;
  }
  return value;
}

/** Keep what the sign-in dialog handed back: {token, expires_at}. */
export function keepToken(storage, { token, expires_at: expiresAt }) {
  storage.setItem(TOKEN, token);
  if (expiresAt) storage.setItem(EXPIRES, expiresAt);
  else storage.removeItem(EXPIRES);
}

export function forgetToken(storage) {
  storage.removeItem(TOKEN);
  storage.removeItem(EXPIRES);
}
