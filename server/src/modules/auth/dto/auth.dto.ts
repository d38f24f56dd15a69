import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, TEXT_LIMITS, type Locale, type LoginRequest, type RegisterRequest, type UpdateMeRequest } from '@tropa/contracts';
import { OneOf, OptionalRequiredText, RequiredText } from '../../../core/http/validators';

const normaliseEmail = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ format: 'email' })
  @normaliseEmail
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(TEXT_LIMITS.email)
  email: string;

  @ApiProperty({ minLength: TEXT_LIMITS.password.min, maxLength: TEXT_LIMITS.password.max })
  @IsString()
  @MinLength(TEXT_LIMITS.password.min, { message: `password must be at least ${TEXT_LIMITS.password.min} characters long` })
  @MaxLength(TEXT_LIMITS.password.max)
  password: string;

  @RequiredText(TEXT_LIMITS.name)
  displayName: string;

  @OneOf(LOCALES, true)
  locale?: Locale;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  invitationToken?: string;
}

export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email' })
  @normaliseEmail
  @IsString()
  @MinLength(1, { message: 'email must not be empty' })
  @MaxLength(TEXT_LIMITS.email)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(TEXT_LIMITS.password.max)
  password: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  displayName?: string;

  @OneOf(LOCALES, true)
  locale?: Locale;
}
