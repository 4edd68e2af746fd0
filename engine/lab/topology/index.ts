/** Topology files: YAML in, a checked TopologySpec (or located errors) out. */

export { loadTopologyFile, parseTopology } from './load-topology.ts';
export { configLineLocation } from './router-config.ts';
export { interfacesOf, lookUpInterface, ROUTER_MODELS } from './router-models.ts';
export { TOPOLOGY_SCHEMA_FILE } from './schema-check.ts';
export { CLOCK_YEAR, outOfRangeValues, seedRangeProblem, VALUE_RANGES } from './value-ranges.ts';
export {
  DEFAULT_LINK_DELAY_MS,
  DEFAULT_ROUTER_CLOCK,
  DEFAULT_SEED,
  formatTopologyError,
  type ConfigSource,
  type EndSpec,
  type HostSpec,
  type LinkSpec,
  type RouterModel,
  type RouterSpec,
  type SourceLocation,
  type TopologyError,
  type TopologyResult,
  type TopologySpec,
} from './topology-types.ts';
