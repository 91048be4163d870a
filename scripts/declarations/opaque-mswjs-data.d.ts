// What the package's declarations (tsconfig.types.json, dist/types) see of @mswjs/data: opaque.
// The sandbox's databases are internal; typed with @mswjs/data's own declarations, dist/types
// would import them, and a consumer type-checking with skipLibCheck: false fails inside them
// (TS2344 in @mswjs/data/lib/query/queryTypes.d.ts). `npx tsc --noEmit` checks the sources
// against the real declarations.
export declare function factory(models: unknown): any
export declare function primaryKey(getter: unknown): any
export declare function drop(db: unknown): void
