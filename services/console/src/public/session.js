// Sign-in: an API key kept for this tab only (sessionStorage), sent as a bearer token with every
// call to /api.
import { element } from './dom.js';

const KEY_STORAGE = 'dealwatch.apiKey';

export class SignInRequired extends Error {}

/** What the page does once a key is entered. */
let signedIn = () => {};

export function onSignIn(callback) {
  signedIn = callback;
}

export function hasKey() {
  return Boolean(sessionStorage.getItem(KEY_STORAGE));
}

/** The one way the page calls the API: adds the key; a 401 forgets it and asks for one again. */
export async function api(path, init = {}) {
  const headers = new Headers(init.headers);
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers.set('authorization', `Bearer ${key}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY_STORAGE);
    const problem = await response.json().catch(() => ({}));
    showSignIn(key ? problem.detail : null);
    throw new SignInRequired('sign in to see this page');
  }
  return response;
}

export function showSignIn(reason) {
  if (document.getElementById('signin')) return;
  const input = element('input', {
    id: 'signin-key',
    type: 'password',
    autocomplete: 'off',
    placeholder: 'dwk_…',
    'aria-label': 'API key',
  });
  const form = element(
    'form',
    { id: 'signin', class: 'signin' },
    element('h2', {}, 'Sign in'),
    element('p', { class: 'muted' }, 'Paste an API key. It is kept for this tab only.'),
    reason ? element('p', { id: 'signin-reason', class: 'refused' }, `Refused: ${reason}`) : '',
    input,
    element('button', { id: 'signin-submit', type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    sessionStorage.setItem(KEY_STORAGE, input.value.trim());
    form.remove();
    signedIn();
  });
  document.body.append(form);
  input.focus();
}

/**
 * Every request of the page goes through here: a JSON answer back, or an Error carrying the reason
 * the server gave. `body` is sent as JSON unless a content type says what it is.
 */
export async function requestJson(path, { method = 'GET', body, contentType } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const response = await api(path, {
    method,
    headers,
    body: body === undefined || contentType ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let answer = null;
  try {
    answer = text ? JSON.parse(text) : null;
  } catch {
    answer = { message: text };
  }
  if (!response.ok) {
    // Problem details (RFC 9457): the fields named in `errors`, else the detail.
    const fields = answer?.errors?.map((error) => `${error.field}: ${error.message}`);
    const reason = fields?.length ? fields.join('; ') : (answer?.detail ?? answer?.message);
    throw new Error(`${reason ?? response.statusText} (${response.status})`);
  }
  return answer;
}
