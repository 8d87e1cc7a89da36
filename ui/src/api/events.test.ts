import { describe, expect, it } from 'vitest';
import { withTicket } from './events';

describe('a stream URL', () => {
  it('carries the ticket as the only or an added query parameter, encoded', () => {
    expect(withTicket('/api/logs/stream', 'a b')).toBe('/api/logs/stream?ticket=a%20b');
    expect(withTicket('/api/logs/stream?service=n8n', 't1')).toBe('/api/logs/stream?service=n8n&ticket=t1');
  });
});
