/**
 * Validators of the input schemas compiled at build time, by schema. Empty here: the Vite build (and
 * `npm start`) serves this module as written by src/common/schema-standalone.ts (vite.config.ts);
 * wherever it is not built by Vite the schemas compile on first use (schema.ts).
 */
import type { ValidateFunction } from 'ajv';

export const precompiled: readonly (readonly [object, ValidateFunction])[] = [];
