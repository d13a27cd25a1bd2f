/** Modules the Vite build makes (vite.config.ts). */
declare module 'virtual:precompiled-schemas' {
  import type { ValidateFunction } from 'ajv';
  export const precompiled: readonly (readonly [object, ValidateFunction])[];
}
