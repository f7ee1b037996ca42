import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';
import { dateTime, money } from './format.js';

/** A failed call as the shopper sees it: the problem's title and detail, and the trace id to quote to support. */
export function Problem({ error }) {
  if (!error) return null;
  return html`<div class="problem" role="alert">
    <strong>${error.title}</strong>
    ${error.detail && html`<p>${error.detail}</p>`}
    ${error.errors.length > 0 &&
    html`<ul>
      ${error.errors.map((e) => html`<li>${e.field}: ${e.message}</li>`)}
    </ul>`}
    ${error.traceId && html`<p class="trace">Trace id: <code>${error.traceId}</code></p>`}
  </div>`;
}

export function Price({ price }) {
  return price ? html`<span class="price">${money(price)}</span>` : null;
}

const STATUS_TEXT = {
  PENDING: 'Pending: reserving stock',
  RESERVED: 'Reserved: taking payment',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  SHIPPED: 'Shipped',
};

export function OrderStatus({ status }) {
  return html`<span class=${`status status-${status.toLowerCase()}`}>${STATUS_TEXT[status] || status}</span>`;
}

/** A page's heading; it takes the focus when the page opens, so a screen reader announces the new page. */
export function PageTitle({ children }) {
  const heading = useRef(null);
  useEffect(() => heading.current && heading.current.focus(), []);
  return html`<h1 tabindex="-1" ref=${heading}>${children}</h1>`;
}

/** Orders, newest first: when placed, status and total, then the cells the caller adds for each (its columns). */
export function OrderTable({ caption, orders, columns, cells }) {
  return html`<table>
    <caption class="visually-hidden">${caption}</caption>
    <thead>
      <tr>
        <th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th>
        ${columns.map((column) => html`<th scope="col">${column}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${orders.map(
        (order) => html`<tr>
          <td>${dateTime(order.placedAt)}</td>
          <td><${OrderStatus} status=${order.status} /></td>
          <td><${Price} price=${order.total} /></td>
          ${cells(order)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
