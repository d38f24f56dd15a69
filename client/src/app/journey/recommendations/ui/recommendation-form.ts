import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, CreateRecommendationRequest, JourneyLane, JourneyMapResponse, Kpi, RecommendationResponse, RecommendationStatus } from '@tropa/contracts';
import { JOURNEY_LANES, KPIS, RECOMMENDATION_STATUSES, TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../../core/forms/server-errors';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { findingGroups } from '../model/recommendation-view';

/** Create or edit a recommendation: text, the findings it answers, target stage and KPI, effect, impact, effort, owner and status. */
@Component({
  selector: 'tropa-recommendation-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="recommendation-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="recommendation-form-error">{{ formMessage() || ('errors.network' | t) }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'recommendations.text' | t }}</mat-label>
        <textarea matInput formControlName="text" rows="3" [maxlength]="limits.description" data-testid="recommendation-text"></textarea>
        @if (form.controls.text.hasError('server')) {
          <mat-error data-testid="recommendation-error-text">{{ form.controls.text.getError('server') }}</mat-error>
        } @else if (form.controls.text.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'recommendations.findings' | t }}</mat-label>
        <mat-select formControlName="findingIds" multiple data-testid="recommendation-findings">
          @for (group of groups(); track group.key) {
            <mat-optgroup [label]="group.stageName + ' · ' + (laneKey(group.lane) | t)">
              @for (finding of group.findings; track finding.id) {
                <mat-option [value]="finding.id" [attr.data-finding-id]="finding.id">{{ finding.text }}</mat-option>
              }
            </mat-optgroup>
          }
        </mat-select>
        @if (groups().length === 0) {
          <mat-hint>{{ 'recommendations.noFindings' | t }}</mat-hint>
        }
        @if (form.controls.findingIds.hasError('server')) {
          <mat-error data-testid="recommendation-error-findingIds">{{ form.controls.findingIds.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'recommendations.stage' | t }}</mat-label>
          <mat-select formControlName="stageId" data-testid="recommendation-stage">
            <mat-option value="">{{ 'recommendations.none' | t }}</mat-option>
            @for (stage of stages(); track stage.id) {
              <mat-option [value]="stage.id">{{ stage.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.stageId.hasError('server')) {
            <mat-error data-testid="recommendation-error-stageId">{{ form.controls.stageId.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recommendations.kpi' | t }}</mat-label>
          <mat-select formControlName="kpi" data-testid="recommendation-kpi">
            <mat-option value="">{{ 'recommendations.none' | t }}</mat-option>
            @for (kpi of kpis; track kpi) {
              <mat-option [value]="kpi">{{ kpiKey(kpi) | t }}</mat-option>
            }
          </mat-select>
          @if (form.controls.kpi.hasError('server')) {
            <mat-error data-testid="recommendation-error-kpi">{{ form.controls.kpi.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'recommendations.effect' | t }}</mat-label>
        <input matInput formControlName="expectedEffect" [maxlength]="limits.shortText" data-testid="recommendation-effect" />
        @if (form.controls.expectedEffect.hasError('server')) {
          <mat-error data-testid="recommendation-error-expectedEffect">{{ form.controls.expectedEffect.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'recommendations.impact' | t }}</mat-label>
          <input matInput type="number" min="1" max="5" step="1" formControlName="impact" data-testid="recommendation-impact" />
          @if (form.controls.impact.hasError('server')) {
            <mat-error data-testid="recommendation-error-impact">{{ form.controls.impact.getError('server') }}</mat-error>
          } @else if (form.controls.impact.invalid) {
            <mat-error>{{ 'recommendations.scale' | t }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recommendations.effort' | t }}</mat-label>
          <input matInput type="number" min="1" max="5" step="1" formControlName="effort" data-testid="recommendation-effort" />
          @if (form.controls.effort.hasError('server')) {
            <mat-error data-testid="recommendation-error-effort">{{ form.controls.effort.getError('server') }}</mat-error>
          } @else if (form.controls.effort.invalid) {
            <mat-error>{{ 'recommendations.scale' | t }}</mat-error>
          }
        </mat-form-field>
      </div>
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'recommendations.owner' | t }}</mat-label>
          <input matInput formControlName="ownerDepartment" [maxlength]="limits.name" data-testid="recommendation-owner" />
          <mat-hint>{{ 'recommendations.ownerHint' | t }}</mat-hint>
          @if (form.controls.ownerDepartment.hasError('server')) {
            <mat-error data-testid="recommendation-error-ownerDepartment">{{ form.controls.ownerDepartment.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recommendations.status' | t }}</mat-label>
          <mat-select formControlName="status" data-testid="recommendation-status">
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusKey(status) | t }}</mat-option>
            }
          </mat-select>
          @if (form.controls.status.hasError('server')) {
            <mat-error data-testid="recommendation-error-status">{{ form.controls.status.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="recommendation-save">{{ 'common.save' | t }}</button>
        <button mat-button type="button" (click)="cancelled.emit()" data-testid="recommendation-cancel">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class RecommendationForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly recommendation = input<RecommendationResponse | null>(null);
  readonly map = input<Pick<JourneyMapResponse, 'stages' | 'findings'> | null>(null);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreateRecommendationRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly kpis = KPIS;
  protected readonly statuses = RECOMMENDATION_STATUSES;
  protected readonly form = this.fb.group({
    text: ['', Validators.required],
    findingIds: this.fb.control<string[]>([]),
    stageId: [''],
    kpi: this.fb.control<Kpi | ''>(''),
    expectedEffect: [''],
    impact: this.fb.control(3, [Validators.required, Validators.min(1), Validators.max(5)]),
    effort: this.fb.control(3, [Validators.required, Validators.min(1), Validators.max(5)]),
    ownerDepartment: [''],
    status: this.fb.control<RecommendationStatus>('proposed'),
  });
  protected readonly formMessage = signal<string | null>(null);
  protected readonly stages = computed(() => [...(this.map()?.stages ?? [])].sort((a, b) => a.order - b.order));
  protected readonly groups = computed(() => findingGroups(this.map(), JOURNEY_LANES, this.recommendation()?.findingIds ?? []));

  constructor() {
    effect(() => {
      const recommendation = this.recommendation();
      this.form.reset({
        text: recommendation?.text ?? '',
        findingIds: recommendation?.findingIds ?? [],
        stageId: recommendation?.stageId ?? '',
        kpi: recommendation?.kpi ?? '',
        expectedEffect: recommendation?.expectedEffect ?? '',
        impact: recommendation?.impact ?? 3,
        effort: recommendation?.effort ?? 3,
        ownerDepartment: recommendation?.ownerDepartment ?? '',
        status: recommendation?.status ?? 'proposed',
      });
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
    // With no target stage yet, the first linked finding's stage is the natural one.
    this.form.controls.findingIds.valueChanges.pipe(takeUntilDestroyed()).subscribe((ids) => {
      if (this.form.controls.stageId.value || ids.length === 0) return;
      const finding = this.map()?.findings.find((candidate) => candidate.id === ids[0]);
      if (finding) this.form.controls.stageId.setValue(finding.stageId);
    });
  }

  protected laneKey(lane: JourneyLane): `recommendations.lane.${JourneyLane}` {
    return `recommendations.lane.${lane}`;
  }

  protected kpiKey(kpi: Kpi): `kpis.kpi.${Kpi}` {
    return `kpis.kpi.${kpi}`;
  }

  protected statusKey(status: RecommendationStatus): `recommendations.status.${RecommendationStatus}` {
    return `recommendations.status.${status}`;
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const value = this.form.getRawValue();
    const owner = value.ownerDepartment.trim();
    this.submitted.emit({
      text: value.text.trim(),
      findingIds: value.findingIds,
      stageId: value.stageId || null,
      kpi: value.kpi || null,
      expectedEffect: value.expectedEffect.trim(),
      impact: Number(value.impact),
      effort: Number(value.effort),
      // Left empty, the server takes the owning department of a linked touchpoint.
      ...(owner ? { ownerDepartment: owner } : {}),
      status: value.status,
    });
  }
}
