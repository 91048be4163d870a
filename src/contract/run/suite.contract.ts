// The fixed entry file `token-sandbox contract <vendor>` runs with vitest: it reads which suite
// and where from environment variables (see ./params.ts) and registers that suite.
import { findSuite } from '../suites.ts'
import { targetFromEnv } from './params.ts'

const { suite: name, target } = targetFromEnv(process.env)
const suite = findSuite(name)
if (!suite) throw new Error(`no contract suite '${name}'`)
suite.define(suite.fromEnv(target, process.env))
