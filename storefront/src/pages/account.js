import { useState } from 'preact/hooks';
import { call, logIn } from '../api.js';
import { PageTitle, Problem } from '../components.js';
import { html } from '../html.js';
import { go } from '../router.js';

/** Where to go after logging in: a page of this shop only (never an address someone put in the link). */
function nextPage(query) {
  return typeof query.next === 'string' && /^\/[\w/-]*$/.test(query.next) ? query.next : '/';
}

function Field({ id, label, type = 'text', autocomplete, value, onInput, hint }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${id} type=${type} autocomplete=${autocomplete} required value=${value}
      aria-describedby=${hint ? `${id}-hint` : undefined} onInput=${(e) => onInput(e.currentTarget.value)} />
    ${hint && html`<small id=${`${id}-hint`}>${hint}</small>`}
  </div>`;
}

/** A form's submit: runs the action once at a time, then goes to the next page, or shows what went wrong. */
function useSubmit(action, query) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
      go(nextPage(query));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }
  return { error, busy, onSubmit };
}

export function LogInPage({ query }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, onSubmit } = useSubmit(() => logIn(email, password), query);
  return html`<section class="narrow">
    <${PageTitle}>Log in</${PageTitle}>
    <form onSubmit=${onSubmit}>
      <${Field} id="email" label="E-mail" type="email" autocomplete="username" value=${email} onInput=${setEmail} />
      <${Field} id="password" label="Password" type="password" autocomplete="current-password" value=${password} onInput=${setPassword} />
      <button type="submit" disabled=${busy}>Log in</button>
    </form>
    <${Problem} error=${error} />
    <p>New here? <a href=${`#/signup?next=${encodeURIComponent(nextPage(query))}`}>Sign up</a></p>
  </section>`;
}

export function SignUpPage({ query }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, onSubmit } = useSubmit(async () => {
    await call('/api/users', { method: 'POST', body: { name, email, password }, auth: false });
    await logIn(email, password);
  }, query);
  return html`<section class="narrow">
    <${PageTitle}>Sign up</${PageTitle}>
    <form onSubmit=${onSubmit}>
      <${Field} id="name" label="Name" autocomplete="name" value=${name} onInput=${setName} />
      <${Field} id="email" label="E-mail" type="email" autocomplete="email" value=${email} onInput=${setEmail} />
      <${Field} id="password" label="Password" type="password" autocomplete="new-password" value=${password}
        onInput=${setPassword} hint="At least 10 characters, with a letter and a digit." />
      <button type="submit" disabled=${busy}>Sign up</button>
    </form>
    <${Problem} error=${error} />
  </section>`;
}
