import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, isAdmin, logOut, onSessionChange, resumeSession } from './api.js';
import { itemCount, readCart } from './cart.js';
import { watchNotifications } from './events.js';
import { html } from './html.js';
import { go, link, useRoute } from './router.js';
import { LogInPage, SignUpPage } from './pages/account.js';
import { AdminPage } from './pages/admin.js';
import { NotificationsPage, OrderPage, OrdersPage } from './pages/orders.js';
import { CartPage, Catalog, ProductPage } from './pages/shop.js';
import './styles.css';

/**
 * One notification stream per tab, shared by the pages that show live state: each subscriber gets every new
 * notification, and null when the stream (re)opens (read again: something may have been missed meanwhile).
 */
function liveNotifications() {
  const subscribers = new Set();
  let stop = null;
  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    start() {
      if (stop) return;
      stop = watchNotifications(
        (notification) => subscribers.forEach((s) => s(notification)),
        () => subscribers.forEach((s) => s(null)),
      );
    },
    stop() {
      if (stop) stop();
      stop = null;
    },
  };
}

const live = liveNotifications();

function Header({ user, cart }) {
  const { query } = useRoute();
  const [q, setQ] = useState(query.q || '');
  useEffect(() => setQ(query.q || ''), [query.q]);
  return html`<header>
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>Skip to content</a>
    <a class="brand" href="#/">microshop</a>
    <form class="search" role="search" onSubmit=${(e) => { e.preventDefault(); go(link('/', { q }).slice(1)); }}>
      <label for="search" class="visually-hidden">Search products</label>
      <input id="search" type="search" placeholder="Search products" value=${q} maxlength="100" onInput=${(e) => setQ(e.currentTarget.value)} />
      <button type="submit">Search</button>
    </form>
    <nav aria-label="Main">
      <a href="#/cart">Cart <span class="badge" aria-label=${`${itemCount(cart)} items`}>${itemCount(cart)}</span></a>
      ${user
        ? html`<a href="#/orders">Orders</a>
            <a href="#/notifications">Notifications</a>
            ${isAdmin(user) && html`<a href="#/admin">Admin</a>`}
            ${user.name && html`<span class="user">${user.name}</span>`}
            <button type="button" onClick=${() => logOut().finally(() => go('/'))}>Log out</button>`
        : html`<a href="#/login">Log in</a> <a href="#/signup">Sign up</a>`}
    </nav>
  </header>`;
}

function App() {
  const route = useRoute();
  const [user, setUser] = useState(null);
  const [ready, setReady] = useState(false);
  const [cart, setCart] = useState(readCart());

  useEffect(() => {
    const stop = onSessionChange((u) => {
      if (!u) {
        setUser(null);
        live.stop();
        return;
      }
      setUser((known) => ({ ...u, name: known && known.id === u.id ? known.name : null }));
      live.start();
    });
    // A reload keeps the log-in: the refresh cookie buys a new access token.
    resumeSession()
      .catch(() => null)
      .finally(() => setReady(true));
    // Another tab changed the cart.
    const cartChanged = (e) => e.key === 'microshop.cart' && setCart(readCart());
    addEventListener('storage', cartChanged);
    return () => {
      stop();
      removeEventListener('storage', cartChanged);
    };
  }, []);

  // The token names no one: the header shows the account's name, asked once per log-in.
  useEffect(() => {
    if (user && user.name === null) {
      call('/api/users/me').then(
        (me) => setUser((u) => (u && u.id === me.id ? { ...u, name: me.name } : u)),
        () => {},
      );
    }
  }, [user && user.id]);

  const [page, id] = route.parts;
  const needsLogIn = ['orders', 'notifications', 'admin'].includes(page);
  let content;
  if (!ready) content = html`<p aria-busy="true">Loading…</p>`;
  else if (needsLogIn && !user) content = html`<${LogInPage} query=${{ next: `/${route.parts.join('/')}` }} />`;
  else if (page === 'products' && id) content = html`<${ProductPage} id=${id} onCartChange=${setCart} />`;
  else if (page === 'cart') content = html`<${CartPage} user=${user} cart=${cart} onCartChange=${setCart} />`;
  else if (page === 'login') content = html`<${LogInPage} query=${route.query} />`;
  else if (page === 'signup') content = html`<${SignUpPage} query=${route.query} />`;
  else if (page === 'orders' && id) content = html`<${OrderPage} id=${id} live=${live} />`;
  else if (page === 'orders') content = html`<${OrdersPage} />`;
  else if (page === 'notifications') content = html`<${NotificationsPage} live=${live} />`;
  else if (page === 'admin') content = html`<${AdminPage} user=${user} query=${route.query} />`;
  else content = html`<${Catalog} query=${route.query} onCartChange=${setCart} />`;

  return html`<${Header} user=${user} cart=${cart} />
    <main id="main" tabindex="-1" key=${route.parts.join('/')}>${content}</main>
    <footer><p>microshop — a demo shop; the test cards charge nothing real.</p></footer>`;
}

render(html`<${App} />`, document.getElementById('app'));
