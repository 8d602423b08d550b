export { estimateCost } from './estimate-cost';
export type { EstimateCostOptions } from './estimate-cost';
export type { ModelPrice } from './types';
