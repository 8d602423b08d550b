export type { ModelPrice } from '../cost/types';
export { priceOf } from './price-of';
export type { PriceOfOptions } from './price-of';
