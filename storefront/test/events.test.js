import { describe, expect, it } from 'vitest';
import { parseEvents } from '../src/events.js';

describe('the notification stream', () => {
  it('yields complete events and keeps a partial one for the next chunk', () => {
    const chunk = ':connected\nretry:2000\n\nevent:notification\nid:1\ndata:{"a":1}\n\nevent:notification\ndata:{"b"';
    const { events, rest } = parseEvents(chunk);
    expect(events).toEqual([{ name: 'notification', id: '1', data: '{"a":1}' }]);
    expect(parseEvents(`${rest}:2}\n\n`).events).toEqual([{ name: 'notification', id: null, data: '{"b":2}' }]);
  });

  it('skips keep-alive comments and understands CRLF line ends', () => {
    expect(parseEvents(':keep-alive\n\n').events).toEqual([]);
    expect(parseEvents('event: notification\r\ndata: x\r\n\r\n').events).toEqual([
      { name: 'notification', id: null, data: 'x' },
    ]);
  });
});
