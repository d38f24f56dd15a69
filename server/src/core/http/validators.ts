import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

/** Absent (undefined) skips the field's rules; null does not: it is checked, and refused, like any other wrong value. */
const IsAbsentOptional = () => ValidateIf((_: object, value: unknown) => value !== undefined);

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required, trimmed, non-empty string of at most `max` characters. */
export function RequiredText(max: number): PropertyDecorator {
  return applyDecorators(ApiProperty({ maxLength: max }), trim, IsString(), MinLength(1, { message: '$property must not be empty' }), MaxLength(max));
}

/** An optional trimmed string of at most `max` characters (may be empty; null only where a field adds its own ValidateIf). */
export function OptionalText(max: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ maxLength: max }), IsAbsentOptional(), trim, IsString(), MaxLength(max));
}

/** An optional non-empty trimmed string (for PATCH bodies: absent means unchanged; null is refused, never stored). */
export function OptionalRequiredText(max: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ maxLength: max }), IsAbsentOptional(), trim, IsString(), MinLength(1, { message: '$property must not be empty' }), MaxLength(max));
}

export function OneOf(values: readonly string[], optional = false): PropertyDecorator {
  const doc = optional ? ApiPropertyOptional({ enum: values }) : ApiProperty({ enum: values });
  const rule = IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` });
  return optional ? applyDecorators(doc, IsAbsentOptional(), rule) : applyDecorators(doc, rule);
}

/** A list of trimmed non-empty strings. */
export function TextList(maxItems: number, maxLength: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems }),
    IsAbsentOptional(),
    IsArray(),
    ArrayMaxSize(maxItems),
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value,
    ),
    IsString({ each: true }),
    MinLength(1, { each: true, message: 'each value in $property must not be empty' }),
    MaxLength(maxLength, { each: true }),
  );
}

export function UuidList(maxItems: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: [String], format: 'uuid' }), IsOptional(), IsArray(), ArrayMaxSize(maxItems), IsUUID('all', { each: true }));
}

export function OptionalBoolean(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional(), IsAbsentOptional(), IsBoolean());
}

/** A boolean in a query string: "true" / "false". */
export function QueryBoolean(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}

export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ minimum: min, maximum: max }), IsOptional(), Type(() => Number), IsInt(), Min(min), Max(max));
}

/** A flat object of string values, e.g. persona attributes. */
export function StringRecord(maxKeys: number, maxKeyLength: number, maxValueLength: number, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }),
    IsAbsentOptional(),
    ValidateBy(
      {
        name: 'stringRecord',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            Object.keys(value).length <= maxKeys &&
            Object.entries(value).every(
              ([key, item]) => key.trim().length > 0 && key.length <= maxKeyLength && typeof item === 'string' && item.length <= maxValueLength,
            ),
          defaultMessage: () =>
            `$property must be an object of at most ${maxKeys} text values (keys up to ${maxKeyLength} characters, values up to ${maxValueLength})`,
        },
      },
      options,
    ),
  );
}
