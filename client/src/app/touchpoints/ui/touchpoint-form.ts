import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import type { MatChipInputEvent } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ApiError, ChannelKind, CreateTouchpointRequest, StageResponse, TouchpointResponse } from '@tropa/contracts';
import { CHANNEL_KINDS, TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** Create or edit a touchpoint: name, channel, online, owner department, stages and aliases. */
@Component({
  selector: 'tropa-touchpoint-form',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatChipsModule,
    MatButtonModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="touchpoint-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'touchpoints.name' | t }}</mat-label>
          <input matInput formControlName="name" [maxlength]="limits.name" data-testid="touchpoint-name" />
          @if (form.controls.name.hasError('server')) {
            <mat-error data-testid="error-name">{{ form.controls.name.getError('server') }}</mat-error>
          } @else if (form.controls.name.hasError('required')) {
            <mat-error>{{ 'validation.required' | t }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'touchpoints.channel' | t }}</mat-label>
          <mat-select formControlName="channel" data-testid="touchpoint-channel">
            @for (channel of channels; track channel) {
              <mat-option [value]="channel" [attr.data-testid]="'channel-option-' + channel">
                {{ labels.channel(channel) | t }}
              </mat-option>
            }
          </mat-select>
          @if (form.controls.channel.hasError('server')) {
            <mat-error>{{ form.controls.channel.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <mat-slide-toggle formControlName="online" data-testid="touchpoint-online">
        {{ 'touchpoints.online' | t }}
      </mat-slide-toggle>
      <div class="tropa-form-row spaced">
        <mat-form-field>
          <mat-label>{{ 'touchpoints.ownerDepartment' | t }}</mat-label>
          <input matInput formControlName="ownerDepartment" [maxlength]="limits.name" data-testid="touchpoint-department" />
          @if (form.controls.ownerDepartment.hasError('server')) {
            <mat-error>{{ form.controls.ownerDepartment.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'touchpoints.stages' | t }}</mat-label>
          <mat-select formControlName="stageIds" multiple data-testid="touchpoint-stages">
            @for (stage of stages(); track stage.id) {
              <mat-option [value]="stage.id">{{ stage.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.stageIds.hasError('server')) {
            <mat-error>{{ form.controls.stageIds.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'touchpoints.aliases' | t }}</mat-label>
        <mat-chip-grid #aliasGrid formControlName="aliases" [attr.aria-label]="'touchpoints.aliases' | t">
          @for (alias of form.controls.aliases.value; track alias) {
            <mat-chip-row (removed)="removeAlias(alias)" data-testid="touchpoint-alias">
              {{ alias }}
              <button matChipRemove type="button" [attr.aria-label]="'common.remove' | t">×</button>
            </mat-chip-row>
          }
          <input
            [matChipInputFor]="aliasGrid"
            [matChipInputSeparatorKeyCodes]="separators"
            [matChipInputAddOnBlur]="true"
            [attr.maxlength]="limits.alias"
            (matChipInputTokenEnd)="addAlias($event)"
            data-testid="touchpoint-alias-input"
          />
        </mat-chip-grid>
        <mat-hint>{{ 'touchpoints.aliasesHint' | t }}</mat-hint>
        @if (form.controls.aliases.hasError('server')) {
          <mat-error>{{ form.controls.aliases.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="touchpoint-save">
          {{ 'common.save' | t }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .spaced {
      margin-top: 16px;
    }
    .tropa-form {
      max-width: none;
    }
  `,
})
export class TouchpointForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly touchpoint = input<TouchpointResponse | null>(null);
  readonly stages = input<StageResponse[]>([]);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreateTouchpointRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly labels = labelKeys;
  protected readonly channels = CHANNEL_KINDS;
  protected readonly separators = [ENTER, COMMA] as const;
  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    channel: ['site' as ChannelKind, Validators.required],
    online: [true],
    ownerDepartment: [''],
    stageIds: [[] as string[]],
    aliases: [[] as string[]],
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => {
      const touchpoint = this.touchpoint();
      this.form.reset({
        name: touchpoint?.name ?? '',
        channel: touchpoint?.channel ?? 'site',
        online: touchpoint?.online ?? true,
        ownerDepartment: touchpoint?.ownerDepartment ?? '',
        stageIds: touchpoint?.stageIds ?? [],
        aliases: touchpoint?.aliases ?? [],
      });
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected addAlias(event: MatChipInputEvent): void {
    const alias = event.value.trim();
    const aliases = this.form.controls.aliases.value;
    if (alias && !aliases.includes(alias)) {
      this.form.controls.aliases.setValue([...aliases, alias]);
    }
    event.chipInput.clear();
  }

  protected removeAlias(alias: string): void {
    this.form.controls.aliases.setValue(this.form.controls.aliases.value.filter((item) => item !== alias));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const value = this.form.getRawValue();
    this.submitted.emit({
      name: value.name.trim(),
      channel: value.channel,
      online: value.online,
      ownerDepartment: value.ownerDepartment.trim(),
      stageIds: value.stageIds,
      aliases: value.aliases,
    });
  }
}
