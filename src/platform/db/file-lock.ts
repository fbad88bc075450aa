import fs from 'node:fs/promises'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The start time of a process in clock ticks since boot (Linux), which tells a live process from a
 * new one that reused a dead one's pid. Undefined when the process does not exist.
 */
export async function processStartTime(pid: number): Promise<string | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19]
  } catch {
    try {
      process.kill(pid, 0)
      return 'alive'
    } catch {
      return undefined
    }
  }
}

/** Runs `task` while holding an exclusive lock file; a lock left by a dead process is taken over. */
export async function withFileLock<T>(lockFile: string, task: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const me = `${process.pid} ${await processStartTime(process.pid)}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await fs.writeFile(lockFile, me, { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const content = await fs.readFile(lockFile, 'utf8').catch(() => '')
      const [pid, started] = content.split(' ')
      // An empty file is a lock being written this instant: its holder is alive.
      const holderAlive = content === '' || (await processStartTime(Number(pid))) === started
      if (!holderAlive) {
        await fs.rm(lockFile, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockFile} held by process ${pid}`)
      await sleep(100)
    }
  }
  try {
    return await task()
  } finally {
    await fs.rm(lockFile, { force: true })
  }
}
