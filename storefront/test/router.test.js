import { describe, expect, it } from 'vitest';
import { link, parseRoute } from '../src/router.js';

describe('routes', () => {
  it('read the path and the query from the fragment', () => {
    expect(parseRoute('#/orders/42?x=1')).toEqual({ parts: ['orders', '42'], query: { x: '1' } });
    expect(parseRoute('')).toEqual({ parts: [], query: {} });
  });

  it('leave empty values out of links', () => {
    expect(link('/', { q: 'mug', page: 0 })).toBe('#/?q=mug&page=0');
    expect(link('/', { q: '' })).toBe('#/');
  });
});
