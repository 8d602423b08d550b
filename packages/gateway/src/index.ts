export { startLocalGateway } from './start-local-gateway';
export type {
  Fault,
  Faults,
  GatewayStats,
  LocalGateway,
  LocalGatewayOptions,
  Pace,
  UpstreamOptions,
} from './types';
export { models as catalogue, aliases as modelAliases } from './catalogue/models';
export type { CatalogueEndpoint, CatalogueModel, ModelCapabilities, ModelKind } from './catalogue/types';
