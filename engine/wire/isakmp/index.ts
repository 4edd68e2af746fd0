export * from './constants.ts';
export * from './attributes.ts';
export * from './header.ts';
export * from './payload-types.ts';
export { PAYLOAD_SCHEMAS, type FieldSpec, type PayloadSchema } from './payload-schemas.ts';
export { IsakmpEncodingError } from './field-codec.ts';
export * from './payload-chain.ts';
export * from './message.ts';
export * from './nat-traversal.ts';
