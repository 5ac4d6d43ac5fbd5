// Fetches Apache Kafka's own jars with Maven into a cache folder outside the repository and
// returns the classpath to run the broker with.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where fetched Kafka versions live: `$TOPOLOGY_STUDIO_CACHE`, else `~/.cache/topology-studio`. */
export function kafkaCacheDir(version: string): string {
  const root =
    process.env['TOPOLOGY_STUDIO_CACHE'] ??
    join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'topology-studio')
  return join(root, 'kafka', version)
}

/** Fails with a clear message when Java 17+ or Maven is missing. */
export function checkJavaAndMaven(): void {
  // `java -version` prints to stderr.
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (java.error !== undefined) {
    throw new Error(
      'Java is not installed: the local Kafka broker needs Java 17 or newer (Debian: apt-get install -y openjdk-17-jre-headless)',
    )
  }
  const versionText = `${java.stderr}${java.stdout}`
  const major = Number(/version "(\d+)/.exec(versionText)?.[1] ?? '0')
  if (major < 17) {
    throw new Error(
      `The local Kafka broker needs Java 17 or newer, found: ${versionText.split('\n')[0]}`,
    )
  }
  try {
    execFileSync('mvn', ['-v'], { stdio: 'ignore' })
  } catch {
    throw new Error(
      "Maven is not installed: it fetches Apache Kafka's jars from Maven Central (Debian: apt-get install -y maven)",
    )
  }
}

function pom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>studio.topology</groupId>
  <artifactId>local-kafka</artifactId>
  <version>${version}</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>${version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>2.25.5</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>2.25.5</version>
    </dependency>
  </dependencies>
</project>
`
}

/** The classpath of Kafka `version`, fetching it on first use. */
export function kafkaClasspath(version: string): string {
  const dir = kafkaCacheDir(version)
  const classpathFile = join(dir, 'classpath.txt')
  if (existsSync(classpathFile)) {
    const classpath = readFileSync(classpathFile, 'utf8').trim()
    if (classpath.split(':').every((jar) => existsSync(jar))) return classpath
  }
  checkJavaAndMaven()
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'pom.xml'), pom(version))
  try {
    execFileSync(
      'mvn',
      ['-B', '-q', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    throw new Error(
      `Maven could not fetch org.apache.kafka:kafka_2.13:${version}:\n${(e.stdout ?? '') + (e.stderr ?? '')}`,
    )
  }
  return readFileSync(classpathFile, 'utf8').trim()
}
