// Components are written as tagged templates (htm), so the pages need no JSX compiler: what is here is what runs.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
