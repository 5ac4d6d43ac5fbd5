import { ServerConfigError, readServerConfig, USAGE } from './config'
import { createServer } from './server'

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE)
    return
  }
  // npm runs workspace scripts inside the workspace; a relative --workspace means the folder the
  // user ran npm from.
  const cwd = process.env['INIT_CWD'] ?? process.cwd()
  const config = readServerConfig(process.env, process.argv.slice(2), cwd)
  const server = createServer(config)
  try {
    const { launchUrl } = await server.listen()
    console.log(`Topology Studio is running at ${launchUrl}`)
    console.log(`Designs are stored in ${config.workspace}`)
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? err.code : undefined
    if (code === 'EADDRINUSE') {
      console.error(`Port ${config.port} on ${config.host} is in use; set PORT to use another one`)
      process.exit(1)
    }
    throw err
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    console.log(`Received ${signal}, shutting down`)
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof ServerConfigError ? err.message : err)
  process.exit(1)
})
