// `tsc -p` in-process, through the compiler API: a child `tsc` costs seconds of CPU before it
// reads a file (loading the compiler, then parsing lib.*.d.ts and @types/node). A Compiler here
// parses each file once for all the programs a test file builds, reuses the previous program's
// structure, and can put other text in place of files on disk (regenerated contract types, say)
// instead of checking a copy of the repository. Its diagnostics and exit status are tsc's.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'

export type TscResult = { code: number; output: string }

export class Compiler {
  /** Parsed files, by path and the settings that shape the parse. */
  private readonly files = new Map<string, ts.SourceFile>()
  private previous: ts.Program | undefined

  /**
   * What `tsc -p <configFile> --pretty false` prints and its exit status, with `overlay`'s text
   * (by absolute path) read instead of those files. The config file need not exist if `config` is
   * given: its JSON, as if it were there. With `semanticOf`, the semantic check covers only the
   * files it accepts (tsc's other diagnostics, and its order, unchanged).
   */
  check(configFile: string, config?: object, overlay: ReadonlyMap<string, string> = new Map(), semanticOf?: (fileName: string) => boolean): TscResult {
    const sys: ts.System = { ...ts.sys, readFile: (f, enc) => overlay.get(f) ?? ts.sys.readFile(f, enc) }
    const parsed = config
      ? ts.parseJsonConfigFileContent(config, sys, join(configFile, '..'), undefined, configFile)
      : ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
          ...sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
          },
        })!
    // tsc would write files otherwise; this only checks.
    if (!parsed.options.noEmit) throw new Error(`${configFile}: the in-process tsc needs noEmit`)
    const host = ts.createCompilerHost(parsed.options)
    host.readFile = sys.readFile
    host.fileExists = (f) => overlay.has(f) || ts.sys.fileExists(f)
    host.getSourceFile = (fileName, settings, onError) => {
      const text = overlay.get(fileName)
      if (text !== undefined) return ts.createSourceFile(fileName, text, settings)
      // The target and the module format decide the parse (as in the language service's
      // document registry): the same file under others is another entry.
      const { languageVersion, impliedNodeFormat, jsDocParsingMode } = typeof settings === 'object' ? settings : { languageVersion: settings }
      const key = `${fileName}\0${languageVersion}\0${impliedNodeFormat}\0${jsDocParsingMode}`
      let file = this.files.get(key)
      if (!file) {
        const source = ts.sys.readFile(fileName)
        if (source === undefined) {
          onError?.(`Cannot read file '${fileName}'.`)
          return undefined
        }
        file = ts.createSourceFile(fileName, source, settings)
        this.files.set(key, file)
      }
      return file
    }
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      projectReferences: parsed.projectReferences,
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
      host,
      oldProgram: this.previous,
    })
    this.previous = program
    // tsc's order (emitFilesAndReportErrors): the semantic check only when nothing came before.
    const diagnostics = [...program.getConfigFileParsingDiagnostics()]
    const before = diagnostics.length
    diagnostics.push(...program.getSyntacticDiagnostics())
    if (diagnostics.length === before) {
      diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics())
      if (diagnostics.length === before) {
        if (!semanticOf) diagnostics.push(...program.getSemanticDiagnostics())
        else for (const file of program.getSourceFiles()) if (semanticOf(file.fileName)) diagnostics.push(...program.getSemanticDiagnostics(file))
      }
      if (diagnostics.length === before && (parsed.options.declaration || parsed.options.composite)) diagnostics.push(...program.getDeclarationDiagnostics())
    }
    const sorted = ts.sortAndDeduplicateDiagnostics(diagnostics)
    const output = ts.formatDiagnostics(sorted, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => join(configFile, '..'),
      getNewLine: () => '\n',
    })
    // With noEmit, tsc exits with DiagnosticsPresent_OutputsSkipped on any diagnostic it printed.
    return { code: sorted.length > 0 ? ts.ExitStatus.DiagnosticsPresent_OutputsSkipped : ts.ExitStatus.Success, output }
  }
}

/**
 * The types `npm run generate` makes from the contracts with one of them edited, by the path they
 * are written to (src/generated/<name>.ts), made as generateAll makes them: from a folder holding
 * the contracts. A contract's types are made once per text.
 */
export class ContractTypes {
  private readonly made = new Map<string, Promise<string>>()
  private work: Promise<string> | undefined
  private folders = 0

  async regenerate(contract: string, edit: (yaml: string) => string): Promise<Map<string, string>> {
    // Loaded when first needed: openapi-typescript is not for the files that only check.
    const { CONTRACTS_DIR, GENERATED_DIR, contractNames, generateOne } = await import('../../src/contract/tools/generate.ts')
    this.work ??= mkdtemp(join(tmpdir(), 'token-sandbox-contract-types-'))
    const dir = join(await this.work, String(this.folders++))
    await mkdir(dir)
    const names = await contractNames(CONTRACTS_DIR)
    const types = await Promise.all(
      names.map(async (name) => {
        const original = await readFile(join(CONTRACTS_DIR, `${name}.yaml`), 'utf8')
        const yaml = name === contract ? edit(original) : original
        const key = `${name}\0${yaml}`
        let made = this.made.get(key)
        if (!made) {
          const path = join(dir, `${name}.yaml`)
          made = writeFile(path, yaml).then(() => generateOne(path, name))
          this.made.set(key, made)
        }
        return [join(GENERATED_DIR, `${name}.ts`), await made] as const
      }),
    )
    return new Map(types)
  }

  async dispose(): Promise<void> {
    if (this.work) await rm(await this.work, { recursive: true, force: true })
  }
}
