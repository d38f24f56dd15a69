import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const state = globalThis.__TROPA_PG__;
  if (!state) return;
  await state.postgres.stop().catch(() => undefined);
  await rm(state.dir, { recursive: true, force: true });
}
