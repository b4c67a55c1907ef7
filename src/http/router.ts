import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { HttpEnv } from './env.js';
import { ErrorBody } from '../contract/common.js';
import { validationFailed } from './errors.js';

/** A router whose request validation failures answer in our error format. */
export function newRouter() {
  return new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationFailed(c, result.error as z.ZodError);
    },
  });
}

/** The OpenAPI response entry for a JSON body. */
export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** Error responses shared by every authenticated route, for the OpenAPI document. */
export const errorResponses = {
  400: json(ErrorBody, 'Invalid request'),
  401: json(ErrorBody, 'Not signed in'),
  403: json(ErrorBody, 'Role may not do this'),
  404: json(ErrorBody, 'Not found, or outside your jurisdiction'),
  409: json(ErrorBody, 'Conflict'),
} as const;

/** A JSON request body entry. */
export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const sessionSecurity = [{ session: [] as string[] }];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The responses of an endpoint answering an Excel workbook. */
export const workbook = (description: string) => ({
  200: { description, content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
});
/** The headers that send a workbook as a download named `name`. */
export const attachment = (name: string) => ({
  'content-type': XLSX,
  'content-disposition': `attachment; filename="${name}"`,
});
