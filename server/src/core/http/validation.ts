import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@tropa/contracts';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator reports unknown fields as "property x should not exist".
      fields.push({ field, message: message.replace(/^property (\S+) should not exist$/, 'is not an allowed field') });
    }
    if (error.children && error.children.length > 0) fields.push(...flatten(error.children, field));
  }
  return fields;
}

/** Deeper JSON than any request needs; class-transformer would recurse until the stack overflows. */
export const MAX_INPUT_DEPTH = 64;

/** NUL (PostgreSQL text cannot hold it) or half a surrogate pair (not valid Unicode: validators that encode URIs throw on it). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes a parsed body or query unusable before any DTO rule runs, found without recursion. */
function inputProblem(value: unknown, field: string): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return `${field} contains a NUL or an invalid Unicode character`;
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return `${field} is nested more than ${MAX_INPUT_DEPTH} levels deep`;
    for (const [key, child] of Object.entries(item)) {
      if (UNSTORABLE.test(key)) return `${field} contains a NUL or an invalid Unicode character`;
      // JSON.parse makes "__proto__" an own key; copied onto an object it would replace that object's prototype.
      if (key === '__proto__') return `${field} contains the key "__proto__"`;
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && !([Object, Array, String, Number, Boolean] as unknown[]).includes(metatype);
}

class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = metadata.data ?? metadata.type;
    // Only what the client sent: custom decorators hand over server objects (the current user).
    let problem = metadata.type === 'custom' ? null : inputProblem(value, field);
    // class-transformer turns an array into an array of DTOs that no DTO rule checks: a DTO body must be one object.
    if (!problem && metadata.type === 'body' && isDtoClass(metadata.metatype) && value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      problem = `${field} must be a JSON object`;
    }
    if (problem) throw new BadRequestException({ message: `Invalid request: ${problem}`, details: [{ field, message: problem }] });
    return super.transform(value, metadata);
  }
}

/** Whitelists DTO fields, rejects unknown ones and names each field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
      return new BadRequestException({ message: `Invalid request: ${summary}`, details });
    },
  });
}
