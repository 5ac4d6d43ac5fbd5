// `npm run conformance [-- --scenarios DIR]`: runs every scenario on real Kafka Streams and on
// the engine, prints one row per scenario and exits non-zero on any difference.
import { isDeepStrictEqual } from 'node:util'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareResults, type Comparison } from './compare-results'
import {
  buildKafkaStreamsRunner,
  evaluateExpressionsOnJava,
  runOnKafkaStreams,
} from './run-on-kafka-streams'
import { runOnEngine } from './run-on-engine'
import { loadScenario } from './scenario'
import { evaluateExpressionCases } from './expression-cases'

const here = dirname(fileURLToPath(import.meta.url))

function parseArgs(argv: readonly string[]): { scenarios: string } {
  let scenarios = join(here, 'scenarios')
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scenarios' && argv[i + 1] !== undefined)
      scenarios = resolve(argv[++i] as string)
    else
      throw new Error(
        `Unknown argument ${argv[i]}; usage: npm run conformance [-- --scenarios DIR]`,
      )
  }
  return { scenarios }
}

function main(): number {
  const { scenarios: dir } = parseArgs(process.argv.slice(2))
  if (!existsSync(dir)) throw new Error(`No scenarios folder ${dir}`)
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name))
  if (files.length === 0) throw new Error(`No scenarios (*.json) in ${dir}`)
  const scenarios = files.map(loadScenario)

  process.stdout.write(`Building the Kafka Streams side (Maven)…\n`)
  const classpath = buildKafkaStreamsRunner()
  let failures = 0

  const casesFile = join(here, 'expressions.json')
  const javaCases = evaluateExpressionsOnJava(classpath, casesFile)
  const engineCases = evaluateExpressionCases(casesFile)
  const caseDifferences = engineCases.flatMap((engineCase, i) =>
    isDeepStrictEqual(outcome(engineCase.result), outcome(javaCases[i])) ? [] : [i],
  )
  process.stdout.write(
    `Expressions: ${engineCases.length - caseDifferences.length}/${engineCases.length} cases evaluate the same on both sides\n`,
  )
  for (const i of caseDifferences) {
    failures++
    process.stdout.write(
      `  ${engineCases[i]?.source}\n    kafka:  ${JSON.stringify(javaCases[i])}\n    engine: ${JSON.stringify(engineCases[i]?.result)}\n`,
    )
  }

  process.stdout.write(`Running ${files.length} scenarios on Kafka Streams…\n`)
  const kafkaResults = runOnKafkaStreams(classpath, files)
  const rows: { name: string; comparison: Comparison }[] = []
  for (const scenario of scenarios) {
    const kafka = kafkaResults.get(scenario.file)
    if (kafka === undefined) throw new Error(`No Kafka Streams result for ${scenario.file}`)
    rows.push({ name: scenario.name, comparison: compareResults(kafka, runOnEngine(scenario)) })
  }
  printTable(rows)
  const differing = rows.filter((row) => row.comparison.firstDifference !== null).length
  failures += differing
  process.stdout.write(
    `\n${rows.length - differing}/${rows.length} scenarios behave the same on Kafka Streams and the engine\n`,
  )
  return failures === 0 ? 0 : 1
}

/** Only whether an expression fails is compared, not the wording of its error. */
function outcome(result: unknown): unknown {
  return typeof result === 'object' && result !== null && 'error' in result ? 'error' : result
}

function printTable(rows: readonly { name: string; comparison: Comparison }[]): void {
  const width = Math.max(8, ...rows.map((row) => row.name.length))
  const mark = (ok: boolean) => (ok ? 'same' : 'DIFF')
  process.stdout.write(
    `\n${'scenario'.padEnd(width)}  describe  outputs  stores  first difference\n`,
  )
  for (const { name, comparison: c } of rows) {
    const difference =
      c.firstDifference === null
        ? ''
        : c.firstDifference.replace(/\n/g, '\n' + ' '.repeat(width + 35))
    process.stdout.write(
      `${name.padEnd(width)}  ${mark(c.describeMatch).padEnd(8)}  ${mark(c.outputsMatch).padEnd(7)}  ${mark(c.storesMatch).padEnd(6)}  ${difference}\n`,
    )
  }
}

try {
  process.exitCode = main()
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exitCode = 2
}
