import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // `npm run dev -w @boucle/web` talks to the API of a running `npm start`.
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
