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

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Parses an HTML form body (`application/x-www-form-urlencoded`) up to `limit` into an object of
 * strings (a repeated field becomes an array, which a string schema then refuses). Any other
 * media type is 415 before it is read, as for JSON.
 */
export function formBody(limit: string | number): RequestHandler[] {
  return [
    (req, _res, next) => {
      if (hasBody(req) && req.is(FORM_TYPE) === false) throw problems.unsupportedMediaType(FORM_TYPE);
      next();
    },
    express.urlencoded({ limit, type: FORM_TYPE, extended: false, parameterLimit: 100 }),
  ];
}

/** Keeps the body's exact bytes (e.g. for a webhook signature computed over them). */
export function rawBody(limit: string | number): RequestHandler {
  return express.raw({ limit, type: () => true });
}
