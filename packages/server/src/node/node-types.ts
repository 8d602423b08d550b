import type { IncomingMessage, ServerResponse } from 'node:http';

/** `IncomingMessage` as Express and Connect hand it over: mounted paths cut from `url`, maybe a parsed body. */
export type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

export type NextFunction = (error?: unknown) => void;

/** A `node:http` request listener that is also Express / Connect / Vite middleware. */
export type NodeHandler = (request: NodeRequest, response: ServerResponse, next?: NextFunction) => void;
