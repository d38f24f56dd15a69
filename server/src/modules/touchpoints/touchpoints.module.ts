import { Module } from '@nestjs/common';
import { TouchpointsController } from './touchpoints.controller';
import { TouchpointsService } from './touchpoints.service';

@Module({ controllers: [TouchpointsController], providers: [TouchpointsService], exports: [TouchpointsService] })
export class TouchpointsModule {}
