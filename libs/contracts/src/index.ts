export * from './common';
export * from './auth';
export * from './projects';
export * from './stage-templates';
export * from './surveys';
export * from './sessions';
export * from './codebook';
export * from './synthesis';
