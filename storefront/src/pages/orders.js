import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.js';
import { OrderStatus, OrderTable, PageTitle, Price, Problem } from '../components.js';
import { dateTime } from '../format.js';
import { html } from '../html.js';
import { link } from '../router.js';
import { useLoad } from './shop.js';

const IN_PROGRESS = ['PENDING', 'RESERVED'];

export function OrdersPage() {
  const { data, error } = useLoad(() => call('/api/orders?size=50'), []);
  return html`<section>
    <${PageTitle}>Your orders</${PageTitle}>
    <${Problem} error=${error} />
    ${data && data.content.length === 0 && html`<p>No orders yet. <a href="#/">Browse the catalog</a></p>`}
    ${data &&
    data.content.length > 0 &&
    html`<${OrderTable}
      caption="Your orders, newest first"
      orders=${data.content}
      columns=${['Order']}
      cells=${(order) => html`<td>
        <a href=${link(`/orders/${order.id}`)}>Details <span class="visually-hidden">of the order placed ${dateTime(order.placedAt)}</span></a>
      </td>`}
    />`}
  </section>`;
}

/**
 * One order, kept up to date without a reload: it is read again whenever a notification about it arrives, and when
 * the notification stream (re)opens, in case one was missed while it was closed.
 */
export function OrderPage({ id, live }) {
  const [order, setOrder] = useState(null);
  const [error, setError] = useState(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let current = true;
    const read = () =>
      call(`/api/orders/${encodeURIComponent(id)}`).then(
        (o) => current && setOrder(o),
        (e) => current && setError(e),
      );
    read();
    const stop = live.subscribe((notification) => {
      if (!notification || notification.reference === id) read();
    });
    return () => {
      current = false;
      stop();
    };
  }, [id]);

  const names = useProductNames(order ? order.items.map((item) => item.productId) : []);

  if (!order) return error ? html`<${Problem} error=${error} />` : html`<p aria-busy="true">Loading…</p>`;
  return html`<article>
    <${PageTitle}>Order placed ${dateTime(order.placedAt)}</${PageTitle}>
    <p aria-live="polite" aria-atomic="true" data-testid="order-status">
      Status: <${OrderStatus} status=${order.status} />
      ${order.cancellationReason && html` — ${order.cancellationReason}`}
    </p>
    <table>
      <caption class="visually-hidden">Items of this order</caption>
      <thead><tr><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col">Price</th><th scope="col">Line total</th></tr></thead>
      <tbody>
        ${order.items.map(
          (item) => html`<tr>
            <td><a href=${link(`/products/${item.productId}`)}>${names[item.productId] || 'Product'}</a></td>
            <td>${item.quantity}</td>
            <td><${Price} price=${item.unitPrice} /></td>
            <td><${Price} price=${item.lineTotal} /></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p class="total">Total: <${Price} price=${order.total} /></p>
    <p>Order number <code>${order.id}</code></p>
    ${IN_PROGRESS.includes(order.status) &&
    html`<button
      type="button"
      disabled=${cancelling}
      onClick=${async () => {
        setCancelling(true);
        try {
          setOrder(await call(`/api/orders/${order.id}/cancel`, { method: 'POST' }));
        } catch (failure) {
          setError(failure);
        }
        setCancelling(false);
      }}
    >
      Cancel this order
    </button>`}
    <${Problem} error=${error} />
  </article>`;
}

/** The catalog names of these products (an order keeps only their ids); a product no longer found has none. */
function useProductNames(ids) {
  const key = ids.join(',');
  const { data } = useLoad(
    () =>
      Promise.all(ids.map((id) => call(`/api/products/${id}`, { auth: false }).catch(() => null))).then((products) =>
        Object.fromEntries(products.filter(Boolean).map((p) => [p.id, p.name])),
      ),
    [key],
  );
  return data || {};
}

export function NotificationsPage({ live }) {
  const [version, setVersion] = useState(0);
  const { data, error } = useLoad(() => call('/api/notifications?size=50'), [version]);
  useEffect(() => live.subscribe(() => setVersion((v) => v + 1)), []);
  return html`<section>
    <${PageTitle}>Notifications</${PageTitle}>
    <${Problem} error=${error} />
    ${data && data.content.length === 0 && html`<p>Nothing yet.</p>`}
    <ul class="notifications" aria-live="polite">
      ${data &&
      data.content.map(
        (n) => html`<li class=${n.read ? 'read' : 'unread'}>
          <strong>${n.title}</strong> <time datetime=${n.createdAt}>${dateTime(n.createdAt)}</time>
          <p>${n.message}</p>
          ${n.reference && html`<a href=${link(`/orders/${n.reference}`)}>See the order</a>`}
          ${!n.read &&
          html` <button type="button" onClick=${() => call(`/api/notifications/${n.id}/read`, { method: 'POST' }).then(() => setVersion((v) => v + 1))}>
            Mark as read <span class="visually-hidden">: ${n.title}</span>
          </button>`}
        </li>`,
      )}
    </ul>
  </section>`;
}
