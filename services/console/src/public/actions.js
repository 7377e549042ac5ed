// What a person does on a page: who they are, and their action run with its refusal shown.
import { doneEditing } from './router.js';

/** Who is at the keyboard, remembered by this browser: reviews and acknowledgements name them. */
export function reviewer() {
  return document.getElementById('who').value.trim();
}

/** The name typed at the top, kept by this browser for next time. */
export function rememberReviewer() {
  const who = document.getElementById('who');
  who.value = localStorage.getItem('dealwatch.who') ?? '';
  who.addEventListener('change', () => localStorage.setItem('dealwatch.who', who.value.trim()));
}

/** Runs a person's action; its error, with the server's reason, goes to `where`. */
export async function act(where, action) {
  where.replaceChildren();
  if (!reviewer()) {
    where.replaceChildren('Enter your name at the top first: every change names who made it.');
    return;
  }
  try {
    await action();
    doneEditing();
  } catch (error) {
    where.replaceChildren(`Refused: ${error.message}`);
  }
}
