import { defineConfig } from 'vitest/config';

// One HTML entry per screen; the build lands in the Spring Boot application's static resources.
const pages = ['index', 'display', 'kiosk', 'track', 'book', 'desk', 'supervisor', 'admin', 'reports'];
const here = (path: string) => new URL(path, import.meta.url).pathname;

export default defineConfig({
  build: {
    outDir: here('../target/classes/static'),
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, here(`${p}.html`)])),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/login': 'http://localhost:8080', '/logout': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
