// The cart lives in this browser's localStorage: it survives a reload and a log-in, holds only product ids and
// quantities (no token, nothing personal), and prices are always read again from the catalog before checkout.

const KEY = 'microshop.cart';
export const MAX_QUANTITY = 1000;
export const MAX_LINES = 50;

/** The cart as a list of {productId, quantity}, in the order the products were added. */
export function readCart(storage = localStorage) {
  try {
    const lines = JSON.parse(storage.getItem(KEY) || '[]');
    return Array.isArray(lines) ? lines.filter(isLine) : [];
  } catch {
    return [];
  }
}

function isLine(line) {
  return line && typeof line.productId === 'string' && Number.isInteger(line.quantity) && line.quantity > 0;
}

function write(lines, storage) {
  storage.setItem(KEY, JSON.stringify(lines));
  return lines;
}

/** Adds quantity of a product (to its line if there is one), up to the order limits. */
export function addToCart(productId, quantity = 1, storage = localStorage) {
  const lines = readCart(storage);
  const line = lines.find((l) => l.productId === productId);
  if (line) {
    line.quantity = Math.min(MAX_QUANTITY, line.quantity + quantity);
  } else if (lines.length < MAX_LINES) {
    lines.push({ productId, quantity: Math.min(MAX_QUANTITY, quantity) });
  }
  return write(lines, storage);
}

/** Sets a line's quantity; 0 or less removes it. */
export function setQuantity(productId, quantity, storage = localStorage) {
  const lines = readCart(storage)
    .map((l) => (l.productId === productId ? { ...l, quantity: Math.min(MAX_QUANTITY, quantity) } : l))
    .filter((l) => l.quantity > 0);
  return write(lines, storage);
}

export function clearCart(storage = localStorage) {
  return write([], storage);
}

export function itemCount(lines) {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
