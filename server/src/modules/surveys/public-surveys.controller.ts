import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicSurveyResponse } from '@tropa/contracts';
import { Public } from '../../core/auth/auth.decorators';
import { SubmitAnswersDto } from './dto/surveys.dto';
import { ResponsesService } from './responses.service';

/** The respondent's side: no account, only the survey behind the link's token. */
@ApiTags('respondents')
@Controller('public/surveys/:token')
export class PublicSurveysController {
  constructor(private readonly responses: ResponsesService) {}

  @Get()
  @Public()
  get(@Param('token') token: string): Promise<PublicSurveyResponse> {
    return this.responses.publicSurvey(token);
  }

  @Post('responses')
  @Public()
  @HttpCode(201)
  submit(@Param('token') token: string, @Body() dto: SubmitAnswersDto): Promise<void> {
    return this.responses.submit(token, dto);
  }
}
