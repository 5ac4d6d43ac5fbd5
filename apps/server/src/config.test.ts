import { describe, expect, it } from 'vitest'
import { DEFAULT_HOST, DEFAULT_PORT, readServerConfig } from './config'

describe('readServerConfig', () => {
  it('binds to loopback on the default port with ./topologies when nothing is set', () => {
    const config = readServerConfig({}, [], '/home/me')

    expect(config.host).toBe(DEFAULT_HOST)
    expect(config.port).toBe(DEFAULT_PORT)
    expect(config.webRoot).toMatch(/apps[\\/]web[\\/]dist$/)
    expect(config.workspace).toBe('/home/me/topologies')
    expect(config.token).toBeUndefined()
    expect(config.codeDisabled).toBe(false)
  })

  it('takes the port, host and web root from the environment', () => {
    expect(readServerConfig({ PORT: '8080', HOST: '::1', WEB_ROOT: '/srv/web' })).toMatchObject({
      host: '::1',
      port: 8080,
      webRoot: '/srv/web',
    })
  })

  it('prefers command-line options to the environment', () => {
    const config = readServerConfig(
      { PORT: '8080' },
      ['--port', '9090', '--workspace', 'designs', '--disable-code'],
      '/srv',
    )
    expect(config).toMatchObject({ port: 9090, workspace: '/srv/designs', codeDisabled: true })
  })

  it('treats an empty PORT as unset', () => {
    expect(readServerConfig({ PORT: '' }).port).toBe(DEFAULT_PORT)
  })

  it.each(['http', '-1', '65536', '80.5'])('rejects PORT=%s', (port) => {
    expect(() => readServerConfig({ PORT: port })).toThrow(/PORT must be an integer/)
  })

  it('refuses a non-loopback address without --allow-remote', () => {
    expect(() => readServerConfig({}, ['--host', '0.0.0.0'])).toThrow(
      /Refusing to bind 0\.0\.0\.0.*--allow-remote/,
    )
    expect(readServerConfig({}, ['--host', '127.0.0.2']).host).toBe('127.0.0.2')
  })

  it('allows the bound address as a host name once remote binding is allowed', () => {
    const config = readServerConfig({}, [
      '--host',
      '10.0.0.5',
      '--allow-remote',
      '--allowed-host',
      'Studio.Example',
    ])
    expect(config.allowedHosts).toEqual(['studio.example', '10.0.0.5'])
  })

  it('names an unknown option and prints the usage', () => {
    expect(() => readServerConfig({}, ['--wrokspace', 'x'])).toThrow(/--wrokspace[\s\S]*Usage:/)
  })

  it('refuses a short TOPOLOGY_STUDIO_TOKEN', () => {
    expect(() => readServerConfig({ TOPOLOGY_STUDIO_TOKEN: 'short' })).toThrow(/at least 32/)
  })
})
