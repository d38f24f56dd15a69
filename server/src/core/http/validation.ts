import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Whitelists DTO fields, rejects unknown ones and names each field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
