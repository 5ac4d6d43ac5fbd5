// Starts a real Apache Kafka cluster in KRaft mode on 127.0.0.1 (every node both broker and
// controller), from Kafka's own jars, and stops it again.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import kafkajs from 'kafkajs'
import { kafkaClasspath } from './kafka-jars'
import { resolveKafkaVersion } from './kafka-version'
// kafkajs is CommonJS: Node's ESM loader sees only its default export.
const { Kafka, logLevel } = kafkajs

export interface LocalKafkaOptions {
  /** Port of the first broker; the others follow. 0 picks free ports. Default 9092. */
  readonly port?: number
  /** Number of brokers (each also a controller). Default 1. */
  readonly brokers?: number
  /** Keep data here across runs; default a temporary folder removed on stop. */
  readonly dataDir?: string
  readonly version?: string
  /** How long to wait for the cluster to answer, in ms. Default 120 s. */
  readonly startTimeoutMs?: number
}

export interface LocalKafka {
  /** `127.0.0.1:9092,127.0.0.1:9093,…` */
  readonly bootstrapServers: string
  readonly dataDir: string
  /** Stops every broker (SIGTERM, then SIGKILL after 30 s) and removes temporary data. */
  stop(): Promise<void>
}

interface NodeSpec {
  readonly id: number
  readonly port: number
  readonly controllerPort: number
  readonly dir: string
}

export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafka> {
  const version = resolveKafkaVersion(options.version ?? process.env['KAFKA_VERSION'])
  const count = options.brokers ?? 1
  if (!Number.isInteger(count) || count < 1 || count > 9) {
    throw new Error(`--brokers must be a whole number from 1 to 9, got ${count}`)
  }
  const classpath = kafkaClasspath(version)
  const temporary = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'topology-studio-kafka-'))
  const ports = await pickPorts(options.port ?? 9092, count * 2)
  const nodes: NodeSpec[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    port: ports[i] as number,
    controllerPort: ports[count + i] as number,
    dir: join(dataDir, `node-${i + 1}`),
  }))
  const voters = nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(',')
  const clusterIdFile = join(dataDir, 'cluster-id')
  const clusterId = existsSync(clusterIdFile)
    ? readFileSync(clusterIdFile, 'utf8').trim()
    : kafkaClusterId()
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(clusterIdFile, clusterId)

  const running: RunningNode[] = []
  const stop = async () => {
    await Promise.all(running.map((node) => stopProcess(node.child)))
    if (temporary) rmSync(dataDir, { recursive: true, force: true })
  }
  const killOnExit = () => running.forEach((node) => node.child.kill('SIGKILL'))
  process.once('exit', killOnExit)
  try {
    for (const node of nodes) {
      mkdirSync(node.dir, { recursive: true })
      const config = join(node.dir, 'server.properties')
      writeFileSync(config, serverProperties(node, voters, count))
      writeFileSync(
        join(node.dir, 'log4j2.properties'),
        log4jProperties(join(node.dir, 'server.log')),
      )
      if (!existsSync(join(node.dir, 'logs', 'meta.properties'))) {
        formatStorage(classpath, node, config, clusterId)
      }
      running.push(startNode(classpath, node, config))
    }
    const bootstrapServers = nodes.map((n) => `127.0.0.1:${n.port}`).join(',')
    await waitUntilReady(bootstrapServers, count, running, options.startTimeoutMs ?? 120_000)
    return {
      bootstrapServers,
      dataDir,
      stop: async () => {
        process.removeListener('exit', killOnExit)
        await stop()
      },
    }
  } catch (error) {
    await stop()
    process.removeListener('exit', killOnExit)
    throw error
  }
}

/** A random cluster id as Kafka's `kafka-storage random-uuid` prints it (URL-safe base64). */
function kafkaClusterId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url')
}

function serverProperties(node: NodeSpec, voters: string, count: number): string {
  const replication = Math.min(3, count)
  return [
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    `controller.quorum.voters=${voters}`,
    `listeners=PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${node.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(node.dir, 'logs')}`,
    'num.partitions=1',
    `default.replication.factor=${replication}`,
    `offsets.topic.replication.factor=${replication}`,
    `transaction.state.log.replication.factor=${replication}`,
    `transaction.state.log.min.isr=${Math.min(2, count)}`,
    `min.insync.replicas=1`,
    // A developer cluster: consumer groups form at once instead of after 3 s.
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    '',
  ].join('\n')
}

function log4jProperties(file: string): string {
  return [
    'status = error',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${file}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = file',
    '',
  ].join('\n')
}

function javaArgs(classpath: string, node: NodeSpec, mainClass: string): string[] {
  return [
    '-Xms128m',
    '-Xmx512m',
    `-Dlog4j2.configurationFile=${join(node.dir, 'log4j2.properties')}`,
    '-cp',
    classpath,
    mainClass,
  ]
}

function formatStorage(classpath: string, node: NodeSpec, config: string, clusterId: string) {
  try {
    execFileSync(
      'java',
      [
        ...javaArgs(classpath, node, 'kafka.tools.StorageTool'),
        'format',
        // Joined with '=': an id may start with '-', which would read as an option.
        `--cluster-id=${clusterId}`,
        '-c',
        config,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    throw new Error(
      `Formatting the storage of Kafka node ${node.id} failed:\n${(e.stdout ?? '') + (e.stderr ?? '')}`,
    )
  }
}

interface RunningNode {
  readonly spec: NodeSpec
  readonly child: ChildProcess
  /** The last few kB the JVM wrote to stderr, to explain an early exit. */
  stderrTail(): string
}

function startNode(classpath: string, spec: NodeSpec, config: string): RunningNode {
  const child = spawn('java', [...javaArgs(classpath, spec, 'kafka.Kafka'), config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  return { spec, child, stderrTail: () => stderr }
}

async function waitUntilReady(
  bootstrapServers: string,
  count: number,
  running: readonly RunningNode[],
  timeoutMs: number,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'topology-studio-local-kafka',
    brokers: bootstrapServers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  })
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const { spec, child, stderrTail } of running) {
      if (child.exitCode !== null) {
        throw new Error(
          `Kafka node ${spec.id} exited with code ${child.exitCode} (port ${spec.port} taken?). Its log: ${join(spec.dir, 'server.log')}\n${stderrTail()}`,
        )
      }
    }
    const admin = kafka.admin()
    try {
      await admin.connect()
      const cluster = await admin.describeCluster()
      if (cluster.brokers.length === count && cluster.controller !== null) return
    } catch {
      // not answering yet
    } finally {
      await admin.disconnect().catch(() => undefined)
    }
    if (Date.now() > deadline) {
      throw new Error(`Kafka did not answer on ${bootstrapServers} within ${timeoutMs / 1000} s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** `count` ports from `first` on (consecutive), or free ones when `first` is 0. */
async function pickPorts(first: number, count: number): Promise<number[]> {
  if (first !== 0) return Array.from({ length: count }, (_, i) => first + i)
  const ports: number[] = []
  while (ports.length < count) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer()
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    if (!ports.includes(port)) ports.push(port)
  }
  return ports
}
