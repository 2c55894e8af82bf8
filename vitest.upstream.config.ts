import { defineConfig } from 'vitest/config';

// `npm run upstream-check`: checks against third-party data kept outside the repo in ../shared.
export default defineConfig({
  test: {
    include: ['test/upstream/**/*.upstream.ts'],
    environment: 'node',
    testTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
  },
});
