import { describe, expect, it } from 'vitest';
import { money, total } from '../src/format.js';

describe('money', () => {
  it('is written the way the shopper’s locale writes it', () => {
    const price = { amount: '1234.50', currency: 'EUR' };
    expect(money(price, 'en-IE')).toBe('€1,234.50');
    expect(money(price, 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('adds up lines in cents, so 0.1 + 0.2 is 0.30', () => {
    const lines = [
      { unitPrice: { amount: '0.10', currency: 'EUR' }, quantity: 1 },
      { unitPrice: { amount: '0.20', currency: 'EUR' }, quantity: 1 },
      { unitPrice: { amount: '12.50', currency: 'EUR' }, quantity: 3 },
    ];
    expect(total(lines)).toEqual({ amount: '37.80', currency: 'EUR' });
    expect(total([])).toBeNull();
  });
});
