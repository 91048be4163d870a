// The fixed entry file `token-sandbox contract <vendor>` runs with vitest: it reads which suite
// and where from environment variables (see ./params.ts) and registers that suite.
import { findSuite } from '../suites.ts'
import { ENV, targetFromEnv } from './params.ts'
import { fidelity } from '../fidelity/session.ts'

const { suite: name, target } = targetFromEnv(process.env)
const suite = findSuite(name)
if (!suite) throw new Error(`no contract suite '${name}'`)
// --record/--compare: the run's fidelity record, written where the CLI reads it.
const record = process.env[ENV.record]
if (record) fidelity({ vendor: suite.name, record, environment: process.env[ENV.recordEnvironment] ?? 'unspecified' })
suite.define(suite.fromEnv(target, process.env))
