import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { ProxyOptions } from 'vite'

// In development the API server runs on its usual port (PORT, default 5173) and Vite serves the
// app on the next one, forwarding API and socket traffic so the browser sees a single origin.
const serverUrl = `http://127.0.0.1:${process.env.PORT ?? '5173'}`
const devPort = Number(process.env.WEB_DEV_PORT ?? '5174')

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: serverUrl },
  // The launch link: the server swaps its token for the session cookie, then redirects here.
  '^/\\?token=': { target: serverUrl },
  '/socket.io': { target: serverUrl, ws: true },
}

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: devPort, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: devPort, strictPort: true, proxy },
  build: { outDir: 'dist', sourcemap: true },
  // The planning worker imports the engine as modules, like the page.
  worker: { format: 'es' },
})
