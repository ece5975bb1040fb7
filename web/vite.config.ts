import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console: built into dist/web (served by the API at `/`); `npm run dev` serves it with hot
// reloading and sends the API's paths to the platform running on port 3000 (`npm start`).
const api = process.env.CONSOLE_API ?? 'http://localhost:3000';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  // The manifest tells which files each entry and route chunk loads (test/unit/console-build.test.ts).
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the console: their own files stay cached across releases.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return 'libraries';
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': api, '/openapi.json': api } },
});
