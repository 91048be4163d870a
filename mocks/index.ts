export { createHandlers, type HandlerOptions } from './handlers.ts'
export type { UnhandledOptions, UnhandledStrategy } from './unhandled.ts'
