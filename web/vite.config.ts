import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console: built into dist/web (served by the API at `/`); `npm run dev` serves it with hot
// reloading and sends the API's paths to the platform running on port 3000 (`npm start`).
const api = process.env.CONSOLE_API ?? 'http://localhost:3000';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, assetsDir: 'assets', chunkSizeWarningLimit: 800 },
  server: { port: 5173, proxy: { '/api': api, '/openapi.json': api } },
});
