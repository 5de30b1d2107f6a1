import { api, ApiError, cookie, type Me } from './api';
import { h } from './dom';
import type { Screen } from './page';

// Staff sign-in with the session cookie (form login); later changes send the CSRF token.

export async function currentStaff(): Promise<Me | null> {
  try {
    return await api<Me>('/api/me');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

export async function signIn(username: string, password: string): Promise<boolean> {
  await api('/api/me').catch(() => null); // obtains the CSRF cookie
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  const csrf = cookie('XSRF-TOKEN');
  if (csrf) headers['X-XSRF-TOKEN'] = csrf;
  const response = await fetch('/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: new URLSearchParams({ username, password }).toString(),
  });
  return response.ok;
}

export async function signOut(): Promise<void> {
  await api('/logout', { method: 'POST' }).catch(() => null);
}

/** A sign-in form; resolves with the signed-in staff member. */
export function signInForm(screen: Screen, onSignedIn: (me: Me) => void): HTMLElement {
  const t = screen.t;
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const submit = h('button', { type: 'submit' }, t('signIn'));
  return h(
    'section',
    { class: 'card signin' },
    h('h2', {}, t('signIn')),
    h(
      'form',
      {
        onsubmit: async (e: Event) => {
          e.preventDefault();
          submit.disabled = true;
          try {
            if (await signIn(user.value, pass.value)) {
              const me = await currentStaff();
              if (me) {
                onSignedIn(me);
                return;
              }
            }
            error.textContent = t('signInFailed');
          } catch {
            error.textContent = t('retry'); // the network, not the password
          } finally {
            submit.disabled = false;
          }
        },
      },
      h('label', { for: 'username' }, t('username')),
      user,
      h('label', { for: 'password' }, t('password')),
      pass,
      error,
      h('div', { class: 'row' }, submit),
    ),
  );
}
