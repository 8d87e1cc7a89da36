import { defineConfig } from 'vitest/config';

// Everything the dashboard needs ships in the appliance's jar: no CDN, no external font. The output
// lands in target/dist, which the Maven module packs under META-INF/resources.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    // never inline an asset as a data: URL into script or style: the CSP stays 'self' only
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
