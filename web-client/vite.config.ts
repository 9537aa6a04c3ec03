import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, Plugin } from 'vite';

/** Lists the built, hashed assets in the service worker so the whole shell is cached at install. */
function precacheAssets(): Plugin {
  return {
    name: 'backrelief-precache',
    apply: 'build',
    closeBundle() {
      const dist = resolve(process.cwd(), 'dist');
      const assets = readdirSync(resolve(dist, 'assets')).map((f) => `'assets/${f}'`);
      const sw = resolve(dist, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace('/*ASSETS*/', assets.length ? ', ' + assets.join(', ') : ''));
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [preact(), precacheAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // no inline scripts or data: URLs: everything is a file (strict Content-Security-Policy)
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // npm run dev: API and sign-in configuration from a running gateway (BACKRELIEF_API, default :8080)
  server: { port: 5173, proxy: { '/api': process.env.BACKRELIEF_API ?? 'http://localhost:8080', '/config.json': process.env.BACKRELIEF_API ?? 'http://localhost:8080' } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
