/**
 * Validators of the input schemas compiled at build time, by schema. Empty here: the Vite build
 * serves this module as written by src/common/schema-standalone.ts (vite.config.ts);
 * elsewhere (the dev server, Node, the browser tests) the schemas compile on first use (schema.ts).
 */
import type { ValidateFunction } from 'ajv';

export const precompiled: readonly (readonly [object, ValidateFunction])[] = [];
