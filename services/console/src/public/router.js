// Hash routing: which page the address shows, loaded afresh on every navigation and live update.
import { element } from './dom.js';
import { SignInRequired } from './session.js';

/** Where every page is drawn, by route() alone. */
const view = document.getElementById('view');

/** The pages, given once by the entry script (they call back into this module, so not imported). */
let pages = null;

export function startRouter(pageTable) {
  pages = pageTable;
}

/**
 * Counts route() calls. Loads overlap (a live refresh, then a click elsewhere) and may finish in
 * either order: only the latest call's page is shown, never an older one over it.
 */
let routeGeneration = 0;

/** True while a person is filling in a form on the page: live refreshes wait until they are done. */
let editing = false;
let refreshPending = false;

/**
 * Loads the page the address names and draws it, through the one check that it is still wanted.
 * A live refresh (`live`) that was already loading when the person began a form waits for them
 * too, instead of drawing over what they typed.
 */
export async function route({ live = false } = {}) {
  const generation = ++routeGeneration;
  /** Draws the page unless a later route() has begun or a form holds it; says whether it did. */
  const draw = (...nodes) => {
    if (generation !== routeGeneration) return false;
    if (live && editing) {
      refreshPending = true;
      return false;
    }
    view.replaceChildren(...nodes);
    return true;
  };
  const hash = location.hash || '#/';
  for (const link of document.querySelectorAll('nav a'))
    link.classList.toggle('active', link.getAttribute('href') === hash);
  try {
    const agreement = /^#\/agreements\/([0-9a-f-]{36})$/.exec(hash);
    if (agreement) await pages.agreement(draw, agreement[1]);
    else if (hash === '#/agreements') await pages.agreements(draw);
    else if (hash === '#/alerts') await pages.alerts(draw);
    else if (hash === '#/reviews') await pages.reviews(draw);
    else if (hash === '#/upload') pages.upload(draw);
    else await pages.deadlines(draw);
  } catch (error) {
    const message =
      error instanceof SignInRequired
        ? error.message
        : `Could not load this page: ${error.message}`;
    draw(element('section', {}, element('p', {}, message)));
  }
}

export function startEditing() {
  editing = true;
}

export function doneEditing() {
  editing = false;
  if (refreshPending) {
    refreshPending = false;
    void route({ live: true });
  }
}

/** A live update: the page is loaded again, once the person has finished the form they are in. */
export function refresh() {
  if (location.hash === '#/upload') return;
  if (editing) refreshPending = true;
  else void route({ live: true });
}

/** Another page: whatever form was being filled in is gone with the old one. */
export function followHash() {
  editing = false;
  void route();
}
