import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../core/auth/auth.decorators';
import type { UserEntity } from '../users/user.entity';
import { DemoService } from './demo.service';
import { CreateDemoDto, type DemoProjectResponse } from './dto/demo.dto';

@ApiTags('projects')
@Controller('projects/demo')
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  /** Creates the Russian demo project owned by the caller; demo accounts' passwords are in this answer only. */
  @Post()
  create(@CurrentUser() user: UserEntity, @Body() dto: CreateDemoDto): Promise<DemoProjectResponse> {
    return this.demo.create(user, { roleUsers: dto.roleUsers });
  }
}
