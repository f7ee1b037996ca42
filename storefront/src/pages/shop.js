import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api.js';
import { addToCart, clearCart, setQuantity } from '../cart.js';
import { PageTitle, Price, Problem } from '../components.js';
import { total } from '../format.js';
import { html } from '../html.js';
import { go, link } from '../router.js';

const PAGE_SIZE = 12;

/** Loads what a page shows; reloads when one of the keys changes. */
export function useLoad(load, keys) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, keys);
  return state;
}

export function Catalog({ query, onCartChange }) {
  const q = query.q || '';
  const page = Number(query.page || 0);
  const { data, error, loading } = useLoad(
    () => call(`/api/products?${new URLSearchParams({ q, page, size: PAGE_SIZE })}`, { auth: false }),
    [q, page],
  );
  const [added, setAdded] = useState(null);
  return html`<section aria-busy=${loading}>
    <${PageTitle}>${q ? `Search results for “${q}”` : 'Catalog'}</${PageTitle}>
    <${Problem} error=${error} />
    ${data &&
    html`<p class="count" aria-live="polite">${data.page.totalElements} product${data.page.totalElements === 1 ? '' : 's'}</p>
      <p class="added" aria-live="polite">${added && html`${added} is in your cart. <a href="#/cart">Check out</a>`}</p>
      <ul class="products">
        ${data.content.map(
          (product) => html`<li class="product">
            <a href=${link(`/products/${product.id}`)}><h2>${product.name}</h2></a>
            <p>${product.description}</p>
            <p><${Price} price=${product.price} /> · ${stockText(product.availableStock)}</p>
            <button
              type="button"
              disabled=${product.availableStock === 0}
              aria-label=${`Add ${product.name} to the cart`}
              onClick=${() => {
                onCartChange(addToCart(product.id));
                setAdded(product.name);
              }}
            >
              Add to cart
            </button>
          </li>`,
        )}
      </ul>
      <nav class="pages" aria-label="Pages">
        ${page > 0 && html`<a href=${link('/', { q, page: page - 1 })}>Previous page</a>`}
        ${page + 1 < data.page.totalPages && html`<a href=${link('/', { q, page: page + 1 })}>Next page</a>`}
      </nav>`}
  </section>`;
}

function stockText(available) {
  return available === 0 ? 'out of stock' : `${available} in stock`;
}

export function ProductPage({ id, onCartChange }) {
  const { data: product, error } = useLoad(() => call(`/api/products/${encodeURIComponent(id)}`, { auth: false }), [id]);
  const [quantity, setQuantityField] = useState(1);
  const [added, setAdded] = useState(false);
  if (error) return html`<${Problem} error=${error} />`;
  if (!product) return html`<p aria-busy="true">Loading…</p>`;
  return html`<article>
    <${PageTitle}>${product.name}</${PageTitle}>
    <p>${product.description}</p>
    <p><${Price} price=${product.price} /> · ${stockText(product.availableStock)} · SKU ${product.sku}</p>
    <form
      onSubmit=${(e) => {
        e.preventDefault();
        onCartChange(addToCart(product.id, quantity));
        setAdded(true);
      }}
    >
      <label for="quantity">Quantity</label>
      <input
        id="quantity"
        type="number"
        min="1"
        max=${Math.max(1, product.availableStock)}
        value=${quantity}
        onInput=${(e) => setQuantityField(Math.max(1, Number(e.currentTarget.value) || 1))}
      />
      <button type="submit" disabled=${product.availableStock === 0}>Add to cart</button>
    </form>
    <p aria-live="polite">${added && html`Added to your cart. <a href="#/cart">Check out</a>`}</p>
  </article>`;
}

const PAYMENT_METHODS = [
  ['pm-ok', 'Test card (accepted)'],
  ['pm-declined', 'Test card (declined by the issuer)'],
  ['pm-slow', 'Test card (slow issuer)'],
];

/**
 * The cart and checkout. One Idempotency-Key per checkout: a double click, or a retry after a lost answer, places
 * one order; a changed cart is a new checkout with a new key.
 */
export function CartPage({ user, cart, onCartChange }) {
  const ids = cart.map((line) => line.productId).join(',');
  const { data: products, error: loadError } = useLoad(
    () => Promise.all(cart.map((line) => call(`/api/products/${line.productId}`, { auth: false }))),
    [ids],
  );
  const [paymentMethod, setPaymentMethod] = useState('pm-ok');
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState(null);
  const checkoutKey = useRef(crypto.randomUUID());
  useEffect(() => {
    checkoutKey.current = crypto.randomUUID();
  }, [JSON.stringify(cart)]);

  if (cart.length === 0) {
    return html`<section><${PageTitle}>Your cart</${PageTitle}><p>Your cart is empty. <a href="#/">Browse the catalog</a></p></section>`;
  }
  const lines = products
    ? cart.map((line, i) => ({ ...line, product: products[i], unitPrice: products[i].price })).filter((l) => l.product)
    : [];
  const sum = total(lines);

  async function placeOrder() {
    if (placing) return;
    setPlacing(true);
    setError(null);
    try {
      const order = await call('/api/orders', {
        method: 'POST',
        headers: { 'Idempotency-Key': checkoutKey.current },
        body: { items: cart.map(({ productId, quantity }) => ({ productId, quantity })), paymentMethod },
      });
      onCartChange(clearCart());
      go(`/orders/${order.id}`);
    } catch (failure) {
      setError(failure);
      setPlacing(false);
    }
  }

  return html`<section>
    <${PageTitle}>Your cart</${PageTitle}>
    <${Problem} error=${loadError} />
    <table class="cart">
      <caption class="visually-hidden">Products in your cart</caption>
      <thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col"></th></tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <td><a href=${link(`/products/${line.productId}`)}>${line.product.name}</a></td>
            <td><${Price} price=${line.unitPrice} /></td>
            <td>
              <label class="visually-hidden" for=${`qty-${line.productId}`}>Quantity of ${line.product.name}</label>
              <input
                id=${`qty-${line.productId}`}
                type="number"
                min="0"
                value=${line.quantity}
                onChange=${(e) => onCartChange(setQuantity(line.productId, Number(e.currentTarget.value) || 0))}
              />
            </td>
            <td><button type="button" onClick=${() => onCartChange(setQuantity(line.productId, 0))}>Remove <span class="visually-hidden">${line.product.name}</span></button></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p class="total">Total: <${Price} price=${sum} /></p>
    ${user
      ? html`<form
          class="checkout"
          onSubmit=${(e) => {
            e.preventDefault();
            placeOrder();
          }}
        >
          <label for="payment-method">Payment method</label>
          <select id="payment-method" value=${paymentMethod} onChange=${(e) => setPaymentMethod(e.currentTarget.value)}>
            ${PAYMENT_METHODS.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
          </select>
          <button type="submit" aria-disabled=${placing}>${placing ? 'Placing your order…' : 'Place order'}</button>
        </form>`
      : html`<p><a href=${link('/login', { next: '/cart' })}>Log in</a> or <a href=${link('/signup', { next: '/cart' })}>sign up</a> to place your order.</p>`}
    <${Problem} error=${error} />
  </section>`;
}

