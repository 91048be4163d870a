// esbuild plugins shared by the Node and browser bundles.

/**
 * @mswjs/data's factory loads its REST and GraphQL handler generators (and with them msw and
 * graphql) at start-up, for `toHandlers()`, which token-sandbox never calls. Bundles replace
 * those two modules with stubs that say so: a third of the bundle and most of its start-up time.
 */
export const stubMswDataHandlerGenerators = {
  name: 'stub-mswjs-data-handler-generators',
  setup(build) {
    build.onResolve({ filter: /\/model\/generate(Rest|GraphQL)Handlers$/ }, (args) =>
      args.importer.includes('@mswjs/data') ? { path: args.path, namespace: 'mswjs-data-stub' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'mswjs-data-stub' }, (args) => ({
      contents: `const no = () => { throw new Error('toHandlers() is not part of the token-sandbox bundle (${args.path})') }
module.exports = new Proxy({}, { get: (_t, key) => (key === '__esModule' ? true : no) })`,
      loader: 'js',
    }))
  },
}

/**
 * @mswjs/data requires the whole of date-fns for `compareAsc` and the whole of lodash for
 * `isFunction`; CommonJS cannot be tree-shaken, so point those two requires at the single
 * functions it uses.
 */
export const narrowMswDataImports = {
  name: 'narrow-mswjs-data-imports',
  setup(build) {
    build.onResolve({ filter: /^(date-fns|lodash)$/ }, (args) =>
      args.importer.includes('@mswjs/data') ? { path: args.path, namespace: 'mswjs-data-narrow' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'mswjs-data-narrow' }, (args) => ({
      contents:
        args.path === 'date-fns'
          ? "const f = require('date-fns/compareAsc'); module.exports = { compareAsc: f.default || f }"
          : "module.exports = { isFunction: require('lodash/isFunction') }",
      loader: 'js',
      resolveDir: process.cwd(),
    }))
  },
}

/**
 * @mswjs/data logs through `debug`, whose Node build inspects the terminal at load (tty, os,
 * supports-color, a stderr stream): ~1.5 ms of the CLI's start-up for logs nobody asked for.
 * The CLI bundle loads it only when DEBUG is set, as `debug` itself would only then print;
 * otherwise every logger is a no-op that says it is disabled.
 */
export const debugOnlyWhenAsked = {
  name: 'debug-only-when-asked',
  setup(build) {
    build.onResolve({ filter: /^debug$/ }, (args) =>
      args.importer.includes('@mswjs/data') ? { path: 'debug', namespace: 'debug-when-asked' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'debug-when-asked' }, () => ({
      contents: `const off = (namespace) => Object.assign(() => {}, { namespace, enabled: false, extend: (sub) => off(namespace + ':' + sub) })
const quiet = Object.assign(off, { debug: off, default: off, enabled: () => false, enable() {}, disable: () => '' })
module.exports = process.env.DEBUG ? require('debug') : quiet`,
      loader: 'js',
      resolveDir: process.cwd(),
    }))
  },
}
