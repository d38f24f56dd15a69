export * from './funnel.types';
export { FunnelInputError, type FunnelErrorCode } from './funnel-error';
export { buildFunnel, whatIf, DEFAULT_PERIOD_DAYS } from './funnel-model';
export { channelHandOffs } from './channel-hand-offs';
export { funnelFromMetrics } from './funnel-from-metrics';
