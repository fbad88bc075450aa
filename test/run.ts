/**
 * `npm test`: every tier in order (unit, integration, browser, process), then one summary line.
 * Integration tiers get a migrated template database; each test file clones it (test/support/database.ts).
 * With CI=true a tier that cannot run (no Chromium, no database) is a failure, never a skip.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { prepareTestDatabaseServer } from './support/database-server.ts'

const root = path.resolve(import.meta.dirname, '..')
const isCI = process.env.CI === 'true' || process.env.CI === '1'
const only = process.argv[2]
/** `npm run test:integration -- directory` runs only the files whose path contains "directory". */
const fileFilter = process.argv[3]
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function findTests(dir: string, match: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return findTests(full, match)
    return match(full) ? [path.relative(root, full)] : []
  })
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f)
const tiers = {
  unit: () => findTests(path.join(root, 'src'), (f) => isTest(f) && !/\.int\.test\.tsx?$/.test(f)),
  integration: () => [
    ...findTests(path.join(root, 'src'), (f) => /\.int\.test\.tsx?$/.test(f)),
    ...findTests(path.join(root, 'test/integration'), isTest),
  ],
  browser: () => findTests(path.join(root, 'test/e2e'), isTest),
  process: () => findTests(path.join(root, 'test/process'), isTest),
}
type Tier = keyof typeof tiers

const totals = { passed: 0, failed: 0, skipped: 0 }

function runNodeTests(tier: Tier, allFiles: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const files = fileFilter ? allFiles.filter((f) => f.includes(fileFilter)) : allFiles
  console.log(`\n=== ${tier} tests (${files.length} files) ===`)
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${tier === 'unit' ? 2 : 2}`, ...files],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.on('close', (code) => {
      const count = (label: string) => Number(output.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0)
      totals.passed += count('pass')
      totals.failed += count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0)
      totals.skipped += count('skipped')
      resolve()
    })
  })
}

function skipOrFail(tier: Tier, reason: string) {
  if (isCI) {
    console.error(`\n=== ${tier} tests cannot run: ${reason}. In CI no tier may be skipped. ===`)
    totals.failed++
  } else {
    console.warn(`\n=== ${tier} tests SKIPPED: ${reason} ===`)
    totals.skipped++
  }
}

const wanted = (tier: Tier) => !only || only === tier

if (wanted('unit')) await runNodeTests('unit', tiers.unit(), {})

const needsDatabase = (['integration', 'browser', 'process'] as Tier[]).some(wanted)
let server: Awaited<ReturnType<typeof prepareTestDatabaseServer>> | undefined
if (needsDatabase) {
  try {
    server = await prepareTestDatabaseServer(root)
    console.log(`\nTest database: ${server.description}`)
  } catch (error) {
    skipOrFail('integration', `no database (${(error as Error).message})`)
  }
}

if (server) {
  const env = { TEST_DATABASE_URL: server.adminUrl, TEST_TEMPLATE_DATABASE: server.template, CHROMIUM_PATH: CHROMIUM }
  if (wanted('integration')) await runNodeTests('integration', tiers.integration(), env)
  if (wanted('browser')) {
    if (existsSync(CHROMIUM)) await runNodeTests('browser', tiers.browser(), env)
    else skipOrFail('browser', `Chromium not found at ${CHROMIUM} (apt-get install chromium)`)
  }
  if (wanted('process')) await runNodeTests('process', tiers.process(), env)
  await server.release()
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed > 0 ? 1 : 0)
