import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));

export default defineConfig({
  root,
  publicDir: 'public',
  build: {
    outDir,
    emptyOutDir: true,
    // No source maps: they would publish the whole source and add weight; the server refuses *.map too.
    sourcemap: false,
    // The server reads it to preload the visitor's language file with the first HTML (server/plugins/client.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached in the service worker across releases.
        // Only what every page's frame needs is grouped (a few files, not dozens, on a slow first load); the
        // accessible widgets are split by the pages that use them, so a page loads only its own.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            {
              name: 'vendor',
              test: /node_modules[\\/](react-router|zod|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 2,
            },
            // Libraries only some pages use get their own files, loaded with those pages, not on every first load.
            { name: 'charts', test: /node_modules[\\/]uplot[\\/]/, priority: 2 },
            { name: 'meeting-types', test: /node_modules[\\/]@code4recovery[\\/]/, priority: 2 },
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      // Deferred: a blocking script in <head> would hold back the first paint (the help) behind every other file.
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Kinship',
        short_name: 'Kinship',
        description: 'Your recovery community, private by design.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#fbf7f2',
        theme_color: '#1d5c57',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Only the app shell is precached. Personal data from /api is never cached by the service worker.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        sourcemap: false,
        // The finder's map only loads where a tile server is configured: never precached for everyone.
        globIgnores: ['**/leaflet-*.{js,css}', '**/results-map-*.{js,css}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // Web Push reminders: shows the (neutral) notification and opens the page it points to.
        importScripts: ['/push-sw.js'],
      },
    }),
  ],
});
