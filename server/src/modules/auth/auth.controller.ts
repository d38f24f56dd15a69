import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE, type InvitationPreviewResponse, type UserResponse } from '@tropa/contracts';
import type { Response } from 'express';
import { AuthRateLimit, CurrentUser, Public } from '../../core/auth/auth.decorators';
import type { AuthenticatedRequest } from '../../core/auth/request-context';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { InvitationsService } from '../members/invitations.service';
import type { UserEntity } from '../users/user.entity';
import { toUserResponse } from '../users/user.mapper';
import { AuthService } from './auth.service';
import { LoginDto, RegisterDto, UpdateMeDto } from './dto/auth.dto';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets the XSRF-TOKEN cookie (done by the CSRF middleware on any request lacking one). */
  @Get('auth/csrf')
  @Public()
  @HttpCode(204)
  csrf(): void {
    return undefined;
  }

  @Post('auth/register')
  @Public()
  @AuthRateLimit()
  async register(@Body() dto: RegisterDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<UserResponse> {
    const { user, token } = await this.auth.register(dto, request.ip ?? null);
    this.setSessionCookie(response, token);
    return toUserResponse(user);
  }

  @Post('auth/login')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<UserResponse> {
    const { user, token } = await this.auth.login(dto, request.ip ?? null);
    this.setSessionCookie(response, token);
    return toUserResponse(user);
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: UserEntity, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(user, request.sessionId, request.ip ?? null);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('auth/me')
  me(@CurrentUser() user: UserEntity): UserResponse {
    return toUserResponse(user);
  }

  @Patch('auth/me')
  async updateMe(@CurrentUser() user: UserEntity, @Body() dto: UpdateMeDto): Promise<UserResponse> {
    return toUserResponse(await this.auth.updateMe(user, dto));
  }

  @Get('invitations/:token')
  @Public()
  @AuthRateLimit()
  previewInvitation(@Param('token') token: string): Promise<InvitationPreviewResponse> {
    return this.invitations.preview(token);
  }

  @Post('invitations/:token/accept')
  @HttpCode(204)
  async acceptInvitation(@Param('token') token: string, @CurrentUser() user: UserEntity): Promise<void> {
    await this.invitations.acceptAsUser(token, user);
  }

  private setSessionCookie(response: Response, token: string): void {
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.sessions.ttlMs,
    });
  }
}
