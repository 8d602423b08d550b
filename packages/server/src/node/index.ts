export { toNodeHandler } from './to-node-handler';
export type { NextFunction, NodeHandler, NodeRequest } from './node-types';
export { toWebRequest } from './to-web-request';
export { writeWebResponse } from './write-web-response';
