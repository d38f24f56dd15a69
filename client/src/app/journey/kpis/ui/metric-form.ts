import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, JourneyMapResponse, Kpi, PutStageMetricRequest } from '@tropa/contracts';
import { KPIS } from '@tropa/contracts';
import { applyServerErrors } from '../../../core/forms/server-errors';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/** Hand entry of one stage metric: stage, first day of the period, KPI and value. */
@Component({
  selector: 'tropa-metric-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="metric-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="metric-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="metric-form-error">{{ formMessage() || ('errors.network' | t) }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'kpis.metric.stage' | t }}</mat-label>
        <mat-select formControlName="stageId" data-testid="metric-stage">
          @for (stage of stages(); track stage.id) {
            <mat-option [value]="stage.id">{{ stage.name }}</mat-option>
          }
        </mat-select>
        @if (form.controls.stageId.hasError('server')) {
          <mat-error data-testid="metric-error-stageId">{{ form.controls.stageId.getError('server') }}</mat-error>
        } @else if (form.controls.stageId.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'kpis.metric.period' | t }}</mat-label>
        <input matInput type="date" formControlName="periodStart" data-testid="metric-period" />
        @if (form.controls.periodStart.hasError('server')) {
          <mat-error data-testid="metric-error-periodStart">{{ form.controls.periodStart.getError('server') }}</mat-error>
        } @else if (form.controls.periodStart.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'kpis.metric.kpi' | t }}</mat-label>
        <mat-select formControlName="kpi" data-testid="metric-kpi">
          @for (kpi of kpis; track kpi) {
            <mat-option [value]="kpi">{{ kpiKey(kpi) | t }}</mat-option>
          }
        </mat-select>
        @if (form.controls.kpi.hasError('server')) {
          <mat-error data-testid="metric-error-kpi">{{ form.controls.kpi.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'kpis.metric.value' | t }}</mat-label>
        <input matInput type="number" step="any" min="0" formControlName="value" data-testid="metric-value" />
        @if (form.controls.kpi.value === 'C') {
          <mat-hint>{{ 'kpis.metric.conversionHint' | t }}</mat-hint>
        }
        @if (form.controls.value.hasError('server')) {
          <mat-error data-testid="metric-error-value">{{ form.controls.value.getError('server') }}</mat-error>
        } @else if (form.controls.value.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="saving()" data-testid="metric-save">{{ 'kpis.metric.save' | t }}</button>
    </form>
  `,
  styles: `
    .metric-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: baseline;
    }
    .metric-form mat-form-field {
      width: 180px;
    }
    .tropa-form-error {
      flex-basis: 100%;
    }
  `,
})
export class MetricForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly stages = input.required<JourneyMapResponse['stages']>();
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<PutStageMetricRequest>();

  protected readonly kpis = KPIS;
  protected readonly form = this.fb.group({
    stageId: ['', Validators.required],
    periodStart: ['', Validators.required],
    kpi: this.fb.control<Kpi>('L'),
    value: this.fb.control<number | null>(null, Validators.required),
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected kpiKey(kpi: Kpi): `kpis.kpi.${Kpi}` {
    return `kpis.kpi.${kpi}`;
  }

  /** Keeps stage, period and KPI after a save so the next value of the same series is quick to type. */
  reset(): void {
    this.form.controls.value.reset(null);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const value = this.form.getRawValue();
    this.submitted.emit({ stageId: value.stageId, periodStart: value.periodStart, kpi: value.kpi, value: Number(value.value) });
  }
}
