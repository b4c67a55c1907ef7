// A remembered "a session probably exists" flag. It only spares the login page a /api/me call
// (and the console's 401 line) for someone who never signed in on this browser; every other
// page asks the server, which alone decides whether the session is valid.
const KEY = 'cg.session';

export function rememberSession(active: boolean): void {
  try {
    if (active) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    /* storage blocked: the login page will ask the server instead */
  }
}

export function probablySignedOut(): boolean {
  try {
    return window.location.pathname === '/login' && window.localStorage.getItem(KEY) !== '1';
  } catch {
    return false;
  }
}
