import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  TAG_KINDS,
  TEXT_LIMITS,
  type CreateQuoteRequest,
  type BulkTagRequest,
  type CreateTagRequest,
  type MergeTagRequest,
  type QuoteListQuery,
  type QuoteSourceType,
  type TagKind,
  type TagListQuery,
  type UpdateQuoteRequest,
  type UpdateTagRequest,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalRequiredText, OptionalText, QueryBoolean, QueryInt, RequiredText } from '../../../core/http/validators';

const COLOR = /^#[0-9a-fA-F]{6}$/;
const SHORTCUT = /^[\p{L}\p{N}]$/u;

export class CreateTagDto implements CreateTagRequest {
  @OneOf(TAG_KINDS)
  kind: TagKind;

  @RequiredText(TEXT_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'parentId must be a tag id' })
  parentId?: string | null;

  @ApiPropertyOptional({ example: '#2563eb' })
  @ValidateIf((_, value) => value !== undefined)
  @Matches(COLOR, { message: 'color must look like #2563eb' })
  color?: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(SHORTCUT, { message: 'shortcut must be one letter or digit' })
  shortcut?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: -2, maximum: 2 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(-2)
  @Max(2)
  valence?: number | null;
}

export class UpdateTagDto implements UpdateTagRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'parentId must be a tag id' })
  parentId?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @Matches(COLOR, { message: 'color must look like #2563eb' })
  color?: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(SHORTCUT, { message: 'shortcut must be one letter or digit' })
  shortcut?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(-2)
  @Max(2)
  valence?: number | null;
}

export class TagListQueryDto extends PageQueryDto implements TagListQuery {
  @OneOf(['name', 'kind'], true)
  sort?: 'name' | 'kind';

  @OneOf(TAG_KINDS, true)
  kind?: TagKind;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;
}

export class CreateQuoteDto implements CreateQuoteRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'utteranceId must be an utterance id' })
  utteranceId: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  start: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  end: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'tagIds must be tag ids' })
  tagIds?: string[];
}

export class UpdateQuoteDto implements UpdateQuoteRequest {
  @ApiPropertyOptional({ nullable: true, minimum: -2, maximum: 2 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(-2)
  @Max(2)
  sentiment?: number | null;
}

export class ApplyTagDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'tagId must be a tag id' })
  tagId: string;
}

export class MergeTagDto implements MergeTagRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'intoTagId must be a tag id' })
  intoTagId: string;
}

export class BulkTagDto implements BulkTagRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'quoteIds must be quote ids' })
  quoteIds: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'tagId must be a tag id' })
  tagId: string;

  @OneOf(['apply', 'remove'])
  action: 'apply' | 'remove';
}

export class QuoteListQueryDto extends PageQueryDto implements QuoteListQuery {
  @OneOf(['createdAt'], true)
  sort?: 'createdAt';

  @OptionalText(TEXT_LIMITS.shortText)
  q?: string;

  @IsOptional()
  @IsUUID('all', { message: 'tagId must be a tag id' })
  tagId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a session id' })
  sessionId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'surveyId must be a survey id' })
  surveyId?: string;

  @OneOf(['survey_answer', 'transcript'], true)
  sourceType?: QuoteSourceType;

  @IsOptional()
  @IsUUID('all', { message: 'appliedBy must be a user id' })
  appliedBy?: string;

  @IsOptional()
  @IsUUID('all', { message: 'stageId must be a stage id' })
  stageId?: string;

  @OptionalText(100)
  participantKey?: string;

  @QueryInt(-2, 2)
  sentiment?: number;

  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;

  @QueryBoolean()
  compare?: boolean;
}

export class CodebookExportQueryDto {
  @OneOf(['qdc', 'csv'])
  format: 'qdc' | 'csv';
}
