// The dashboard's build: one page, its script and style bundled into assets/ with hashed names
// (served as immutable by `dragoman serve`). No inline script or style anywhere, so the server's
// Content-Security-Policy can forbid them.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    target: 'es2020',
    assetsInlineLimit: 0, // never data: URLs for scripts or styles
    modulePreload: { polyfill: false }, // the polyfill is an inline script
    sourcemap: false,
    reportCompressedSize: false,
  },
});
