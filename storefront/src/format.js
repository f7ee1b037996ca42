// Prices and dates in the shopper's own language and conventions (the browser's), never hand-formatted.

const locale = () => (typeof navigator !== 'undefined' && navigator.language) || 'en';

/** {"amount":"12.50","currency":"EUR"} as the shopper reads money: "€12.50", "12,50 €", ... */
export function money(price, inLocale = locale()) {
  return new Intl.NumberFormat(inLocale, { style: 'currency', currency: price.currency }).format(Number(price.amount));
}

/** The sum of lines of unitPrice × quantity, in cents so that no rounding creeps in; one currency. */
export function total(lines) {
  if (lines.length === 0) return null;
  const cents = lines.reduce((sum, line) => sum + Math.round(Number(line.unitPrice.amount) * 100) * line.quantity, 0);
  return { amount: (cents / 100).toFixed(2), currency: lines[0].unitPrice.currency };
}

export function dateTime(iso, inLocale = locale()) {
  return new Intl.DateTimeFormat(inLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
