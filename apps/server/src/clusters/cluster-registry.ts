// The clusters this server is connected to, and the sample-data generators writing to them.
// Settings, secrets included, live in memory only: nothing about a cluster is written to disk.
import { randomBytes } from 'node:crypto'
import type {
  Cluster,
  ConnectClusterRequest,
  GeneratorStatus,
  StartGeneratorRequest,
} from '@topology-studio/shared'
import { ApiError } from '../http/api-error'
import { ClusterConnection } from './cluster-connection'
import { publicSettings } from './kafka-client-options'
import { SampleDataGenerator } from './sample-data-generator'

export class ClusterRegistry {
  private readonly clusters = new Map<string, ClusterConnection>()
  private readonly generators = new Map<string, SampleDataGenerator>()

  async connect(request: ConnectClusterRequest & { bootstrapServers: string[] }): Promise<Cluster> {
    const id = `cluster-${randomBytes(4).toString('hex')}`
    const connection = new ClusterConnection(
      id,
      request.name ?? request.bootstrapServers.join(','),
      request,
    )
    try {
      await connection.connect()
    } catch (error) {
      await connection.close()
      throw error
    }
    this.clusters.set(id, connection)
    return describe(connection)
  }

  list(): Cluster[] {
    return [...this.clusters.values()].map(describe)
  }

  describe(id: string): Cluster {
    return describe(this.get(id))
  }

  get(id: string): ClusterConnection {
    const connection = this.clusters.get(id)
    if (connection === undefined) {
      throw new ApiError(404, 'cluster_not_found', `No connected cluster with id ${id}`, { id })
    }
    return connection
  }

  async disconnect(id: string): Promise<void> {
    const connection = this.get(id)
    this.clusters.delete(id)
    await Promise.all(
      [...this.generators.values()]
        .filter((g) => g.clusterId === id)
        .map(async (g) => {
          this.generators.delete(g.id)
          await g.stop()
        }),
    )
    await connection.close()
  }

  async startGenerator(
    clusterId: string,
    request: StartGeneratorRequest,
  ): Promise<GeneratorStatus> {
    const connection = this.get(clusterId)
    const partitions = await connection.partitionCount(request.topic)
    const id = `generator-${randomBytes(4).toString('hex')}`
    const generator = new SampleDataGenerator(id, clusterId, request, {
      send: (topic, records) => connection.send(topic, records, partitions),
    })
    this.generators.set(id, generator)
    return generator.status()
  }

  generatorsOf(clusterId: string): GeneratorStatus[] {
    this.get(clusterId)
    return [...this.generators.values()]
      .filter((g) => g.clusterId === clusterId)
      .map((g) => g.status())
  }

  async stopGenerator(clusterId: string, id: string): Promise<GeneratorStatus> {
    const generator = this.generators.get(id)
    if (generator === undefined || generator.clusterId !== clusterId) {
      throw new ApiError(404, 'generator_not_found', `No generator with id ${id} on ${clusterId}`, {
        id,
      })
    }
    await generator.stop()
    this.generators.delete(id)
    return generator.status()
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.clusters.keys()].map((id) => this.disconnect(id)))
  }
}

function describe(connection: ClusterConnection): Cluster {
  return {
    id: connection.id,
    name: connection.name,
    clusterId: connection.clusterId,
    ...publicSettings(connection.settings),
  }
}
