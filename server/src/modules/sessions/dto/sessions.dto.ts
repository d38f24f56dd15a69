import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import {
  SESSION_KINDS,
  TEXT_LIMITS,
  type CreateParticipantRequest,
  type CreateSessionRequest,
  type SessionKind,
  type SessionListQuery,
  type SessionSort,
  type SettleDisagreementRequest,
  type UpdateParticipantRequest,
  type UpdateSessionRequest,
  type UtteranceListQuery,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalBoolean, OptionalRequiredText, OptionalText, RequiredText } from '../../../core/http/validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateSessionDto implements CreateSessionRequest {
  @OneOf(SESSION_KINDS)
  kind: SessionKind;

  @RequiredText(TEXT_LIMITS.name)
  title: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-11-20' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(DATE, { message: 'heldOn must be a date (YYYY-MM-DD)' })
  heldOn?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'moderatorId must be a user id' })
  moderatorId?: string | null;

  @OptionalText(TEXT_LIMITS.description)
  notes?: string;

  @OptionalBoolean()
  blindCoding?: boolean;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @OneOf(SESSION_KINDS, true)
  kind?: SessionKind;

  @OptionalRequiredText(TEXT_LIMITS.name)
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(DATE, { message: 'heldOn must be a date (YYYY-MM-DD)' })
  heldOn?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'moderatorId must be a user id' })
  moderatorId?: string | null;

  @OptionalText(TEXT_LIMITS.description)
  notes?: string;

  @OptionalBoolean()
  blindCoding?: boolean;
}

export class SessionListQueryDto extends PageQueryDto implements SessionListQuery {
  @OneOf(['title', 'heldOn', 'createdAt'], true)
  sort?: SessionSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;

  @OneOf(SESSION_KINDS, true)
  kind?: SessionKind;
}

export class CreateParticipantDto implements CreateParticipantRequest {
  @RequiredText(100)
  pseudonym: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string | null;

  @OptionalBoolean()
  consent?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @OptionalText(TEXT_LIMITS.shortText)
  contact?: string | null;
}

export class UpdateParticipantDto implements UpdateParticipantRequest {
  @OptionalRequiredText(100)
  pseudonym?: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string | null;

  @OptionalBoolean()
  consent?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @OptionalText(TEXT_LIMITS.shortText)
  contact?: string | null;
}

export class UtteranceListQueryDto extends PageQueryDto implements UtteranceListQuery {
  @OneOf(['position'], true)
  sort?: 'position';

  @IsOptional()
  @IsUUID('all', { message: 'participantId must be a participant id' })
  participantId?: string;
}

export class AgreementQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'coderA must be a user id' })
  coderA: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'coderB must be a user id' })
  coderB: string;
}

export class SettleDisagreementDto extends AgreementQueryDto implements SettleDisagreementRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'utteranceId must be an utterance id' })
  utteranceId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'tagId must be a tag id' })
  tagId: string;

  @OneOf(['keep', 'drop'])
  decision: 'keep' | 'drop';
}
