import { describe, expect, it } from 'vitest';
import { addToCart, clearCart, itemCount, MAX_QUANTITY, readCart, setQuantity } from '../src/cart.js';

function memoryStorage(initial = {}) {
  const items = { ...initial };
  return { getItem: (k) => (k in items ? items[k] : null), setItem: (k, v) => (items[k] = String(v)) };
}

describe('the cart', () => {
  it('adds to a product’s line and keeps the order products were added in', () => {
    const storage = memoryStorage();
    addToCart('a', 1, storage);
    addToCart('b', 2, storage);
    addToCart('a', 3, storage);
    expect(readCart(storage)).toEqual([
      { productId: 'a', quantity: 4 },
      { productId: 'b', quantity: 2 },
    ]);
    expect(itemCount(readCart(storage))).toBe(6);
  });

  it('removes a line set to zero and caps a quantity at the order limit', () => {
    const storage = memoryStorage();
    addToCart('a', 1, storage);
    addToCart('b', 1, storage);
    setQuantity('a', 0, storage);
    setQuantity('b', 5000, storage);
    expect(readCart(storage)).toEqual([{ productId: 'b', quantity: MAX_QUANTITY }]);
    clearCart(storage);
    expect(readCart(storage)).toEqual([]);
  });

  it('ignores what it cannot read instead of failing the page', () => {
    expect(readCart(memoryStorage({ 'microshop.cart': 'not json' }))).toEqual([]);
    expect(readCart(memoryStorage({ 'microshop.cart': '[{"productId":1},{"productId":"x","quantity":-2}]' }))).toEqual([]);
  });
});
