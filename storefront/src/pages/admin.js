import { useState } from 'preact/hooks';
import { call, isAdmin } from '../api.js';
import { OrderTable, PageTitle, Price, Problem } from '../components.js';
import { html } from '../html.js';
import { link } from '../router.js';
import { useLoad } from './shop.js';

const STATUSES = ['CONFIRMED', 'PENDING', 'RESERVED', 'SHIPPED', 'CANCELLED'];

/**
 * The administrators' area: every order (ship the confirmed ones) and the catalog (change a product, receive stock,
 * add a product). The services check the ADMIN role on every call; this page only spares others a useless screen.
 */
export function AdminPage({ user, query }) {
  if (!isAdmin(user)) {
    return html`<section>
      <${PageTitle}>Administration</${PageTitle}>
      <p role="alert">This area is for administrators only. <a href="#/">Back to the catalog</a></p>
    </section>`;
  }
  return html`<section>
    <${PageTitle}>Administration</${PageTitle}>
    <${AdminOrders} status=${query.status ?? 'CONFIRMED'} />
    <${AdminCatalog} />
  </section>`;
}

function AdminOrders({ status }) {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState(null);
  const filter = status && status !== 'all' ? `status=${status}&` : '';
  const { data, error: loadError } = useLoad(() => call(`/api/admin/orders?${filter}size=50`), [status, version]);
  async function ship(id) {
    setError(null);
    try {
      await call(`/api/orders/${id}/ship`, { method: 'POST' });
      setVersion((v) => v + 1);
    } catch (failure) {
      setError(failure);
    }
  }
  return html`<section aria-labelledby="admin-orders">
    <h2 id="admin-orders">Orders</h2>
    <nav aria-label="Orders by status" class="pages">
      ${[...STATUSES, ''].map(
        (s) => html`<a href=${link('/admin', { status: s || 'all' })} aria-current=${s === status || (!s && status === 'all') ? 'page' : undefined}>${s ? s.toLowerCase() : 'all'}</a>`,
      )}
    </nav>
    <${Problem} error=${loadError || error} />
    ${data && data.content.length === 0 && html`<p>No orders here.</p>`}
    ${data &&
    data.content.length > 0 &&
    html`<${OrderTable}
      caption="Orders"
      orders=${data.content}
      columns=${['Order', 'Action']}
      cells=${(order) => html`<td><code>${order.id.slice(0, 8)}</code></td>
        <td>${order.status === 'CONFIRMED' &&
        html`<button type="button" onClick=${() => ship(order.id)}>Ship <span class="visually-hidden">order ${order.id.slice(0, 8)}</span></button>`}</td>`}
    />`}
  </section>`;
}

function AdminCatalog() {
  const [version, setVersion] = useState(0);
  const { data, error } = useLoad(() => call('/api/products?size=100', { auth: false }), [version]);
  const changed = () => setVersion((v) => v + 1);
  return html`<section aria-labelledby="admin-catalog">
    <h2 id="admin-catalog">Catalog</h2>
    <${Problem} error=${error} />
    <ul class="notifications">
      ${data && data.content.map((product) => html`<${AdminProduct} key=${product.id} product=${product} onChange=${changed} />`)}
    </ul>
    <${NewProduct} onChange=${changed} />
  </section>`;
}

function AdminProduct({ product, onChange }) {
  const [name, setName] = useState(product.name);
  const [description, setDescription] = useState(product.description);
  const [amount, setAmount] = useState(product.price.amount);
  const [delivered, setDelivered] = useState(10);
  const [error, setError] = useState(null);
  const id = product.id;
  async function run(action) {
    setError(null);
    try {
      await action();
      onChange();
    } catch (failure) {
      setError(failure);
    }
  }
  return html`<li>
    <details>
      <summary>${product.name} · <${Price} price=${product.price} /> · ${product.availableStock} available</summary>
      <form onSubmit=${(e) => {
        e.preventDefault();
        run(() => call(`/api/products/${id}`, { method: 'PUT', body: { name, description, price: { amount, currency: product.price.currency } } }));
      }}>
        <div class="field"><label for=${`name-${id}`}>Name</label><input id=${`name-${id}`} value=${name} required onInput=${(e) => setName(e.currentTarget.value)} /></div>
        <div class="field"><label for=${`description-${id}`}>Description</label><input id=${`description-${id}`} value=${description} onInput=${(e) => setDescription(e.currentTarget.value)} /></div>
        <div class="field"><label for=${`price-${id}`}>Price (${product.price.currency})</label><input id=${`price-${id}`} inputmode="decimal" value=${amount} required onInput=${(e) => setAmount(e.currentTarget.value)} /></div>
        <button type="submit">Save <span class="visually-hidden">${product.name}</span></button>
      </form>
      <form onSubmit=${(e) => {
        e.preventDefault();
        run(() => call(`/api/products/${id}/stock/deliveries`, { method: 'POST', body: { quantity: Number(delivered) } }));
      }}>
        <div class="field"><label for=${`delivered-${id}`}>Units delivered</label><input id=${`delivered-${id}`} type="number" min="1" value=${delivered} onInput=${(e) => setDelivered(e.currentTarget.value)} /></div>
        <button type="submit">Receive stock <span class="visually-hidden">of ${product.name}</span></button>
      </form>
      <${Problem} error=${error} />
    </details>
  </li>`;
}

function NewProduct({ onChange }) {
  const empty = { sku: '', name: '', description: '', amount: '', initialStock: 0 };
  const [product, setProduct] = useState(empty);
  const [error, setError] = useState(null);
  const field = (key, label, props = {}) => html`<div class="field">
    <label for=${`new-${key}`}>${label}</label>
    <input id=${`new-${key}`} value=${product[key]} ...${props} onInput=${(e) => setProduct({ ...product, [key]: e.currentTarget.value })} />
  </div>`;
  return html`<form
    aria-labelledby="new-product"
    onSubmit=${async (e) => {
      e.preventDefault();
      setError(null);
      try {
        await call('/api/products', {
          method: 'POST',
          body: {
            sku: product.sku,
            name: product.name,
            description: product.description,
            price: { amount: product.amount, currency: 'EUR' },
            initialStock: Number(product.initialStock),
          },
        });
        setProduct(empty);
        onChange();
      } catch (failure) {
        setError(failure);
      }
    }}
  >
    <h3 id="new-product">Add a product</h3>
    ${field('sku', 'SKU', { required: true })} ${field('name', 'Product name', { required: true })}
    ${field('description', 'Product description')} ${field('amount', 'Price (EUR)', { required: true, inputmode: 'decimal' })}
    ${field('initialStock', 'Initial stock', { type: 'number', min: 0 })}
    <button type="submit">Add product</button>
    <${Problem} error=${error} />
  </form>`;
}
