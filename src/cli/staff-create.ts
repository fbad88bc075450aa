import { parseArgs } from 'node:util'
import { boot, flushAndExit } from '../boot.ts'
import { emailField } from '../features/accounts/forms.ts'
import { createAdministrator } from '../features/accounts/staff.ts'

/** `npm run staff:create -- --email a@b.org --name "A Person"`: an administrator and a one-time set-password link. */
let args: { email?: string; name?: string }
try {
  args = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } }).values
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: npm run staff:create -- --email person@example.org --name "Full Name"\n`)
  process.exit(1)
}
const email = emailField().safeParse(args.email ?? '')
const name = (args.name ?? '').trim()
if (!email.success || name === '' || name.length > 100) {
  process.stderr.write(
    `${!email.success ? `--email: ${email.error.issues[0]?.message}` : '--name: give the person\'s full name (up to 100 characters)'}\nUsage: npm run staff:create -- --email person@example.org --name "Full Name"\n`,
  )
  process.exit(1)
}

const { config, log, db, close } = await boot({ migrate: true })
const token = await createAdministrator(db, { email: email.data, name })
await close()
// The link is the one secret this command exists to hand over, so it goes to the terminal, not the log.
process.stdout.write(
  `\nAdministrator ${email.data} is ready. Send them this one-time link to choose a password (it works for 7 days):\n\n  ${config.publicBaseUrl}/set-password?token=${token}\n\nThey will set up two-factor authentication at first sign-in.\n`,
)
await flushAndExit(log, 0)
