/**
 * Checks the shape of a topology against scenarios/topology.schema.json (the schema editors use)
 * and turns ajv's findings into errors placed on the offending YAML node. The schema is compiled
 * ahead of time (schema-validator-main.ts), so ajv itself is not loaded at run time.
 */

import type { ErrorObject, ValidateFunction } from 'ajv';
import { packageFile } from '../../package-files.ts';
import { excerpt, shortened } from './control-characters.ts';
import { messages } from './topology-messages.ts';
import { segmentsOfPointer, type TopologyPath, type YamlLocator } from './yaml-locator.ts';
import { sortAndDeduplicate, type TopologyError } from './topology-types.ts';
import generatedValidator from './topology-validator.generated.ts';

export const TOPOLOGY_SCHEMA_FILE = packageFile('scenarios/topology.schema.json');

interface SchemaNode {
  readonly properties?: Record<string, unknown>;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly errorMessage?: string;
  readonly patternErrorMessage?: string;
}

const validateTopology = generatedValidator as unknown as ValidateFunction;

/** Every way `data` breaks the schema, each located in the YAML; empty when it fits. */
export function checkAgainstSchema(data: unknown, locator: YamlLocator): TopologyError[] {
  if (validateTopology(data)) return [];
  const errors = (validateTopology.errors ?? [])
    .map((error) => locateSchemaError(error, data, locator))
    .filter((error): error is TopologyError => error !== undefined);
  return sortAndDeduplicate(errors);
}

function locateSchemaError(error: ErrorObject, data: unknown, locator: YamlLocator): TopologyError | undefined {
  const path = segmentsOfPointer(error.instancePath, data);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined; // summaries of errors reported on their own
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return locator.error([...path, key], messages.unknownKey(key, Object.keys(schema.properties ?? {})), 'key');
    }
    case 'required':
      return locator.error(path, messages.missingKey(String(error.params.missingProperty)));
    default:
      return locateValueError(error, path, schema, locator);
  }
}

function locateValueError(
  error: ErrorObject,
  path: TopologyPath,
  schema: SchemaNode,
  locator: YamlLocator,
): TopologyError {
  const propertyName = (error as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const message = customMessage(error, schema, propertyName) ?? messages.noPatternMatch(propertyName);
    return locator.error([...path, propertyName], message, 'key');
  }
  const message = customMessage(error, schema, error.data) ?? standardMessage(error, path, schema);
  return locator.error(path, message);
}

function customMessage(error: ErrorObject, schema: SchemaNode, value: unknown): string | undefined {
  const template = (error.keyword === 'pattern' ? schema.patternErrorMessage : undefined) ?? schema.errorMessage;
  return template?.replace('{value}', shortened(String(value)));
}

function standardMessage(error: ErrorObject, path: TopologyPath, schema: SchemaNode): string {
  const params = error.params as Record<string, unknown>;
  const noun = [...path].reverse().find((segment) => typeof segment === 'string') ?? 'value';
  switch (error.keyword) {
    case 'type':
      return messages.wrongType(expectedType(String(params.type)), describeValue(error.data));
    case 'enum':
      return messages.notOneOf(String(noun), String(error.data), (params.allowedValues as unknown[]).map(String));
    case 'minItems':
      return messages.tooFewItems(Number(params.limit), Array.isArray(error.data) ? error.data.length : 0);
    case 'minimum':
    case 'maximum':
      return rangeMessage(String(noun), Number(error.data), schema);
    case 'pattern':
      return messages.noPatternMatch(String(error.data));
    default:
      return messages.schemaViolation(error.message ?? error.keyword);
  }
}

/** Both ends of the range when the schema gives both, so that the message says what fits. */
function rangeMessage(noun: string, value: number, schema: SchemaNode): string {
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return messages.outOfRange(noun, value, minimum, maximum);
  return minimum !== undefined ? messages.belowMinimum(value, minimum) : messages.aboveMaximum(value, maximum ?? Number.NaN);
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a map (key: value)',
  array: 'a list',
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing',
};

function expectedType(types: string): string {
  return types
    .split(',')
    .map((type) => TYPE_NAMES[type] ?? type)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${excerpt(value)}`;
  if (Number.isNaN(value)) return '.nan (not a number)';
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return `${value === Infinity ? '' : '-'}.inf (infinity)`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}
