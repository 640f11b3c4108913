import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { bundleBudget } from './build/bundle-budget.ts';

// The API runs beside Vite in development; proxying `/api` keeps the browser on one origin,
// as in production behind the reverse proxy, so the client never needs CORS or a base URL.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  // The build fails when the first page's JavaScript is over budget or loads the player.
  // Each text asset is also written brotli- and gzip-compressed, for the API to serve as is.
  plugins: [
    react(),
    bundleBudget(),
    compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' }),
  ],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: { outDir: 'dist', sourcemap: true },
});
