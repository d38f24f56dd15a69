import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLUSTER_KINDS,
  type ClusterKind,
  type ClusterListQuery,
  type ClusterQuotesQuery,
  type ClusterStatus,
  type MergeClustersRequest,
  type MoveQuotesRequest,
  type ProjectJobListQuery,
  type SplitClusterRequest,
  type StartSynthesisRequest,
  type SynthesisRunListQuery,
  type UpdateClusterRequest,
  type UpdateProjectJobRequest,
} from '@tropa/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalRequiredText } from '../../../core/http/validators';

/** The engine handles 80k quotes; more clusters than that make no map. */
export const MAX_K = 500;
const MAX_IDS_PER_ACTION = 10_000;
const MAX_STATEMENT = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A non-empty list of ids; the messages name the field. */
function RequiredUuids(what: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_IDS_PER_ACTION }),
    IsArray({ message: `$property must be a list of ${what} ids` }),
    ArrayMinSize(1, { message: `$property must list at least one ${what}` }),
    ArrayMaxSize(MAX_IDS_PER_ACTION),
    IsUUID('all', { each: true, message: `each value in $property must be a ${what} id` }),
  );
}

export class StartSynthesisDto implements StartSynthesisRequest {
  @ApiPropertyOptional({ minimum: 2, maximum: MAX_K })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(MAX_K)
  k?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 2 ** 31 - 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a session id' })
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'surveyId must be a survey id' })
  surveyId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}

export class SynthesisRunListQueryDto extends PageQueryDto implements SynthesisRunListQuery {
  @OneOf(['createdAt'], true)
  sort?: 'createdAt';
}

export class RunCompareQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'with must be a run id' })
  with: string;
}

export class ClusterListQueryDto extends PageQueryDto implements ClusterListQuery {
  @OneOf(['size', 'label', 'cohesion'], true)
  sort?: 'size' | 'label' | 'cohesion';

  @OneOf(CLUSTER_KINDS, true)
  kind?: ClusterKind;

  @OneOf(['proposed', 'accepted', 'discarded', 'merged'], true)
  status?: ClusterStatus;
}

export class ClusterQuotesQueryDto extends PageQueryDto implements ClusterQuotesQuery {
  @OneOf(['score'], true)
  sort?: 'score';
}

export class UpdateClusterDto implements UpdateClusterRequest {
  @OptionalRequiredText(300)
  label?: string;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_STATEMENT })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(MAX_STATEMENT)
  statement?: string | null;
}

export class MergeClustersDto implements MergeClustersRequest {
  @RequiredUuids('cluster')
  clusterIds: string[];
}

export class SplitClusterDto implements SplitClusterRequest {
  @RequiredUuids('quote')
  quoteIds: string[];

  @OptionalRequiredText(300)
  label?: string;
}

export class MoveQuotesDto implements MoveQuotesRequest {
  @RequiredUuids('quote')
  quoteIds: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'toClusterId must be a cluster id' })
  toClusterId: string;
}

export class ProjectJobListQueryDto extends PageQueryDto implements ProjectJobListQuery {
  @OneOf(['title', 'quotes', 'createdAt'], true)
  sort?: 'title' | 'quotes' | 'createdAt';
}

export class UpdateProjectJobDto implements UpdateProjectJobRequest {
  @OptionalRequiredText(300)
  title?: string;

  @ApiPropertyOptional({ maxLength: MAX_STATEMENT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STATEMENT)
  statement?: string;
}
