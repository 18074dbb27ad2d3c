import { defineConfig } from 'vitest/config';

// Unit tests of logic that is not markup (formatting, problem messages, renewal timing, paging).
export default defineConfig({
  test: { include: ['unit/**/*.spec.ts'], environment: 'node' },
});
