import { describe, expect, it } from 'vitest'
import { DEFAULT_HOST, DEFAULT_PORT, readServerConfig } from './config'

describe('readServerConfig', () => {
  it('binds to loopback on the default port when nothing is set', () => {
    const config = readServerConfig({})

    expect(config.host).toBe(DEFAULT_HOST)
    expect(config.port).toBe(DEFAULT_PORT)
    expect(config.webRoot).toMatch(/apps[\\/]web[\\/]dist$/)
  })

  it('takes the port, host and web root from the environment', () => {
    expect(readServerConfig({ PORT: '8080', HOST: '::1', WEB_ROOT: '/srv/web' })).toEqual({
      host: '::1',
      port: 8080,
      webRoot: '/srv/web',
    })
  })

  it('treats an empty PORT as unset', () => {
    expect(readServerConfig({ PORT: '' }).port).toBe(DEFAULT_PORT)
  })

  it.each(['http', '-1', '65536', '80.5'])('rejects PORT=%s', (port) => {
    expect(() => readServerConfig({ PORT: port })).toThrow(/PORT must be an integer/)
  })
})
