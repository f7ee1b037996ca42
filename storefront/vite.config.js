import { defineConfig } from 'vite';

// Built into the storefront jar's static/ folder, which the gateway serves at /. `npm run dev` serves the pages on
// http://127.0.0.1:3000 with live reload and passes /api on to a running gateway.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // One script and one style sheet, no inline code: the gateway's Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    port: 3000,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['test/**/*.test.js'],
  },
});
