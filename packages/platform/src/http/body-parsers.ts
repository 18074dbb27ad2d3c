import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { problems } from './problem.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** Unlike `req.is`, counts `content-length: 0` (what clients send for an empty POST) as no body. */
function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/**
 * Parses a JSON body up to `limit`. A body of any other media type is refused with 415
 * before it is read; a request without a body passes, and body validation reports it.
 */
export function jsonBody(limit: string | number): RequestHandler[] {
  return [
    (req, _res, next) => {
      if (hasBody(req) && req.is(JSON_TYPES) === false) throw problems.unsupportedMediaType();
      next();
    },
    express.json({ limit, type: JSON_TYPES, strict: true }),
  ];
}

/** Keeps the body's exact bytes (e.g. for a webhook signature computed over them). */
export function rawBody(limit: string | number): RequestHandler {
  return express.raw({ limit, type: () => true });
}
