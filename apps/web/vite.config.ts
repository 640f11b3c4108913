import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs beside Vite in development; proxying `/api` keeps the browser on one origin,
// as in production behind the reverse proxy, so the client never needs CORS or a base URL.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: { outDir: 'dist', sourcemap: true },
});
