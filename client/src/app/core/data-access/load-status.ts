export type LoadStatus = 'idle' | 'loading' | 'error' | 'ready';
