import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  PROJECT_ROLES,
  TEXT_LIMITS,
  type AddMemberRequest,
  type MemberListQuery,
  type MemberSort,
  type ProjectRole,
  type UpdateMemberRequest,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalRequiredText, OptionalText } from '../../../core/http/validators';

export class AddMemberDto implements AddMemberRequest {
  @ApiProperty({ format: 'email' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(TEXT_LIMITS.email)
  email: string;

  @OneOf(PROJECT_ROLES)
  role: ProjectRole;

  @OptionalRequiredText(TEXT_LIMITS.name)
  displayName?: string;

  @ApiPropertyOptional({ minLength: TEXT_LIMITS.password.min })
  @IsOptional()
  @IsString()
  @MinLength(TEXT_LIMITS.password.min, { message: `password must be at least ${TEXT_LIMITS.password.min} characters long` })
  @MaxLength(TEXT_LIMITS.password.max)
  password?: string;
}

export class UpdateMemberDto implements UpdateMemberRequest {
  @OneOf(PROJECT_ROLES)
  role: ProjectRole;
}

export class MemberListQueryDto extends PageQueryDto implements MemberListQuery {
  @OneOf(['email', 'displayName', 'role', 'joinedAt'], true)
  sort?: MemberSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;

  @OneOf(PROJECT_ROLES, true)
  role?: ProjectRole;
}
