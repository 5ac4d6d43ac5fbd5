// Runs scenarios on real Kafka Streams: builds the Maven project in ./java (Kafka's own jars
// from Maven Central, cached by Maven after the first fetch) and runs its Main over the files.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ScenarioResult } from './scenario-result'

const javaProject = join(dirname(fileURLToPath(import.meta.url)), 'java')

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string }
    if (e.code === 'ENOENT') {
      throw new Error(
        `${command} is not installed; the conformance suite needs Java 17+ and Maven (apt-get install -y openjdk-17-jdk-headless maven)`,
      )
    }
    const shown = args.length > 6 ? [...args.slice(0, 6), `… (${args.length - 6} more)`] : args
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.split('\n').slice(0, 20).join('\n')
    throw new Error(`${command} ${shown.join(' ')} failed:\n${output}`)
  }
}

/** Compiles the Java side and returns the classpath to run it with. */
export function buildKafkaStreamsRunner(): string {
  const classpathFile = join(javaProject, 'target', 'classpath.txt')
  run(
    'mvn',
    ['-B', '-q', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
    javaProject,
  )
  return `${join(javaProject, 'target', 'classes')}:${readFileSync(classpathFile, 'utf8').trim()}`
}

/** Results of the scenario files on Kafka Streams, keyed by file. */
export function runOnKafkaStreams(
  classpath: string,
  files: readonly string[],
): Map<string, ScenarioResult> {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'))
  try {
    run('java', ['-cp', classpath, 'studio.conformance.Main', '--out', out, ...files], javaProject)
    return new Map(
      files.map((file) => [
        file,
        JSON.parse(readFileSync(join(out, basename(file)), 'utf8')) as ScenarioResult,
      ]),
    )
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** Kafka-side results of the expression cases file (one per case). */
export function evaluateExpressionsOnJava(classpath: string, casesFile: string): unknown[] {
  return JSON.parse(
    run(
      'java',
      ['-cp', classpath, 'studio.conformance.Main', 'expressions', casesFile],
      javaProject,
    ),
  ) as unknown[]
}
