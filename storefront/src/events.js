// The shopper's live notifications: notification-service's server-sent-events stream, read with fetch so that the
// access token goes in the Authorization header like every other call (EventSource cannot send headers, and a token
// in the URL would end up in logs). A stream ends when its token expires; it is opened again with a fresh one.

import { currentToken, refreshSession } from './api.js';

const RECONNECT_MS = 2000;

/**
 * Splits the text of an event stream into events. Returns the complete events and what is left over (an event whose
 * blank line has not arrived yet). Comments (keep-alives) and retry fields are skipped.
 */
export function parseEvents(buffer) {
  const events = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    let name = 'message';
    const data = [];
    let id = null;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length > 0) events.push({ name, id, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * Calls onNotification with each new notification while logged in, and onOpen each time the stream (re)opens, so
 * that a page can read again what it may have missed. Returns a function that closes the stream for good.
 */
export function watchNotifications(onNotification, onOpen = () => {}) {
  let closed = false;
  let controller = null;

  async function run() {
    while (!closed) {
      if (!currentToken()) {
        try {
          await refreshSession();
        } catch {
          return; // Logged out: nothing to watch.
        }
      }
      controller = new AbortController();
      try {
        const answer = await fetch('/api/notifications/stream', {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${currentToken()}` },
          signal: controller.signal,
        });
        if (answer.status === 401) {
          await refreshSession();
          continue;
        }
        if (answer.ok && answer.body) {
          onOpen();
          await readAll(answer.body, onNotification);
        }
      } catch {
        // Aborted, network gone or refresh refused: the loop decides.
      }
      if (!closed) await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  run();
  return () => {
    closed = true;
    if (controller) controller.abort();
  };
}

async function readAll(body, onNotification) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseEvents(buffer);
    buffer = parsed.rest;
    for (const event of parsed.events) {
      if (event.name === 'notification') onNotification(JSON.parse(event.data));
    }
  }
}
