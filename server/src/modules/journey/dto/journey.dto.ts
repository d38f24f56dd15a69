import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  JOURNEY_LANES,
  type CreateCommentRequest,
  type CreateMapNoteRequest,
  type CreateRecommendationRequest,
  type EvidenceQuery,
  type JourneyLane,
  type Kpi,
  KPIS,
  type MapQuery,
  type PutStageMetricRequest,
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
  type ReviewFindingRequest,
  type UpdateRecommendationRequest,
  type WhatIfRequest,
} from '@tropa/contracts';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalText, QueryBoolean, RequiredText, UuidList } from '../../../core/http/validators';

const LONG_TEXT = 5000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MapQueryDto implements MapQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;

  @QueryBoolean()
  comparePersonas?: boolean;
}

export class EvidenceQueryDto extends PageQueryDto implements EvidenceQuery {
  @OneOf(['createdAt'], true)
  sort?: 'createdAt';
}

export class ReviewFindingDto implements ReviewFindingRequest {
  @OneOf(['accept', 'reject', 'edit', 'reopen'])
  decision: ReviewFindingRequest['decision'];

  @OptionalText(LONG_TEXT)
  reason?: string;

  @OptionalText(LONG_TEXT)
  text?: string;
}

export class CreateCommentDto implements CreateCommentRequest {
  @RequiredText(LONG_TEXT)
  text: string;
}

export class CreateMapNoteDto implements CreateMapNoteRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'stageId must be a stage id' })
  stageId: string;

  @OneOf(JOURNEY_LANES)
  lane: JourneyLane;

  @RequiredText(LONG_TEXT)
  text: string;
}

export class RecommendationListQueryDto extends PageQueryDto {
  @OneOf(['priority', 'createdAt'], true)
  sort?: 'priority' | 'createdAt';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;
}

/** Impact or effort: 1 (low) to 5 (high). */
function Score(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ minimum: 1, maximum: 5 }), IsOptional(), IsInt({ message: '$property must be a whole number from 1 to 5' }), Min(1), Max(5));
}

/**
 * The fields a recommendation's create and update share. `text` is declared by each
 * subclass: class-validator merges inherited rules, so an optional `text` here would
 * let a create without text through (and fail in the database).
 */
abstract class RecommendationFieldsDto {
  @UuidList(200)
  findingIds?: string[];

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'stageId must be a stage id' })
  stageId?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: KPIS })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @OneOf(KPIS)
  kpi?: Kpi | null;

  @OptionalText(LONG_TEXT)
  expectedEffect?: string;

  @Score()
  impact?: number;

  @Score()
  effort?: number;

  @OptionalText(200)
  ownerDepartment?: string;

  @OneOf(RECOMMENDATION_STATUSES, true)
  status?: RecommendationStatus;
}

export class UpdateRecommendationDto extends RecommendationFieldsDto implements UpdateRecommendationRequest {
  @ApiPropertyOptional({ maxLength: LONG_TEXT })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(LONG_TEXT)
  text?: string;
}

export class CreateRecommendationDto extends RecommendationFieldsDto implements CreateRecommendationRequest {
  @RequiredText(LONG_TEXT)
  text: string;
}

export class PutStageMetricDto implements PutStageMetricRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'stageId must be a stage id' })
  stageId: string;

  @ApiProperty({ format: 'date' })
  @Matches(DATE, { message: 'periodStart must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'periodStart must be a date (YYYY-MM-DD)' })
  periodStart: string;

  @OneOf(KPIS)
  kpi: Kpi;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  @Min(0)
  @Max(1e12)
  value: number;
}

export class WhatIfDto implements WhatIfRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'stageId must be a stage id' })
  stageId: string;

  @ApiProperty({ minimum: 0, maximum: 1 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'conversion must be a number' })
  @Min(0, { message: 'conversion must not be below 0 %' })
  @Max(1, { message: 'conversion must not be above 100 % (give a share: 0.35 for 35 %)' })
  conversion: number;
}

export class DiffQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'from must be a version id' })
  from: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'to must be a version id' })
  to?: string;
}

export class ExportQueryDto extends MapQueryDto {
  @OneOf(['csv', 'md', 'json', 'pdf'])
  format: 'csv' | 'md' | 'json' | 'pdf';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'versionId must be a version id' })
  versionId?: string;
}

export class VersionListQueryDto extends PageQueryDto {
  @OneOf(['number'], true)
  sort?: 'number';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;
}
