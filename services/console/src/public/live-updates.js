// Live updates: the console's server-sent events, each one refreshing the page.
import { refresh } from './router.js';
import { api, hasKey } from './session.js';

/** Set by listen() while it waits: a sign-in connects the event stream at once. */
let wakeListener = () => {};

export function wake() {
  wakeListener();
}

/**
 * Server-sent events read with fetch (EventSource cannot send the key): the same events, a new
 * connection 3 s after one ends, as EventSource would, and the page refreshed on each connection
 * for what happened while none was open.
 */
export async function listen() {
  const live = document.getElementById('live');
  for (;;) {
    if (hasKey()) {
      try {
        const response = await api('/api/events', { headers: { accept: 'text/event-stream' } });
        if (response.ok && response.body) {
          live.classList.add('on');
          refresh();
          await readEvents(response.body, (kind) => {
            if (['agreement', 'milestone', 'alert', 'review'].includes(kind)) refresh();
          });
        }
      } catch {
        // Signed out, or the connection dropped: try again below.
      }
      live.classList.remove('on');
    }
    await new Promise((resolve) => {
      wakeListener = resolve;
      setTimeout(resolve, 3000);
    });
  }
}

/** Calls `onEvent` with the name of each event of an SSE stream until it ends. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: ?(.*)$/m.exec(frame);
      if (/^data:/m.test(frame)) onEvent(name ? name[1].trim() : 'message');
    }
  }
}
