import packageJson from '../package.json' with { type: 'json' }

/** The server's version, reported by `GET /api/health`; the bundler inlines it at build time. */
export const SERVER_VERSION: string = packageJson.version
